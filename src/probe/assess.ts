// From raw observations to the report: which checks this setup needs, what the client would connect to, the round
// trips against the client's bands, the path MTU where a probe shows it, and the verdict (exit 1 when something
// the client needs fails). Pure: no I/O here, so every rule below is tested with made-up observations.
import { classifyAddress, couldBeEndpoint } from './addresses.js';
import { endpointDnsCheck, serverDnsCheck, systemDnsCheck } from './explain-dns.js';
import { hypotheticalAddresses, internetCheck, loginSkipped, streamingCheck } from './explain-probes.js';
import { publicChecks } from './explain-public.js';
import type { ProbePlan } from './plan.js';
import { QUIC_PROBE_BYTES } from './quic.js';
import type { Observations } from './run.js';
import type { Need, ProbeCheck, ProbeReport, RttReading } from './types.js';

type InUse = ProbeReport['endpointInUse'];

export function endpointInUse(plan: ProbePlan, obs: Observations): InUse {
  if (plan.hint?.path === 'privatelink') return { value: 'yes', reason: plan.hint.why };
  if (plan.hint?.path === 'internet') return { value: 'no', reason: plan.hint.why };
  if (plan.endpoint !== undefined) return { value: 'yes', reason: `--endpoint names one (${plan.endpoint})` };
  if (obs.system.status === 'answered' && obs.system.addresses.map(classifyAddress).some(couldBeEndpoint)) {
    return {
      value: 'yes',
      reason:
        'the private name resolves here to endpoint addresses, so this network is set up for a streaming endpoint (inferred)',
    };
  }
  return {
    value: 'unknown',
    reason:
      'nothing here says whether the directory uses a streaming endpoint; wspl assumes it does (its subject) and counts the endpoint checks as needed. Give --topology to check against the setup',
  };
}

function confirmed(c: ProbeCheck): boolean {
  return (c.kind === 'tcp' || c.kind === 'quic') && c.status === 'ok';
}

/** The client probes in its order and uses the first endpoint that answers (system.md §2, step 5). */
function choose(plan: ProbePlan, streaming: ProbeCheck[]): ProbeReport['connect'] {
  for (const { transport, port } of plan.order) {
    const hit = streaming.find((c) => c.transport === transport && c.port === port && !c.hypothetical && confirmed(c));
    if (hit?.address) return { transport, port, address: hit.address };
  }
  return null;
}

/** The client's round-trip bands (AWS network requirements for WorkSpaces; domain.md §6.4). */
export function rttBand(ms: number): Pick<RttReading, 'band' | 'meaning'> {
  if (ms < 100) return { band: 'good', meaning: 'under 100 ms: the best experience' };
  if (ms < 200) return { band: 'affected', meaning: '100–200 ms: usable, but the experience suffers' };
  if (ms <= 375) return { band: 'degraded', meaning: '200–375 ms: degraded' };
  return { band: 'terminated', meaning: 'over 375 ms: the client ends the connection' };
}

function rtts(checks: ProbeCheck[]): RttReading[] {
  const out: RttReading[] = [];
  const best = new Map<string, number>();
  for (const c of checks) {
    if (c.status !== 'ok' && c.status !== 'warn') continue;
    if (c.rttMs === undefined || c.kind === 'dns' || c.hypothetical) continue;
    const key = c.group === 'streaming' ? `endpoint ${c.address ?? ''}` : (c.host ?? c.target);
    best.set(key, Math.min(best.get(key) ?? Infinity, c.rttMs));
  }
  for (const [target, ms] of best) out.push({ target, ms, ...rttBand(ms) });
  return out;
}

function mtu(checks: ProbeCheck[]): ProbeReport['mtu'] {
  const answered = checks.find((c) => c.kind === 'quic' && c.status === 'ok' && c.address && !c.hypothetical);
  if (!answered?.address) {
    return {
      status: 'not-measured',
      detail:
        'not measured: only an answer to a full-size UDP probe shows it (no QUIC probe was answered), and a TCP connect does not reveal the path MTU',
    };
  }
  const v6 = classifyAddress(answered.address).version === 6;
  const atLeast = QUIC_PROBE_BYTES + 8 + (v6 ? 40 : 20);
  return {
    status: 'measured',
    atLeastBytes: atLeast,
    detail: `at least ${atLeast} bytes: a ${QUIC_PROBE_BYTES}-byte UDP datagram to ${answered.address} port ${answered.port ?? ''} was answered (Linux sets Don't Fragment on UDP; elsewhere this is inferred). AWS asks for at least 1200 over VPN paths. The exact path MTU is not measured.`,
  };
}

function verdict(
  inUse: InUse,
  checks: ProbeCheck[],
  streamingNeed: Need,
  connect: ProbeReport['connect'],
): ProbeReport['verdict'] {
  const failures: string[] = [];
  const notes: string[] = [];
  const failed = (c: ProbeCheck) => c.status === 'fail' && c.need === 'needed';
  for (const c of checks) {
    // Single streaming probes are judged together below: the client needs any one of them.
    if (failed(c) && c.kind !== 'tcp' && c.kind !== 'quic') failures.push(`${c.target}: ${c.summary}`);
  }
  const streaming = checks.filter((c) => c.group === 'streaming' && (c.kind === 'tcp' || c.kind === 'quic'));
  const real = streaming.filter((c) => !c.hypothetical);
  // With no address at all, the failed lookup that caused it is already a failure of its own.
  if (streamingNeed === 'needed' && real.length > 0) {
    if (!connect) {
      const silent = real.some((c) => c.status === 'inconclusive');
      failures.push(
        `no endpoint address is confirmed reachable on any of QUIC/TCP 4195/443${silent ? ' (QUIC went unanswered, which alone proves nothing, but TCP failed too)' : ''}`,
      );
    }
  }
  const hypo = streaming.filter((c) => c.hypothetical && c.status === 'ok');
  if (real.length === 0 && hypo.length > 0) {
    notes.push(
      `Once the client's resolver answers the private name, the endpoint is reachable (${hypo.map((c) => c.target).join(', ')} passed when probed at the --dns answer).`,
    );
  }
  if (connect?.transport === 'TCP' && real.some((c) => c.kind === 'quic' && c.status === 'inconclusive')) {
    notes.push(
      'UDP was not confirmed: the client tries QUIC first and falls back to TCP, which works. If UDP 4195/443 is meant to pass, check the endpoint security group and firewalls for UDP.',
    );
  }
  const port4195 = real.filter((c) => c.port === 4195);
  // 4195 counts as blocked when nothing on it was confirmed and TCP 4195 failed outright (QUIC silence proves nothing).
  const tcp4195Failed = port4195.some((c) => c.kind === 'tcp' && c.status === 'fail');
  if (connect?.port === 443 && tcp4195Failed && !port4195.some((c) => c.status === 'ok')) {
    notes.push(
      'Only port 443 works: clients older than 5.23.0 (Windows, macOS) or 2024.7 (Linux) do not fall back to 443 (AWS announcement, Nov 2024).',
    );
  }
  const alarms = checks.filter((c) => c.group === 'public' && c.need === 'not-needed' && c.status === 'fail');
  if (alarms.length > 0) {
    notes.push(
      `The client's network check will report ${alarms.map((c) => c.target).join(' and ')} as failing: a false alarm with a streaming endpoint (seed 4-2).`,
    );
  }
  const gatewayPort = checks.find((c) => c.id === 'health.tcp' && c.need === 'needed' && c.status === 'fail');
  if (gatewayPort) {
    notes.push(
      `TCP ${gatewayPort.port ?? 4195} to the Region's health-check server fails, and the DCV gateways use the same port: clients from 5.23.0 (Windows, macOS) or 2024.7 (Linux) fall back to 443, older ones cannot stream (the gateways themselves are not probed).`,
    );
  }
  if (checks.some((c) => c.kind === 'https' && c.result === 'untrusted')) {
    notes.push("TLS trust is judged with Node's bundled root store; the WorkSpaces client uses the system's.");
  }
  if (inUse.value === 'unknown') notes.push(`Assumed a streaming endpoint: ${inUse.reason}.`);
  return { ok: failures.length === 0, failures, notes };
}

export function assess(plan: ProbePlan, obs: Observations): ProbeReport {
  const inUse = endpointInUse(plan, obs);
  const streamingNeed: Need = inUse.value === 'no' ? 'not-needed' : 'needed';
  const publicNeed: Need = inUse.value === 'no' ? 'needed' : inUse.value === 'yes' ? 'not-needed' : 'informational';
  const hypothetical = hypotheticalAddresses(obs);
  const streaming = obs.streaming.map((s) => streamingCheck(s, streamingNeed, hypothetical.has(s.address)));
  const checks: ProbeCheck[] = [
    systemDnsCheck(plan, obs, streamingNeed),
    ...[serverDnsCheck(plan, obs), endpointDnsCheck(obs)].filter((c): c is ProbeCheck => c !== undefined),
    ...streaming,
    ...obs.internet.map(internetCheck),
    ...(plan.loginUnknown ? [loginSkipped(plan.loginUnknown)] : []),
    ...publicChecks(plan, obs, publicNeed),
  ];
  const connect = choose(plan, streaming);
  const v = verdict(inUse, checks, streamingNeed, connect);
  if (obs.leftOut.length > 0)
    v.notes.push(`Not probed (more than ${plan.maxAddresses} addresses): ${obs.leftOut.join(', ')}.`);
  return {
    region: plan.region,
    privateName: plan.privateName,
    startedAt: obs.startedAt,
    durationMs: obs.durationMs,
    systemResolvers: obs.systemServers,
    endpointInUse: inUse,
    checks,
    connect,
    rtt: rtts(checks),
    mtu: mtu(checks),
    verdict: v,
  };
}
