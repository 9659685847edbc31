// The words for every typed reason of the engine: why a setting blocks a flow or a connection. The engine decides,
// this file only says it; each code has exactly one sentence, so text, JSON `detail`, SARIF and the dashboard agree.
import type { NaclRule, SgRule } from '../model/types.js';
import type { FlowDesc, NetReason, PortRange } from '../net/trace-types.js';
import type { ResolverPlace } from '../net/dns.js';
import { SERVICE_REASON_CODES, type Blocker, type Reason, type ServiceReason } from '../workspaces/types.js';

const DEVICE_FIELD = { windows: 'DeviceTypeWindows', macos: 'DeviceTypeOsx', linux: 'DeviceTypeLinux' } as const;

function ports(rule: { protocol: string; fromPort: number; toPort: number }): string {
  if (rule.protocol === 'all' || rule.protocol === 'icmp') return '';
  return rule.fromPort === rule.toPort ? `:${rule.fromPort}` : `:${rule.fromPort}-${rule.toPort}`;
}

/** A security-group or firewall rule as the design file writes it: "tcp:443 to 0.0.0.0/0". */
export function sgRuleText(rule: SgRule, direction: 'ingress' | 'egress'): string {
  const peer = rule.peer.kind === 'cidr' ? rule.peer.cidr : rule.peer.id;
  return `${rule.protocol}${ports(rule)} ${direction === 'ingress' ? 'from' : 'to'} ${peer}`;
}

/** A network ACL rule as the design file writes it: "100 allow tcp:443 0.0.0.0/0". */
export function aclRuleText(rule: NaclRule): string {
  return `${rule.number} ${rule.action} ${rule.protocol}${ports(rule)} ${rule.cidr}`;
}

export function portRangesText(ranges: readonly PortRange[]): string {
  return ranges.map(([a, b]) => (a === b ? `${a}` : `${a}-${b}`)).join(', ');
}

export function flowText(f: FlowDesc): string {
  return `${f.protocol.toUpperCase()} ${f.port} ${f.toward} ${f.remote}`;
}

function tableName(table: string | undefined, vpc: string): string {
  return table ?? `${vpc} main route table (local routes only)`;
}

function netReasonText(r: NetReason): string {
  switch (r.code) {
    case 'acl-denied':
      return `${r.direction} ${flowText(r.flow)} on ${r.subnet} is denied: ${r.rule ? `rule ${aclRuleText(r.rule)}` : 'no rule allows it (implicit deny *)'}`;
    case 'acl-return-denied':
      return `${r.direction} return traffic ${r.protocol.toUpperCase()} ${r.toward} ${r.remote} on ports ${portRangesText(r.ports)} is denied on ${r.subnet}${r.rule ? ` by rule ${aclRuleText(r.rule)}` : ` (no rule allows the ephemeral ports ${portRangesText([r.ephemeral])})`}`;
    case 'sg-none-attached':
      return `${r.node} has no security groups: no ${r.direction} ${flowText(r.flow)} is allowed`;
    case 'sg-no-rule':
      return `${r.groups.length === 1 ? 'security group' : 'security groups'} ${r.groups.join(', ')} ${r.groups.length === 1 ? 'allows' : 'allow'} no ${r.direction} ${flowText(r.flow)}`;
    case 'firewall-denied':
      return `the outbound rules of ${r.node} allow no ${r.flow.protocol.toUpperCase()} ${r.flow.port} to ${r.flow.remote}`;
    case 'arrives-elsewhere':
      return `the packets arrive at ${r.at}, not at ${r.expected}`;
    case 'reply-misrouted':
      return r.viaNat
        ? `replies from the NAT in ${r.viaNat} to ${r.to} are routed to ${r.arrivesAt}, not back to the client`
        : `replies from ${r.from} to ${r.to} are routed to ${r.arrivesAt}, not back to the client`;
    case 'reply-through-nat':
      return `${r.table} has no route back to ${r.to}: replies from ${r.from} follow ${r.route} to NAT ${r.nat}, which replaces their source address, so the client cannot match them`;
    case 'on-return-path':
      return `return path: ${netReasonText(r.reason)}`;
    case 'no-subnet-holds':
      return `no subnet of ${r.vpc} holds ${r.address}`;
    case 'tgw-no-route':
      return `transit gateway route table ${r.table} has no route for ${r.address}`;
    case 'tgw-blackhole':
      return `transit gateway route ${r.destination} in ${r.table} is a blackhole`;
    case 'attachment-no-subnet':
      return `attachment ${r.attachment} names no subnet`;
    case 'attachment-wrong-site':
      return `${r.attachment} leads to ${r.site}, which does not hold ${r.address}`;
    case 'attachment-missing-az':
      return `attachment ${r.attachment} has no subnet in ${r.az}, so traffic from ${r.subnet} cannot reach ${r.tgw} (attachment subnets: ${r.azs.join(', ')})`;
    case 'vpc-not-attached':
      return `${r.vpc} has no attachment on ${r.tgw}`;
    case 'routing-loop':
      return 'routing loop';
    case 'no-route':
      return `${tableName(r.table, r.vpc)} (used by ${r.subnet}) has no route for ${r.address}`;
    case 'blackhole-route':
      return `route ${r.route} -> blackhole in ${tableName(r.table, r.vpc)} is a blackhole`;
    case 'igw-private-address':
      return `${tableName(r.table, r.vpc)} sends ${r.address} to the internet gateway, but the internet does not route private addresses`;
    case 'igw-not-attached':
      return `${r.igw} is not attached to ${r.vpc}`;
    case 'no-public-ip':
      return `traffic from ${r.source} leaves through ${r.igw} but has no public IPv4 address; an internet gateway only passes traffic of addresses that have one`;
    case 'nat-gateway-state':
      return `NAT gateway ${r.natGateway} is ${r.state}`;
    case 'nat-gateway-private':
      return `NAT gateway ${r.natGateway} is private and cannot reach the internet`;
    case 'nat-subnet-missing':
      return `subnet ${r.subnet} of ${r.nat} is not in the input`;
    case 'nat-instance-state':
      return `NAT instance ${r.instance} is ${r.state}`;
    case 'not-nat-instance':
      return `${r.instance} is not configured as a NAT instance`;
    case 'source-dest-check':
      return `source/destination check is on for ${r.instance}; a NAT instance needs it off`;
    case 'nat-no-public-ip':
      return `NAT instance ${r.instance} has no public IPv4 address, so the internet gateway does not pass its traffic`;
    case 'peering-state':
      return `peering ${r.peering} is ${r.state}`;
    case 'peering-not-transitive':
      return `${r.address} is not in ${r.other}; VPC peering does not carry traffic onward (no transitive routing)`;
    case 'no-site-behind-vgw':
      return `no on-premises network behind ${r.vgw} holds ${r.address}`;
    case 'no-link-from-site':
      return `no VPN or Direct Connect link of ${r.site} leads to ${r.address}`;
    case 'internet-private-address':
      return `${r.address} is a private address: the internet does not route to it; the client needs a VPN, Direct Connect or a network inside the VPCs`;
    case 'vpc-dns-off':
      return `${r.vpc} has DNS support (enableDnsSupport) off: its resolver answers nothing`;
    case 'zone-no-records':
      return `the private zone of ${r.owner} has no address records for ${r.name}`;
    case 'dns-query-blocked':
      return `DNS query to ${r.resolverEndpoint} (${r.target}): ${netReasonText(r.reason)}`;
    case 'forward-to-vpc-resolver':
      return `${r.from} forwards to ${r.target}, the resolver of ${r.vpc} (VPC base + 2): it answers only queries from inside ${r.vpc}; forward to a Route 53 Resolver inbound endpoint in ${r.vpc} instead (Route 53 Developer Guide)`;
    case 'dhcp-servers-do-not-forward':
      return `${r.vpc}'s DHCP options send DNS queries to ${r.servers.join(', ')}, not to the VPC resolver; ${r.name} resolves only if those servers forward it to a Route 53 Resolver inbound endpoint`;
  }
}

function resolverText(place: ResolverPlace): string {
  if (place.kind === 'vpc') return `the resolver of ${place.vpc}`;
  if (place.kind === 'dhcp') return `the DNS servers of ${place.vpc} (${place.servers.join(', ')})`;
  if (place.kind === 'onprem') return `the DNS of ${place.network}`;
  return 'public DNS';
}

function serviceReasonText(r: ServiceReason): string {
  switch (r.code) {
    case 'pools-directory':
      return `${r.directory} is a Pools directory; streaming endpoints are for WorkSpaces Personal only`;
    case 'fips-encryption':
      return `${r.directory} uses FIPS_VALIDATED endpoint encryption, which streaming endpoints do not support`;
    case 'access-endpoint-type':
      return `AccessEndpointType is ${r.type || '(empty)'}; it must be STREAMING_WSP`;
    case 'wrong-endpoint-service':
      return `${r.endpoint} is a ${r.type} endpoint of ${r.service}; streaming needs an Interface endpoint of ${r.expected}`;
    case 'endpoint-other-account':
      return `${r.endpoint} is owned by account ${r.owner}, not ${r.account}; only endpoints of the directory's own account are supported`;
    case 'endpoint-shared-vpc':
      return `${r.endpoint} sits in ${r.vpc}, shared from account ${r.owner}; endpoints in VPCs shared from another account are not supported`;
    case 'dns-record-ip-type':
      return `${r.endpoint} has DNS record IP type ${r.type}; streaming works only with ipv4 or ipv6${r.type === 'service-defined' ? ' (service-defined publishes both, inferred to fail like dualstack)' : ''}`;
    case 'pcoip-no-fallback':
      return `${r.directory} has a streaming endpoint and no PCoIP internet fallback: PCoIP cannot use the endpoint, so the broker refuses with RESOURCE_NOT_FOUND`;
    case 'endpoint-state':
      return `${r.endpoint} is ${r.state}, not available`;
    case 'private-dns-off':
      return `private DNS is off on ${r.endpoint}: ${r.name} does not resolve to it`;
    case 'vpc-dns-attributes-off': {
      const off = [!r.support ? 'DNS support' : '', !r.hostnames ? 'DNS hostnames' : ''].filter(Boolean).join(' and ');
      return `${r.vpc} has ${off} off; private DNS of ${r.endpoint} needs both on`;
    }
    case 'private-name-unresolvable': {
      const epVpc = r.endpointVpc ?? 'the endpoint VPC';
      const fix =
        r.resolver.kind === 'internet'
          ? 'the client must be on a network that uses that resolver'
          : r.resolver.kind === 'vpc'
            ? `associate a Route 53 Resolver rule with ${r.resolver.vpc} that forwards ${r.name} to an inbound resolver endpoint in ${epVpc}`
            : `forward ${r.name} to a Route 53 Resolver inbound endpoint in ${epVpc}`;
      return `${resolverText(r.resolver)} cannot resolve ${r.name}: only the resolver of ${epVpc} answers it; ${fix}`;
    }
    case 'device-denied':
      return `directory ${r.directory} denies ${r.os} clients (${DEVICE_FIELD[r.os]}: DENY in its access properties)`;
    case 'ip-group-denied':
      return `IP access control group ${r.group} (${r.cidrs.join(', ') || 'no rules'}) does not allow ${r.source}`;
    case 'client-too-old-for-443':
      return `client ${r.version ?? ''} is older than the versions that fall back to port 443 (5.23.0 on Windows and macOS, 2024.7 on Linux), so only 4195 is tried${r.privateLink ? ' (inferred for the private endpoint: documented for the internet gateways)' : ''}`;
  }
}

export function reasonText(r: Reason): string {
  return isServiceReason(r) ? serviceReasonText(r) : netReasonText(r);
}

const SERVICE_CODES: ReadonlySet<string> = new Set<string>(SERVICE_REASON_CODES);

function isServiceReason(r: Reason): r is ServiceReason {
  return SERVICE_CODES.has(r.code);
}

/** The sentence for a blocker: its reason, and the probes it stops when it stops several. */
export function blockerText(b: Blocker): string {
  const first = reasonText(b.reason);
  if (!b.affects || b.affects.length <= 1) return first;
  const all = [first, ...(b.more ?? []).map(reasonText)];
  return all.length === 1
    ? `${first} (blocks ${b.affects.join(', ')})`
    : `blocks ${b.affects.join(', ')}: ${all.join('; ')}`;
}
