// Reality against prediction: each logged session beside `wspl trace` for the same client, saying where they agree
// and, where they differ, what the topology must be missing.
import { terminalSafe } from '../input/terminal.js';
import type { OfferedEndpoint, Trace } from '../workspaces/types.js';
import type { LogSession } from './types.js';

export interface Comparison {
  session: string | null;
  workspace: string;
  predicted: { outcome: string; path: string | null; chosen: string | null; reachable: string[] };
  observed: { outcome: string; path: string | null; chosen: string | null; reachable: string[] };
  agree: string[];
  differ: { what: string; explanation: string }[];
}

function label(e: OfferedEndpoint | null | undefined): string | null {
  return e ? `${e.transport} ${e.port}` : null;
}

function sameSet(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

/** Explains a difference in reachability: which transports reality blocks that the topology lets through. */
function reachabilityDifference(predicted: string[], observed: string[]): string {
  const lost = predicted.filter((p) => !observed.includes(p));
  const gained = observed.filter((o) => !predicted.includes(o));
  const parts: string[] = [];
  const lostUdp = lost.filter((l) => l.startsWith('QUIC') || l.startsWith('UDP'));
  const lostTcp = lost.filter((l) => l.startsWith('TCP'));
  if (lostUdp.length > 0 && observed.some((o) => o.startsWith('TCP'))) {
    parts.push(
      `${lostUdp.join(', ')} predicted reachable but not observed while TCP passes: UDP is filtered somewhere the topology does not show (a host or site firewall, a proxy, a VPN that carries no UDP)`,
    );
  } else if (lostUdp.length > 0) {
    parts.push(`${lostUdp.join(', ')} predicted reachable but not observed`);
  }
  if (lostTcp.length > 0)
    parts.push(
      `${lostTcp.join(', ')} predicted reachable but not observed: something outside the topology drops these ports`,
    );
  if (gained.length > 0)
    parts.push(
      `${gained.join(', ')} observed reachable but predicted blocked: the topology is stricter than reality (a rule or route is missing from the input)`,
    );
  return parts.join('; ');
}

export function compareSession(session: LogSession, trace: Trace): Comparison {
  const predictedReachable = [
    ...new Set(
      trace.probes
        .filter((p) => p.reachable === true)
        .map(label)
        .filter((x): x is string => x !== null),
    ),
  ];
  const observedReachable = [...new Set(session.reachable.map(label).filter((x): x is string => x !== null))];
  const predicted = {
    outcome: trace.outcome,
    path: trace.path,
    chosen: label(trace.endpoint),
    reachable: predictedReachable,
  };
  const observed = {
    outcome: session.outcome,
    path: session.path,
    chosen: label(session.chosen),
    reachable: observedReachable,
  };
  const agree: string[] = [];
  const differ: Comparison['differ'] = [];
  if (session.outcome === 'INCOMPLETE') {
    differ.push({
      what: 'outcome',
      explanation: 'the log ends before the session has a result; nothing more can be compared',
    });
    return { session: session.id, workspace: trace.workspace, predicted, observed, agree, differ };
  }
  if (predicted.outcome === observed.outcome) agree.push(`outcome ${observed.outcome}`);
  else {
    const why =
      predicted.outcome === 'CONNECTED'
        ? 'reality is stricter than the topology: the device may not be where the topology puts it (VPN down, another network), or a filter outside the input blocks it'
        : observed.outcome === 'CONNECTED'
          ? 'reality passes where the topology predicts a block: the input is missing a route, a rule or a DNS forwarder that exists'
          : 'both fail, at different steps: compare the blockers of the prediction with the log lines';
    differ.push({
      what: 'outcome',
      explanation: `predicted ${predicted.outcome}, observed ${observed.outcome}: ${why}`,
    });
  }
  if (observed.path !== null) {
    if (predicted.path === observed.path) agree.push(`path ${observed.path}`);
    else
      differ.push({
        what: 'path',
        explanation: `predicted ${predicted.path ?? 'none'}, observed ${observed.path}: the directory's endpoint setting in the input differs from the live one`,
      });
  }
  if (session.reachable.length > 0 || session.outcome === 'NO_REACHABLE_ENDPOINT') {
    if (sameSet(predictedReachable, observedReachable))
      agree.push(`reachable ${observedReachable.join(', ') || 'none'}`);
    else differ.push({ what: 'reachable', explanation: reachabilityDifference(predictedReachable, observedReachable) });
  }
  if (observed.chosen !== null) {
    if (predicted.chosen === observed.chosen) agree.push(`chosen ${observed.chosen}`);
    else
      differ.push({
        what: 'chosen',
        explanation: `predicted ${predicted.chosen ?? 'none'}, observed ${observed.chosen}`,
      });
  }
  return { session: session.id, workspace: trace.workspace, predicted, observed, agree, differ };
}

export function renderComparisons(list: readonly Comparison[]): string {
  const out: string[] = [];
  for (const c of list) {
    out.push(`Session ${c.session ?? '(no id)'} against the prediction for ${c.workspace}:`);
    for (const a of c.agree) out.push(`  = ${a}`);
    for (const d of c.differ) out.push(`  ≠ ${d.what}: ${d.explanation}`);
  }
  // Session ids and names come from the log and the topology: shown escaped, never acting on the terminal.
  return out.map(terminalSafe).join('\n') + (out.length > 0 ? '\n' : '');
}
