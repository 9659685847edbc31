// The bridge to the connection engine (src/workspaces). Rules about reachability never route packets themselves;
// they read the engine's traces: every client × WorkSpace, computed once per check and shared by those rules.
import type { Model } from '../model/types.js';
import { predictMatrix } from '../workspaces/matrix.js';
import type { Trace } from '../workspaces/types.js';

/** Returns every client × WorkSpace trace, or undefined when no engine is available. */
export type TraceAll = (model: Readonly<Model>) => Trace[] | undefined;

export const traceAllWithEngine: TraceAll = (model) => predictMatrix(model);
