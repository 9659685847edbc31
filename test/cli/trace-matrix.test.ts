// The prediction commands as a user or a script calls them: formats, exit codes, bad input.
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/testing/run-cli.js';

const SEED = 'examples/seed-tokyo.yaml';

const run = runCli;

describe('wspl trace', () => {
  it('prints the contract JSON', async () => {
    const { code, out } = await run([
      'trace',
      SEED,
      '--client',
      'ec2-client',
      '--workspace',
      'dcv-desktop',
      '--format',
      'json',
    ]);
    expect(code).toBe(0);
    const t = JSON.parse(out);
    expect(t).toMatchObject({
      outcome: 'CONNECTED',
      client: 'ec2-client',
      workspace: 'dcv-desktop',
      path: 'privatelink',
      endpoint: {
        hostname: 'privatelink.prod.ap-northeast-1.highlander.aws.a2z.com',
        transport: 'QUIC',
        port: 4195,
        address: '10.0.21.217',
      },
      blockers: [],
    });
    expect(t.steps.map((s: { step: string }) => s.step)).toEqual([
      'registration',
      'login',
      'broker',
      'dns',
      'probe',
      'connect',
    ]);
    for (const s of t.steps) {
      expect(['ok', 'fail', 'skipped', 'unknown']).toContain(s.status);
      expect(typeof s.detail).toBe('string');
      expect(Array.isArray(s.evidence)).toBe(true);
    }
    expect(t.warnings).toContainEqual(expect.objectContaining({ code: 'network-check-false-alarm' }));
  });
  it('tells the story in text with every blocker and where it is written', async () => {
    const { code, out } = await run(['trace', SEED, '--client', 'home', '--workspace', 'dcv-desktop']);
    expect(code).toBe(0);
    expect(out).toMatch(/^home → dcv-desktop: NO_REACHABLE_ENDPOINT/);
    expect(out).toMatch(/Blocked by \(2; fix all of them\)/);
    expect(out).toMatch(/public DNS cannot resolve privatelink\.prod\.ap-northeast-1\.highlander\.aws\.a2z\.com/);
    expect(out.includes(String.fromCharCode(27))).toBe(false);
  });
  it('shows the hops of the chosen endpoint and one line for the other reachable ones', async () => {
    const { out } = await run(['trace', SEED, '--client', 'ec2-client', '--workspace', 'dcv-desktop']);
    const probes = out.slice(out.indexOf('Probes'), out.indexOf('Warnings'));
    expect(probes).toMatch(/QUIC 4195 10\.0\.21\.217: reachable \(chosen\)\n.*security group egress/);
    expect(probes).toContain('QUIC 443 10.0.21.217: reachable\n   TCP 4195 10.0.21.217: reachable\n');
    expect(probes.match(/endpoint-sg {2}security group ingress/g)).toHaveLength(1);
  });
  it('an unknown client or WorkSpace is bad input naming the choices (exit 2)', async () => {
    const a = await run(['trace', SEED, '--client', 'nobody', '--workspace', 'dcv-desktop']);
    expect(a.code).toBe(2);
    expect(a.err).toMatch(/no client named "nobody"; clients: ec2-client, home/);
    const b = await run(['trace', SEED, '--client', 'home', '--workspace', 'nothing']);
    expect(b.code).toBe(2);
    expect(b.err).toMatch(/WorkSpaces: dcv-desktop, pcoip-desktop/);
  });
  it('a missing flag or bad format is a usage error (exit 2)', async () => {
    expect((await run(['trace', SEED, '--client', 'home'])).code).toBe(2);
    expect((await run(['trace', SEED, '--client', 'home', '--workspace', 'dcv-desktop', '--format', 'xml'])).code).toBe(
      2,
    );
  });
  it('a missing source file is exit 2 naming the file', async () => {
    const r = await run(['trace', 'nope.yaml', '--client', 'home', '--workspace', 'dcv-desktop']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/nope\.yaml/);
  });
});

describe('wspl matrix', () => {
  it('prints every client × WorkSpace row in the contract JSON', async () => {
    const { code, out } = await run(['matrix', SEED, '--format', 'json']);
    expect(code).toBe(0);
    const rows = JSON.parse(out).rows;
    // Each row says why: blockers with reason code, rule id and resource, and warnings.
    expect(
      rows.map((r: { blockers: { reason: string; ruleId?: string; resource: string }[] }) =>
        r.blockers.map((b) => `${b.reason} ${b.ruleId ?? ''} ${b.resource}`),
      ),
    ).toEqual([
      [],
      ['pcoip-no-fallback pcoip-workspaces-unreachable corp'],
      [
        'private-name-unresolvable client-dns-resolution home',
        'internet-private-address client-route-to-endpoint home',
      ],
      ['pcoip-no-fallback pcoip-workspaces-unreachable corp'],
    ]);
    expect(rows[0].warnings.map((w: { code: string }) => w.code)).toEqual(['network-check-false-alarm']);
    expect(rows.map(({ blockers: _b, warnings: _w, ...rest }: Record<string, unknown>) => rest)).toEqual([
      {
        client: 'ec2-client',
        workspace: 'dcv-desktop',
        outcome: 'CONNECTED',
        path: 'privatelink',
        transport: 'QUIC',
        port: 4195,
      },
      {
        client: 'ec2-client',
        workspace: 'pcoip-desktop',
        outcome: 'RESOURCE_NOT_FOUND',
        path: null,
        transport: null,
        port: null,
      },
      {
        client: 'home',
        workspace: 'dcv-desktop',
        outcome: 'NO_REACHABLE_ENDPOINT',
        path: 'privatelink',
        transport: null,
        port: null,
      },
      {
        client: 'home',
        workspace: 'pcoip-desktop',
        outcome: 'RESOURCE_NOT_FOUND',
        path: null,
        transport: null,
        port: null,
      },
    ]);
  });
  it('prints a table in text', async () => {
    const { out } = await run(['matrix', SEED]);
    expect(out.split('\n')[0]).toMatch(/^CLIENT\s+WORKSPACE\s+OUTCOME\s+PATH\s+TRANSPORT/);
    expect(out).toMatch(/ec2-client\s+dcv-desktop\s+CONNECTED\s+privatelink\s+QUIC 4195/);
  });
});

describe('wspl whatif --format json', () => {
  it("gives each blocker the fix trace gives it: before the changes, and after them with the input's ids", async () => {
    const session = ['--client', 'home', '--workspace', 'dcv-desktop', '--format', 'json'];
    const trace = JSON.parse((await run(['trace', SEED, ...session])).out) as {
      blockers: { resource: string; fix?: unknown }[];
    };
    const whatif = JSON.parse(
      (await run(['whatif', SEED, ...session, '--change', 'set:vpcs.vpc1.dns.support=false'])).out,
    ) as { initial: typeof trace; changes: { new: typeof trace }[] };
    expect(trace.blockers.length).toBeGreaterThan(0);
    expect(whatif.initial.blockers.map((b) => b.fix)).toEqual(trace.blockers.map((b) => b.fix));
    expect(whatif.initial.blockers.every((b) => b.fix !== undefined)).toBe(true);
    const after = whatif.changes[0]?.new.blockers ?? [];
    expect(after.length).toBeGreaterThan(0);
    expect(after.every((b) => b.fix !== undefined)).toBe(true);
  });
});

describe('wspl whatif (text)', () => {
  it('prints the fix under each blocker, the command whole on one line', async () => {
    const r = await run([
      'whatif',
      SEED,
      '--client',
      'home',
      '--workspace',
      'dcv-desktop',
      '--change',
      'set:vpcs.vpc1.dns.support=false',
    ]);
    const lines = r.out.split('\n');
    const at = lines.findIndex((l) => l.includes('vpc1 has DNS support off'));
    expect(at).toBeGreaterThan(0);
    expect(lines[at + 1]?.trim()).toBe(
      `$ aws ec2 modify-vpc-attribute --vpc-id '<id of vpc1>' --enable-dns-support '{"Value":true}'`,
    );
    expect(r.out).toMatch(/fix: no single command: a private address is never reached over the internet/);
  });
});

describe('the commands of the contract', () => {
  it('are all built: each is listed by --help and none says it is missing', async () => {
    const r = await run(['--help']);
    expect(r.code).toBe(0);
    const names = [
      'check',
      'endpoints',
      'explain',
      'export',
      'logs',
      'matrix',
      'probe',
      'report',
      'schema',
      'serve',
      'snapshot',
      'trace',
      'whatif',
    ];
    for (const name of names) expect(r.out).toMatch(new RegExp(`^\\s+${name}\\b`, 'm'));
    expect(r.out).not.toMatch(/not built yet/);
  });
});
