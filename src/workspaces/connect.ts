// Steps 4 and 5 decided: from the probes, whether the client connects and to which endpoint, and if not, every
// setting that stops it. Also what a user would notice when it connects but some probes fail.
import type { Client } from '../model/types.js';
import type { Hop } from '../net/trace-types.js';
import type { StreamingResult } from './streaming.js';
import { dedupe } from './streaming.js';
import {
  probeLabel,
  type Blocker,
  type Outcome,
  type ProbeResult,
  type Reason,
  type Trace,
  type TraceStep,
  type TraceWarning,
} from './types.js';

export function evidence(hops: readonly Hop[]): string[] {
  return [...new Set(hops.filter((h) => h.result !== 'unknown').map((h) => h.node))];
}

export function decide(steps: TraceStep[], fail: Outcome): Outcome {
  for (const s of steps) {
    if (s.status === 'fail') return fail;
    if (s.status === 'unknown') return 'UNKNOWN';
  }
  return 'CONNECTED';
}

export interface ConnectInput {
  needsAll: boolean;
  /** 443 was not offered because the client is too old for it. */
  withheld443: boolean;
  /** Whether a 443 probe would pass for a newer client (undefined: not known). */
  would443Pass?: boolean | 'unknown';
  client: Client;
}

function probeStatusOf(t: Trace, s: StreamingResult, needsAll: boolean, wouldPass: boolean): TraceStep['status'] {
  const reachable = t.probes.filter((p) => p.reachable === true).length;
  const unknown = t.probes.filter((p) => p.reachable === 'unknown').length;
  const failed = t.probes.filter((p) => p.reachable === false).length;
  // Probes after a failed lookup are hypothetical: the step fails with DNS, or is unknown when DNS is unknown.
  if (s.dnsBlockers.length > 0) return 'fail';
  // Nothing to probe: the endpoint's addresses are not in the input.
  if (t.probes.length === 0) return 'unknown';
  if (s.hypothetical) return wouldPass || failed < t.probes.length ? 'unknown' : 'fail';
  if (reachable > 0 && (!needsAll || failed + unknown === 0)) return 'ok';
  if (failed === t.probes.length && t.probes.length > 0) return 'fail';
  return unknown > 0 ? 'unknown' : 'fail';
}

export function connect(t: Trace, s: StreamingResult, input: ConnectInput): Trace {
  const failed = t.probes.filter((p) => p.reachable === false);
  // With DNS failing, probes are hypothetical: their blockers count only if no probe would pass once DNS works.
  const wouldPass = s.hypothetical && failed.some((p) => p.blockers.length === 0);
  const probeBlockers = wouldPass ? [] : mergeByResource(failed);
  t.missing.push(...new Set(t.probes.flatMap((p) => (p.reachable === 'unknown' ? (p.missing ?? []) : []))));
  const probeStatus = probeStatusOf(t, s, input.needsAll, wouldPass);
  t.steps.push({
    step: 'probe',
    status: probeStatus,
    note: {
      code: 'probe-summary',
      hypothetical: s.hypothetical,
      ...(s.hypothetical ? { dns: s.dns.status === 'unknown' ? ('unknown' as const) : ('failed' as const) } : {}),
    },
    evidence: [...new Set(t.probes.flatMap((p) => evidence(p.hops)))],
  });
  const chosen = input.needsAll
    ? probeStatus === 'ok'
      ? t.probes[0]
      : undefined
    : t.probes.find((p) => p.reachable === true);
  if (probeStatus === 'ok' && chosen) {
    const before = t.probes.slice(0, t.probes.indexOf(chosen)).filter((p) => p.reachable === 'unknown');
    t.endpoint = {
      hostname: chosen.hostname,
      transport: chosen.transport,
      port: chosen.port,
      address: chosen.address ?? null,
    };
    // QUIC-first is seen in the seed's log; that a TCP preference puts TCP first is inferred.
    const tcpFirst = t.offered[0]?.transport === 'TCP';
    t.steps.push({
      step: 'connect',
      status: 'ok',
      note: {
        code: 'connected',
        transport: chosen.transport,
        port: chosen.port,
        ...(chosen.address !== undefined ? { address: chosen.address } : {}),
        tcpFirst,
      },
      evidence: evidence(chosen.hops),
      ...(tcpFirst ? { inferred: true } : {}),
    });
    if (before.length > 0) {
      const labels = before.map((p) => `${p.transport} ${p.port}`);
      t.warnings.push({ code: 'transport-uncertain', facts: { code: 'transport-uncertain', before: labels } });
    }
    t.warnings.push(...partialBlockWarnings(t.probes));
    t.outcome = decide(t.steps, 'NO_REACHABLE_ENDPOINT');
    if (t.outcome === 'UNKNOWN') t.endpoint = null;
    return t;
  }
  t.steps.push({
    step: 'connect',
    status: probeStatus === 'unknown' ? 'unknown' : 'fail',
    note: { code: probeStatus === 'unknown' ? 'none-known' : 'none-reachable' },
    evidence: [],
  });
  const blockers = [...s.dnsBlockers, ...probeBlockers];
  // The client's version is a cause only when 443 would have worked for a newer client (#8: no false blocker).
  if (input.withheld443 && input.would443Pass !== false) {
    const privateLink = t.path === 'privatelink';
    const client = input.client;
    blockers.push({
      resource: client.id,
      kind: 'client',
      ruleId: 'client-version-443-fallback',
      inferred: privateLink || input.would443Pass === 'unknown',
      reason: {
        code: 'client-too-old-for-443',
        client: client.id,
        ...(client.version !== undefined ? { version: client.version } : {}),
        privateLink,
      },
      location: client.prov,
    });
  }
  t.blockers = dedupe(blockers);
  t.outcome =
    probeStatus === 'unknown' && t.blockers.length === 0 ? 'UNKNOWN' : decide(t.steps, 'NO_REACHABLE_ENDPOINT');
  return t;
}

/**
 * The session connects, but some probes fail: say what a user would notice. An address that fails on every
 * transport is one warning (the client may pick it first); otherwise a whole transport or port that fails
 * everywhere, with the settings that block it. Linear in the number of probes.
 */
function partialBlockWarnings(probes: readonly ProbeResult[]): TraceWarning[] {
  const out: TraceWarning[] = [];
  const byAddress = new Map<string, ProbeResult[]>();
  for (const p of probes) {
    const list = byAddress.get(p.address ?? '');
    if (list) list.push(p);
    else byAddress.set(p.address ?? '', [p]);
  }
  const dead = new Set<string>();
  for (const [address, list] of byAddress) {
    if (!list.every((p) => p.reachable === false)) continue;
    dead.add(address);
    out.push({
      code: 'endpoint-address-unreachable',
      facts: { code: 'endpoint-address-unreachable', address, causes: mergeByResource(list) },
    });
  }
  const rest = probes.filter((p) => !dead.has(p.address ?? ''));
  const groups: [Exclude<TraceWarning['code'], 'transport-uncertain'>, (p: ProbeResult) => boolean][] = [
    ['udp-blocked', (p) => p.transport !== 'TCP'],
    ['tcp-blocked', (p) => p.transport === 'TCP'],
    ['port-4195-blocked', (p) => p.port === 4195],
    ['port-443-blocked', (p) => p.port === 443],
  ];
  for (const [code, member] of groups) {
    const inGroup = rest.filter(member);
    if (inGroup.length === 0 || !inGroup.every((p) => p.reachable === false) || inGroup.length === rest.length)
      continue;
    const blocked = [...new Set(inGroup.map((p) => `${p.transport} ${p.port}`))];
    out.push({
      code: code,
      facts: { code: code as 'udp-blocked', blocked, causes: mergeByResource(inGroup) },
    });
  }
  return out;
}

/** One blocker per setting, naming every probe it stops: the user fixes a setting, not a probe. */
export function mergeByResource(failed: readonly ProbeResult[]): Blocker[] {
  // Sets and maps, not arrays searched per probe: an endpoint with thousands of addresses has thousands of probes.
  interface Group {
    first: Blocker;
    labels: Set<string>;
    /** Reason objects already seen (probes share one flow result), and the distinct reasons by content. */
    seen: Set<Reason>;
    byText: Map<string, Reason>;
  }
  const groups = new Map<string, Group>();
  for (const p of failed) {
    const label = probeLabel(p);
    for (const b of p.blockers) {
      const key = `${b.resource}|${b.kind}|${b.phase ?? ''}|${b.ruleId ?? ''}`;
      let g = groups.get(key);
      if (!g) {
        g = { first: b, labels: new Set(), seen: new Set(), byText: new Map() };
        groups.set(key, g);
      }
      g.labels.add(label);
      if (!g.seen.has(b.reason)) {
        g.seen.add(b.reason);
        const text = JSON.stringify(b.reason);
        if (!g.byText.has(text)) g.byText.set(text, b.reason);
      }
    }
  }
  return [...groups.values()].map((g) => {
    if (g.labels.size === 1) return g.first;
    const reasons = [...g.byText.values()];
    const more = reasons.slice(1);
    return { ...g.first, affects: [...g.labels], ...(more.length > 0 ? { more } : {}) };
  });
}
