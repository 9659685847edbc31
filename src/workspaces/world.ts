// The service's view of the network: which private zones the streaming endpoints create, and why an endpoint
// creates none. Built once per model and shared by every trace.
import type { Directory, Model, VpcEndpoint } from '../model/types.js';
import type { DnsWorld, PrivateZone } from '../net/dns.js';
import { Network } from '../net/network.js';
import type { Blocker } from '../net/trace-types.js';
import { privateStreamingName, publicDnsAnswer, streamingServiceName } from './knowledge.js';

export interface World {
  model: Model;
  net: Network;
  dns: DnsWorld;
  endpoints: Map<string, VpcEndpoint>;
  /** Memo for flows and traces that many client × WorkSpace pairs share. */
  cache: Map<string, unknown>;
}

function isV6(addr: string): boolean {
  return addr.includes(':');
}

/**
 * Why the endpoint's private DNS name does not answer in its VPC: settings that stop it, and facts the input does
 * not give (both empty when it answers).
 */
export function zoneProblems(net: Network, ep: VpcEndpoint): { blockers: Blocker[]; missing: string[] } {
  const out: Blocker[] = [];
  const missing: string[] = [];
  const region = net.vpcs.get(ep.vpc)?.region ?? net.model.region;
  if (ep.service !== streamingServiceName(region) || ep.type !== 'Interface') {
    out.push({
      resource: ep.id,
      kind: 'endpoint',
      ruleId: 'streaming-endpoint-service',
      detail: `${ep.id} is a ${ep.type} endpoint of ${ep.service}, not an Interface endpoint of ${streamingServiceName(region)}`,
      location: ep.prov,
    });
  }
  if (ep.state !== 'available') {
    out.push({
      resource: ep.id,
      kind: 'endpoint',
      ruleId: 'streaming-endpoint-state',
      detail: `${ep.id} is ${ep.state}, not available`,
      location: ep.prov,
    });
  }
  if (ep.privateDns === false) {
    out.push({
      resource: ep.id,
      kind: 'endpoint',
      ruleId: 'streaming-endpoint-private-dns',
      detail: `private DNS is off on ${ep.id}: ${privateStreamingName(region)} does not resolve to it`,
      location: ep.prov,
    });
  } else if (ep.privateDns === undefined) {
    missing.push(`${ep.id}: whether private DNS is on`);
  }
  const vpc = net.vpcs.get(ep.vpc);
  if (vpc && (vpc.dnsSupport === false || vpc.dnsHostnames === false)) {
    const off = [vpc.dnsSupport === false ? 'DNS support' : '', vpc.dnsHostnames === false ? 'DNS hostnames' : '']
      .filter(Boolean)
      .join(' and ');
    out.push({
      resource: vpc.id,
      kind: 'dns',
      ruleId: 'streaming-endpoint-vpc-dns',
      detail: `${vpc.id} has ${off} off; private DNS of ${ep.id} needs both on`,
      location: vpc.prov,
    });
  } else if (vpc && (vpc.dnsSupport === undefined || vpc.dnsHostnames === undefined)) {
    missing.push(`${vpc.id}: DNS support and DNS hostnames (private DNS needs both)`);
  }
  return { blockers: out, missing };
}

function zoneAddresses(net: Network, ep: VpcEndpoint): string[] {
  const type = ep.dnsRecordIpType ?? 'ipv4';
  const ips =
    ep.addresses.length > 0
      ? ep.addresses.map((a) => a.ip)
      : ep.subnets.flatMap((s) => {
          const sub = net.subnets.get(s);
          return sub ? [sub.cidr, ...(sub.ipv6Cidr ? [sub.ipv6Cidr] : [])] : [];
        });
  if (type === 'ipv4') return ips.filter((a) => !isV6(a));
  if (type === 'ipv6') return ips.filter(isV6);
  return ips;
}

export function buildWorld(model: Model): World {
  const net = new Network(model);
  const zones: PrivateZone[] = [];
  for (const ep of model.endpoints) {
    const problems = zoneProblems(net, ep);
    if (problems.blockers.length > 0 || problems.missing.length > 0) continue;
    const region = net.vpcs.get(ep.vpc)?.region ?? model.region;
    zones.push({
      name: privateStreamingName(region),
      vpcs: [ep.vpc],
      addresses: zoneAddresses(net, ep),
      owner: ep.id,
      prov: ep.prov,
    });
  }
  return {
    model,
    net,
    endpoints: new Map(model.endpoints.map((e) => [e.id, e])),
    dns: { zones, publicDns: (name) => publicDnsAnswer(name, model.region) },
    cache: new Map(),
  };
}

export function directoryRegion(world: World, dir: Directory): string {
  return dir.region || world.model.region;
}
