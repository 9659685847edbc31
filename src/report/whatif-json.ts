// `wspl whatif --format json`: the contract's { initial, changes: [{ change, existing, existingReason, new }] }, with
// traces in their JSON form and the fate's typed reason beside its words.
import type { WhatifResult } from '../workspaces/lifecycle.js';
import { traceJson } from './trace-json.js';
import { fateText } from './trace-words.js';

export function whatifJson(r: WhatifResult) {
  return {
    initial: traceJson(r.initial),
    changes: r.changes.map((c) => ({
      change: c.change,
      existing: c.existing,
      existingReason: fateText(c.reason),
      fate: c.reason,
      new: traceJson(c.new),
    })),
  };
}

export function renderWhatifJson(r: WhatifResult): string {
  return JSON.stringify(whatifJson(r), null, 2) + '\n';
}
