// Where a client sits, as the data plane needs it: the origin of its flows and the resolver it asks.
import { AMAZON_PROVIDED_DNS, type Client } from '../model/types.js';
import { ANY_V4 } from '../net/cidr.js';
import type { ResolverPlace } from '../net/dns.js';
import type { Origin } from '../net/flow.js';
import type { PortRange } from '../net/trace-types.js';
import { clientOs } from './knowledge.js';
import type { World } from './world.js';

export interface ClientContext {
  client: Client;
  origin: Origin;
  resolver: ResolverPlace;
  /** Facts about the client itself that the input lacks. */
  missing: string[];
  /** The ports the client's OS picks for its side of a connection; undefined when its OS is not known. */
  ephemeral?: PortRange;
}

/**
 * Ephemeral ports by OS (VPC User Guide, "Ephemeral ports"): Windows Server 2008 and later 49152-65535, many Linux
 * kernels 32768-60999. macOS uses the IANA range 49152-65535 (Apple's default, not stated by AWS).
 */
export const EPHEMERAL_BY_OS: Record<'windows' | 'macos' | 'linux', PortRange> = {
  windows: [49152, 65535],
  macos: [49152, 65535],
  linux: [32768, 60999],
};

export function clientContext(world: World, client: Client): ClientContext {
  const ctx = locate(world, client);
  const os = clientOs(client);
  return os ? { ...ctx, ephemeral: EPHEMERAL_BY_OS[os] } : ctx;
}

/** A VPC's instances ask the VPC resolver, unless the VPC's DHCP option set names other DNS servers. */
function resolverOf(world: World, vpcId: string): ResolverPlace {
  const servers = world.net.vpcs.get(vpcId)?.dhcpOptions?.domainNameServers;
  if (!servers || servers[0] === AMAZON_PROVIDED_DNS) return { kind: 'vpc', vpc: vpcId };
  return { kind: 'dhcp', vpc: vpcId, servers };
}

function locate(world: World, client: Client): ClientContext {
  const net = world.net;
  const at = client.at;
  const missing: string[] = [];
  if (at.kind === 'internet') {
    const range = client.publicIp ? net.range(client.publicIp) : ANY_V4;
    return {
      client,
      origin: { kind: 'internet', range, egress: client.egress, label: client.id },
      resolver: { kind: 'internet' },
      missing,
    };
  }
  if (at.kind === 'onprem') {
    const site = net.onPremises.get(at.network);
    const base = client.privateIp ?? site?.cidrs[0];
    if (!base) missing.push(`${client.id}: address on ${at.network}`);
    return {
      client,
      origin: { kind: 'onprem', network: at.network, range: base ? net.range(base) : ANY_V4, label: client.id },
      resolver: { kind: 'onprem', network: at.network },
      missing,
    };
  }
  const inst = at.instance ? net.instances.get(at.instance) : undefined;
  const subnet = net.subnets.get(inst?.subnet ?? at.subnet);
  const ip = inst?.privateIp ?? client.privateIp;
  // Without an instance we know the subnet but not the security groups of the device: flows say unknown.
  return {
    client,
    origin: {
      kind: 'vpc',
      subnet: subnet?.id ?? at.subnet,
      range: net.range(ip ?? subnet?.cidr ?? '0.0.0.0/0'),
      securityGroups: inst?.securityGroups,
      publicIp: inst?.publicIp ?? (inst?.publicIpPending ? 'unknown' : client.publicIp),
      label: inst?.id ?? client.id,
    },
    resolver: resolverOf(world, at.vpc),
    missing,
  };
}
