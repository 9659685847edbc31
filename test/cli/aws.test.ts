// Live AWS end to end, against one fake AWS serving the seed (with public addresses and names to hide) through the
// standard environment (AWS_ENDPOINT_URL, keys): `wspl snapshot`, snapshots read offline by every command and by
// the loader (the same model as the live read), redaction that keeps the predictions, --clients naming an instance
// by its instance id, --role-arn and --profile, progress on stderr only. Then AWS failures as a user sees them: a
// refused or garbled call is one warning naming the call, stdout stays the command's output; when nothing can be
// read (the identity call itself fails), exit 2 naming that call, and no snapshot is written.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { captureIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { runCli } from '../../src/cli/testing/run-cli.js';
import type { Model } from '../../src/model/types.js';
import { resultFromRaw } from '../../src/sources/aws/result.js';
import { fakeFor, withoutProvenance, type Harness } from '../../src/sources/aws/testing/harness.js';
import type { FaultRule } from '../../src/sources/aws/testing/server.js';
import { sessionToken } from '../../src/sources/aws/testing/sts.js';
import { loadDesignText } from '../../src/sources/design/load.js';
import { detectSource, loadSource } from '../../src/sources/index.js';
import { writeSnapshotFile } from '../../src/sources/snapshot/file.js';
import { takeSnapshot } from '../../src/sources/snapshot/take.js';
import { predictMatrixEntries } from '../../src/workspaces/matrix.js';

const ROLE = 'arn:aws:iam::111122223333:role/WsplReadOnly';
const dir = mkdtempSync(join(tmpdir(), 'wspl-aws-'));
const file = join(dir, 'seed.json');
const redactedFile = join(dir, 'seed-redacted.json');
let h: Harness;

beforeAll(async () => {
  const model = await loadSource('examples/seed-tokyo.yaml');
  // Real-looking public addresses, so redaction has something to hide.
  const nat = model.instances.find((i) => i.id === 'vpc1/nat');
  if (nat) nat.publicIp = '54.250.1.10';
  const group = model.ipGroups[0];
  if (group) group.cidrs = ['52.95.0.0/16'];
  h = await fakeFor(model, { roles: [ROLE] });
  const redacted = await takeSnapshot('aws:ap-northeast-1', { env: h.env, redact: true });
  if ('diagnostics' in redacted) throw new Error('snapshot failed');
  writeSnapshotFile(redactedFile, redacted.snapshot);
  for (const [k, v] of Object.entries(h.env)) vi.stubEnv(k, v ?? '');
  vi.stubEnv('AWS_PROFILE', '');
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await h.fake.close();
});

describe('wspl snapshot', () => {
  it('writes the snapshot, says so on stderr, and leaves stdout empty', async () => {
    const r = await runCli(['snapshot', 'aws:ap-northeast-1', '-o', file]);
    expect(r.code).toBe(0);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/wrote .*seed\.json: 1 account\(s\) × 1 Region\(s\), \d+ calls, 0 failed/);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ wsplSnapshot: 1, redacted: false });
  });

  it('is refused for anything but aws:REGION, and for a role ARN that is not one', async () => {
    const notAws = await runCli(['snapshot', 'examples/seed-tokyo.yaml', '-o', join(dir, 'x.json')]);
    expect(notAws.code).toBe(2);
    expect(notAws.err).toMatch(/give aws:REGION/);
    const badRole = await runCli([
      'snapshot',
      'aws:ap-northeast-1',
      '--role-arn',
      'WsplReadOnly',
      '-o',
      join(dir, 'y.json'),
    ]);
    expect(badRole.code).toBe(2);
    expect(badRole.err).toContain('[bad-role-arn]');
    expect(existsSync(join(dir, 'y.json'))).toBe(false);
  });

  it('the snapshot is a source for every command, offline', async () => {
    const exported = await runCli(['export', file]);
    expect(exported.code).toBe(0);
    const reloaded = loadDesignText(exported.out, 'exported.yaml');
    expect(reloaded.ok).toBe(true);
    expect(exported.out).toMatch(/vpc1:[\s\S]*endpoint-sg:/);
    const check = await runCli(['check', file, '--format', 'json']);
    const findings = (JSON.parse(check.out) as { findings: { rule: string }[] }).findings.map((f) => f.rule);
    expect(findings).toContain('pcoip-workspaces-unreachable');
  });
});

describe('aws:REGION as a source', () => {
  it('takes --role-arn, keeps stdout clean JSON, and reports progress in plain lines off a terminal', async () => {
    const before = h.fake.requests.length;
    const r = await runCli(['check', 'aws:ap-northeast-1', '--role-arn', ROLE, '--format', 'json']);
    expect(r.code).toBe(1);
    expect(() => JSON.parse(r.out) as unknown).not.toThrow();
    expect(r.err).toMatch(/^reading 1 account in ap-northeast-1: \d+ calls in [\d.]+ s$/m);
    expect(r.err).not.toContain('\r');
    const sts = h.fake.requests.slice(before).filter((q) => q.action.startsWith('sts:'));
    expect(sts.map((q) => q.action)).toEqual(['sts:AssumeRole']);
  });

  it('report --html takes --role-arn too, and refuses one that is not a role ARN', async () => {
    const before = h.fake.requests.length;
    const html = join(dir, 'report.html');
    const r = await runCli(['report', 'aws:ap-northeast-1', '--role-arn', ROLE, '--html', html]);
    expect(r.code).toBe(0);
    expect(readFileSync(html, 'utf8')).toMatch(/^<!doctype html>/i);
    const sts = h.fake.requests.slice(before).filter((q) => q.action.startsWith('sts:'));
    expect(sts.map((q) => q.action)).toEqual(['sts:AssumeRole']);
    const bad = await runCli(['report', 'aws:ap-northeast-1', '--role-arn', 'WsplReadOnly', '--html', html]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('[bad-role-arn]');
  });

  it('takes the clients from --clients, naming an instance by its instance id', async () => {
    const model = await loadSource('aws:ap-northeast-1', { env: h.env });
    const instanceId = model.instances.find((i) => i.id === 'vpc1/client')?.prov.originalId ?? '';
    expect(instanceId).toMatch(/^i-[0-9a-f]{17}$/);
    const overlay = join(dir, 'clients.yaml');
    writeFileSync(overlay, `clients:\n  ec2-client: { at: ${instanceId}, version: 5.29.1 }\n`);
    const r = await runCli([
      'trace',
      'aws:ap-northeast-1',
      '--clients',
      overlay,
      '--client',
      'ec2-client',
      '--workspace',
      'dcv-desktop',
      '--format',
      'json',
    ]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ outcome: 'CONNECTED', path: 'privatelink' });
  });

  it('matrix of an account without --clients says the table is empty and how to give the clients', async () => {
    const r = await runCli(['matrix', 'aws:ap-northeast-1']);
    expect(r.code).toBe(0);
    expect(r.out.trim().split('\n')).toHaveLength(1); // the header only
    expect(r.err).toMatch(
      /the source has no client, so the table is empty; give the user networks with --clients FILE/,
    );
  });

  it('rewrites one progress line in place on a terminal', async () => {
    const io = { ...captureIo(), errIsTty: true };
    const code = await main(['export', 'aws:ap-northeast-1'], io);
    expect(code).toBe(0);
    const err = io.stderr();
    const rewrite = `\r${String.fromCharCode(27)}[K`;
    expect(err.startsWith(rewrite)).toBe(true);
    expect(err.split(rewrite).pop()).toMatch(/^reading the account in ap-northeast-1: \d+ calls in [\d.]+ s\n$/);
  });

  it('reads with the keys of the profile given by --profile', async () => {
    const credentials = join(dir, 'credentials');
    writeFileSync(
      credentials,
      `[audit]\naws_access_key_id = AKIA111122223333PROF\naws_secret_access_key = ${h.env.AWS_SECRET_ACCESS_KEY ?? ''}\n`,
    );
    vi.stubEnv('AWS_ACCESS_KEY_ID', '');
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', '');
    vi.stubEnv('AWS_CONFIG_FILE', join(dir, 'no-config'));
    vi.stubEnv('AWS_SHARED_CREDENTIALS_FILE', credentials);
    try {
      const r = await runCli(['export', 'aws:ap-northeast-1', '--profile', 'audit']);
      expect(r.code).toBe(0);
      expect(r.out).toMatch(/vpc1:/);
      expect(r.err).not.toContain('AKIA111122223333PROF');
    } finally {
      for (const [k, v] of Object.entries(h.env)) vi.stubEnv(k, v ?? '');
    }
  });

  it('names a profile that does not exist instead of guessing credentials', async () => {
    vi.stubEnv('AWS_ACCESS_KEY_ID', '');
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', '');
    vi.stubEnv('AWS_CONFIG_FILE', join(dir, 'no-config'));
    vi.stubEnv('AWS_SHARED_CREDENTIALS_FILE', join(dir, 'no-credentials'));
    try {
      const r = await runCli(['matrix', 'aws:ap-northeast-1', '--profile', 'nobody']);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/\[aws-no-credentials\]/);
      expect(r.err).toMatch(/nobody/);
    } finally {
      for (const [k, v] of Object.entries(h.env)) vi.stubEnv(k, v ?? '');
    }
  });
});

describe('a snapshot file', () => {
  it('is a source of its own kind that replays the live read: the same model, provenance aside', async () => {
    const taken = await takeSnapshot('aws:ap-northeast-1', { env: h.env });
    if ('diagnostics' in taken) throw new Error('snapshot failed');
    const own = join(dir, 'replay.json');
    writeSnapshotFile(own, taken.snapshot);
    const result = resultFromRaw(taken.snapshot.scopes, { source: 'aws' }, 'aws:ap-northeast-1');
    if (!result.ok) throw new Error('load failed');
    expect(detectSource(own)).toBe('snapshot');
    const offline = await loadSource(own);
    expect(withoutProvenance(offline)).toEqual(withoutProvenance(result.model));
    expect(offline.vpcs[0]?.prov).toMatchObject({ source: 'snapshot', file: own, path: '111122223333/ap-northeast-1' });
    const text = readFileSync(own, 'utf8');
    expect(JSON.parse(text)).toMatchObject({ wsplSnapshot: 1, accounts: ['111122223333'], failures: [] });
    expect((JSON.parse(text) as { wsplVersion: string }).wsplVersion).toMatch(/^\d+\.\d+\.\d+/);
    // What it read, and nothing else: no credentials.
    expect(text).not.toContain(h.env.AWS_SECRET_ACCESS_KEY);
    expect(text).not.toContain(h.env.AWS_ACCESS_KEY_ID);
  });
});

describe('--redact', () => {
  it('hides account ids, public addresses and names, and keeps private addresses and AWS names', () => {
    const text = readFileSync(redactedFile, 'utf8');
    for (const secret of ['111122223333', '54.250.1.10', '52.95.0.0', '"vpc1"', 'endpoint-sg', '"corp"', 'user0'])
      expect(text, secret).not.toContain(secret);
    for (const kept of ['10.0.21.217', 'com.amazonaws.ap-northeast-1.highlander', '"default"', 'AmazonProvidedDNS'])
      expect(text, kept).toContain(kept);
    expect(JSON.parse(text)).toMatchObject({ redacted: true });
  });

  it('predicts the same as the snapshot it came from', async () => {
    const redacted = await loadSource(redactedFile);
    const original = await loadSource('aws:ap-northeast-1', { env: h.env });
    // Clients come from an overlay that names instances by id; the instance ids survive redaction.
    const clientsFor = (m: Model): Model => ({
      ...m,
      clients: h.model.clients.map((c) => {
        const at = c.at;
        if (at.kind !== 'vpc' || at.instance === undefined) return c;
        const awsId = original.instances.find((i) => i.id === at.instance)?.prov.originalId;
        const inst = m.instances.find((i) => i.prov.originalId === awsId);
        return inst ? { ...c, at: { kind: 'vpc' as const, vpc: inst.vpc, subnet: inst.subnet, instance: inst.id } } : c;
      }),
    });
    const outcomes = (m: Model) =>
      predictMatrixEntries(clientsFor(m))
        .map((e) => `${e.client} ${m.workspaces.find((w) => w.id === e.workspace)?.protocol ?? '?'} ${e.trace.outcome}`)
        .sort();
    expect(outcomes(redacted)).toEqual(outcomes(original));
    expect(outcomes(original)).toContain('ec2-client dcv CONNECTED');
    expect(redacted.account).not.toBe(original.account);
  });
});

const lines = (text: string, word: string) => text.split('\n').filter((l) => l.includes(word));

describe('AWS errors on the command line', () => {
  let e: Harness | undefined;
  async function serve(faults: FaultRule[]): Promise<void> {
    e = await fakeFor('examples/seed-tokyo.yaml', { faults, roles: [ROLE] });
    for (const [k, v] of Object.entries(e.env)) vi.stubEnv(k, v ?? '');
  }
  afterEach(async () => {
    for (const [k, v] of Object.entries(h.env)) vi.stubEnv(k, v ?? '');
    await e?.fake.close();
    e = undefined;
  });

  it('a refused call and a garbled answer: one warning each naming the call, clean JSON on stdout', async () => {
    await serve([
      { action: 'ec2:DescribeRouteTables', kind: 'access-denied' },
      { action: 'ec2:DescribeSecurityGroups', kind: 'garbage' },
    ]);
    const r = await runCli(['check', 'aws:ap-northeast-1', '--format', 'json']);
    expect(r.code).not.toBe(2);
    expect(() => JSON.parse(r.out) as unknown).not.toThrow();
    const denied = lines(r.err, 'ec2:DescribeRouteTables');
    expect(denied).toHaveLength(1);
    expect(denied[0]).toMatch(/warning: ec2:DescribeRouteTables: access denied \(UnauthorizedOperation: .*UNKNOWN/);
    // The call is named once, not repeated inside the message.
    expect(denied[0]?.split('ec2:DescribeRouteTables').length).toBe(3); // once as the call, once in AWS's message
    const garbled = lines(r.err, 'ec2:DescribeSecurityGroups');
    expect(garbled).toHaveLength(1);
    expect(garbled[0]).toMatch(/the answer was not readable \(BadAnswer/);
  });

  it('garbage for every call: exit 2 naming the identity call, and no snapshot written', async () => {
    await serve([{ kind: 'garbage' }]);
    const r = await runCli(['matrix', 'aws:ap-northeast-1']);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/sts:GetCallerIdentity the answer was not readable \(BadAnswer/);
    const file = join(dir, 'none.json');
    const s = await runCli(['snapshot', 'aws:ap-northeast-1', '-o', file]);
    expect(s.code).toBe(2);
    expect(s.err).toMatch(/\(caller\)\/ap-northeast-1 sts:GetCallerIdentity: BadAnswer/);
    expect(existsSync(file)).toBe(false);
  });

  it('a role that cannot be assumed: exit 2 naming AssumeRole and the role', async () => {
    await serve([{ action: 'sts:AssumeRole', kind: 'access-denied' }]);
    const r = await runCli(['check', 'aws:ap-northeast-1', '--role-arn', ROLE]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`sts:AssumeRole ${ROLE} access denied (AccessDenied`);
  });

  it('an error that quotes the signed request (key id, session token, signature) is never printed or saved', async () => {
    await serve([{ action: 'ec2:DescribeSubnets', kind: 'signature-mismatch' }]);
    const file = join(dir, 'scrubbed.json');
    const r = await runCli(['snapshot', 'aws:ap-northeast-1', '--role-arn', ROLE, '-o', file]);
    expect(r.code).toBe(0);
    const check = await runCli(['check', 'aws:ap-northeast-1', '--role-arn', ROLE, '--format', 'json']);
    const said = lines(check.err, 'ec2:DescribeSubnets')[0] ?? '';
    expect(said).toMatch(/SignatureDoesNotMatch/);
    expect(said).toContain('<redacted');
    const token = sessionToken('111122223333');
    for (const text of [r.err, check.err, check.out, readFileSync(file, 'utf8')]) {
      expect(text).not.toContain(token.slice(0, 40));
      expect(text).not.toMatch(/ASIA\d{12}/);
      expect(text).not.toMatch(/Signature=[0-9a-f]{16}/);
    }
  });

  it('a snapshot with a failed call lists it in the file and on stderr, and is still written', async () => {
    await serve([{ action: 'workspaces:DescribeIpGroups', kind: 'access-denied' }]);
    const file = join(dir, 'partial.json');
    const r = await runCli(['snapshot', 'aws:ap-northeast-1', '-o', file]);
    expect(r.code).toBe(0);
    expect(lines(r.err, 'workspaces:DescribeIpGroups')[0]).toMatch(/AccessDeniedException/);
    const saved = JSON.parse(readFileSync(file, 'utf8')) as { failures: { action?: string; code: string }[] };
    expect(saved.failures).toEqual([
      expect.objectContaining({ action: 'workspaces:DescribeIpGroups', code: 'AccessDeniedException' }),
    ]);
  });
});
