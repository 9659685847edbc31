// Made-up observations for the pure parts (assess, compare): one healthy seed-like run, changed piece by piece.
import { assess } from '../assess.js';
import type { DnsOutcome } from '../dns.js';
import { planProbe, type PlanOptions } from '../plan.js';
import type { QuicOutcome } from '../quic.js';
import type { Observations, StreamingObservation } from '../run.js';
import type { TcpOutcome } from '../tcp.js';
import type { TlsOutcome } from '../tls.js';
import { probeReportSchema, type ProbeReport } from '../types.js';

export const ENI = '10.0.21.217';
export const answered = (...addresses: string[]): DnsOutcome => ({ status: 'answered', addresses, rttMs: 2 });
export const open: TcpOutcome = { status: 'open', rttMs: 3 };
export const dropped: TcpOutcome = { status: 'timeout', waitedMs: 1500 };
export const vn: QuicOutcome = { status: 'answered', rttMs: 4, versions: ['QUIC v1 (RFC 9000)'], bytesSent: 1200 };
export const silent: QuicOutcome = { status: 'silent', waitedMs: 1500, sent: 2 };
export const amazonTls: TlsOutcome = {
  status: 'trusted',
  connectMs: 40,
  handshakeMs: 90,
  certificate: {
    subject: 'ws-broker',
    issuer: 'Amazon RSA 2048 M02, O=Amazon',
    root: 'Amazon Root CA 1, O=Amazon',
    amazonRoot: true,
    validTo: '',
  },
};

/** Streaming outcomes in the client's order: QUIC 4195, QUIC 443, TCP 4195, TCP 443. */
export function streaming(
  address: string,
  q4195: QuicOutcome,
  q443: QuicOutcome,
  t4195: TcpOutcome,
  t443: TcpOutcome,
): StreamingObservation[] {
  return [
    { address, transport: 'QUIC', port: 4195, quic: q4195 },
    { address, transport: 'QUIC', port: 443, quic: q443 },
    { address, transport: 'TCP', port: 4195, tcp: t4195 },
    { address, transport: 'TCP', port: 443, tcp: t443 },
  ];
}

export function run(o: Partial<Observations>, plan: Partial<PlanOptions> = {}): ProbeReport {
  const p = planProbe({ region: 'ap-northeast-1', ...plan });
  const system = o.system ?? answered(ENI);
  const obs: Observations = {
    startedAt: '2026-11-30T00:00:00.000Z',
    durationMs: 120,
    systemServers: ['10.0.0.2'],
    system,
    targets: [{ address: ENI, from: ['system'] }],
    leftOut: [],
    streaming: streaming(ENI, vn, vn, open, open),
    internet: p.internet.map((host) => ({
      host,
      lookup: answered('54.239.0.1'),
      address: '54.239.0.1',
      tls: amazonTls,
    })),
    health: {
      host: 'drp-nrt.amazonworkspaces.com',
      port: 4195,
      lookup: answered('18.178.102.247'),
      address: '18.178.102.247',
      tcp: open,
      quic: silent,
    },
    ...o,
  };
  const report = assess(p, obs);
  probeReportSchema.parse(report); // the JSON output always matches its published schema
  return report;
}
