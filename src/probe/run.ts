// Runs the plan: every probe at once, each under its own timeout, so the whole run takes about one DNS lookup plus
// one probe timeout at worst. Only the probes of the plan are sent, only to the hosts it names and to the
// addresses they resolve to. The raw outcomes go to assess.ts, which explains them.
import { isIP } from 'node:net';
import { performance } from 'node:perf_hooks';
import { queryServer, resolveWithSystem, type DnsOutcome } from './dns.js';
import type { InternetHost, ProbeDeps, ProbePlan, StreamingTransport } from './plan.js';
import { quicProbe, type QuicOutcome } from './quic.js';
import { tcpConnect, type TcpOutcome } from './tcp.js';
import { tlsCheck, type TlsOutcome } from './tls.js';

export type TargetSource = 'system' | 'server' | 'endpoint';

export interface StreamingObservation {
  address: string;
  transport: StreamingTransport;
  port: number;
  tcp?: TcpOutcome;
  quic?: QuicOutcome;
}

export interface InternetObservation {
  host: InternetHost;
  lookup: DnsOutcome;
  address?: string;
  tls?: TlsOutcome;
}

export interface HealthObservation {
  host: string;
  port: number;
  lookup: DnsOutcome;
  address?: string;
  tcp?: TcpOutcome;
  quic?: QuicOutcome;
}

export interface Observations {
  startedAt: string;
  durationMs: number;
  systemServers: string[];
  /** The private name through the system resolver. */
  system: DnsOutcome;
  /** The private name through --dns. */
  server?: DnsOutcome;
  /** --endpoint: its addresses (given, or looked up). */
  endpoint?: { spec: string; lookup?: DnsOutcome; addresses: string[] };
  /** The addresses probed for streaming and where each came from. */
  targets: { address: string; from: TargetSource[] }[];
  /** Addresses left out beyond the plan's maximum. */
  leftOut: string[];
  streaming: StreamingObservation[];
  internet: InternetObservation[];
  health?: HealthObservation;
}

function addressesOf(o: DnsOutcome | undefined): string[] {
  return o?.status === 'answered' ? o.addresses : [];
}

/** One address per host for HTTPS and the health check: IPv4 first, so a machine without IPv6 routes is not failed for it. */
function firstAddress(o: DnsOutcome): string | undefined {
  const list = addressesOf(o);
  return list.find((a) => isIP(a) === 4) ?? list[0];
}

async function resolveEndpoint(plan: ProbePlan, deps: ProbeDeps): Promise<Observations['endpoint']> {
  const spec = plan.endpoint;
  if (spec === undefined) return undefined;
  if (isIP(spec) !== 0) return { spec, addresses: [spec] };
  const lookup = await resolveWithSystem(spec, plan.timeouts.dnsMs, deps.lookup);
  return { spec, lookup, addresses: addressesOf(lookup) };
}

function chooseTargets(
  plan: ProbePlan,
  system: DnsOutcome,
  server: DnsOutcome | undefined,
  endpoint: Observations['endpoint'],
): { targets: Observations['targets']; leftOut: string[] } {
  const all = new Map<string, TargetSource[]>();
  const add = (list: string[], from: TargetSource) => {
    for (const a of list) all.set(a, [...(all.get(a) ?? []), from]);
  };
  if (endpoint) add(endpoint.addresses, 'endpoint');
  else {
    add(addressesOf(system), 'system');
    // The --dns answers are probed too: they show whether the path works once the client resolves the name.
    add(addressesOf(server), 'server');
  }
  const targets = [...all].map(([address, from]) => ({ address, from }));
  return {
    targets: targets.slice(0, plan.maxAddresses),
    leftOut: targets.slice(plan.maxAddresses).map((t) => t.address),
  };
}

function probeStreaming(plan: ProbePlan, deps: ProbeDeps, address: string): Promise<StreamingObservation>[] {
  return plan.order.map(async ({ transport, port }) => {
    if (transport === 'TCP') {
      const to = deps.dial('TCP', address, port);
      return { address, transport, port, tcp: await tcpConnect(to.address, to.port, plan.timeouts.connectMs) };
    }
    const to = deps.dial('QUIC', address, port);
    return {
      address,
      transport,
      port,
      quic: await quicProbe(to.address, to.port, { timeoutMs: plan.timeouts.quicMs }),
    };
  });
}

async function probeInternet(plan: ProbePlan, deps: ProbeDeps, host: InternetHost): Promise<InternetObservation> {
  const lookup = await resolveWithSystem(host.host, plan.timeouts.dnsMs, deps.lookup);
  const address = firstAddress(lookup);
  if (address === undefined) return { host, lookup };
  const to = deps.dial('TLS', address, host.port);
  const tls = await tlsCheck({
    address: to.address,
    port: to.port,
    servername: host.host,
    timeoutMs: plan.timeouts.tlsMs,
    ca: deps.tlsCa,
  });
  return { host, lookup, address, tls };
}

async function probeHealth(plan: ProbePlan, deps: ProbeDeps): Promise<HealthObservation | undefined> {
  const hc = plan.healthCheck;
  if (!hc) return undefined;
  const lookup = await resolveWithSystem(hc.host, plan.timeouts.dnsMs, deps.lookup);
  const address = firstAddress(lookup);
  if (address === undefined) return { ...hc, lookup };
  const t = deps.dial('TCP', address, hc.port);
  const q = deps.dial('QUIC', address, hc.port);
  const [tcp, quic] = await Promise.all([
    tcpConnect(t.address, t.port, plan.timeouts.connectMs),
    quicProbe(q.address, q.port, { timeoutMs: plan.timeouts.quicMs }),
  ]);
  return { ...hc, lookup, address, tcp, quic };
}

export async function runProbe(plan: ProbePlan, deps: ProbeDeps): Promise<Observations> {
  const startedAt = deps.now().toISOString();
  const t0 = performance.now();
  // The internet and health-check probes do not wait for the private name.
  const internet = Promise.all(plan.internet.map((h) => probeInternet(plan, deps, h)));
  const health = probeHealth(plan, deps);
  const [system, server, endpoint] = await Promise.all([
    resolveWithSystem(plan.privateName, plan.timeouts.dnsMs, deps.lookup),
    plan.dnsServer ? queryServer(plan.privateName, plan.dnsServer, plan.timeouts.dnsMs) : undefined,
    resolveEndpoint(plan, deps),
  ]);
  const { targets, leftOut } = chooseTargets(plan, system, server, endpoint);
  const streaming = await Promise.all(targets.flatMap((t) => probeStreaming(plan, deps, t.address)));
  const [internetObs, healthObs] = await Promise.all([internet, health]);
  return {
    startedAt,
    durationMs: Math.round(performance.now() - t0),
    systemServers: deps.systemServers(),
    system,
    server,
    endpoint,
    targets,
    leftOut,
    streaming,
    internet: internetObs,
    health: healthObs,
  };
}
