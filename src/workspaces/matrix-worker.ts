// A worker thread's share of a matrix (matrix-parallel.ts): the rows of the clients from `from` on. It sends each
// distinct trace once and the cells as indexes (client, WorkSpace, trace), so the main thread rebuilds the entries
// with the sharing between WorkSpaces intact.
import { parentPort, workerData } from 'node:worker_threads';
import type { Model } from '../model/types.js';
import { cellSelection, type MatrixFilter } from './expectations.js';
import { predictMatrixEntries } from './matrix.js';
import type { Trace } from './types.js';

export interface MatrixShareRequest {
  model: Model;
  filter: MatrixFilter;
  /** The first client (index in model.clients) of this share; the share runs to the last. */
  from: number;
}

export interface MatrixShare {
  traces: Trace[];
  /** Triples: client index, WorkSpace index, trace index (into `traces`). */
  cells: Int32Array;
}

export function predictShare({ model, filter, from }: MatrixShareRequest): MatrixShare {
  const { select } = cellSelection(model, filter);
  const entries = predictMatrixEntries(model, select, undefined, model.clients.slice(from));
  const clientIndex = new Map(model.clients.map((c, i) => [c.id, i]));
  const workspaceIndex = new Map(model.workspaces.map((w, i) => [w.id, i]));
  const traceIndex = new Map<Trace, number>();
  const traces: Trace[] = [];
  const cells = new Int32Array(entries.length * 3);
  entries.forEach((e, i) => {
    let t = traceIndex.get(e.trace);
    if (t === undefined) {
      t = traces.length;
      traces.push(e.trace);
      traceIndex.set(e.trace, t);
    }
    cells[i * 3] = clientIndex.get(e.client) ?? -1;
    cells[i * 3 + 1] = workspaceIndex.get(e.workspace) ?? -1;
    cells[i * 3 + 2] = t;
  });
  return { traces, cells };
}

if (parentPort && workerData !== undefined && (workerData as { wsplMatrixShare?: unknown }).wsplMatrixShare) {
  const port = parentPort;
  try {
    const share = predictShare((workerData as { wsplMatrixShare: MatrixShareRequest }).wsplMatrixShare);
    port.postMessage({ share }, [share.cells.buffer as ArrayBuffer]);
  } catch (e) {
    port.postMessage({ error: e instanceof Error ? e.message : String(e) });
  }
}
