// The service's view of the network: which private zones the streaming endpoints create, and why an endpoint
// creates none. Built once per model and shared by every trace.
import type { Directory, Model, VpcEndpoint } from '../model/types.js';
import type { DnsWorld, PrivateZone } from '../net/dns.js';
import { Network } from '../net/network.js';
import { privateStreamingName, publicDnsAnswer } from './knowledge.js';
import { privateZoneRequirements, type Verdict } from './requirements.js';

export interface World {
  model: Model;
  net: Network;
  dns: DnsWorld;
  endpoints: Map<string, VpcEndpoint>;
  /** Each endpoint ENI by its address: what a private name's answer leads to. */
  eniByAddress: Map<string, { endpoint: VpcEndpoint; subnet: string }>;
  /** Memo for flows and traces that many client × WorkSpace pairs share. */
  cache: Map<string, unknown>;
}

function isV6(addr: string): boolean {
  return addr.includes(':');
}

/**
 * Why the endpoint's private DNS name does not answer in its VPC: the requirements it breaks, and facts the input
 * does not give (both empty when it answers). Decided by the requirements (one home), worded in src/report/.
 */
export function zoneProblems(net: Network, ep: VpcEndpoint, directoryRegion?: string): Verdict {
  return privateZoneRequirements(ep, net.vpcs.get(ep.vpc), directoryRegion ?? ep.region);
}

/** The records private DNS publishes for the endpoint: its ENI addresses of the record type. */
function zoneAddresses(ep: VpcEndpoint): string[] {
  const type = ep.dnsRecordIpType ?? 'ipv4';
  const ips = ep.addresses.map((a) => a.ip);
  if (type === 'ipv4') return ips.filter((a) => !isV6(a));
  if (type === 'ipv6') return ips.filter(isV6);
  return ips;
}

export function buildWorld(model: Model): World {
  const net = new Network(model);
  const zones: PrivateZone[] = [];
  for (const ep of model.endpoints) {
    const problems = zoneProblems(net, ep);
    if (problems.violations.length > 0 || problems.missing.length > 0) continue;
    const region = net.vpcs.get(ep.vpc)?.region ?? model.region;
    zones.push({
      name: privateStreamingName(region),
      vpcs: [ep.vpc],
      addresses: zoneAddresses(ep),
      // An ENI address is a fact of AWS's, not a subnet's range: when the input gives none, the answer is unknown.
      ...(ep.addresses.length === 0
        ? { unknownAddresses: `${ep.id}: the addresses of its network interfaces (one per subnet)` }
        : {}),
      owner: ep.id,
      prov: ep.prov,
    });
  }
  return {
    model,
    net,
    endpoints: new Map(model.endpoints.map((e) => [e.id, e])),
    eniByAddress: new Map(
      model.endpoints.flatMap((e) => e.addresses.map((a) => [a.ip, { endpoint: e, subnet: a.subnet }] as const)),
    ),
    dns: { zones, publicDns: publicDnsAnswer },
    cache: new Map(),
  };
}

export function directoryRegion(world: World, dir: Directory): string {
  return dir.region || world.model.region;
}
