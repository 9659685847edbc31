// Every client × WorkSpace. A trace depends on the client, the directory, the protocol and the WorkSpace's Global
// Accelerator mode, not on the WorkSpace itself: WorkSpaces that share those share one computed trace.
import type { Model, Workspace } from '../model/types.js';
import { traceConnection } from './trace.js';
import type { Trace } from './types.js';
import { buildWorld } from './world.js';

/** One cell of the matrix. `trace` may be shared with other WorkSpaces: its own `workspace` field names the first. */
export interface MatrixEntry {
  client: string;
  workspace: string;
  trace: Trace;
}

/** Which cells to compute (`wspl matrix --client/--workspace`, the cells an intent names); default all. */
export type CellSelector = (client: string, workspace: string) => boolean;

/** What decides a trace besides the client: WorkSpaces with the same key share one trace. */
export function traceKey(w: Workspace): string {
  return `${w.directory}|${w.protocol}|${w.globalAccelerator ?? ''}`;
}

/**
 * The cells without copying traces: a 100 × 5,000 estate is half a million cells over a few thousand traces.
 * `onProgress` is called after each client (clients done, clients) (the CLI shows progress on a terminal for a long run).
 */
export function predictMatrixEntries(
  model: Model,
  select?: CellSelector,
  onProgress?: (done: number, total: number) => void,
): MatrixEntry[] {
  const world = buildWorld(model);
  // Half a million cells: sized once when every cell is wanted, not grown push by push.
  const out: MatrixEntry[] = select ? [] : new Array<MatrixEntry>(model.clients.length * model.workspaces.length);
  let n = 0;
  let done = 0;
  // Each WorkSpace's key once, not once per client: a cell costs a lookup, not a new string.
  const keys = model.workspaces.map(traceKey);
  for (const c of model.clients) {
    const byKey = new Map<string, Trace>();
    for (let i = 0; i < model.workspaces.length; i++) {
      const w = model.workspaces[i] as Workspace;
      if (select && !select(c.id, w.id)) continue;
      const key = keys[i] as string;
      let t = byKey.get(key);
      if (!t) {
        t = traceConnection(model, c.id, w.id, world);
        byKey.set(key, t);
      }
      out[n++] = { client: c.id, workspace: w.id, trace: t };
    }
    onProgress?.(++done, model.clients.length);
  }
  return out;
}

/** Full traces, one per cell, each naming its own WorkSpace (arrays stay shared between WorkSpaces of one key). */
export function predictMatrix(model: Model): Trace[] {
  return tracesOf(predictMatrixEntries(model));
}

/** The cells as full traces, for callers that already hold the entries (the dashboard runs `check` on them). */
export function tracesOf(entries: readonly MatrixEntry[]): Trace[] {
  return entries.map(({ workspace, trace }) => {
    if (trace.workspace === workspace) return trace;
    // A warning about the WorkSpace itself (its Global Accelerator mode) names this WorkSpace, not the first one.
    const warnings = trace.warnings.map((x) => (x.resource === trace.workspace ? { ...x, resource: workspace } : x));
    return { ...trace, workspace, warnings };
  });
}
