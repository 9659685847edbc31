import type { WhatifStep } from '../workspaces/lifecycle.js';
import type { Trace } from '../workspaces/types.js';
import { verdict } from './trace-text.js';

export function renderWhatifText(r: { initial: Trace; changes: WhatifStep[] }): string {
  const out = [`${r.initial.client} → ${r.initial.workspace} now: ${verdict(r.initial)}`];
  if (r.initial.outcome !== 'CONNECTED') {
    out.push('No session runs before the changes, so there is nothing to keep alive. Why it does not connect:');
    for (const b of r.initial.blockers) out.push(`  ✗ ${b.resource}: ${b.detail}`);
    for (const m of r.initial.missing) out.push(`  ? missing: ${m}`);
    return out.join('\n') + '\n';
  }
  r.changes.forEach((c, i) => {
    out.push('', `${i + 1}. ${c.change}`);
    out.push(`   running session: ${c.existing} — ${c.existingReason}`);
    out.push(`   new session:     ${verdict(c.new)}`);
    for (const b of c.new.blockers) out.push(`     ✗ ${b.resource}: ${b.detail}`);
  });
  return out.join('\n') + '\n';
}
