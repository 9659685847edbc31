// The normalized model: what every source (design file, CloudFormation, Terraform plan, AWS snapshot) becomes.
// Ids are qualified names: top-level things by their own name ("vpc1", "corp", "home"), things inside a VPC as
// "VPC/NAME" ("vpc1/public-a", "vpc1/streaming"), on-premises networks as "onprem/NAME".
// A field that is `undefined` where the type allows it means "the source did not say": the engine answers UNKNOWN
// for anything that depends on it and never guesses.

import type { Outcome, StreamPath, Transport } from './outcomes.js';

/** What a DHCP option set names for the VPC resolver (VPC User Guide, "DHCP option sets"). */
export const AMAZON_PROVIDED_DNS = 'AmazonProvidedDNS';

export type SourceKind = 'design' | 'cloudformation' | 'cdk' | 'terraform-plan' | 'snapshot' | 'aws';

/** A place in a source file. */
export interface SourcePosition {
  line: number;
  column?: number;
  /** Set when the field was stated in another file than the entity (an overlay). */
  file?: string;
}

/** Where an entity came from, so findings point at the line to edit. */
export interface Provenance {
  source: SourceKind;
  file: string;
  line?: number;
  column?: number;
  /** JSON pointer or dotted design path of the entity in its source. */
  path?: string;
  /** The id the entity has in its source (logical id, vpc-…, the design-file name). */
  originalId?: string;
  /** CDK construct path ("SeedStack/Endpoint/Resource") when the source is a cdk.out folder. */
  constructPath?: string;
  /** Terraform resource address ("module.net.aws_vpc_endpoint.streaming") when the source is a plan. */
  address?: string;
  /**
   * Where single fields of the entity sit, keyed by the model field name ("privateDns", "securityGroups"), so a
   * finding about one property points at that property's line rather than at the resource. Optional: sources fill
   * what they know.
   */
  fields?: Record<string, SourcePosition>;
  /** How a template or plan wrote the resource (templates and plans only), for rules about IaC-specific mistakes. */
  template?: TemplateFacts;
}

/** What a template or plan said about a resource beyond its settings: its type, what it left out, how it linked. */
export interface TemplateFacts {
  /** The resource type as written: "AWS::EC2::VPCEndpoint", "aws_vpc_endpoint". */
  resourceType: string;
  /** Model fields filled with the tool's own default because the input left them out ("type", "privateDns"). */
  defaulted?: string[];
  /** References to other resources and how they were written: `Ref` gives some types' ARN, not their id. */
  references?: TemplateReference[];
}

export interface TemplateReference {
  /** The model field that holds the reference ("ipGroups"), and the list index when it is a list. */
  field: string;
  index?: number;
  /** Model id and resource type of the resource referred to. */
  target: string;
  targetType: string;
  /** `Ref` (CloudFormation's Ref, or ${Name} in Fn::Sub) or `GetAtt` (with the attribute). */
  form: 'Ref' | 'GetAtt';
  attribute?: string;
  position?: SourcePosition;
}

/**
 * Where a resource lives in AWS. Every AWS resource of the model carries it: one model can hold several accounts and
 * Regions (a network account with the transit gateway, a WorkSpaces account with the directory).
 */
export interface Scope {
  account: string;
  region: string;
}

export type Protocol = 'tcp' | 'udp' | 'icmp' | 'all';

/** A security-group or firewall peer: a CIDR, another security group, or a managed prefix list. */
export type Peer = { kind: 'cidr'; cidr: string } | { kind: 'sg'; id: string } | { kind: 'prefix-list'; id: string };

export interface SgRule {
  protocol: Protocol;
  /** Inclusive port range; 0-65535 for `all` and when the rule names no port. */
  fromPort: number;
  toPort: number;
  peer: Peer;
  description?: string;
  prov: Provenance;
}

export interface SecurityGroup extends Scope {
  id: string;
  name: string;
  vpc: string;
  ingress: SgRule[];
  egress: SgRule[];
  /**
   * Set when the source knows the group only by its id (a live read could not list the groups): why. Whatever it
   * would allow is then UNKNOWN rather than nothing.
   */
  rulesUnknown?: string;
  prov: Provenance;
}

export interface NaclRule {
  number: number;
  action: 'allow' | 'deny';
  protocol: Protocol;
  fromPort: number;
  toPort: number;
  cidr: string;
  prov: Provenance;
}

export interface NetworkAcl extends Scope {
  id: string;
  name: string;
  vpc: string;
  subnets: string[];
  ingress: NaclRule[];
  egress: NaclRule[];
  /**
   * Set when the source could not read the ACL's rules (a live read that was refused): why. Every flow through the
   * ACL is then UNKNOWN rather than decided by the (empty) rule lists.
   */
  rulesUnknown?: string;
  prov: Provenance;
}

export type RouteTarget =
  | { kind: 'local' }
  | { kind: 'igw'; id: string }
  | { kind: 'nat-gateway'; id: string }
  | { kind: 'instance'; id: string }
  | { kind: 'peering'; id: string }
  | { kind: 'tgw'; id: string }
  | { kind: 'vgw'; id: string }
  | { kind: 'blackhole' };

export interface Route {
  /** A CIDR, or a prefix-list id (`pl-…` / a design-file prefix list name) when `prefixList` is set. */
  destination: string;
  prefixList?: boolean;
  target: RouteTarget;
  prov: Provenance;
}

export interface RouteTable extends Scope {
  id: string;
  name: string;
  vpc: string;
  routes: Route[];
  prov: Provenance;
}

export interface Subnet extends Scope {
  id: string;
  name: string;
  vpc: string;
  cidr: string;
  ipv6Cidr?: string;
  az: string;
  /** Route table id; undefined means the VPC's main route table. */
  routeTable?: string;
  prov: Provenance;
}

export interface Vpc extends Scope {
  id: string;
  cidrs: string[];
  ipv6Cidrs: string[];
  /** enableDnsSupport / enableDnsHostnames; undefined when the source did not say. */
  dnsSupport?: boolean;
  dnsHostnames?: boolean;
  internetGateway?: string;
  /** Id of the main route table (used by subnets without an explicit association). */
  mainRouteTable?: string;
  /** Set when the VPC is shared to this account by another (RAM); holds the owner's account id. */
  sharedFrom?: string;
  /** Route 53 Resolver forwarding rules associated with the VPC: they win over private zones for their domain. */
  resolverRules?: ResolverRule[];
  /**
   * The VPC's DHCP option set: which DNS servers its instances ask. Undefined: the default set
   * (AmazonProvidedDNS, the VPC resolver). `domainNameServers` holds addresses or "AmazonProvidedDNS".
   */
  dhcpOptions?: { id?: string; domainNameServers: string[]; prov?: Provenance };
  prov: Provenance;
}

export interface Instance extends Scope {
  id: string;
  name: string;
  vpc: string;
  subnet: string;
  securityGroups: string[];
  privateIp?: string;
  publicIp?: string;
  /**
   * The instance has a public address whose value the source cannot give (an Elastic IP or public address assigned
   * at deployment): traffic through an internet gateway passes, from an address not known here.
   */
  publicIpPending?: boolean;
  /**
   * Acts as a NAT instance (forwards traffic from other subnets to the internet). Undefined: the source cannot say
   * (a template sets it up inside the instance), so a route through it is UNKNOWN until an overlay states it.
   */
  nat?: boolean;
  state: 'running' | 'stopped';
  /** EC2 source/destination check; a NAT instance only forwards with it off. Undefined: not said. */
  sourceDestCheck?: boolean;
  prov: Provenance;
}

export interface NatGateway extends Scope {
  id: string;
  name: string;
  vpc: string;
  subnet: string;
  connectivity: 'public' | 'private';
  publicIp?: string;
  state: 'available' | 'pending' | 'failed' | 'deleting' | 'deleted';
  prov: Provenance;
}

export type EndpointState = 'available' | 'pending' | 'deleting' | 'deleted' | 'rejected' | 'failed';
export type DnsRecordIpType = 'ipv4' | 'ipv6' | 'dualstack' | 'service-defined';

export interface EndpointAddress {
  subnet: string;
  ip: string;
}

export interface VpcEndpoint extends Scope {
  id: string;
  name: string;
  vpc: string;
  /** The AWS id (vpce-…) when known. */
  awsId?: string;
  service: string;
  type: 'Interface' | 'Gateway' | 'GatewayLoadBalancer' | 'Resource' | 'ServiceNetwork';
  subnets: string[];
  securityGroups: string[];
  privateDns?: boolean;
  dnsRecordIpType?: DnsRecordIpType;
  ipAddressType?: 'ipv4' | 'ipv6' | 'dualstack';
  /** ENI addresses; empty when the source did not list them (the engine then uses the subnet ranges). */
  addresses: EndpointAddress[];
  /** The private DNS name AWS publishes for the endpoint's service (DescribeVpcEndpointServices), when read. */
  servicePrivateDnsName?: string;
  owner: string;
  state: EndpointState;
  prov: Provenance;
}

/**
 * A Route 53 Resolver endpoint. Inbound: where other networks' resolvers forward queries into a VPC. Outbound: where
 * a VPC's forwarding rules send queries out from.
 */
export interface ResolverEndpoint extends Scope {
  id: string;
  name: string;
  vpc: string;
  direction: 'inbound' | 'outbound';
  subnets: string[];
  addresses: EndpointAddress[];
  securityGroups: string[];
  prov: Provenance;
}

/** A peering connection; its scope is the requester's. The accepter VPC may sit in another account or Region. */
export interface PeeringConnection extends Scope {
  id: string;
  name: string;
  requesterVpc: string;
  accepterVpc: string;
  state: 'active' | 'pending-acceptance' | 'deleted' | 'rejected';
  prov: Provenance;
}

export interface TgwRoute {
  destination: string;
  /** Attachment id, or undefined for a blackhole route. */
  attachment?: string;
  /** Learned from the attachment's propagation rather than written: a static route for the same prefix wins. */
  propagated?: boolean;
  prov: Provenance;
}

export interface TgwRouteTable {
  id: string;
  name: string;
  routes: TgwRoute[];
  prov: Provenance;
}

export type TgwAttachment =
  | { id: string; name: string; kind: 'vpc'; vpc: string; subnets: string[]; routeTable: string; prov: Provenance }
  | { id: string; name: string; kind: 'vpn' | 'dx'; onPrem: string; routeTable: string; prov: Provenance }
  | { id: string; name: string; kind: 'peering'; peerTgw: string; routeTable: string; prov: Provenance };

export interface TransitGateway extends Scope {
  id: string;
  routeTables: TgwRouteTable[];
  attachments: TgwAttachment[];
  prov: Provenance;
}

/** How an on-premises network reaches AWS. */
export type OnPremConnection =
  { kind: 'vpn' | 'dx'; via: 'vgw'; vpc: string } | { kind: 'vpn' | 'dx'; via: 'tgw'; tgw: string; attachment: string };

export interface DnsForwarder {
  /** Domain forwarded (the name itself or a parent), without a trailing dot. */
  domain: string;
  /** Target resolver addresses (normally Route 53 Resolver inbound endpoint IPs). */
  to: string[];
}

export interface ResolverRule {
  domain: string;
  /** Target resolver addresses (normally another VPC's inbound endpoint). */
  to: string[];
  /** The outbound resolver endpoint the queries leave from. */
  via: string;
  prov: Provenance;
}

export interface OnPremNetwork {
  id: string;
  name: string;
  cidrs: string[];
  connections: OnPremConnection[];
  /** The site's DNS server (an address inside its CIDRs) and its conditional forwarders. */
  dns: { server?: string; forwarders: DnsForwarder[] };
  /** Direct internet breakout of the site: undefined when the site has none. */
  internet?: { publicIp?: string };
  /** Site firewall outbound rules; undefined means everything is allowed out. */
  egress?: SgRule[];
  prov: Provenance;
}

export interface IpGroup extends Scope {
  id: string;
  name: string;
  cidrs: string[];
  prov: Provenance;
}

export interface PrefixList extends Scope {
  id: string;
  name: string;
  cidrs: string[];
  prov: Provenance;
}

export interface Directory extends Scope {
  id: string;
  /** The AWS directory id (d-… or wsd-…). */
  directoryId?: string;
  type: 'personal' | 'pools';
  vpc?: string;
  subnets: string[];
  /**
   * Endpoint id ("vpc1/streaming") or null when no streaming endpoint is configured. Undefined: the source could not
   * tell (a live read without the directory's access properties); traces that depend on it are UNKNOWN.
   */
  streamingEndpoint?: string | null;
  /** When the source names a vpce id that is not in the model, it is kept here. */
  streamingEndpointAwsId?: string;
  /** AccessEndpointType as written; STREAMING_WSP is the only valid value. */
  accessEndpointType?: string;
  pcoipOverInternet: boolean;
  ipGroups: string[];
  /** EndpointEncryptionMode; undefined when the source cannot state it (Terraform has no such argument). */
  encryption?: 'standard-tls' | 'fips-validated';
  /** StreamingProperties Global Accelerator; undefined when the source cannot state it (Terraform). */
  globalAccelerator?: boolean;
  preferredProtocol?: 'udp' | 'tcp';
  /** Device types set to DENY in WorkspaceAccessProperties (DeviceTypeWindows, DeviceTypeOsx, DeviceTypeLinux, …). */
  deniedDeviceTypes?: DeviceType[];
  prov: Provenance;
}

export type DeviceType = 'windows' | 'macos' | 'linux' | 'web' | 'ios' | 'android' | 'chromeos' | 'zeroclient';

export interface Workspace extends Scope {
  id: string;
  directory: string;
  /** Streaming protocol; undefined when the source cannot say (CloudFormation and Terraform cannot). */
  protocol?: 'dcv' | 'pcoip';
  /** Per-WorkSpace Global Accelerator mode. */
  globalAccelerator?: 'inherited' | 'enabled' | 'disabled';
  prov: Provenance;
}

export type ClientLocation =
  | { kind: 'internet' }
  | { kind: 'vpc'; vpc: string; subnet: string; instance?: string }
  | { kind: 'onprem'; network: string };

export interface Client {
  id: string;
  at: ClientLocation;
  publicIp?: string;
  /** Address on its own network (instance private IP, an on-premises address). */
  privateIp?: string;
  /** Client application version, e.g. "5.29.1" or "2024.7"; undefined means the newest. */
  version?: string;
  os?: 'windows' | 'macos' | 'linux';
  /** Outbound rules of the device's own network when it is not an instance (home router, etc.). */
  egress?: SgRule[];
  prov: Provenance;
}

/**
 * An intent (contract.md, "Intents"): what must hold for every client × WorkSpace whose names match the globs.
 * `outcome` lists the outcomes that satisfy it (any of them); `path` and `transport`, when given, must match too.
 */
export interface Expectation {
  /** "expect[0]": its place in the list, which also names it in findings. */
  id: string;
  client: string;
  workspace: string;
  outcome: Outcome[];
  path?: StreamPath;
  transport?: Transport;
  prov: Provenance;
}

export interface Model {
  /** Defaults for resources that do not say (the design file's top-level `account` and `region`). */
  account: string;
  region: string;
  /** Where the model as a whole came from (the file, or the live accounts read), for diagnostics about it. */
  origin?: Provenance;
  vpcs: Vpc[];
  subnets: Subnet[];
  routeTables: RouteTable[];
  securityGroups: SecurityGroup[];
  networkAcls: NetworkAcl[];
  instances: Instance[];
  natGateways: NatGateway[];
  endpoints: VpcEndpoint[];
  resolverEndpoints: ResolverEndpoint[];
  peerings: PeeringConnection[];
  transitGateways: TransitGateway[];
  onPremises: OnPremNetwork[];
  prefixLists: PrefixList[];
  ipGroups: IpGroup[];
  directories: Directory[];
  workspaces: Workspace[];
  clients: Client[];
  /** Intents from an `expect:` section (design file, overlay or --expect FILE); absent when none were stated. */
  expectations?: Expectation[];
}

export function emptyModel(account: string, region: string): Model {
  return {
    account,
    region,
    vpcs: [],
    subnets: [],
    routeTables: [],
    securityGroups: [],
    networkAcls: [],
    instances: [],
    natGateways: [],
    endpoints: [],
    resolverEndpoints: [],
    peerings: [],
    transitGateways: [],
    onPremises: [],
    prefixLists: [],
    ipGroups: [],
    directories: [],
    workspaces: [],
    clients: [],
  };
}
