import { describe, expect, it } from 'vitest';
import type { OfferedEndpoint, ProbeResult, Trace } from '../workspaces/types.js';
import { PRIVATE_HOST } from './fixtures.test-helpers.js';
import { scanChunks } from './scanner.js';
import { formatTraceAsLog } from './write.js';

const ep = (transport: 'QUIC' | 'TCP', port: number): OfferedEndpoint => ({ hostname: PRIVATE_HOST, transport, port });
const OFFERED = [ep('QUIC', 4195), ep('QUIC', 443), ep('TCP', 4195), ep('TCP', 443)];

function probe(e: OfferedEndpoint, reachable: boolean | 'unknown'): ProbeResult {
  return { ...e, address: '10.0.21.217', reachable, hops: [], blockers: [] };
}

function trace(over: Partial<Trace>): Trace {
  return {
    outcome: 'CONNECTED',
    client: 'ec2-client',
    workspace: 'dcv-desktop',
    path: 'privatelink',
    endpoint: null,
    steps: [],
    blockers: [],
    warnings: [],
    missing: [],
    offered: [],
    probes: [],
    ...over,
  };
}

const START = '2025-08-28T04:29:37.292Z';
const readBack = (text: string) => scanChunks([Buffer.from(text)], 'predicted.log');

describe('formatTraceAsLog', () => {
  it('CONNECTED: reads back with the same offered, reachable and chosen endpoints', () => {
    const t = trace({
      offered: OFFERED,
      probes: [
        probe(OFFERED[0]!, false),
        probe(OFFERED[1]!, false),
        probe(OFFERED[2]!, true),
        probe(OFFERED[3]!, true),
      ],
      endpoint: { ...OFFERED[2]!, address: '10.0.21.217' },
    });
    const text = formatTraceAsLog(t, { start: START });
    const r = readBack(text);
    expect(r.sessions).toHaveLength(1);
    const s = r.sessions[0]!;
    expect(s.outcome).toBe('CONNECTED');
    expect(s.offered).toEqual(OFFERED);
    expect(s.reachable).toEqual([OFFERED[2], OFFERED[3]]);
    expect(s.chosen).toEqual(OFFERED[2]);
    expect(s.path).toBe('privatelink');
    expect(s.start).toBe(START);
    expect(r.stats).toMatchObject({ unknown: 0, unparsed: 0, garbage: 0 });
    // The reachable QUIC endpoints are missing: the reader explains it as blocked UDP.
    expect(r.diagnoses.map((d) => d.code)).toEqual(['udp-blocked']);
  });

  it('prints the same line shapes as the real client (seed 4-2)', () => {
    const t = trace({
      offered: OFFERED,
      probes: OFFERED.map((e) => probe(e, true)),
      endpoint: { ...OFFERED[0]!, address: null },
    });
    const lines = formatTraceAsLog(t, {
      start: START,
      sessionId: 'prod-ap-northeast-1-7f73a8ab-a674-49a0-81e8-465b2e99c9f1',
    }).split('\n');
    expect(lines[0]).toBe(
      '2025-08-28T04:29:37.292Z { Version: "5.29.1.5595" }: [INF] Starting WSP session using SessionId: prod-ap-northeast-1-7f73a8ab-a674-49a0-81e8-465b2e99c9f1, endpoints:',
    );
    expect(lines).toContain(
      '2025-08-28T04:29:38.638Z { Version: "5.29.1.5595" }: [INF] Supported endpoint: "hostname: privatelink.prod.ap-northeast-1.highlander.aws.a2z.com, transport: QUIC, port: 4195, gatewayType: NLB, ipVersion: IPv4, additionalEndpointAttributes: ", session ID: prod-ap-northeast-1-7f73a8ab-a674-49a0-81e8-465b2e99c9f1',
    );
    expect(lines.at(-2)).toMatch(/\[INF\] Connecting WorkSpace using QUIC$/);
  });

  it('NO_REACHABLE_ENDPOINT: reads back with no reachable endpoint and the same diagnosis as seed 4-3', () => {
    const t = trace({
      outcome: 'NO_REACHABLE_ENDPOINT',
      client: 'home',
      offered: OFFERED,
      probes: OFFERED.map((e) => probe(e, false)),
    });
    const r = readBack(formatTraceAsLog(t, { start: START }));
    expect(r.sessions).toHaveLength(1);
    expect(r.sessions[0]).toMatchObject({
      outcome: 'NO_REACHABLE_ENDPOINT',
      offered: OFFERED,
      reachable: [],
      chosen: null,
      path: 'privatelink',
    });
    expect(r.diagnoses.map((d) => d.code)).toEqual(['no-reachable-endpoint']);
  });

  it('RESOURCE_NOT_FOUND: reads back as a refused PCoIP connect (seed 4-4)', () => {
    const t = trace({ outcome: 'RESOURCE_NOT_FOUND', workspace: 'pcoip-desktop', path: null });
    const r = readBack(formatTraceAsLog(t, { start: START }));
    expect(r.sessions).toHaveLength(1);
    expect(r.sessions[0]).toMatchObject({
      outcome: 'RESOURCE_NOT_FOUND',
      protocol: 'PCOIP',
      offered: [],
      reachable: [],
      chosen: null,
    });
    expect(r.diagnoses.map((d) => d.code)).toEqual(['pcoip-blocked-by-streaming-endpoint']);
  });

  it("a PCoIP session the broker accepts: its connect request, then wspl's marked prediction (no DCV line)", () => {
    const host = 'PCoIP gateways of ap-northeast-1';
    const gateways: OfferedEndpoint[] = [
      { hostname: host, transport: 'UDP', port: 4172 },
      { hostname: host, transport: 'TCP', port: 4172 },
    ];
    const t = trace({
      workspace: 'pcoip-desktop',
      path: 'internet',
      offered: gateways,
      endpoint: { ...gateways[0]!, address: null },
    });
    const text = formatTraceAsLog(t, { start: START });
    expect(text).not.toMatch(/WSP|DCV|Starting|Supported endpoint/);
    expect(text.split('\n')[0]).toMatch(
      /\[DBG\] PerformResourceActionRequest Type: CONNECT, Protocol: PCOIP, Session-Id: /,
    );
    const r = readBack(text);
    expect(r.sessions).toHaveLength(1);
    expect(r.sessions[0]).toMatchObject({ protocol: 'PCOIP', outcome: 'CONNECTED', inferred: ['outcome'] });
    expect(r.stats).toMatchObject({ unknown: 0, unparsed: 0, garbage: 0 });
  });

  it('round-trips with CRLF line breaks too', () => {
    const t = trace({
      offered: OFFERED,
      probes: OFFERED.map((e) => probe(e, true)),
      endpoint: { ...OFFERED[0]!, address: null },
    });
    const lf = readBack(formatTraceAsLog(t, { start: START }));
    const crlf = readBack(formatTraceAsLog(t, { start: START, eol: '\r\n' }));
    expect(crlf.sessions).toEqual(lf.sessions);
  });

  it('is stable: the same trace prints the same log', () => {
    const t = trace({ outcome: 'NO_REACHABLE_ENDPOINT', offered: OFFERED });
    expect(formatTraceAsLog(t, { start: START })).toBe(formatTraceAsLog(t, { start: START }));
  });

  it('writes no invented client line for outcomes without a real log sample', () => {
    const text = formatTraceAsLog(trace({ outcome: 'REGISTRATION_FAILED' }), { start: START });
    expect(text).toBe(
      '2025-08-28T04:29:37.292Z { Version: "5.29.1.5595" }: [INF] wspl prediction: REGISTRATION_FAILED (no WorkSpaces client log line is known for this outcome)\n',
    );
    expect(readBack(text).sessions).toEqual([]);
  });

  it('rejects an invalid start time', () => {
    expect(() => formatTraceAsLog(trace({}), { start: 'yesterday' })).toThrow(/invalid start time/);
  });
});
