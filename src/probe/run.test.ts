// Whole probe runs on 127.0.0.1: an in-process DNS server answers the names, TCP listeners accept or refuse, UDP
// sockets stay silent or refuse, a TLS server stands in for the AWS hosts. Every dial is mapped and recorded, so
// a run that tried anything else fails the test.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probe } from './index.js';
import type { ProbeDeps } from './plan.js';
import { lookupVia, startDnsServer, type FakeDnsServer, type NameRule } from './testing/dns-server.js';
import {
  closedUdpPort,
  loopbackDial,
  openTcp,
  refusedTcpPort,
  silentUdp,
  tlsFile,
  tlsServer,
  type DialMap,
  type Listener,
} from './testing/loopback.js';
import { probeReportSchema } from './types.js';

const PRIVATE = 'privatelink.prod.ap-northeast-1.highlander.aws.a2z.com';
const BROKER = 'ws-broker-service.ap-northeast-1.amazonaws.com';
const CONNECTIVITY = 'connectivity.amazonworkspaces.com';
const HEALTH = 'drp-nrt.amazonworkspaces.com';
const ENI = '10.0.21.217';

const servers: Listener[] = [];
let acceptTcp: number;
let refuseTcp: number;
let quietUdp: number;
let refuseUdp: number;
let https: number;

beforeAll(async () => {
  const [tcp, udp, tls] = await Promise.all([openTcp(), silentUdp(), tlsServer('amazon-like')]);
  servers.push(tcp, udp, tls);
  acceptTcp = tcp.port;
  quietUdp = udp.port;
  https = tls.port;
  refuseTcp = await refusedTcpPort();
  refuseUdp = await closedUdpPort();
});
afterAll(() => Promise.all(servers.map((s) => s.close())));

/** The AWS hosts resolve to 127.0.0.1, where the test TLS server answers as them. */
const awsHosts: Record<string, NameRule> = {
  [BROKER]: { addresses: ['127.0.0.1'] },
  [CONNECTIVITY]: { addresses: ['127.0.0.1'] },
  [HEALTH]: { addresses: ['127.0.0.1'] },
};

interface Setup {
  system: Record<string, NameRule>;
  dial: DialMap;
  server?: Record<string, NameRule>;
  endpoint?: string;
}

async function runWith(s: Setup) {
  const dns = await startDnsServer({ ...awsHosts, ...s.system });
  const other: FakeDnsServer | undefined = s.server ? await startDnsServer(s.server) : undefined;
  const dialled: string[] = [];
  const map = loopbackDial({
    'TLS 127.0.0.1:443': https,
    'TCP 127.0.0.1:4195': refuseTcp,
    'QUIC 127.0.0.1:4195': quietUdp,
    ...s.dial,
  });
  const deps: Partial<ProbeDeps> = {
    lookup: lookupVia(dns, 500),
    systemServers: () => [dns.spec],
    tlsCa: tlsFile('amazon-like-root.crt'),
    dial: (t, a, p) => {
      dialled.push(`${t} ${a}:${p}`);
      return map(t, a, p);
    },
  };
  try {
    const report = await probe(
      {
        region: 'ap-northeast-1',
        timeoutMs: 250,
        endpoint: s.endpoint,
        dnsServer: other ? { address: other.address, port: other.port } : undefined,
      },
      deps,
    );
    probeReportSchema.parse(report);
    return { report, dialled, queries: dns.queries, serverQueries: other?.queries ?? [] };
  } finally {
    await Promise.all([dns.close(), other?.close()]);
  }
}

const streamingTo = (address: string, q4195: number, q443: number, t4195: number, t443: number): DialMap => ({
  [`QUIC ${address}:4195`]: q4195,
  [`QUIC ${address}:443`]: q443,
  [`TCP ${address}:4195`]: t4195,
  [`TCP ${address}:443`]: t443,
});

describe.concurrent('a healthy PrivateLink setup whose UDP goes unanswered', () => {
  it('TCP 4195 is chosen, UDP is inconclusive, the false alarm is named, exit status ok', async () => {
    const { report, dialled, queries } = await runWith({
      system: { [PRIVATE]: { addresses: [ENI] } },
      dial: streamingTo(ENI, quietUdp, quietUdp, acceptTcp, acceptTcp),
    });
    expect(report.connect).toEqual({ transport: 'TCP', port: 4195, address: ENI });
    expect(report.verdict.ok).toBe(true);
    expect(report.checks.find((c) => c.id === 'https.broker')).toMatchObject({
      status: 'ok',
      certificate: { amazonRoot: true },
    });
    expect(report.checks.find((c) => c.id === 'health.tcp')).toMatchObject({ status: 'fail', need: 'not-needed' });
    // Only the names and targets it names: the private name, the three AWS hosts; the four streaming probes.
    expect([...new Set(queries.map((q) => q.name))].sort()).toEqual([BROKER, CONNECTIVITY, HEALTH, PRIVATE].sort());
    expect(dialled.sort()).toEqual(
      [
        ...Object.keys(streamingTo(ENI, 0, 0, 0, 0)),
        'TLS 127.0.0.1:443',
        'TLS 127.0.0.1:443',
        'TCP 127.0.0.1:4195',
        'QUIC 127.0.0.1:4195',
      ].sort(),
    );
  });
});

describe.concurrent('failures, each simulated', () => {
  it('NXDOMAIN for the private name: no streaming probe is sent, exit 1', async () => {
    const { report, dialled } = await runWith({
      system: { [PRIVATE]: { rcode: 'NXDOMAIN', zone: 'a2z.com' } },
      dial: {},
    });
    expect(report.checks.find((c) => c.id === 'dns.system')).toMatchObject({ status: 'fail', result: 'not-found' });
    expect(dialled.some((d) => d.includes(ENI))).toBe(false);
    expect(report.verdict.ok).toBe(false);
  });

  it('a slow answer beyond the timeout is reported as a timeout', async () => {
    const { report } = await runWith({ system: { [PRIVATE]: { addresses: [ENI], delayMs: 600 } }, dial: {} });
    expect(report.checks.find((c) => c.id === 'dns.system')).toMatchObject({ status: 'fail', result: 'timeout' });
  });

  it('a public answer for the private name: flagged, and probed as the client would', async () => {
    const pub = '198.51.100.7';
    const { report } = await runWith({
      system: { [PRIVATE]: { addresses: [pub] } },
      dial: streamingTo(pub, refuseUdp, refuseUdp, refuseTcp, refuseTcp),
    });
    expect(report.checks.find((c) => c.id === 'dns.system')).toMatchObject({
      status: 'fail',
      answers: [{ kind: 'public' }],
    });
    expect(report.checks.find((c) => c.id === `QUIC:4195@${pub}`)).toMatchObject({ result: 'refused' });
  });

  it('refused TCP and refused UDP everywhere: no endpoint, exit 1', async () => {
    const { report } = await runWith({
      system: { [PRIVATE]: { addresses: [ENI] } },
      dial: streamingTo(ENI, refuseUdp, refuseUdp, refuseTcp, refuseTcp),
    });
    expect(report.connect).toBeNull();
    expect(report.verdict.failures.join(' ')).toMatch(/no endpoint address is confirmed reachable/);
    expect(report.checks.find((c) => c.id === `TCP:443@${ENI}`)).toMatchObject({ status: 'fail', result: 'refused' });
  });

  it('--dns resolves what the system does not: the difference is explained and the answer probed as hypothetical', async () => {
    const { report, serverQueries } = await runWith({
      system: { [PRIVATE]: { rcode: 'NXDOMAIN' } },
      server: { [PRIVATE]: { addresses: [ENI] } },
      dial: streamingTo(ENI, quietUdp, quietUdp, acceptTcp, refuseTcp),
    });
    expect(serverQueries.map((q) => q.name)).toEqual([PRIVATE, PRIVATE]);
    expect(report.checks.find((c) => c.id === 'dns.server')).toMatchObject({ status: 'ok', need: 'informational' });
    expect(report.checks.find((c) => c.id === `TCP:4195@${ENI}`)).toMatchObject({ status: 'ok', hypothetical: true });
    expect(report.verdict.ok).toBe(false);
  });

  it('--endpoint with an address: the private name is still resolved, the endpoint is what gets probed', async () => {
    const { report } = await runWith({
      system: { [PRIVATE]: { rcode: 'NXDOMAIN' } },
      endpoint: '10.0.99.10',
      dial: streamingTo('10.0.99.10', quietUdp, quietUdp, acceptTcp, acceptTcp),
    });
    expect(report.endpointInUse.value).toBe('yes');
    expect(report.connect).toEqual({ transport: 'TCP', port: 4195, address: '10.0.99.10' });
    expect(report.verdict.failures).toHaveLength(1); // the private name, which the client still needs
  });

  it('--endpoint with a name that does not resolve: said, and nothing probed', async () => {
    const { report, dialled } = await runWith({
      system: { [PRIVATE]: { addresses: [ENI] } },
      endpoint: 'vpce-0abc.highlander.example',
      dial: {},
    });
    expect(report.checks.find((c) => c.id === 'endpoint.dns')).toMatchObject({ status: 'fail' });
    expect(dialled.some((d) => d.startsWith('QUIC 10.') || d.startsWith('TCP 10.'))).toBe(false);
  });
});
