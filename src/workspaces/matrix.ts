// Every client × WorkSpace. Traces depend on the client, the directory and the protocol, not on the WorkSpace
// itself, so one World (indexes plus memoised flows) serves them all.
import type { Model } from '../model/types.js';
import { traceConnection } from './trace.js';
import type { Trace } from './types.js';
import { buildWorld } from './world.js';

export function predictMatrix(model: Model): Trace[] {
  const world = buildWorld(model);
  const out: Trace[] = [];
  for (const c of model.clients) {
    for (const w of model.workspaces) out.push(traceConnection(model, c.id, w.id, world));
  }
  return out;
}
