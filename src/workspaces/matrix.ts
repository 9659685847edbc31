// Every client × WorkSpace. A trace depends on the client, the directory, the protocol and the WorkSpace's Global
// Accelerator mode, not on the WorkSpace itself: WorkSpaces that share those share one computed trace.
import type { Model } from '../model/types.js';
import { traceConnection } from './trace.js';
import type { Trace } from './types.js';
import { buildWorld } from './world.js';

export function predictMatrix(model: Model): Trace[] {
  const world = buildWorld(model);
  const out: Trace[] = [];
  for (const c of model.clients) {
    const byKey = new Map<string, Trace>();
    for (const w of model.workspaces) {
      const key = `${w.directory}|${w.protocol}|${w.globalAccelerator ?? ''}`;
      const known = byKey.get(key);
      if (known) {
        // A warning about the WorkSpace itself (its Global Accelerator mode) names this WorkSpace, not the first one.
        const warnings = known.warnings.map((x) => (x.resource === known.workspace ? { ...x, resource: w.id } : x));
        out.push({ ...known, workspace: w.id, warnings });
        continue;
      }
      const t = traceConnection(model, c.id, w.id, world);
      byKey.set(key, t);
      out.push(t);
    }
  }
  return out;
}
