// Name resolution from where the client sits: its VPC's resolver (base + 2), an on-premises server that forwards
// some domains to Route 53 Resolver inbound endpoints, or public DNS. Private hosted zones answer only inside the
// VPCs they are associated with; that is why a name that works in one VPC fails from home.
import { AMAZON_PROVIDED_DNS } from '../model/types.js';
import { contains, nthAddress, parseRange } from './cidr.js';
import { traceFlow, type Origin } from './flow.js';
import type { Network } from './network.js';
import type { Hop, NetBlocker, PublicAnswerCode } from './trace-types.js';
import type { Provenance } from '../model/types.js';

/** A private hosted zone: a name, the VPCs it is associated with, and its A/AAAA answers. */
export interface PrivateZone {
  name: string;
  vpcs: readonly string[];
  addresses: readonly string[];
  /** The resource that owns the zone (an interface endpoint with private DNS). */
  owner: string;
  /** Set when the records exist but the input does not give them: what is missing. */
  unknownAddresses?: string;
  prov?: Provenance;
}

/** What public DNS answers for a name: it resolves, it is not a public name, or nobody here knows. */
export type PublicAnswer = PublicAnswerCode;

export interface DnsWorld {
  zones: readonly PrivateZone[];
  /** What public DNS answers for a name: the service layer knows which AWS names are public. */
  publicDns(name: string): PublicAnswer;
}

export type ResolverPlace =
  | { kind: 'vpc'; vpc: string }
  | { kind: 'onprem'; network: string }
  | { kind: 'internet' }
  /** A VPC whose DHCP option set names its own DNS servers: instances ask the first of them. */
  | { kind: 'dhcp'; vpc: string; servers: string[] };

export interface DnsResult {
  /** private: answered by a private zone; public: resolves on public DNS to public addresses. */
  status: 'private' | 'public' | 'nxdomain' | 'failed' | 'unknown';
  addresses: string[];
  hops: Hop[];
  blockers: NetBlocker[];
  missing: string[];
  /** The private zone that answered (its owner, e.g. an endpoint). */
  zoneOwner?: string;
}

function inZone(name: string, zone: string): boolean {
  const n = name.toLowerCase();
  const z = zone.toLowerCase();
  return n === z || n.endsWith('.' + z);
}

function fromPublic(world: DnsWorld, name: string, hops: Hop[], via: string): DnsResult {
  const a = world.publicDns(name);
  hops.push({
    node: via,
    evaluated: 'dns-public',
    direction: 'outbound',
    result: a === 'resolves' ? 'allowed' : a === 'not-public' ? 'denied' : 'unknown',
    decision: { code: 'public-answer', name, answer: a },
  });
  if (a === 'resolves') return { status: 'public', addresses: [], hops, blockers: [], missing: [] };
  if (a === 'unknown')
    return { status: 'unknown', addresses: [], hops, blockers: [], missing: [`what public DNS answers for ${name}`] };
  return { status: 'nxdomain', addresses: [], hops, blockers: [], missing: [] };
}

/** Forwarding can chain (VPC → inbound endpoint → a VPC with rules of its own); stop loops here. */
const MAX_FORWARDS = 3;

function resolveInVpc(net: Network, world: DnsWorld, vpcId: string, name: string, hops: Hop[], depth = 0): DnsResult {
  const vpc = net.vpcs.get(vpcId);
  const resolverIp = vpc?.cidrs[0] ? nthAddress(net.range(vpc.cidrs[0]), 2) : 'base + 2';
  const node = `${vpcId} resolver ${resolverIp}`;
  if (vpc?.dnsSupport === false) {
    hops.push({
      node,
      evaluated: 'dns-resolver',
      direction: 'outbound',
      result: 'denied',
      decision: { code: 'vpc-dns-off' },
    });
    return {
      status: 'failed',
      addresses: [],
      hops,
      blockers: [{ resource: vpcId, kind: 'dns', reason: { code: 'vpc-dns-off', vpc: vpcId }, location: vpc.prov }],
      missing: [],
    };
  }
  if (vpc && vpc.dnsSupport === undefined) {
    return {
      status: 'unknown',
      addresses: [],
      hops,
      blockers: [],
      missing: [`${vpcId}: DNS support (enableDnsSupport)`],
    };
  }
  // A Route 53 Resolver forwarding rule for the name wins over private zones (Route 53 Resolver guide).
  const rule = (vpc?.resolverRules ?? [])
    .filter((r) => inZone(name, r.domain))
    .sort((a, b) => b.domain.length - a.domain.length)[0];
  if (rule && depth < MAX_FORWARDS) {
    hops.push({
      node,
      evaluated: 'resolver-rule',
      direction: 'outbound',
      result: 'forwarded',
      decision: { code: 'resolver-rule', domain: rule.domain, to: [...rule.to], via: rule.via },
      location: rule.prov,
    });
    const out = net.model.resolverEndpoints.find((r) => r.id === rule.via);
    const at = out?.addresses[0];
    const subnet = at?.subnet ?? out?.subnets[0];
    const range = at ? net.range(at.ip) : subnet ? net.range(net.subnets.get(subnet)?.cidr ?? '0.0.0.0/0') : undefined;
    if (!out || !subnet || !range)
      return {
        status: 'unknown',
        addresses: [],
        hops,
        blockers: [],
        missing: [`${vpcId}: outbound resolver endpoint ${rule.via}`],
      };
    return forward(
      net,
      world,
      { kind: 'vpc', subnet, range, securityGroups: out.securityGroups, label: out.id },
      rule.to,
      name,
      hops,
      depth,
    );
  }
  const zone = world.zones
    .filter((z) => z.vpcs.includes(vpcId) && inZone(name, z.name))
    .sort((a, b) => b.name.length - a.name.length)[0];
  if (zone?.unknownAddresses !== undefined) {
    return { status: 'unknown', addresses: [], hops, blockers: [], missing: [zone.unknownAddresses] };
  }
  if (zone) {
    hops.push({
      node,
      evaluated: 'dns-private-zone',
      direction: 'outbound',
      result: zone.addresses.length > 0 ? 'allowed' : 'denied',
      decision: { code: 'zone-answer', name, addresses: [...zone.addresses], owner: zone.owner },
      location: zone.prov,
    });
    if (zone.addresses.length === 0) {
      return {
        status: 'failed',
        addresses: [],
        hops,
        blockers: [{ resource: zone.owner, kind: 'dns', reason: { code: 'zone-no-records', owner: zone.owner, name } }],
        missing: [],
      };
    }
    return {
      status: 'private',
      addresses: [...zone.addresses],
      hops,
      blockers: [],
      missing: [],
      zoneOwner: zone.owner,
    };
  }
  return fromPublic(world, name, hops, node);
}

function resolveOnPrem(net: Network, world: DnsWorld, networkId: string, name: string, hops: Hop[]): DnsResult {
  const site = net.onPremises.get(networkId);
  if (!site)
    return {
      status: 'unknown',
      addresses: [],
      hops,
      blockers: [],
      missing: [`on-premises network ${networkId}`],
    };
  const fwd = site.dns.forwarders
    .filter((f) => inZone(name, f.domain))
    .sort((a, b) => b.domain.length - a.domain.length)[0];
  if (!fwd) return fromPublic(world, name, hops, `${site.id} DNS ${site.dns.server ?? ''}`.trim());
  hops.push({
    node: `${site.id} DNS`,
    evaluated: 'dns-forwarder',
    direction: 'outbound',
    result: 'forwarded',
    decision: { code: 'forwarder', domain: fwd.domain, to: [...fwd.to] },
  });
  const serverRange = site.dns.server
    ? net.range(site.dns.server)
    : site.cidrs[0]
      ? net.range(site.cidrs[0])
      : undefined;
  if (!serverRange)
    return {
      status: 'unknown',
      addresses: [],
      hops,
      blockers: [],
      missing: [`${site.id}: DNS server address`],
    };
  return forward(
    net,
    world,
    { kind: 'onprem', network: site.id, range: serverRange, label: `${site.id} DNS` },
    fwd.to,
    name,
    hops,
    0,
  );
}

/** The VPC whose resolver (its CIDR base + 2) an address is, if any. */
function vpcOfResolver(net: Network, address: string): string | undefined {
  for (const vpc of net.vpcs.values()) {
    const first = vpc.cidrs[0];
    if (first !== undefined && nthAddress(net.range(first), 2) === address) return vpc.id;
  }
  return undefined;
}

/** Sends the query to the first target that answers: an inbound resolver endpoint reachable on UDP 53. */
function forward(
  net: Network,
  world: DnsWorld,
  from: Origin,
  targets: readonly string[],
  name: string,
  hops: Hop[],
  depth: number,
): DnsResult {
  const blockers: NetBlocker[] = [];
  const missing: string[] = [];
  for (const target of targets) {
    const t = net.range(target);
    const rep = net.model.resolverEndpoints.find(
      (r) => r.direction === 'inbound' && r.addresses.some((a) => contains(net.range(a.ip), t)),
    );
    const addr = rep?.addresses.find((a) => contains(net.range(a.ip), t));
    const vpcResolver = !rep ? vpcOfResolver(net, target) : undefined;
    if (vpcResolver) {
      // The VPC resolver answers only queries from inside its VPC (Route 53 Developer Guide, "Resolving DNS queries
      // between VPCs and your network"): forwarding to it from elsewhere gets no answer.
      blockers.push({
        resource: from.kind === 'onprem' ? from.network : from.label,
        kind: 'dns',
        reason: { code: 'forward-to-vpc-resolver', from: from.label, target, vpc: vpcResolver },
      });
      continue;
    }
    if (!rep || !addr) {
      missing.push(
        `${from.label}: forwarder target ${target} is not a Route 53 Resolver inbound endpoint in the input`,
      );
      continue;
    }
    const flow = traceFlow(
      net,
      from,
      { kind: 'eni', vpc: rep.vpc, subnet: addr.subnet, address: t, securityGroups: rep.securityGroups, label: rep.id },
      { proto: 'udp', port: 53 },
    );
    hops.push(...flow.hops);
    if (flow.disposition === 'accepted') {
      hops.push({
        node: rep.id,
        evaluated: 'inbound-resolver-endpoint',
        direction: 'inbound',
        result: 'forwarded',
        decision: { code: 'inbound-endpoint', vpc: rep.vpc },
      });
      return resolveInVpc(net, world, rep.vpc, name, hops, depth + 1);
    }
    blockers.push(
      ...flow.blockers.map((b) => ({
        ...b,
        reason: { code: 'dns-query-blocked' as const, resolverEndpoint: rep.id, target, reason: b.reason },
      })),
    );
    missing.push(...flow.missing);
  }
  if (blockers.length > 0) return { status: 'failed', addresses: [], hops, blockers, missing };
  return { status: 'unknown', addresses: [], hops, blockers, missing };
}

/**
 * Custom DNS servers from a DHCP option set. The first server answers (instances fall back to the others only when it
 * does not answer at all). It resolves the private name only if it is the VPC resolver, a Route 53 Resolver inbound
 * endpoint, or a server of a site whose forwarders the input gives; any other server's forwarding is not known.
 */
function resolveViaDhcp(
  net: Network,
  world: DnsWorld,
  vpcId: string,
  servers: readonly string[],
  name: string,
  hops: Hop[],
): DnsResult {
  const server = servers[0] ?? AMAZON_PROVIDED_DNS;
  if (server === AMAZON_PROVIDED_DNS || vpcOfResolver(net, server) === vpcId)
    return resolveInVpc(net, world, vpcId, name, hops);
  const t = parseRange(server);
  const inbound =
    t &&
    net.model.resolverEndpoints.find(
      (r) => r.direction === 'inbound' && r.addresses.some((a) => contains(net.range(a.ip), t)),
    );
  if (inbound) return resolveInVpc(net, world, inbound.vpc, name, hops);
  const site = [...net.onPremises.values()].find((o) => o.dns.server === server);
  if (site) return resolveOnPrem(net, world, site.id, name, hops);
  const other = vpcOfResolver(net, server);
  if (other) {
    return {
      status: 'failed',
      addresses: [],
      hops,
      blockers: [
        {
          resource: vpcId,
          kind: 'dns',
          reason: { code: 'forward-to-vpc-resolver', from: `${vpcId} DHCP options`, target: server, vpc: other },
        },
      ],
      missing: [],
    };
  }
  return {
    status: 'unknown',
    addresses: [],
    hops,
    blockers: [],
    missing: [`${vpcId}: what the DNS server ${server} of its DHCP options answers for ${name}`],
  };
}

export function resolveName(net: Network, world: DnsWorld, place: ResolverPlace, name: string): DnsResult {
  const hops: Hop[] = [];
  if (place.kind === 'dhcp') return resolveViaDhcp(net, world, place.vpc, place.servers, name, hops);
  if (place.kind === 'vpc') return resolveInVpc(net, world, place.vpc, name, hops);
  if (place.kind === 'onprem') return resolveOnPrem(net, world, place.network, name, hops);
  return fromPublic(world, name, hops, 'public DNS');
}
