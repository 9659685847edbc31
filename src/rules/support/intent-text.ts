// Intents and predictions in the words a person states them in ("office-* → dcv-*: CONNECTED via privatelink over
// QUIC"): the rule's findings and the matrix's report say them the same way.
import type { Expectation } from '../../model/types.js';
import type { Trace } from '../../workspaces/types.js';

export function intentText(e: Pick<Expectation, 'client' | 'workspace' | 'outcome' | 'path' | 'transport'>): string {
  const how = [e.path ? `via ${e.path}` : '', e.transport ? `over ${e.transport}` : ''].filter(Boolean).join(' ');
  return `${e.client} → ${e.workspace}: ${e.outcome.join(' or ')}${how ? ` ${how}` : ''}`;
}

export function predictedText(t: Trace): string {
  if (t.outcome !== 'CONNECTED') return t.outcome;
  return `CONNECTED via ${t.path ?? 'an unknown path'}${t.endpoint ? ` over ${t.endpoint.transport} ${t.endpoint.port}` : ''}`;
}

/** "a, b, c and 4 more": a finding stays one line however many WorkSpaces share it. */
export function namesText(list: readonly string[]): string {
  return list.length <= 3 ? list.join(', ') : `${list.slice(0, 3).join(', ')} and ${list.length - 3} more`;
}
