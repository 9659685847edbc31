// The prediction of one connection (contract.md, "Trace outcomes"), as data. Every step, blocker and warning carries
// a typed code and the facts behind it; the words a person reads are made from them in src/report/ (the JSON of
// `wspl trace` adds them as `detail`, so it keeps every field the contract names).
import type { Provenance } from '../model/types.js';
import type { BlockerKind, Hop, NetReason } from '../net/trace-types.js';
import type { ResolverPlace } from '../net/dns.js';
import type { RuleId } from './rule-ids.js';
import type { Outcome, Transport } from '../model/outcomes.js';

export type { Hop } from '../net/trace-types.js';
export type { RuleId } from './rule-ids.js';

export { OUTCOMES, type Outcome } from '../model/outcomes.js';

export const STEP_NAMES = ['registration', 'login', 'broker', 'dns', 'probe', 'connect'] as const;
export type StepName = (typeof STEP_NAMES)[number];
export type StepStatus = 'ok' | 'fail' | 'skipped' | 'unknown';
export type { Transport } from '../model/outcomes.js';
export type Path = 'privatelink' | 'internet' | null;
export type DeviceOs = 'windows' | 'macos' | 'linux';

/** Why a WorkSpaces requirement (system.md §3) or the service's answer stops a connection. */
export type ServiceReason =
  | { code: 'pools-directory'; directory: string }
  | { code: 'fips-encryption'; directory: string }
  | { code: 'access-endpoint-type'; directory: string; type: string }
  | { code: 'wrong-endpoint-service'; endpoint: string; type: string; service: string; expected: string }
  | { code: 'endpoint-other-account'; endpoint: string; owner: string; account: string }
  | { code: 'endpoint-shared-vpc'; endpoint: string; vpc: string; owner: string }
  | { code: 'dns-record-ip-type'; endpoint: string; type: string }
  | { code: 'pcoip-no-fallback'; directory: string }
  | { code: 'endpoint-state'; endpoint: string; state: string }
  | { code: 'private-dns-off'; endpoint: string; name: string }
  | { code: 'vpc-dns-attributes-off'; vpc: string; endpoint: string; support: boolean; hostnames: boolean }
  | { code: 'private-name-unresolvable'; resolver: ResolverPlace; name: string; endpointVpc?: string }
  | { code: 'device-denied'; directory: string; os: DeviceOs }
  | { code: 'ip-group-denied'; group: string; cidrs: string[]; source: string }
  | { code: 'client-too-old-for-443'; client: string; version?: string; privateLink: boolean };

export type Reason = NetReason | ServiceReason;

/** A setting that blocks the path, with the rule that covers it. */
export interface Blocker {
  /** The resource to change: "vpc1/endpoint-sg", "vpc1/private", "corp". */
  resource: string;
  kind: BlockerKind;
  reason: Reason;
  /** The contract rule that covers this blocker, when there is one. */
  ruleId?: RuleId;
  location?: Provenance;
  /** True when the blocker rests on an inferred (not documented or observed) fact. */
  inferred?: boolean;
  /** The blocker stops the return traffic, not the outbound packets. */
  phase?: 'forward' | 'return';
  /** The probes it stops ("TCP 443 to 10.0.21.217"), when it stops several. */
  affects?: string[];
  /** Further distinct reasons of the same setting (one setting, several probes with different facts). */
  more?: Reason[];
}

export type WarningCode =
  | 'client-internet-for-auth'
  | 'directory-ip-groups-bypassed'
  | 'pcoip-over-internet'
  | 'directory-global-accelerator'
  | 'network-check-false-alarm'
  | 'transport-uncertain'
  | 'endpoint-address-unreachable'
  | 'udp-blocked'
  | 'tcp-blocked'
  | 'port-4195-blocked'
  | 'port-443-blocked';

/** The facts behind each warning, keyed by its code. */
export type WarningFacts =
  | { code: 'client-internet-for-auth'; state: 'blocked' | 'unknown'; causes: Blocker[]; missing: string[] }
  | { code: 'directory-ip-groups-bypassed'; directory: string; groups: string[]; pcoipFallback: boolean }
  | { code: 'pcoip-over-internet'; directory: string }
  | { code: 'directory-global-accelerator'; resource: string }
  | { code: 'network-check-false-alarm'; protocols: ('UDP' | 'TCP')[] }
  | { code: 'transport-uncertain'; before: string[] }
  | { code: 'endpoint-address-unreachable'; address: string; causes: Blocker[] }
  | {
      code: 'udp-blocked' | 'tcp-blocked' | 'port-4195-blocked' | 'port-443-blocked';
      blocked: string[];
      causes: Blocker[];
    };

export interface TraceWarning {
  code: WarningCode;
  facts: WarningFacts;
  resource?: string;
  inferred?: boolean;
}

/** What decided a step, as data (rendered into the step's `detail`). */
export type StepNote =
  | { code: 'internet-ok'; publicSource?: string }
  | { code: 'internet-blocked'; causes: Blocker[] }
  | { code: 'internet-unknown'; missing: string[] }
  | { code: 'login-ok'; loginHost: string; brokerHost: string }
  | { code: 'not-reached' }
  | { code: 'device-os-unknown' }
  | { code: 'device-denied'; os: DeviceOs }
  | { code: 'ip-source-unknown' }
  | { code: 'ip-groups-denied'; source: string; groups: string[] }
  | { code: 'broker-refused'; answer: BrokerNote }
  | {
      code: 'broker-offers';
      answer: BrokerNote;
      offers: OfferedEndpoint[];
      ipGroupsAllowed?: { source: string; groups: string[] };
    }
  | { code: 'dns-private'; name: string; addresses: string[]; owner: string }
  | { code: 'dns-public'; name: string }
  | { code: 'dns-failed'; causes: Blocker[]; fallback: string }
  | { code: 'probe-summary'; hypothetical: boolean; dns?: 'failed' | 'unknown' }
  | { code: 'connected'; transport: Transport; port: number; address?: string; tcpFirst: boolean }
  | { code: 'none-reachable' }
  | { code: 'none-known' };

/** The broker's answer, as data. */
export type BrokerNote =
  | { code: 'endpoint-not-in-input'; endpoint: string }
  | { code: 'access-properties-unknown' }
  | { code: 'access-endpoint-without-id'; type: string }
  | { code: 'protocol-unknown' }
  | { code: 'setting-unknown' }
  | { code: 'unsupported'; reason: ServiceReason }
  | { code: 'resource-not-found' }
  | { code: 'pcoip-gateways' }
  | { code: 'pcoip-fallback' }
  | { code: 'dcv-gateways' }
  | { code: 'private-endpoint'; endpoint: string };

export interface TraceStep {
  step: StepName;
  status: StepStatus;
  note: StepNote;
  /** Resources that decided this step. */
  evidence: string[];
  hops?: Hop[];
  inferred?: boolean;
}

export interface OfferedEndpoint {
  hostname: string;
  transport: Transport;
  port: number;
}

export interface ProbeResult extends OfferedEndpoint {
  address?: string;
  reachable: boolean | 'unknown';
  hops: Hop[];
  blockers: Blocker[];
  /** What the input lacks to decide this probe. */
  missing?: string[];
}

export interface ChosenEndpoint extends OfferedEndpoint {
  address: string | null;
}

export interface Trace {
  outcome: Outcome;
  client: string;
  workspace: string;
  path: Path;
  endpoint: ChosenEndpoint | null;
  steps: TraceStep[];
  /** Every setting that blocks the path, not only the first. */
  blockers: Blocker[];
  warnings: TraceWarning[];
  /** What the input lacks, when the outcome is UNKNOWN (or a step is unknown). */
  missing: string[];
  /** What the broker offers, in the client's probe order. */
  offered: OfferedEndpoint[];
  probes: ProbeResult[];
}

/** A probe as people name it: "QUIC 4195 to 10.0.21.217". */
export function probeLabel(p: { transport: Transport; port: number; address?: string }): string {
  return `${p.transport} ${p.port}${p.address ? ` to ${p.address}` : ''}`;
}

export const SERVICE_REASON_CODES = [
  'pools-directory',
  'fips-encryption',
  'access-endpoint-type',
  'wrong-endpoint-service',
  'endpoint-other-account',
  'endpoint-shared-vpc',
  'dns-record-ip-type',
  'pcoip-no-fallback',
  'endpoint-state',
  'private-dns-off',
  'vpc-dns-attributes-off',
  'private-name-unresolvable',
  'device-denied',
  'ip-group-denied',
  'client-too-old-for-443',
] as const satisfies readonly ServiceReason['code'][];

export const WARNING_CODES = [
  'client-internet-for-auth',
  'directory-ip-groups-bypassed',
  'pcoip-over-internet',
  'directory-global-accelerator',
  'network-check-false-alarm',
  'transport-uncertain',
  'endpoint-address-unreachable',
  'udp-blocked',
  'tcp-blocked',
  'port-4195-blocked',
  'port-443-blocked',
] as const satisfies readonly WarningCode[];

/** Compile-time: the lists hold every code of their unions. */
export const serviceListsAreComplete: [
  Exclude<ServiceReason['code'], (typeof SERVICE_REASON_CODES)[number]>,
  Exclude<WarningCode, (typeof WARNING_CODES)[number]>,
] extends [never, never]
  ? true
  : never = true;
