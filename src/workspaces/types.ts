// The prediction of one connection, as `wspl trace --format json` prints it (contract.md, "Trace outcomes").

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
/** QUIC is DCV over UDP; UDP alone is PCoIP's streaming channel. */
export type Transport = 'QUIC' | 'TCP' | 'UDP';
export type Path = 'privatelink' | 'internet' | null;

export type { Blocker, Hop } from '../net/trace-types.js';
import type { Blocker, Hop } from '../net/trace-types.js';

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
