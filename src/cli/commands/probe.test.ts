// `wspl probe` as a user runs it. Bad usage goes through the real CLI (it stops before any probe is sent); whole
// runs go through the same command built with loopback deps, so nothing leaves 127.0.0.1.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from '@commander-js/extra-typings';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probeReportSchema } from '../../probe/index.js';
import type { ProbeDeps } from '../../probe/plan.js';
import { lookupVia, startDnsServer, type FakeDnsServer } from '../../probe/testing/dns-server.js';
import {
  loopbackDial,
  openTcp,
  refusedTcpPort,
  silentUdp,
  tlsFile,
  tlsServer,
  type Listener,
} from '../../probe/testing/loopback.js';
import { captureIo } from '../io.js';
import { runCli } from '../testing/run-cli.js';
import { probeCommand } from './probe.js';

const PRIVATE = 'privatelink.prod.ap-northeast-1.highlander.aws.a2z.com';
const SEED = 'examples/seed-tokyo.yaml';
const TEMPLATE = 'test/iac/seed-tokyo.template.yaml';

describe.concurrent('wspl probe: bad usage is exit 2 before anything is sent', () => {
  const cases: [string[], string | RegExp][] = [
    [[], 'give --region R (or --topology)'],
    [['--region', 'ap-northeast-01'], 'unknown AWS Region "ap-northeast-01"; did you mean ap-northeast-1?'],
    [['--region', 'ap-northeast-1', '--dns', 'dns.example'], '--dns: "dns.example" is not an IP address'],
    [['--region', 'ap-northeast-1', '--dns', '10.0.0.2:99999'], '--dns'],
    [['--region', 'ap-northeast-1', '--endpoint', 'not a host!'], 'neither an IP address nor a DNS name'],
    [['--region', 'ap-northeast-1', '--directory', 'corp'], 'is not a directory id'],
    [['--region', 'ap-northeast-1', '--timeout', '5s'], '--timeout: "5s"'],
    [['--region', 'ap-northeast-1', '--timeout', '50000'], 'between 100 and 10000'],
    [['--region', 'ap-northeast-1', '--client', 'ec2-client'], '--client only works with --topology'],
    [['--region', 'ap-northeast-1', '--overlay', 'x.yaml'], '--overlay only works with --topology'],
    [['--topology', SEED, '--client', 'ec2-client', '--overlay', 'test/check/nope.yaml'], 'nope.yaml'],
    [['--topology', SEED], '--topology needs --client NAME'],
    [['--topology', TEMPLATE, '--client', 'ec2-client', '--parameter', 'ClientCidr'], 'expected KEY=VALUE'],
    [['--topology', TEMPLATE, '--client', 'ec2-client', '--account', '1234'], 'an account id is 12 digits'],
    [
      ['--topology', SEED, '--client', 'nobody'],
      'no client named "nobody" in examples/seed-tokyo.yaml; clients: ec2-client, home',
    ],
    [['--topology', SEED, '--client', 'ec2-client', '--workspace', 'nope'], 'no WorkSpace named "nope"'],
    [
      ['--topology', SEED, '--client', 'ec2-client', '--region', 'eu-west-1'],
      '--region eu-west-1 differs from the Region of the directory',
    ],
    [['--topology', 'test/check/nope.yaml', '--client', 'ec2-client'], 'no such file'],
    [['--region', 'ap-northeast-1', '--format', 'xml'], /Allowed choices are text, json/],
  ];
  for (const [args, mention] of cases) {
    it(args.join(' ') || '(no flags)', async () => {
      const r = await runCli(['probe', ...args]);
      expect(r.code, r.err).toBe(2);
      if (typeof mention === 'string') expect(r.err).toContain(mention);
      else expect(r.err).toMatch(mention);
      expect(r.err).not.toContain('internal error');
      expect(r.out).toBe('');
    });
  }

  it('is listed as built, and its JSON schema is published', async () => {
    const help = await runCli(['--help']);
    expect(help.out).toMatch(/probe \[options\]\s+run the client's network checks/);
    expect(help.out).not.toMatch(/probe.*not built yet/);
    const schema = await runCli(['schema', 'probe']);
    expect(schema.code).toBe(0);
    const json = JSON.parse(schema.out);
    expect(json.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(json.properties.checks.items.properties.need.enum).toEqual(['needed', 'not-needed', 'informational']);
  });
});

describe('wspl probe: whole runs on loopback', () => {
  const servers: Listener[] = [];
  let dns: FakeDnsServer;
  let deps: Partial<ProbeDeps>;
  beforeAll(async () => {
    const [tcp, udp, tls] = await Promise.all([openTcp(), silentUdp(), tlsServer('amazon-like')]);
    servers.push(tcp, udp, tls);
    const refused = await refusedTcpPort();
    dns = await startDnsServer({
      [PRIVATE]: { addresses: ['10.0.21.217'] },
      'ws-broker-service.ap-northeast-1.amazonaws.com': { addresses: ['127.0.0.1'] },
      'connectivity.amazonworkspaces.com': { addresses: ['127.0.0.1'] },
      'drp-nrt.amazonworkspaces.com': { addresses: ['127.0.0.1'] },
      'd-9567a1b2c3.awsapps.com': { addresses: ['127.0.0.1'] },
    });
    deps = {
      lookup: lookupVia(dns, 500),
      systemServers: () => ['10.0.0.2'],
      tlsCa: tlsFile('amazon-like-root.crt'),
      dial: loopbackDial({
        'QUIC 10.0.21.217:4195': udp.port,
        'QUIC 10.0.21.217:443': udp.port,
        'TCP 10.0.21.217:4195': tcp.port,
        'TCP 10.0.21.217:443': refused,
        'TLS 127.0.0.1:443': tls.port,
        'TCP 127.0.0.1:4195': refused,
        'QUIC 127.0.0.1:4195': udp.port,
      }),
    };
  });
  afterAll(() => Promise.all([...servers.map((s) => s.close()), dns.close()]));

  async function probeCli(...args: string[]) {
    const io = captureIo();
    const state = { exitCode: 0 };
    const program = new Command()
      .exitOverride()
      .configureOutput({ writeOut: (t) => io.out(t), writeErr: (t) => io.err(t) });
    probeCommand(deps)(program, io, state);
    await program.parseAsync(['probe', '--timeout', '200', ...args], { from: 'user' });
    return { code: state.exitCode, out: io.stdout(), err: io.stderr() };
  }

  it('text: the table, explained, exit 0 when everything the client needs works', async () => {
    const r = await probeCli('--region', 'ap-northeast-1');
    expect(r.code, r.out).toBe(0);
    expect(r.out).toMatch(/^wspl probe: ap-northeast-1, from this machine/);
    expect(r.out).toContain(`✓ DNS ${PRIVATE} via system resolver (10.0.0.2)`);
    expect(r.out).toContain('resolves to 10.0.21.217 (private, 10.0.0.0/8)');
    expect(r.out).toMatch(/\? QUIC 4195 10\.0\.21\.217\n\s+no answer within 200 ms/);
    const flat = r.out.replace(/\s+/g, ' ');
    expect(flat).toContain('silence is not proof of a block');
    expect(r.out).toContain('→ the client would connect with TCP 4195 to 10.0.21.217');
    expect(r.out).toMatch(/✗ TCP 4195 drp-nrt\.amazonworkspaces\.com \(not needed\)/);
    expect(flat).toContain('a false alarm (seed 4-2');
    expect(r.out).toMatch(/Path MTU not measured/);
    expect(r.out).toContain('Verdict: everything the client needs works');
    expect(r.out.includes(String.fromCharCode(27))).toBe(false);
  });

  it('json: matches the published schema', async () => {
    const r = await probeCli('--region', 'ap-northeast-1', '--format', 'json');
    const report = probeReportSchema.parse(JSON.parse(r.out));
    expect(report.connect).toEqual({ transport: 'TCP', port: 4195, address: '10.0.21.217' });
    expect(report.verdict.ok).toBe(true);
  });

  it('--topology: the login pages of the setup are checked and every probe is held against the prediction', async () => {
    const r = await probeCli('--topology', SEED, '--client', 'ec2-client', '--format', 'json');
    const report = probeReportSchema.parse(JSON.parse(r.out));
    expect(report.endpointInUse.reason).toMatch(/gives directory corp a streaming endpoint/);
    // The test certificate does not name the directory's login host: checked, and caught.
    expect(report.checks.find((c) => c.id === 'https.login')).toMatchObject({
      host: 'd-9567a1b2c3.awsapps.com',
      status: 'fail',
      summary: expect.stringMatching(/the certificate is for other names/),
      explanation: expect.stringMatching(
        /The certificate is not for d-9567a1b2c3\.awsapps\.com: something else answers/,
      ),
    });
    const diffs = report.comparison?.differences ?? [];
    expect(diffs).toContainEqual(
      expect.objectContaining({
        aspect: 'probe',
        check: 'TCP:443@10.0.21.217',
        likelyCause: expect.stringMatching(/never send a reset/),
      }),
    );
    expect(diffs).toContainEqual(
      expect.objectContaining({ aspect: 'endpoint', predicted: 'QUIC 4195 to 10.0.21.217' }),
    );
    const text = await probeCli('--topology', SEED, '--client', 'ec2-client');
    expect(text.out.replace(/\s+/g, ' ')).toContain(
      'Compared with the prediction for ec2-client → dcv-desktop: CONNECTED via privatelink, QUIC 4195 to 10.0.21.217',
    );
    expect(text.out).toMatch(/≠ probe TCP:443@10\.0\.21\.217: predicted reachable; observed refused/);
  });

  it('--overlay adds the client this machine is: a laptop at home, predicted cut off, that resolves the name here', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wspl-probe-'));
    const overlay = join(dir, 'laptop.overlay.yaml');
    writeFileSync(overlay, 'clients:\n  laptop: { at: internet, publicIp: 198.51.100.9 }\n');
    const r = await probeCli('--topology', SEED, '--overlay', overlay, '--client', 'laptop', '--format', 'json');
    const report = probeReportSchema.parse(JSON.parse(r.out));
    expect(report.comparison?.predicted.outcome).toBe('NO_REACHABLE_ENDPOINT');
    expect(report.comparison?.differences).toContainEqual(
      expect.objectContaining({ aspect: 'dns', predicted: 'does not resolve' }),
    );
  });

  it('exit 1 when something the client needs fails (here: the private name, seen from home)', async () => {
    dns.rules.set(PRIVATE, { rcode: 'NXDOMAIN' });
    try {
      const r = await probeCli('--region', 'ap-northeast-1');
      expect(r.code).toBe(1);
      expect(r.out).toMatch(/Verdict: 1 thing the client needs fails\n\s+✗ privatelink\.prod/);
    } finally {
      dns.rules.set(PRIVATE, { addresses: ['10.0.21.217'] });
    }
  });
});
