// The matrix on two cores: a worker thread predicts the second half of the clients while this thread predicts the
// first, then sends its traces back (structured clone). Prediction is most of a large matrix's time; the model goes
// over in a fraction of it. The entries are exactly those of predictMatrixEntries: the same cells in the same
// order, WorkSpaces of one directory and protocol sharing one trace object (a test holds the two equal).
// Small matrices, one core, or a build without the worker's script (running from TypeScript sources) stay on one
// thread; so does a worker that fails (its half is then predicted here).
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Model } from '../model/types.js';
import { cellSelection, type MatrixFilter } from './expectations.js';
import { predictMatrixEntries, type MatrixEntry } from './matrix.js';
import type { MatrixShare, MatrixShareRequest } from './matrix-worker.js';

/** Below this many cells a worker's start (about a tenth of a second) costs more than it saves. */
export const MIN_PARALLEL_CELLS = 20_000;

function minCells(): number {
  const set = process.env.WSPL_MATRIX_PARALLEL_MIN_CELLS;
  return set !== undefined && set !== '' && Number.isFinite(Number(set)) ? Number(set) : MIN_PARALLEL_CELLS;
}

function workerScript(): URL | undefined {
  const js = new URL('./matrix-worker.js', import.meta.url);
  return js.protocol === 'file:' && existsSync(fileURLToPath(js)) ? js : undefined;
}

function runShare(script: URL, request: MatrixShareRequest): Promise<MatrixShare> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(script, { workerData: { wsplMatrixShare: request } });
    worker.once('message', (m: { share?: MatrixShare; error?: string }) => {
      void worker.terminate();
      if (m.share) resolve(m.share);
      else reject(new Error(m.error ?? 'the worker sent no result'));
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the worker stopped (exit ${code})`)));
  });
}

/** The entries a worker's share stands for, sharing its traces as the worker's entries did. */
export function entriesOf(model: Model, share: MatrixShare): MatrixEntry[] {
  const out: MatrixEntry[] = [];
  const { cells, traces } = share;
  for (let i = 0; i < cells.length; i += 3) {
    const client = model.clients[cells[i] as number];
    const workspace = model.workspaces[cells[i + 1] as number];
    const trace = traces[cells[i + 2] as number];
    if (!client || !workspace || !trace) throw new Error('the worker sent a cell outside the model');
    out.push({ client: client.id, workspace: workspace.id, trace });
  }
  return out;
}

/**
 * Every cell the filter and the model's intents select (as `cellSelection`), predicted on two threads when that
 * pays. `onProgress` counts this thread's clients against all of them, then all once the worker's half is in.
 */
export async function predictSelectedEntries(
  model: Model,
  filter: MatrixFilter = { clients: [], workspaces: [] },
  onProgress?: (done: number, total: number) => void,
  /** Told how the clients were shared out when a worker thread took a share (for WSPL_DEBUG and tests). */
  onShared?: (here: number, worker: number) => void,
): Promise<MatrixEntry[]> {
  const { select } = cellSelection(model, filter);
  const total = model.clients.length;
  const script = workerScript();
  const split = Math.ceil(total / 2);
  if (!script || availableParallelism() < 2 || total < 2 || total * model.workspaces.length < minCells())
    return predictMatrixEntries(model, select, onProgress);
  onShared?.(split, total - split);
  const theirs = runShare(script, { model, filter, from: split });
  // Handled when awaited below; until then a failure must not count as unhandled.
  theirs.catch(() => undefined);
  const mine = predictMatrixEntries(model, select, (done) => onProgress?.(done, total), model.clients.slice(0, split));
  let rest: MatrixEntry[];
  try {
    rest = entriesOf(model, await theirs);
  } catch {
    rest = predictMatrixEntries(model, select, undefined, model.clients.slice(split));
  }
  onProgress?.(total, total);
  return mine.concat(rest);
}
