// What `wspl probe` checks for one Region, and how. Every host name comes from src/workspaces/knowledge.ts (one home
// for AWS facts); everything that touches the network is injectable (ProbeDeps) so tests stay on 127.0.0.1.
import { getServers } from 'node:dns';
import { dcvOffers } from '../workspaces/broker.js';
import {
  CONNECTIVITY_CHECK_HOST,
  SOURCES,
  brokerHost,
  dcvGatewayName,
  healthCheckHost,
  loginHost,
  privateStreamingName,
} from '../workspaces/knowledge.js';
import { systemLookup, type DnsServer, type Lookup } from './dns.js';

export type StreamingTransport = 'QUIC' | 'TCP';

export interface StreamingPort {
  transport: StreamingTransport;
  port: number;
}

export type InternetRole = 'broker' | 'login' | 'connectivity';

export interface InternetHost {
  role: InternetRole;
  host: string;
  port: number;
  /** Where the host name comes from, and how sure it is. */
  source: string;
  /** False for hosts whose failure the client shows but that a session does not depend on. */
  needed: boolean;
}

/** Which path the client's streams take, when someone told us (--endpoint, or the prediction of --topology). */
export interface PathHint {
  path: 'privatelink' | 'internet' | null;
  why: string;
}

export interface ProbeTimeouts {
  dnsMs: number;
  connectMs: number;
  quicMs: number;
  tlsMs: number;
}

export interface ProbePlan {
  region: string;
  privateName: string;
  /** --endpoint: probe this host or address instead of the private name's answers. */
  endpoint?: string;
  /** --dns: a resolver asked besides the system one (the VPC resolver, an inbound endpoint, an office server). */
  dnsServer?: DnsServer;
  /** The client's probe order: QUIC before TCP, 4195 before 443 (seed log), or TCP first when preferred. */
  order: StreamingPort[];
  internet: InternetHost[];
  /** Why the login pages are not checked, when the directory id is unknown. */
  loginUnknown?: string;
  healthCheck?: { host: string; port: number };
  dcvGateway: string;
  hint?: PathHint;
  timeouts: ProbeTimeouts;
  /** Streaming addresses probed at most (an endpoint has one interface per Availability Zone). */
  maxAddresses: number;
}

export interface PlanOptions {
  region: string;
  endpoint?: string;
  dnsServer?: DnsServer;
  directoryId?: string;
  /** The directory prefers TCP (StreamingExperiencePreferredProtocol: TCP): TCP is probed first (inferred). */
  preferTcp?: boolean;
  /** Base timeout in ms for one probe (default 1500); a TLS handshake gets more. */
  timeoutMs?: number;
  hint?: PathHint;
}

import { DEFAULT_TIMEOUT_MS } from './defaults.js';

export { DEFAULT_TIMEOUT_MS };

/** The UDP and TCP port the client's network check uses towards the health-check servers for DCV. */
const HEALTH_CHECK_PORT = 4195;

export function planProbe(o: PlanOptions): ProbePlan {
  const base = o.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const privateName = privateStreamingName(o.region);
  const order = dcvOffers(privateName, o.preferTcp === true, true).map((e) => ({
    transport: e.transport === 'TCP' ? ('TCP' as const) : ('QUIC' as const),
    port: e.port,
  }));
  const internet: InternetHost[] = [
    {
      role: 'broker',
      host: brokerHost(o.region),
      port: 443,
      source:
        'host name known from third parties (AWS lists it only in tables its text copies leave blank); unverified',
      needed: true,
    },
  ];
  if (o.directoryId) {
    internet.push({ role: 'login', host: loginHost(o.directoryId), port: 443, source: SOURCES.ports, needed: true });
  }
  internet.push({
    role: 'connectivity',
    host: CONNECTIVITY_CHECK_HOST,
    port: 443,
    source: SOURCES.ports,
    needed: false,
  });
  const health = healthCheckHost(o.region);
  return {
    region: o.region,
    privateName,
    endpoint: o.endpoint,
    dnsServer: o.dnsServer,
    order,
    internet,
    loginUnknown: o.directoryId
      ? undefined
      : 'the directory id is not known: give --directory d-… (or --topology) to check the login pages',
    healthCheck: health ? { host: health, port: HEALTH_CHECK_PORT } : undefined,
    dcvGateway: dcvGatewayName(o.region),
    hint: o.hint,
    timeouts: { dnsMs: base, connectMs: base, quicMs: base, tlsMs: Math.round(base * 1.6) },
    maxAddresses: 8,
  };
}

export type DialTransport = 'TCP' | 'QUIC' | 'TLS';

/** Everything that reaches the network. The defaults are the real thing; tests map every target to 127.0.0.1. */
export interface ProbeDeps {
  lookup: Lookup;
  /** The servers the system resolver uses, for the report (from /etc/resolv.conf on Unix). */
  systemServers: () => string[];
  /** Where a probe of address:port really goes. Identity outside tests. */
  dial: (transport: DialTransport, address: string, port: number) => { address: string; port: number };
  /** Roots for the TLS check instead of Node's bundled store (tests only). */
  tlsCa?: string | Buffer;
  now: () => Date;
}

export const liveDeps: ProbeDeps = {
  lookup: systemLookup,
  systemServers: () => {
    try {
      return getServers();
    } catch {
      return [];
    }
  },
  dial: (_transport, address, port) => ({ address, port }),
  now: () => new Date(),
};
