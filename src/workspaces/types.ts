// The prediction of one connection, as `wspl trace --format json` prints it (contract.md, "Trace outcomes").
import type { Provenance } from '../model/types.js';

export const OUTCOMES = [
  'CONNECTED',
  'REGISTRATION_FAILED',
  'AUTHENTICATION_FAILED',
  'DEVICE_NOT_AUTHORIZED',
  'RESOURCE_NOT_FOUND',
  'NO_REACHABLE_ENDPOINT',
  'UNSUPPORTED_CONFIGURATION',
  'UNKNOWN',
] as const;
export type Outcome = (typeof OUTCOMES)[number];

export type StepName = 'registration' | 'login' | 'broker' | 'dns' | 'probe' | 'connect';
export type StepStatus = 'ok' | 'fail' | 'skipped' | 'unknown';
export type Transport = 'QUIC' | 'TCP';
export type Path = 'privatelink' | 'internet' | null;

/** One thing on the way that decided a packet's fate (Batfish-style hop), for the story `trace` tells. */
export interface Hop {
  /** The resource: "vpc1/client-sg", "vpc1/private", "vpc1/nat". */
  node: string;
  /** What was evaluated: "security-group egress", "route", "network ACL inbound", "NAT", "DNS". */
  action: string;
  result: 'allowed' | 'denied' | 'forwarded' | 'dropped' | 'unknown';
  /** The rule or route that decided, as the user wrote it: "tcp:443 to 0.0.0.0/0", "0.0.0.0/0 -> nat". */
  detail: string;
  location?: Provenance;
}

export interface Blocker {
  /** The resource to change: "vpc1/endpoint-sg", "vpc1/private", "corp". */
  resource: string;
  /** What kind of setting blocks: security-group, network-acl, route, nat, dns, endpoint, directory, client, internet. */
  kind: string;
  detail: string;
  /** The contract rule id that covers this blocker, when there is one. */
  ruleId?: string;
  location?: Provenance;
  /** True when the blocker rests on an inferred (not documented or observed) fact. */
  inferred?: boolean;
}

export interface TraceWarning {
  code: string;
  detail: string;
  resource?: string;
  inferred?: boolean;
}

export interface TraceStep {
  step: StepName;
  status: StepStatus;
  detail: string;
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
