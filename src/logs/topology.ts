// `wspl logs --topology`: which prediction each logged session is held against. The WorkSpace follows from the
// session's protocol; when the setup has several of that protocol, --workspace must say which (checked up front).
import { InputError } from '../diagnostics.js';
import type { Model } from '../model/types.js';
import { traceConnection } from '../workspaces/trace.js';
import type { Trace } from '../workspaces/types.js';
import { buildWorld } from '../workspaces/world.js';
import type { LogSession } from './types.js';

export type SessionPredictor = (s: LogSession) => Trace | undefined;

/**
 * Loads the topology once and returns the prediction to hold each session against. The WorkSpace follows from the
 * session's protocol; when the setup has several of that protocol, --workspace must say which (checked up front).
 */
export function sessionPredictor(
  model: Model,
  source: string,
  client: string,
  workspace: string | undefined,
): SessionPredictor {
  if (!model.clients.some((c) => c.id === client)) {
    throw new InputError(
      `--client: no client named "${client}" in ${source}; clients: ${model.clients.map((c) => c.id).join(', ') || '(none)'}`,
    );
  }
  if (workspace && !model.workspaces.some((w) => w.id === workspace)) {
    throw new InputError(
      `--workspace: no WorkSpace named "${workspace}" in ${source}; WorkSpaces: ${model.workspaces.map((w) => w.id).join(', ')}`,
    );
  }
  const byProtocol = (p: 'dcv' | 'pcoip') => model.workspaces.filter((w) => w.protocol === p);
  for (const p of ['dcv', 'pcoip'] as const) {
    const list = byProtocol(p);
    if (!workspace && list.length > 1) {
      throw new InputError(
        `${source} has several ${p === 'dcv' ? 'DCV' : 'PCoIP'} WorkSpaces (${list.map((w) => w.id).join(', ')}); name the one the user connected to with --workspace`,
      );
    }
  }
  const world = buildWorld(model);
  const cache = new Map<string, Trace>();
  return (session) => {
    const protocol = session.protocol === 'PCOIP' ? 'pcoip' : 'dcv';
    // --workspace names the WorkSpace for sessions of its own protocol; a session of the other protocol cannot have
    // been to it, so it is held against the setup's only WorkSpace of that protocol, or not compared at all.
    const named = workspace ? model.workspaces.find((w) => w.id === workspace) : undefined;
    const candidates = byProtocol(protocol);
    const ws = named?.protocol === protocol ? named.id : candidates.length === 1 ? candidates[0]?.id : undefined;
    if (!ws) return undefined;
    const hit = cache.get(ws) ?? traceConnection(model, client, ws, world);
    cache.set(ws, hit);
    return hit;
  };
}

/** The Regions the topology streams in (its directories'; the model's own when it has none). */
export function topologyRegions(model: Model): Set<string> {
  const regions = new Set(model.directories.map((d) => d.region));
  if (regions.size === 0) regions.add(model.region);
  return regions;
}
