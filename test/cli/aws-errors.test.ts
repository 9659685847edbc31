// AWS failures as a user sees them on the command line: a refused or garbled call is one warning on stderr naming
// the call and why, stdout stays the command's output; when nothing can be read (the identity call itself fails),
// exit 2 naming that call, and no snapshot is written.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../src/cli/testing/run-cli.js';
import { fakeFor, type Harness } from '../../src/sources/aws/testing/harness.js';
import type { FaultRule } from '../../src/sources/aws/testing/server.js';

const dir = mkdtempSync(join(tmpdir(), 'wspl-aws-errors-'));
const ROLE = 'arn:aws:iam::111122223333:role/WsplReadOnly';
let h: Harness | undefined;

async function serve(faults: FaultRule[]): Promise<void> {
  h = await fakeFor('examples/seed-tokyo.yaml', { faults, roles: [ROLE] });
  for (const [k, v] of Object.entries(h.env)) vi.stubEnv(k, v ?? '');
  vi.stubEnv('AWS_PROFILE', '');
}
afterEach(async () => {
  vi.unstubAllEnvs();
  await h?.fake.close();
  h = undefined;
});

const lines = (text: string, word: string) => text.split('\n').filter((l) => l.includes(word));

describe('AWS errors on the command line', () => {
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
