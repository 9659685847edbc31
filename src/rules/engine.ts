// The bridge to the connection engine (src/workspaces). Rules about reachability never route packets themselves;
// they read the engine's cells: every client × WorkSpace, computed once per check and shared by those rules.
import type { Model } from '../model/types.js';
import { predictMatrixEntries, type MatrixEntry } from '../workspaces/matrix.js';
import type { Trace } from '../workspaces/types.js';

/** Returns every client × WorkSpace trace, or undefined when no engine is available (tests replace the engine). */
export type TraceAll = (model: Readonly<Model>) => Trace[] | undefined;

/**
 * Every client × WorkSpace cell, WorkSpaces of one directory and protocol sharing one trace object (the first cell
 * of a shared trace is the WorkSpace it was computed for), or undefined when no engine is available.
 */
export type CellsAll = (model: Readonly<Model>) => readonly MatrixEntry[] | undefined;

export const cellsWithEngine: CellsAll = (model) => predictMatrixEntries(model);

/** Cells for traces given one per cell (a replaced engine): each cell its own trace. */
export function cellsOfTraces(traces: readonly Trace[]): MatrixEntry[] {
  return traces.map((t) => ({ client: t.client, workspace: t.workspace, trace: t }));
}
