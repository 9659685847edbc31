// Routing does not depend on the port or the protocol: a client probing one ENI on four ports (QUIC and TCP, 4195
// and 443) walks the same route tables four times. So a walk is recorded once per source and destination (every
// hop, blocker, gap and filter crossing, in order) and replayed into each flow, whose own filters then evaluate the
// crossings for its port. Replaying gives the caller exactly the calls a fresh walk would make, in the same order.
import type { IpRange } from './cidr.js';
import type { Remote } from './filters.js';
import type { CrossOptions } from './flow.js';
import type { Network } from './network.js';
import { routeStep, type Arrival, type RouteContext, type RouteOrigin, type RouteTarget } from './routing.js';
import type { Hop, NetBlocker } from './trace-types.js';

type RouteEvent =
  | { e: 'hop'; hop: Hop }
  | { e: 'block'; blocker: NetBlocker }
  | { e: 'unknown'; what: string }
  | { e: 'acl'; subnet: string; direction: 'ingress' | 'egress'; remote: IpRange; opts: CrossOptions | undefined }
  | {
      e: 'sg';
      node: string;
      groups: readonly string[] | undefined;
      direction: 'ingress' | 'egress';
      remote: Remote;
    }
  | { e: 'nat'; id: string }
  | { e: 'no-route' };

interface RouteRecording {
  events: RouteEvent[];
  arrival: Arrival | undefined;
}

/** A RouteContext that only writes down what the walk asks of it. */
class Recorder implements RouteContext {
  readonly events: RouteEvent[] = [];
  constructor(readonly net: Network) {}
  get noRoute(): boolean {
    // Routing only ever sets it; it never decides by it. A recorded walk must not depend on the replaying flow.
    return false;
  }
  set noRoute(v: boolean) {
    if (v) this.events.push({ e: 'no-route' });
  }
  hop(hop: Hop): void {
    this.events.push({ e: 'hop', hop });
  }
  block(blocker: NetBlocker): void {
    this.events.push({ e: 'block', blocker });
  }
  unknown(what: string): void {
    this.events.push({ e: 'unknown', what });
  }
  crossAcl(subnet: string, direction: 'ingress' | 'egress', remote: IpRange, opts?: CrossOptions): void {
    this.events.push({ e: 'acl', subnet, direction, remote, opts });
  }
  nat(id: string): void {
    this.events.push({ e: 'nat', id });
  }
  checkSg(node: string, groups: readonly string[] | undefined, direction: 'ingress' | 'egress', remote: Remote): void {
    this.events.push({ e: 'sg', node, groups, direction, remote });
  }
}

/** Everything routeStep reads of its source, as one key (two clients in one subnet with one address walk alike). */
function originKey(o: RouteOrigin): string {
  switch (o.kind) {
    case 'vpc':
      return `v|${o.subnet}|${o.range.text}|${o.label}|${o.publicIp ?? ''}|${o.securityGroups?.join(',') ?? '\u0000'}`;
    case 'onprem':
      return `o|${o.network}|${o.range.text}|${o.label}`;
    case 'internet':
      return `i|${o.range.text}|${o.label}`;
  }
}

function replay(rec: RouteRecording, ctx: RouteContext): Arrival | undefined {
  for (const ev of rec.events) {
    switch (ev.e) {
      case 'hop':
        ctx.hop(ev.hop);
        break;
      case 'block':
        ctx.block(ev.blocker);
        break;
      case 'unknown':
        ctx.unknown(ev.what);
        break;
      case 'acl':
        ctx.crossAcl(ev.subnet, ev.direction, ev.remote, ev.opts);
        break;
      case 'sg':
        ctx.checkSg(ev.node, ev.groups, ev.direction, ev.remote);
        break;
      case 'nat':
        ctx.nat?.(ev.id);
        break;
      case 'no-route':
        ctx.noRoute = true;
        break;
    }
  }
  return rec.arrival;
}

/**
 * routeStep for `ctx`, walked once per network, source and destination and replayed after that. Hops and blockers
 * handed to `ctx` are shared between the flows that replay one walk: nothing may change them afterwards.
 */
export function walkRoute(
  ctx: RouteContext,
  net: Network,
  origin: RouteOrigin,
  target: RouteTarget,
): Arrival | undefined {
  const key = `walk|${originKey(origin)}|${target.kind}|${target.address.text}`;
  const rec = net.memo(key, (): RouteRecording => {
    const recorder = new Recorder(net);
    const srcSubnet = origin.kind === 'vpc' ? net.subnets.get(origin.subnet) : undefined;
    const arrival = routeStep(recorder, net, origin, srcSubnet, target);
    return { events: recorder.events, arrival };
  });
  return replay(rec, ctx);
}
