// The client × WorkSpace matrix in a form the page can hold at half a million cells: one small number per cell,
// pointing into the list of distinct cell kinds (outcome, path, transport, port and cause).
import type { Model } from '../model/types.js';
import type { MatrixEntry } from '../workspaces/matrix.js';
import { blockerText } from '../report/reason-text.js';
import { stepDetail } from '../report/trace-words.js';
import type { Trace } from '../workspaces/types.js';
import type { CellKind, MatrixView } from './types.js';

const CAUSE_LENGTH = 180;

function shorten(text: string, max = CAUSE_LENGTH): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** One line on why the cell is what it is: the first blocker, what is missing, or the way it connects. */
export function causeOf(trace: Trace): string {
  const blocker = trace.blockers[0];
  if (blocker) {
    const more = trace.blockers.length > 1 ? ` (+${trace.blockers.length - 1} more)` : '';
    return shorten(`${blocker.resource}: ${blockerText(blocker)}`, CAUSE_LENGTH - more.length) + more;
  }
  const missing = trace.missing[0];
  if (trace.outcome === 'UNKNOWN' && missing !== undefined) return shorten(`missing: ${missing}`);
  if (trace.outcome === 'CONNECTED' && trace.endpoint) {
    const e = trace.endpoint;
    return shorten(
      `${trace.path ?? ''} ${e.transport} ${e.port}${e.address !== null ? ` to ${e.address}` : ''}`.trim(),
    );
  }
  const failed = trace.steps.find((s) => s.status === 'fail' || s.status === 'unknown');
  return shorten(failed ? `${failed.step}: ${stepDetail(failed, trace.probes)}` : trace.outcome);
}

function kindOf(trace: Trace): CellKind {
  const k: CellKind = { outcome: trace.outcome, path: trace.path, cause: causeOf(trace) };
  if (trace.endpoint) {
    k.transport = trace.endpoint.transport;
    k.port = trace.endpoint.port;
  }
  return k;
}

function where(at: Model['clients'][number]['at']): string {
  if (at.kind === 'internet') return 'internet';
  if (at.kind === 'onprem') return at.network;
  return at.instance ?? at.subnet;
}

/** Entries come client by client (predictMatrixEntries), so cell c × w sits at c * workspaces + w. */
export function matrixView(model: Model, entries: readonly MatrixEntry[]): MatrixView {
  const kinds: CellKind[] = [];
  const kindIndex = new Map<string, number>();
  const byTrace = new Map<Trace, number>();
  const cells = new Array<number>(entries.length);
  for (let i = 0; i < entries.length; i++) {
    const trace = (entries[i] as MatrixEntry).trace;
    let k = byTrace.get(trace);
    if (k === undefined) {
      const kind = kindOf(trace);
      const key = JSON.stringify(kind);
      k = kindIndex.get(key);
      if (k === undefined) {
        k = kinds.length;
        kinds.push(kind);
        kindIndex.set(key, k);
      }
      byTrace.set(trace, k);
    }
    cells[i] = k;
  }
  return {
    clients: model.clients.map((c) => ({ id: c.id, at: where(c.at) })),
    workspaces: model.workspaces.map((w) => ({
      id: w.id,
      directory: w.directory,
      ...(w.protocol !== undefined ? { protocol: w.protocol } : {}),
    })),
    kinds,
    cells,
  };
}
