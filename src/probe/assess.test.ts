// The rules that turn raw outcomes into a report, with made-up observations: what is needed for this setup, what
// the client would connect to, the verdict, the round-trip bands and the path MTU.
import { describe, expect, it } from 'vitest';
import { rttBand } from './assess.js';
import { planProbe } from './plan.js';
import { ENI, answered, dropped, open, run, silent, streaming, vn } from './testing/observations.js';
import type { TlsOutcome } from './tls.js';
import type { ProbeReport } from './types.js';

const check = (r: ProbeReport, id: string) => r.checks.find((c) => c.id === id);

describe('seed 4-2: an EC2 client whose egress allows only 443, streaming through the endpoint', () => {
  const r = run({
    health: {
      host: 'drp-nrt.amazonworkspaces.com',
      port: 4195,
      lookup: answered('18.178.102.247'),
      address: '18.178.102.247',
      tcp: dropped,
      quic: silent,
    },
  });
  it('connects over QUIC 4195 to the endpoint, and nothing the client needs fails', () => {
    expect(r.endpointInUse.value).toBe('yes');
    expect(r.connect).toEqual({ transport: 'QUIC', port: 4195, address: ENI });
    expect(r.verdict).toMatchObject({ ok: true, failures: [] });
  });
  it('marks the health-check failures "not needed" and names them a false alarm', () => {
    expect(check(r, 'health.tcp')).toMatchObject({ status: 'fail', need: 'not-needed' });
    expect(check(r, 'health.tcp')?.explanation).toMatch(/false alarm \(seed 4-2/);
    expect(check(r, 'gateway.dcv')).toMatchObject({ status: 'skipped', need: 'not-needed' });
    expect(r.verdict.notes.join(' ')).toMatch(
      /network check will report TCP 4195 drp-nrt\.amazonworkspaces\.com as failing: a false alarm/,
    );
  });
  it('reads the DNS answer as private, with its block', () => {
    expect(check(r, 'dns.system')).toMatchObject({ status: 'ok', answers: [{ kind: 'private', block: '10.0.0.0/8' }] });
  });
  it('measures the round trip to the endpoint against the bands, and shows the MTU from the answered datagram', () => {
    expect(r.rtt).toContainEqual(expect.objectContaining({ target: `endpoint ${ENI}`, ms: 3, band: 'good' }));
    expect(r.mtu).toMatchObject({ status: 'measured', atLeastBytes: 1228 });
  });
});

describe('seed 4-3: at home, the private name does not resolve', () => {
  const r = run({ system: { status: 'not-found', rttMs: 20 }, targets: [], streaming: [] });
  it('fails the DNS check, explains the resolver path, and exits 1', () => {
    expect(check(r, 'dns.system')).toMatchObject({ status: 'fail', need: 'needed' });
    expect(check(r, 'dns.system')?.explanation).toMatch(/Route 53 Resolver inbound endpoint/);
    expect(r.verdict.ok).toBe(false);
    expect(r.verdict.failures[0]).toMatch(
      /^privatelink\.prod\.ap-northeast-1\.highlander\.aws\.a2z\.com: the system resolver does not resolve/,
    );
    expect(r.connect).toBeNull();
  });
  it('says that it assumed an endpoint, since nothing here tells', () => {
    expect(r.endpointInUse.value).toBe('unknown');
    expect(r.verdict.notes.join(' ')).toMatch(/Assumed a streaming endpoint/);
    expect(check(r, 'health.tcp')?.need).toBe('informational');
  });
  it('MTU: not measured, and says why', () => {
    expect(r.mtu.status).toBe('not-measured');
    expect(r.mtu.detail).toMatch(/^not measured: /);
  });
});

describe('--dns answers what the system resolver does not', () => {
  const r = run(
    {
      system: { status: 'not-found', rttMs: 20 },
      server: answered(ENI),
      targets: [{ address: ENI, from: ['server'] }],
      streaming: streaming(ENI, silent, silent, open, open),
    },
    { dnsServer: { address: '10.0.0.2', port: 53 } },
  );
  it('explains the forwarding gap and probes the --dns answer as hypothetical', () => {
    expect(check(r, 'dns.server')?.explanation).toMatch(/the system resolver does not forward .* to 10\.0\.0\.2/);
    expect(check(r, `TCP:4195@${ENI}`)).toMatchObject({ status: 'ok', hypothetical: true });
    expect(r.connect).toBeNull();
    expect(r.verdict.ok).toBe(false);
    expect(r.verdict.notes.join(' ')).toMatch(
      /Once the client's resolver answers the private name, the endpoint is reachable/,
    );
  });
});

describe('a resolver that NXDOMAINs the name names the zone and says it does not forward', () => {
  const r = run(
    { server: { status: 'nxdomain', rttMs: 5, zone: 'a2z.com' } },
    { dnsServer: { address: '192.0.2.53', port: 53 } },
  );
  it('is informational: the system resolver is what the client uses', () => {
    expect(check(r, 'dns.server')).toMatchObject({ status: 'fail', need: 'informational' });
    expect(check(r, 'dns.server')?.explanation).toMatch(
      /192\.0\.2\.53 does not forward .* \(the "no" came from zone a2z\.com\)/,
    );
    expect(r.verdict.ok).toBe(true);
  });
});

describe('odd answers for the private name', () => {
  it('a public IPv4 answer is not AWS private DNS: fail, with the usual culprits', () => {
    const r = run({
      system: answered('198.51.100.7'),
      targets: [{ address: '198.51.100.7', from: ['system'] }],
      streaming: [],
    });
    expect(check(r, 'dns.system')).toMatchObject({ status: 'fail', answers: [{ kind: 'public' }] });
    expect(check(r, 'dns.system')?.explanation).toMatch(/rewrites names it does not know/);
    expect(r.endpointInUse.value).toBe('unknown');
  });
  it('a loopback answer points at a hosts-file entry', () => {
    const r = run({ system: answered('127.0.0.1'), streaming: [] });
    expect(check(r, 'dns.system')?.explanation).toMatch(/hosts-file entry/);
  });
  it('IPv6 endpoint addresses are global and fine', () => {
    const r = run({ system: answered('2406:da14:785:5300::10'), streaming: [] });
    expect(check(r, 'dns.system')).toMatchObject({ status: 'ok', answers: [{ kind: 'public', version: 6 }] });
  });
});

describe('streaming transports', () => {
  it('TCP only: the client connects over TCP 4195, and the note says UDP was not confirmed', () => {
    const r = run({ streaming: streaming(ENI, silent, silent, open, open) });
    expect(r.connect).toEqual({ transport: 'TCP', port: 4195, address: ENI });
    expect(r.verdict.ok).toBe(true);
    expect(check(r, `QUIC:4195@${ENI}`)).toMatchObject({ status: 'inconclusive', result: 'silent' });
    expect(check(r, `QUIC:4195@${ENI}`)?.explanation).toMatch(/silence is not proof of a block/);
    expect(r.verdict.notes.join(' ')).toMatch(/UDP was not confirmed/);
  });
  it('only 443 works: the note names the client versions that cannot fall back', () => {
    const r = run({ streaming: streaming(ENI, silent, silent, dropped, open) });
    expect(r.connect).toEqual({ transport: 'TCP', port: 443, address: ENI });
    expect(r.verdict.notes.join(' ')).toMatch(/older than 5\.23\.0/);
  });
  it('nothing confirmed: a failure that says silence alone would prove nothing', () => {
    const r = run({ streaming: streaming(ENI, silent, silent, dropped, { status: 'refused', rttMs: 1 }) });
    expect(r.connect).toBeNull();
    expect(r.verdict.ok).toBe(false);
    expect(r.verdict.failures.join(' ')).toMatch(/no endpoint address is confirmed reachable .*QUIC went unanswered/);
    expect(check(r, `TCP:4195@${ENI}`)?.explanation).toMatch(/dropped without a word/);
  });
  it('--endpoint: the given address is probed and counts as the endpoint in use', () => {
    const r = run(
      { targets: [{ address: '10.9.9.9', from: ['endpoint'] }], streaming: streaming('10.9.9.9', vn, vn, open, open) },
      { endpoint: '10.9.9.9' },
    );
    expect(r.endpointInUse).toMatchObject({ value: 'yes', reason: '--endpoint names one (10.9.9.9)' });
    expect(r.connect?.address).toBe('10.9.9.9');
  });
});

describe('the internet part', () => {
  it('an untrusted broker certificate is a failure; the connectivity host only informs', () => {
    const bad: TlsOutcome = {
      status: 'untrusted',
      connectMs: 5,
      handshakeMs: 9,
      reason: 'the chain does not lead to a trusted root (X)',
      certificate: { subject: 'x', issuer: 'Corp Proxy CA', root: 'Corp Proxy CA', amazonRoot: false, validTo: '' },
    };
    const p = planProbe({ region: 'ap-northeast-1' });
    const r = run({
      internet: p.internet.map((host) => ({ host, lookup: answered('54.239.0.1'), address: '54.239.0.1', tls: bad })),
    });
    expect(check(r, 'https.broker')).toMatchObject({ status: 'fail', need: 'needed', result: 'untrusted' });
    expect(check(r, 'https.broker')?.explanation).toMatch(/intercepts TLS/);
    expect(check(r, 'https.connectivity')?.need).toBe('informational');
    expect(r.verdict.failures).toHaveLength(1);
  });
  it('the login pages are checked only with a directory id, and say how to give one', () => {
    expect(check(run({}), 'https.login')).toMatchObject({
      status: 'skipped',
      explanation: expect.stringMatching(/--directory/),
    });
    const p = planProbe({ region: 'ap-northeast-1', directoryId: 'd-9567a1b2c3' });
    expect(p.internet.map((h) => h.host)).toContain('d-9567a1b2c3.awsapps.com');
  });
});

describe('without a streaming endpoint (the prediction says internet)', () => {
  const r = run(
    {
      system: { status: 'not-found', rttMs: 3 },
      targets: [],
      streaming: [],
      health: {
        host: 'drp-nrt.amazonworkspaces.com',
        port: 4195,
        lookup: answered('18.178.102.247'),
        address: '18.178.102.247',
        tcp: dropped,
        quic: silent,
      },
    },
    { hint: { path: 'internet', why: 'the setup says so' } },
  );
  it('the private name is not needed, the public side is, and a blocked 4195 is explained', () => {
    expect(check(r, 'dns.system')?.need).toBe('not-needed');
    expect(check(r, 'health.tcp')?.need).toBe('needed');
    expect(r.verdict.ok).toBe(true);
    expect(r.verdict.notes.join(' ')).toMatch(/fall back to 443/);
  });
});

describe('round-trip bands', () => {
  it('follow the client: under 100 good, to 200 affected, to 375 degraded, beyond that the connection ends', () => {
    expect([99.9, 100, 199.9, 200, 375, 375.1].map((ms) => rttBand(ms).band)).toEqual([
      'good',
      'affected',
      'affected',
      'degraded',
      'degraded',
      'terminated',
    ]);
  });
  it('an IPv6 answer to the full-size datagram means larger packets passed', () => {
    const v6 = '2406:da14:785:5300::10';
    const r = run({
      system: answered(v6),
      targets: [{ address: v6, from: ['system'] }],
      streaming: streaming(v6, vn, vn, open, open),
    });
    expect(r.mtu.atLeastBytes).toBe(1248);
  });
});
