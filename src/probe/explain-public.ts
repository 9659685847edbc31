// The public side of streaming: the DCV gateways and the health-check server the client's network check probes.
// With a streaming endpoint none of it is used for the session, so its failures are the seed's false alarm (4-2).
import { describeQuic, describeTcp } from './explain-probes.js';
import type { ProbePlan } from './plan.js';
import type { Observations } from './run.js';
import type { Need, ProbeCheck } from './types.js';

const FALSE_ALARM =
  "The client's network check probes this server and will show the failure, but with a streaming endpoint the session does not use it: a false alarm (seed 4-2: partial failure shown, session fine).";

function needWords(need: Need): string {
  if (need === 'not-needed') return FALSE_ALARM;
  if (need === 'needed') return 'Needed: without a streaming endpoint, DCV streams over the internet on these ports.';
  return 'Needed only when the directory has no streaming endpoint (then DCV streams over the internet).';
}

export function publicChecks(plan: ProbePlan, obs: Observations, need: Need): ProbeCheck[] {
  const out: ProbeCheck[] = [
    {
      id: 'gateway.dcv',
      group: 'public',
      kind: 'not-probed',
      target: plan.dcvGateway,
      result: 'not-probed',
      status: 'skipped',
      need,
      summary: 'not probed: the gateway host names are given per session by the broker',
      explanation: `${need === 'not-needed' ? 'Not needed: with a streaming endpoint, DCV does not stream over the internet at all (R4). ' : ''}The health-check server below is probed on the same port towards the Region instead.`,
      source: 'port-requirements page (DCV gateway domain)',
    },
  ];
  const h = obs.health;
  if (!plan.healthCheck || !h) {
    out.push({
      id: 'health.tcp',
      group: 'public',
      kind: 'not-probed',
      target: `health-check server of ${plan.region}`,
      result: 'not-probed',
      status: 'skipped',
      need,
      summary: `the port-requirements page lists no health-check server for ${plan.region}`,
      explanation: needWords(need),
    });
    return out;
  }
  const base = { group: 'public' as const, host: h.host, port: h.port, address: h.address, need };
  const source = 'port-requirements page (health-check servers)';
  if (!h.tcp || !h.quic) {
    out.push({
      ...base,
      id: 'health.dns',
      kind: 'dns',
      target: h.host,
      result: h.lookup.status,
      status: 'fail',
      summary: `the system resolver cannot resolve ${h.host} (${h.lookup.status})`,
      explanation: needWords(need),
      source,
    });
    return out;
  }
  const where = 'Where to look: firewalls between here and the internet.';
  const tcp = describeTcp(h.tcp, h.port, where);
  const quic = describeQuic(h.quic, h.port, where);
  out.push(
    {
      ...base,
      id: 'health.tcp',
      kind: 'tcp',
      transport: 'TCP',
      target: `TCP ${h.port} ${h.host}`,
      ...tcp,
      explanation: `${tcp.explanation} ${tcp.status === 'ok' ? '' : needWords(need)}`.trim(),
      source,
    },
    {
      ...base,
      id: 'health.quic',
      kind: 'quic',
      transport: 'QUIC',
      target: `UDP ${h.port} ${h.host}`,
      ...quic,
      // The health-check service is not known to speak QUIC: its silence says even less than an endpoint's.
      explanation:
        `${quic.explanation}${quic.status === 'inconclusive' ? ' The health-check service is not known to speak QUIC.' : ''} ${quic.status === 'ok' ? '' : needWords(need)}`.trim(),
      source,
    },
  );
  return out;
}
