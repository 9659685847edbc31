// Steps 4 and 5 of a connection: resolve the offered name from where the client sits, probe every offered
// endpoint, and connect to the first reachable one in the client's order.
import { resolveName, type DnsResult } from '../net/dns.js';
import { traceFlow, type FlowResult, type FlowTarget } from '../net/flow.js';
import type { NetBlocker } from '../net/trace-types.js';
import { blockerOf, type BrokerAnswer } from './broker.js';
import type { ClientContext } from './client-context.js';
import { dcvGatewayAddress, privateStreamingName } from './knowledge.js';
import type { RuleId } from './rule-ids.js';
import type { Blocker, OfferedEndpoint, ProbeResult } from './types.js';
import { zoneProblems, type World } from './world.js';

export interface StreamingResult {
  dns: DnsResult;
  /** True when the probes target addresses the name did not resolve to (to show what else would block). */
  hypothetical: boolean;
  probes: ProbeResult[];
  dnsBlockers: Blocker[];
  /** For a client too old for 443: whether a 443 probe would pass for a newer one. */
  would443Pass?: boolean | 'unknown';
}

function flowKey(ctx: ClientContext, target: FlowTarget, o: OfferedEndpoint): string {
  return `flow|${ctx.client.id}|${target.label}|${target.address.text}|${o.transport}|${o.port}`;
}

export function cachedFlow(
  world: World,
  ctx: ClientContext,
  target: FlowTarget,
  proto: 'tcp' | 'udp',
  port: number,
  key: string,
): FlowResult {
  const hit = world.cache.get(key) as FlowResult | undefined;
  if (hit) return hit;
  const r = traceFlow(world.net, ctx.origin, target, {
    proto,
    port,
    ...(ctx.ephemeral ? { clientEphemeral: ctx.ephemeral } : {}),
  });
  world.cache.set(key, r);
  return r;
}

/** The ENIs behind the private name: the addresses the resolver gave, or the directory endpoint's own. */
function privateTargets(world: World, addresses: readonly string[], endpointId: string | undefined): FlowTarget[] {
  const out: FlowTarget[] = [];
  const net = world.net;
  for (const addr of addresses) {
    // An index by address, not a search of every endpoint per answer: a name can resolve to thousands of ENIs.
    const hit = world.eniByAddress.get(addr);
    if (!hit) continue;
    const { endpoint: ep, subnet } = hit;
    out.push({
      kind: 'eni',
      vpc: ep.vpc,
      subnet,
      address: net.range(addr),
      securityGroups: ep.securityGroups,
      label: ep.id,
    });
  }
  if (out.length === 0 && endpointId) {
    const ep = world.endpoints.get(endpointId);
    for (const a of ep?.addresses ?? [])
      out.push({
        kind: 'eni',
        vpc: ep?.vpc ?? '',
        subnet: a.subnet,
        address: net.range(a.ip),
        securityGroups: ep?.securityGroups ?? [],
        label: endpointId,
      });
  }
  return out;
}

/**
 * Explains a failed lookup of the private name in terms the user can fix: the endpoint's own settings when they stop
 * its private zone, otherwise the client's resolver path. Facts the input lacks come back as missing, not blockers.
 */
function explainDns(
  world: World,
  ctx: ClientContext,
  answer: BrokerAnswer,
  dns: DnsResult,
  region: string,
): { blockers: Blocker[]; missing: string[] } {
  const out: Blocker[] = dns.blockers.map((b) => ({ ...b, ruleId: 'client-dns-resolution' }));
  const ep = answer.endpointId ? world.endpoints.get(answer.endpointId) : undefined;
  const zone = ep ? zoneProblems(world.net, ep, region) : { violations: [], missing: [] };
  out.push(...zone.violations.filter((v) => v.rule !== 'streaming-endpoint-service').map(blockerOf));
  const zoneWouldAnswer = zone.violations.length === 0 && zone.missing.length === 0;
  const inEndpointVpc = ctx.resolver.kind === 'vpc' && ctx.resolver.vpc === ep?.vpc;
  if (zoneWouldAnswer && ctx.resolver.kind === 'dhcp' && (dns.status === 'nxdomain' || dns.status === 'public')) {
    // The DHCP option set's servers answered, but not with the private name: they do not forward it.
    out.push({
      resource: ctx.resolver.vpc,
      kind: 'dns',
      ruleId: 'client-dns-resolution',
      reason: {
        code: 'dhcp-servers-do-not-forward',
        vpc: ctx.resolver.vpc,
        servers: ctx.resolver.servers,
        name: privateStreamingName(region),
      },
    });
  } else if (zoneWouldAnswer && !inEndpointVpc && (dns.status === 'nxdomain' || dns.status === 'public')) {
    out.push({
      resource:
        ctx.resolver.kind === 'vpc'
          ? ctx.resolver.vpc
          : ctx.resolver.kind === 'onprem'
            ? ctx.resolver.network
            : ctx.client.id,
      kind: 'dns',
      ruleId: 'client-dns-resolution',
      reason: {
        code: 'private-name-unresolvable',
        resolver: ctx.resolver,
        name: privateStreamingName(region),
        ...(ep ? { endpointVpc: ep.vpc } : {}),
      },
    });
  }
  return { blockers: dedupe(out), missing: zone.missing };
}

/** One blocker per resource and reason: the same setting found twice is one thing to fix. */
export function dedupe(blockers: Blocker[]): Blocker[] {
  const seen = new Set<string>();
  return blockers.filter((b) => {
    const k = `${b.resource}|${JSON.stringify(b.reason)}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function ruleFor(b: NetBlocker, target: FlowTarget): RuleId | undefined {
  if (target.kind !== 'eni') return undefined;
  if (b.kind === 'network-acl' && b.phase === 'return') return 'nacl-return-traffic';
  if (b.kind === 'security-group' && target.securityGroups.includes(b.resource)) return 'streaming-endpoint-ports';
  return 'client-route-to-endpoint';
}

export function streamAndProbe(
  world: World,
  ctx: ClientContext,
  answer: BrokerAnswer,
  region: string,
): StreamingResult {
  const hostname = answer.offered[0]?.hostname ?? '';
  let targets: FlowTarget[];
  let dns: DnsResult;
  let blockersFromDns: Blocker[] = [];
  let hypothetical = false;
  if (answer.path === 'privatelink') {
    dns = resolveName(world.net, world.dns, ctx.resolver, hostname);
    if (dns.status === 'private') {
      targets = privateTargets(world, dns.addresses, undefined);
    } else {
      const why =
        dns.status === 'unknown' ? { blockers: [], missing: [] } : explainDns(world, ctx, answer, dns, region);
      blockersFromDns = why.blockers;
      // Without a definite cause the lookup's result is not known: the endpoint's settings are not all in the input.
      if (blockersFromDns.length === 0 && why.missing.length > 0)
        dns = { ...dns, status: 'unknown', missing: [...dns.missing, ...why.missing] };
      // Probe the endpoint's own addresses anyway: the user should see every other blocker now, not after fixing DNS.
      targets = privateTargets(world, [], answer.endpointId);
      hypothetical = true;
      // A subnet's range is no stand-in for an address: without them, what would pass is not known.
      const ep = answer.endpointId ? world.endpoints.get(answer.endpointId) : undefined;
      if (ep && ep.addresses.length === 0) {
        dns = {
          ...dns,
          missing: [...dns.missing, `${ep.id}: the addresses of its network interfaces (one per subnet)`],
        };
      }
    }
  } else {
    // PCoIP gateways are published as address ranges, not names: nothing to resolve.
    dns = answer.offered.some((o) => o.port === 4172)
      ? { status: 'public', addresses: [], hops: [], blockers: [], missing: [] }
      : resolveName(world.net, world.dns, ctx.resolver, hostname);
    if (dns.status === 'failed' || dns.status === 'nxdomain') blockersFromDns = dns.blockers;
    targets = [
      {
        kind: 'internet',
        address: world.net.range(dcvGatewayAddress(region)),
        label: answer.offered[0]?.hostname ?? 'gateways',
      },
    ];
  }
  const probes: ProbeResult[] = [];
  let would443Pass: boolean | 'unknown' | undefined;
  for (const o of answer.withheldOffers ?? []) {
    for (const target of targets) {
      const flow = cachedFlow(
        world,
        ctx,
        target,
        o.transport === 'TCP' ? 'tcp' : 'udp',
        o.port,
        flowKey(ctx, target, o),
      );
      if (flow.disposition === 'accepted') would443Pass = true;
      else if (flow.disposition === 'unknown' && would443Pass !== true) would443Pass = 'unknown';
      else would443Pass ??= false;
    }
  }
  for (const o of answer.offered) {
    for (const target of targets) {
      const proto = o.transport === 'TCP' ? 'tcp' : 'udp';
      const flow = cachedFlow(world, ctx, target, proto, o.port, flowKey(ctx, target, o));
      const reachable =
        hypothetical || blockersFromDns.length > 0
          ? false
          : flow.disposition === 'accepted'
            ? true
            : flow.disposition === 'unknown'
              ? 'unknown'
              : false;
      const blockers = flow.blockers.map((b) => {
        const ruleId = ruleFor(b, target);
        return ruleId ? { ...b, ruleId } : b;
      });
      const address = target.kind === 'eni' ? target.address.text : undefined;
      const shown =
        dns.status === 'unknown' && reachable === false && flow.blockers.length === 0 ? 'unknown' : reachable;
      // Field by field, in the order of ProbeResult (an offer is exactly hostname, transport, port): a spread per
      // probe cost more than the rest of the probe.
      const { hostname, transport, port } = o;
      probes.push(
        flow.missing.length > 0
          ? { hostname, transport, port, address, reachable: shown, hops: flow.hops, missing: flow.missing, blockers }
          : { hostname, transport, port, address, reachable: shown, hops: flow.hops, blockers },
      );
    }
  }
  return {
    dns,
    hypothetical,
    probes,
    dnsBlockers: blockersFromDns,
    ...(would443Pass !== undefined ? { would443Pass } : {}),
  };
}
