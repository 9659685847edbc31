// `wspl trace --format json`: the contract's object, with the typed facts of every step, hop, blocker and warning
// and the words made from them (`detail`, and `action` for hops), so scripts read codes and people read sentences.
import type { Hop } from '../net/trace-types.js';
import type { Blocker, Trace, TraceWarning } from '../workspaces/types.js';
import type { FixFinder } from './fixes.js';
import { blockerText } from './reason-text.js';
import { hopAction, hopDetail, stepDetail, warningDetail } from './trace-words.js';

export function hopJson(h: Hop) {
  return { ...h, action: hopAction(h), detail: hopDetail(h) };
}

/** With `fixes`, each blocker a command can change carries `fix`: the command with this setup's ids (fixes.ts). */
export function blockerJson(b: Blocker, fixes?: FixFinder, workspace?: string) {
  const fix = fixes?.forBlocker(b, workspace);
  return { ...b, detail: blockerText(b), ...(fix ? { fix } : {}) };
}

export function warningJson(w: TraceWarning) {
  return { ...w, detail: warningDetail(w) };
}

export function traceJson(t: Trace, fixes?: FixFinder) {
  return {
    outcome: t.outcome,
    client: t.client,
    workspace: t.workspace,
    path: t.path,
    endpoint: t.endpoint,
    steps: t.steps.map((s) => ({
      step: s.step,
      status: s.status,
      detail: stepDetail(s, t.probes),
      evidence: s.evidence,
      ...(s.inferred ? { inferred: true } : {}),
      note: s.note,
      ...(s.hops ? { hops: s.hops.map(hopJson) } : {}),
    })),
    blockers: t.blockers.map((b) => blockerJson(b, fixes, t.workspace)),
    warnings: t.warnings.map(warningJson),
    missing: t.missing,
    offered: t.offered,
    probes: t.probes.map((p) => ({
      ...p,
      hops: p.hops.map(hopJson),
      blockers: p.blockers.map((b) => blockerJson(b, fixes, t.workspace)),
    })),
  };
}

export type TraceJson = ReturnType<typeof traceJson>;

export function renderTraceJson(t: Trace, fixes?: FixFinder): string {
  return JSON.stringify(traceJson(t, fixes), null, 2) + '\n';
}
