// What the data plane reports about one flow, as data: the hops it passed (what was evaluated, in which direction,
// the verdict, the exact rule or route that decided) and every setting that stopped it, with a typed reason. No
// prose here: the words are made in src/report/ from these fields, so a dashboard, a test of hop order or a script
// reads the same facts a person does.
import type { NaclRule, Provenance, SgRule } from '../model/types.js';

export type FlowProto = 'tcp' | 'udp';
/** Inclusive port range; one port is [p, p]. */
export type PortRange = [number, number];

/** What a hop evaluated. */
export type Evaluated =
  | 'security-group'
  | 'network-acl'
  | 'firewall'
  | 'route'
  | 'transit-gateway-route'
  | 'nat'
  | 'peering'
  | 'vpn'
  | 'direct-connect'
  | 'internet'
  | 'internet-breakout'
  | 'dns-public'
  | 'dns-private-zone'
  | 'dns-resolver'
  | 'resolver-rule'
  | 'dns-forwarder'
  | 'inbound-resolver-endpoint';

/** Outbound: leaving the client's side; inbound: arriving at the target's side; return: the reply. */
export type HopDirection = 'outbound' | 'inbound' | 'return';
export type HopVerdict = 'allowed' | 'denied' | 'forwarded' | 'dropped' | 'unknown';

/** The exact rule, route or answer that decided a hop, with what the user wrote. */
export type HopDecision =
  | { code: 'sg-rule'; rule: SgRule; direction: 'ingress' | 'egress' }
  | { code: 'sg-no-rule'; groups: string[]; direction: 'ingress' | 'egress'; flow: FlowDesc }
  | { code: 'sg-none-attached'; node: string }
  | { code: 'sg-not-given' }
  | { code: 'sg-established' }
  | { code: 'filter-partial'; rule?: SgRule | NaclRule; remote: string }
  | { code: 'prefix-list-unknown'; rule: SgRule }
  | { code: 'sg-unknown-group'; group: string }
  | { code: 'acl-rules'; rules: NaclRule[] }
  | { code: 'acl-rule-denies'; rule: NaclRule }
  | { code: 'acl-implicit-deny' }
  | { code: 'acl-rules-unknown'; reason: string }
  | { code: 'acl-return-denied'; aclDirection: 'inbound' | 'outbound'; ports: PortRange[]; rule?: NaclRule }
  | { code: 'firewall-rule'; rule: SgRule }
  | { code: 'firewall-no-rule'; flow: FlowDesc }
  | { code: 'route'; destination: string; target: string }
  | { code: 'tgw-route'; destination: string; attachment: string; propagated: boolean }
  | { code: 'nat-source'; publicIp?: string; gateway: boolean }
  | { code: 'peering'; from: string; to: string }
  | { code: 'to-vgw'; address: string; vpc: string }
  | { code: 'to-tgw'; attachment: string }
  | { code: 'to-internet'; address: string }
  | { code: 'breakout'; publicIp?: string }
  | { code: 'public-answer'; name: string; answer: PublicAnswerCode }
  | { code: 'vpc-dns-off' }
  | { code: 'resolver-rule'; domain: string; to: string[]; via: string }
  | { code: 'zone-answer'; name: string; addresses: string[]; owner: string }
  | { code: 'forwarder'; domain: string; to: string[] }
  | { code: 'inbound-endpoint'; vpc: string };

/** What public DNS answers for a name (the service layer knows which names are public). */
export type PublicAnswerCode = 'resolves' | 'not-public' | 'unknown';

/** A flow as filters see it, for reasons and decisions: "TCP 443 to 0.0.0.0/0". */
export interface FlowDesc {
  protocol: FlowProto;
  port: number;
  /** `to` for egress, `from` for ingress. */
  toward: 'to' | 'from';
  remote: string;
}

/** One thing on the way that decided a packet's fate (Batfish-style hop). */
export interface Hop {
  /** The resource: "vpc1/client-sg", "vpc1/private", "vpc1/nat", "vpc1 resolver 10.0.0.2". */
  node: string;
  evaluated: Evaluated;
  direction: HopDirection;
  result: HopVerdict;
  decision: HopDecision;
  /** Where the deciding rule or route is written. */
  location?: Provenance;
}

/** Why a setting of the network stops a flow. Each code has its words in src/report/reason-text.ts. */
export type NetReason =
  | { code: 'acl-denied'; direction: 'inbound' | 'outbound'; flow: FlowDesc; subnet: string; rule?: NaclRule }
  | {
      code: 'acl-return-denied';
      direction: 'inbound' | 'outbound';
      protocol: FlowProto;
      toward: 'to' | 'from';
      remote: string;
      ports: PortRange[];
      subnet: string;
      /** The client's ephemeral range the replies go to, when it differs from the default 1024-65535. */
      ephemeral: PortRange;
      rule?: NaclRule;
    }
  | { code: 'sg-none-attached'; node: string; direction: 'ingress' | 'egress'; flow: FlowDesc }
  | { code: 'sg-no-rule'; groups: string[]; direction: 'ingress' | 'egress'; flow: FlowDesc }
  | { code: 'firewall-denied'; node: string; flow: FlowDesc }
  | { code: 'arrives-elsewhere'; at: string; expected: string }
  | { code: 'reply-misrouted'; from: string; viaNat?: string; to: string; arrivesAt: string }
  | { code: 'reply-through-nat'; table: string; from: string; to: string; route: string; nat: string }
  | { code: 'on-return-path'; reason: NetReason }
  | { code: 'no-subnet-holds'; vpc: string; address: string }
  | { code: 'tgw-no-route'; table: string; address: string }
  | { code: 'tgw-blackhole'; table: string; destination: string }
  | { code: 'attachment-no-subnet'; attachment: string }
  | { code: 'attachment-wrong-site'; attachment: string; site: string; address: string }
  | { code: 'attachment-missing-az'; attachment: string; az: string; subnet: string; tgw: string; azs: string[] }
  | { code: 'vpc-not-attached'; vpc: string; tgw: string }
  | { code: 'routing-loop' }
  | { code: 'no-route'; table?: string; vpc: string; subnet: string; address: string }
  | { code: 'blackhole-route'; route: string; table?: string; vpc: string }
  | { code: 'igw-private-address'; table?: string; vpc: string; address: string }
  | { code: 'igw-not-attached'; igw: string; vpc: string }
  | { code: 'no-public-ip'; source: string; igw: string }
  | { code: 'nat-gateway-state'; natGateway: string; state: string }
  | { code: 'nat-gateway-private'; natGateway: string }
  | { code: 'nat-subnet-missing'; nat: string; subnet: string }
  | { code: 'nat-instance-state'; instance: string; state: string }
  | { code: 'not-nat-instance'; instance: string }
  | { code: 'source-dest-check'; instance: string }
  | { code: 'nat-no-public-ip'; instance: string }
  | { code: 'peering-state'; peering: string; state: string }
  | { code: 'peering-not-transitive'; peering: string; address: string; other: string }
  | { code: 'no-site-behind-vgw'; vgw: string; address: string }
  | { code: 'no-link-from-site'; site: string; address: string }
  | { code: 'internet-private-address'; address: string }
  | { code: 'vpc-dns-off'; vpc: string }
  | { code: 'zone-no-records'; owner: string; name: string }
  | { code: 'dns-query-blocked'; resolverEndpoint: string; target: string; reason: NetReason }
  | { code: 'forward-to-vpc-resolver'; from: string; target: string; vpc: string }
  | { code: 'dhcp-servers-do-not-forward'; vpc: string; servers: string[]; name: string };

/** What kind of setting blocks: the part of the setup to change. */
export type BlockerKind =
  | 'security-group'
  | 'network-acl'
  | 'firewall'
  | 'route'
  | 'nat'
  | 'peering'
  | 'internet'
  | 'dns'
  | 'endpoint'
  | 'directory'
  | 'client'
  | 'ip-group';

export interface NetBlocker {
  /** The resource to change: "vpc1/endpoint-sg", "vpc1/private", "corp". */
  resource: string;
  kind: BlockerKind;
  reason: NetReason;
  location?: Provenance;
  /** True when the blocker rests on an inferred (not documented or observed) fact. */
  inferred?: boolean;
  /** Set by the data plane: the blocker stops the return traffic, not the outbound packets. */
  phase?: 'forward' | 'return';
}

/**
 * Every code, at run time (for the published JSON Schema); the type check below fails to compile when a code is
 * added to a union and not here.
 */
export const NET_REASON_CODES = [
  'acl-denied',
  'acl-return-denied',
  'sg-none-attached',
  'sg-no-rule',
  'firewall-denied',
  'arrives-elsewhere',
  'reply-misrouted',
  'reply-through-nat',
  'on-return-path',
  'no-subnet-holds',
  'tgw-no-route',
  'tgw-blackhole',
  'attachment-no-subnet',
  'attachment-wrong-site',
  'attachment-missing-az',
  'vpc-not-attached',
  'routing-loop',
  'no-route',
  'blackhole-route',
  'igw-private-address',
  'igw-not-attached',
  'no-public-ip',
  'nat-gateway-state',
  'nat-gateway-private',
  'nat-subnet-missing',
  'nat-instance-state',
  'not-nat-instance',
  'source-dest-check',
  'nat-no-public-ip',
  'peering-state',
  'peering-not-transitive',
  'no-site-behind-vgw',
  'no-link-from-site',
  'internet-private-address',
  'vpc-dns-off',
  'zone-no-records',
  'dns-query-blocked',
  'forward-to-vpc-resolver',
  'dhcp-servers-do-not-forward',
] as const satisfies readonly NetReason['code'][];

export const HOP_DECISION_CODES = [
  'sg-rule',
  'sg-no-rule',
  'sg-none-attached',
  'sg-not-given',
  'sg-established',
  'filter-partial',
  'prefix-list-unknown',
  'sg-unknown-group',
  'acl-rules',
  'acl-rule-denies',
  'acl-implicit-deny',
  'acl-rules-unknown',
  'acl-return-denied',
  'firewall-rule',
  'firewall-no-rule',
  'route',
  'tgw-route',
  'nat-source',
  'peering',
  'to-vgw',
  'to-tgw',
  'to-internet',
  'breakout',
  'public-answer',
  'vpc-dns-off',
  'resolver-rule',
  'zone-answer',
  'forwarder',
  'inbound-endpoint',
] as const satisfies readonly HopDecision['code'][];

export const EVALUATED = [
  'security-group',
  'network-acl',
  'firewall',
  'route',
  'transit-gateway-route',
  'nat',
  'peering',
  'vpn',
  'direct-connect',
  'internet',
  'internet-breakout',
  'dns-public',
  'dns-private-zone',
  'dns-resolver',
  'resolver-rule',
  'dns-forwarder',
  'inbound-resolver-endpoint',
] as const satisfies readonly Evaluated[];

export const BLOCKER_KINDS = [
  'security-group',
  'network-acl',
  'firewall',
  'route',
  'nat',
  'peering',
  'internet',
  'dns',
  'endpoint',
  'directory',
  'client',
  'ip-group',
] as const satisfies readonly BlockerKind[];

type Missing<All extends string, Listed extends string> = Exclude<All, Listed>;
/** Compile-time: each list holds every member of its union (an error here names the code left out). */
export const listsAreComplete: [
  Missing<NetReason['code'], (typeof NET_REASON_CODES)[number]>,
  Missing<HopDecision['code'], (typeof HOP_DECISION_CODES)[number]>,
  Missing<Evaluated, (typeof EVALUATED)[number]>,
  Missing<BlockerKind, (typeof BLOCKER_KINDS)[number]>,
] extends [never, never, never, never]
  ? true
  : never = true;
