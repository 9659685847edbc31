// What happens to a running session, and to the next one, when the setup changes under it (seed 4-5).
// New sessions are simply traced again on the changed model. A running session keeps its path: broker and
// directory settings do not touch it (observed), security groups track it (inferred), but it dies when its
// endpoint is deleted (observed) or when a route or network ACL now drops its packets (inferred: both act per packet).
import type { Model } from '../model/types.js';
import { contains } from '../net/cidr.js';
import { traceFlow, type FlowTarget } from '../net/flow.js';
import { clientContext } from './client-context.js';
import { dcvGatewayAddress } from './knowledge.js';
import { traceConnection } from './trace.js';
import type { Trace } from './types.js';
import { buildWorld, directoryRegion } from './world.js';

export interface SessionFate {
  existing: 'continues' | 'disconnected';
  existingReason: string;
  inferred: boolean;
}

function sessionTarget(
  session: Trace,
  model: Model,
  region: string,
  net: ReturnType<typeof buildWorld>['net'],
): FlowTarget | string {
  const ep = session.endpoint;
  if (!ep) return 'no session was running';
  if (session.path === 'internet') {
    return { kind: 'internet', address: net.range(dcvGatewayAddress(region)), label: ep.hostname };
  }
  const addr = ep.address ? net.range(ep.address) : undefined;
  const endpoint =
    addr &&
    model.endpoints.find(
      (e) =>
        e.addresses.some((a) => contains(net.range(a.ip), addr)) ||
        e.subnets.some((s) => {
          const sub = net.subnets.get(s);
          return sub !== undefined && contains(net.range(sub.cidr), addr) && e.addresses.length === 0;
        }),
    );
  if (!endpoint) return `the endpoint network interface ${ep.address ?? ''} carrying the session no longer exists`;
  if (endpoint.state === 'deleted' || endpoint.state === 'deleting')
    return `endpoint ${endpoint.id} is ${endpoint.state}: its network interfaces go away with it`;
  const subnet =
    endpoint.addresses.find((a) => contains(net.range(a.ip), addr))?.subnet ?? net.subnetOf(endpoint.vpc, addr)?.id;
  if (!subnet) return `the subnet of ${ep.address} is gone`;
  return {
    kind: 'eni',
    vpc: endpoint.vpc,
    subnet,
    address: addr,
    securityGroups: endpoint.securityGroups,
    label: endpoint.id,
  };
}

/** Whether the session that runs now survives on the changed model. */
export function existingSessionFate(session: Trace, changed: Model): SessionFate {
  const client = changed.clients.find((c) => c.id === session.client);
  const ws = changed.workspaces.find((w) => w.id === session.workspace);
  if (!client || !ws)
    return {
      existing: 'disconnected',
      existingReason: 'the client or the WorkSpace is no longer in the setup',
      inferred: true,
    };
  const world = buildWorld(changed);
  const dir = changed.directories.find((d) => d.id === ws.directory);
  const region = dir ? directoryRegion(world, dir) : changed.region;
  const target = sessionTarget(session, changed, region, world.net);
  if (typeof target === 'string')
    return {
      existing: 'disconnected',
      existingReason: `${target} (observed in seed 4-5: deleting the endpoint cut the running session)`,
      inferred: false,
    };
  const ep = session.endpoint;
  if (!ep) return { existing: 'disconnected', existingReason: 'no session was running', inferred: false };
  const flow = traceFlow(world.net, clientContext(world, client).origin, target, {
    proto: ep.transport === 'TCP' ? 'tcp' : 'udp',
    port: ep.port,
    established: true,
  });
  if (flow.blockers.length > 0) {
    return {
      existing: 'disconnected',
      existingReason: `the running session's packets are now dropped: ${flow.blockers.map((b) => `${b.resource}: ${b.detail}`).join('; ')} (inferred: routes and network ACLs act on every packet)`,
      inferred: true,
    };
  }
  if (flow.disposition === 'unknown') {
    return { existing: 'continues', existingReason: `cannot tell: ${flow.missing.join('; ')}`, inferred: true };
  }
  const how =
    session.path === 'privatelink' ? `its packets still reach ${target.label}` : `its packets still reach the gateways`;
  return {
    existing: 'continues',
    existingReason: `${how}; settings of the directory and the broker only apply to new sessions (observed in seed 4-5), and security groups keep tracking a live connection (inferred)`,
    inferred: false,
  };
}

export interface WhatifStep {
  change: string;
  existing: 'continues' | 'disconnected';
  existingReason: string;
  new: Trace;
}

/**
 * Applies the changes in order. `apply` turns the previous model and one change into the next model (the CLI does
 * it on the design-file form, so the paths are the ones `wspl export` shows).
 */
export function whatif(
  model: Model,
  clientId: string,
  workspaceId: string,
  changes: readonly string[],
  apply: (m: Model, change: string) => Model,
): { initial: Trace; changes: WhatifStep[] } {
  const initial = traceConnection(model, clientId, workspaceId);
  const steps: WhatifStep[] = [];
  if (initial.outcome !== 'CONNECTED') return { initial, changes: steps };
  let current = model;
  let alive = true;
  for (const change of changes) {
    current = apply(current, change);
    const next = traceConnection(current, clientId, workspaceId);
    if (!alive) {
      steps.push({
        change,
        existing: 'disconnected',
        existingReason: 'already disconnected by an earlier change',
        new: next,
      });
      continue;
    }
    const fate = existingSessionFate(initial, current);
    alive = fate.existing === 'continues';
    steps.push({ change, existing: fate.existing, existingReason: fate.existingReason, new: next });
  }
  return { initial, changes: steps };
}
