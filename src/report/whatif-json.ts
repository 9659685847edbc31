// `wspl whatif --format json`: the contract's { initial, changes: [{ change, existing, existingReason, new }] }, with
// traces in their JSON form and the fate's typed reason beside its words.
import type { WhatifResult } from '../workspaces/lifecycle.js';
import type { FixFinder } from './fixes.js';
import { traceJson } from './trace-json.js';
import { fateText } from './trace-words.js';

/**
 * With `fixes` (made from the setup as given), each blocker carries its fix as in `trace`. The changes are what-ifs,
 * not edits, so a blocker after them is fixed in the setup as it is: the ids and files are the input's.
 */
export function whatifJson(r: WhatifResult, fixes?: FixFinder) {
  return {
    initial: traceJson(r.initial, fixes),
    changes: r.changes.map((c) => ({
      change: c.change,
      existing: c.existing,
      existingReason: fateText(c.reason),
      fate: c.reason,
      new: traceJson(c.new, fixes),
    })),
  };
}

export function renderWhatifJson(r: WhatifResult, fixes?: FixFinder): string {
  return JSON.stringify(whatifJson(r, fixes), null, 2) + '\n';
}
