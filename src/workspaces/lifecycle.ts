// What happens to a running session, and to the next one, when the setup changes under it (seed 4-5).
// New sessions are simply traced again on the changed model. A running session keeps its path: broker and
// directory settings do not touch it (observed), security groups track it (inferred), but it dies when its
// endpoint is deleted (observed) or when a route or network ACL now drops its packets (inferred: both act per packet).
import type { Model } from '../model/types.js';
import { contains } from '../net/cidr.js';
import { traceFlow, type FlowTarget } from '../net/flow.js';
import type { NetBlocker } from '../net/trace-types.js';
import { clientContext } from './client-context.js';
import { dcvGatewayAddress } from './knowledge.js';
import { traceConnection } from './trace.js';
import type { Trace } from './types.js';
import { buildWorld, directoryRegion, type World } from './world.js';

/** Why a running session survives a change or not, as data (worded in src/report/). */
export type FateReason =
  | { code: 'left-setup' }
  | { code: 'eni-gone'; address?: string }
  | { code: 'endpoint-deleted'; endpoint: string; state: string }
  | { code: 'subnet-gone'; address?: string }
  | { code: 'packets-dropped'; causes: NetBlocker[] }
  | { code: 'cannot-tell'; missing: string[] }
  | { code: 'path-intact'; target: string; privateLink: boolean }
  | { code: 'no-session' };

export interface SessionFate {
  existing: 'continues' | 'disconnected' | 'none';
  reason: FateReason;
  inferred: boolean;
}

function sessionTarget(
  session: Trace,
  model: Model,
  region: string,
  net: ReturnType<typeof buildWorld>['net'],
): FlowTarget | FateReason {
  const ep = session.endpoint;
  if (!ep) return { code: 'no-session' };
  if (session.path === 'internet') {
    return { kind: 'internet', address: net.range(dcvGatewayAddress(region)), label: ep.hostname };
  }
  const addr = ep.address ? net.range(ep.address) : undefined;
  const endpoint = addr && model.endpoints.find((e) => e.addresses.some((a) => contains(net.range(a.ip), addr)));
  if (!endpoint) return { code: 'eni-gone', ...(ep.address ? { address: ep.address } : {}) };
  if (endpoint.state === 'deleted' || endpoint.state === 'deleting')
    return { code: 'endpoint-deleted', endpoint: endpoint.id, state: endpoint.state };
  const subnet =
    endpoint.addresses.find((a) => contains(net.range(a.ip), addr))?.subnet ?? net.subnetOf(endpoint.vpc, addr)?.id;
  if (!subnet) return { code: 'subnet-gone', ...(ep.address ? { address: ep.address } : {}) };
  return {
    kind: 'eni',
    vpc: endpoint.vpc,
    subnet,
    address: addr,
    securityGroups: endpoint.securityGroups,
    label: endpoint.id,
  };
}

/**
 * Whether the session that runs now survives on the changed model. `world` is the changed model's world, for
 * callers that ask about many sessions at once (the dashboard's what-if over the whole matrix).
 */
export function existingSessionFate(session: Trace, changed: Model, world?: World): SessionFate {
  if (session.outcome !== 'CONNECTED' || !session.endpoint) {
    return { existing: 'none', reason: { code: 'no-session' }, inferred: false };
  }
  const client = changed.clients.find((c) => c.id === session.client);
  const ws = changed.workspaces.find((w) => w.id === session.workspace);
  if (!client || !ws) return { existing: 'disconnected', reason: { code: 'left-setup' }, inferred: true };
  world ??= buildWorld(changed);
  const dir = changed.directories.find((d) => d.id === ws.directory);
  const region = dir ? directoryRegion(world, dir) : changed.region;
  const target = sessionTarget(session, changed, region, world.net);
  // Deleting the endpoint cut the running session (observed in seed 4-5).
  if ('code' in target) return { existing: 'disconnected', reason: target, inferred: false };
  const ep = session.endpoint;
  const ctx = clientContext(world, client);
  const flow = traceFlow(world.net, ctx.origin, target, {
    proto: ep.transport === 'TCP' ? 'tcp' : 'udp',
    port: ep.port,
    established: true,
    ...(ctx.ephemeral ? { clientEphemeral: ctx.ephemeral } : {}),
  });
  // Inferred: routes and network ACLs act on every packet.
  if (flow.blockers.length > 0) {
    return { existing: 'disconnected', reason: { code: 'packets-dropped', causes: flow.blockers }, inferred: true };
  }
  if (flow.disposition === 'unknown') {
    return { existing: 'continues', reason: { code: 'cannot-tell', missing: flow.missing }, inferred: true };
  }
  return {
    existing: 'continues',
    reason: { code: 'path-intact', target: target.label, privateLink: session.path === 'privatelink' },
    inferred: false,
  };
}

export interface WhatifStep {
  change: string;
  existing: 'continues' | 'disconnected' | 'none';
  reason: FateReason;
  new: Trace;
}

export interface WhatifResult {
  initial: Trace;
  changes: WhatifStep[];
}

/**
 * Applies the changes in order, from any state: after each change, the fate of the session running before it (none
 * when none ran) and the outcome of a new session. `apply` turns the previous model and one change into the next
 * model (the CLI does it on the design-file form, so the paths are the ones `wspl export` shows).
 */
export function whatif(
  model: Model,
  clientId: string,
  workspaceId: string,
  changes: readonly string[],
  apply: (m: Model, change: string) => Model,
): WhatifResult {
  const initial = traceConnection(model, clientId, workspaceId);
  const steps: WhatifStep[] = [];
  let current = model;
  let running: Trace | undefined = initial.outcome === 'CONNECTED' ? initial : undefined;
  for (const change of changes) {
    current = apply(current, change);
    const next = traceConnection(current, clientId, workspaceId);
    if (!running) {
      steps.push({ change, existing: 'none', reason: { code: 'no-session' }, new: next });
    } else {
      const fate = existingSessionFate(running, current);
      steps.push({ change, existing: fate.existing, reason: fate.reason, new: next });
      if (fate.existing === 'disconnected') running = undefined;
    }
    // From any state: when no session runs and a new one now connects, that one runs into the next change.
    if (!running && next.outcome === 'CONNECTED') running = next;
  }
  return { initial, changes: steps };
}

/**
 * The exit code's question for CI: did a change disconnect a running session, or turn a working new session into a
 * failing one?
 */
export function whatifBreaksSomething(r: WhatifResult): boolean {
  let before = r.initial.outcome;
  for (const step of r.changes) {
    if (step.existing === 'disconnected') return true;
    if (before === 'CONNECTED' && step.new.outcome !== 'CONNECTED') return true;
    before = step.new.outcome;
  }
  return false;
}
