import { terminalSafe } from '../input/terminal.js';
import type { WhatifResult } from '../workspaces/lifecycle.js';
import { blockerText } from './reason-text.js';
import { verdict } from './trace-text.js';
import { fateText } from './trace-words.js';
import { DEFAULT_WIDTH, wrapLine } from './wrap.js';

/** `quiet`: only the changes after which the running session drops or a new session's outcome changes. */
export function renderWhatifText(r: WhatifResult, width = DEFAULT_WIDTH, opts: { quiet?: boolean } = {}): string {
  if (opts.quiet === true) return quietWhatif(r, width);
  const out = [`${r.initial.client} → ${r.initial.workspace} now: ${verdict(r.initial)}`];
  if (r.initial.outcome !== 'CONNECTED') {
    out.push('No session runs before the changes. Why a new one does not connect now:');
    for (const b of r.initial.blockers) out.push(`  ✗ ${b.resource}: ${blockerText(b)}`);
    for (const m of r.initial.missing) out.push(`  ? missing: ${m}`);
  }
  r.changes.forEach((c, i) => {
    out.push('', `${i + 1}. ${c.change}`);
    out.push(`   running session: ${c.existing} — ${fateText(c.reason)}`);
    out.push(`   new session:     ${verdict(c.new)}`);
    for (const b of c.new.blockers) out.push(`     ✗ ${b.resource}: ${blockerText(b)}`);
    for (const m of c.new.missing) out.push(`     ? missing: ${m}`);
  });
  // Each entry is one line; names and the change come from the input, so none may act on the terminal.
  return out.map((line) => wrapLine(terminalSafe(line), width)).join('\n') + '\n';
}

function quietWhatif(r: WhatifResult, width: number): string {
  const out: string[] = [];
  let before = verdict(r.initial);
  r.changes.forEach((c, i) => {
    const now = verdict(c.new);
    if (c.existing === 'disconnected' || now !== before) {
      out.push(`${i + 1}. ${c.change}: new session ${before} ⇒ ${now}`);
      if (c.existing === 'disconnected') out.push(`   running session: disconnected — ${fateText(c.reason)}`);
      for (const b of c.new.blockers) out.push(`   ✗ ${b.resource}: ${blockerText(b)}`);
    }
    before = now;
  });
  return out.length === 0 ? '' : out.map((line) => wrapLine(terminalSafe(line), width)).join('\n') + '\n';
}
