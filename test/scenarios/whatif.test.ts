// Seed 4-5: changes while sessions are live (system.md section 4), through the CLI as a user runs it.
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { captureIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { seedDoc, type Doc } from './helpers.js';

const SEED = 'examples/seed-tokyo.yaml';

async function whatif(source: string, args: string[]) {
  const io = captureIo();
  const code = await main(['whatif', source, ...args, '--format', 'json'], io);
  return { code, json: code === 2 ? undefined : JSON.parse(io.stdout()), stderr: io.stderr() };
}

function fileOf(doc: Doc): string {
  const dir = mkdtempSync(join(tmpdir(), 'wspl-whatif-'));
  const f = join(dir, 'env.yaml');
  writeFileSync(f, stringify(doc));
  return f;
}

describe('seed 4-5', () => {
  it('a DCV session survives removing the endpoint from the directory, and dies when the endpoint is deleted', async () => {
    const { code, json } = await whatif(SEED, [
      '--client',
      'ec2-client',
      '--workspace',
      'dcv-desktop',
      '--change',
      'set:directories.corp.streamingEndpoint=null',
      'delete:vpcs.vpc1.endpoints.streaming',
    ]);
    // Deleting the endpoint drops the running session: a gate in CI fails on that (contract: exit 1).
    expect(code).toBe(1);
    expect(json.initial).toMatchObject({ outcome: 'CONNECTED', path: 'privatelink' });
    expect(json.changes.map((c: { existing: string }) => c.existing)).toEqual(['continues', 'disconnected']);
    expect(json.changes.map((c: { new: { path: string; outcome: string } }) => [c.new.outcome, c.new.path])).toEqual([
      ['CONNECTED', 'internet'],
      ['CONNECTED', 'internet'],
    ]);
    expect(json.changes[1].existingReason).toMatch(/no longer exists/);
  });

  it('a PCoIP session survives turning the PCoIP fallback off; new ones get RESOURCE_NOT_FOUND', async () => {
    const doc = seedDoc();
    doc.directories.corp.pcoipOverInternet = true;
    const { json } = await whatif(fileOf(doc), [
      '--client',
      'home',
      '--workspace',
      'pcoip-desktop',
      '--change',
      'set:directories.corp.pcoipOverInternet=false',
    ]);
    expect(json.initial).toMatchObject({ outcome: 'CONNECTED', path: 'internet' });
    expect(json.changes[0]).toMatchObject({ existing: 'continues', new: { outcome: 'RESOURCE_NOT_FOUND' } });
  });

  it('stopping the NAT does not cut a PrivateLink stream but blocks new registrations (inferred)', async () => {
    const { code, json } = await whatif(SEED, [
      '--client',
      'ec2-client',
      '--workspace',
      'dcv-desktop',
      '--change',
      'set:vpcs.vpc1.instances.nat.state=stopped',
    ]);
    expect(json.changes[0]).toMatchObject({ existing: 'continues', new: { outcome: 'REGISTRATION_FAILED' } });
    // A working new session turned into a failing one: a CI gate fails on it too (exit 1).
    expect(code).toBe(1);
  });

  it('from a state that does not connect, JSON gives existing "none" and each new session (issue 9, item 1)', async () => {
    const { code, json } = await whatif(SEED, [
      '--client',
      'home',
      '--workspace',
      'dcv-desktop',
      '--change',
      'set:clients.home.at=vpc1/client',
      'set:vpcs.vpc1.instances.nat.state=stopped',
    ]);
    expect(json.initial.outcome).toBe('NO_REACHABLE_ENDPOINT');
    expect(
      json.changes.map((c: { existing: string; new: { outcome: string } }) => [c.existing, c.new.outcome]),
    ).toEqual([
      ['none', 'CONNECTED'],
      ['continues', 'REGISTRATION_FAILED'],
    ]);
    // The session that began after the first change keeps streaming; the next new one fails: exit 1.
    expect(code).toBe(1);
  });

  it('a network ACL that starts dropping the stream cuts the running session (inferred)', async () => {
    const doc = seedDoc();
    doc.vpcs.vpc1.networkAcls = {
      'ep-acl': {
        subnets: ['endpoint-a'],
        ingress: ['100 allow all from 0.0.0.0/0'],
        egress: ['100 allow all to 0.0.0.0/0'],
      },
    };
    const { json } = await whatif(fileOf(doc), [
      '--client',
      'ec2-client',
      '--workspace',
      'dcv-desktop',
      '--change',
      'set:vpcs.vpc1.networkAcls.ep-acl.ingress=["90 deny udp:4195 from 10.0.0.0/16", "100 allow all from 0.0.0.0/0"]',
    ]);
    expect(json.changes[0].existing).toBe('disconnected');
    expect(json.changes[0].new.endpoint).toMatchObject({ transport: 'QUIC', port: 443 });
  });

  it('changing the endpoint SG does not cut the running session (security groups track it)', async () => {
    const { json } = await whatif(SEED, [
      '--client',
      'ec2-client',
      '--workspace',
      'dcv-desktop',
      '--change',
      'set:vpcs.vpc1.securityGroups.endpoint-sg.ingress=[]',
    ]);
    expect(json.changes[0]).toMatchObject({ existing: 'continues', new: { outcome: 'NO_REACHABLE_ENDPOINT' } });
  });

  it('from a state that does not connect, still gives the new session after each change (exit 0: nothing breaks)', async () => {
    const io = captureIo();
    const code = await main(
      [
        'whatif',
        SEED,
        '--client',
        'home',
        '--workspace',
        'dcv-desktop',
        '--change',
        'set:directories.corp.pcoipOverInternet=true',
      ],
      io,
    );
    expect(code).toBe(0);
    expect(io.stdout()).toMatch(/No session runs before the changes/);
    expect(io.stdout()).toMatch(/private address/);
    expect(io.stdout()).toMatch(/running session: none/);
    expect(io.stdout()).toMatch(/new session: +NO_REACHABLE_ENDPOINT/);
  });

  it('a change naming a path that does not exist is bad input (exit 2)', async () => {
    const { code, stderr } = await whatif(SEED, [
      '--client',
      'ec2-client',
      '--workspace',
      'dcv-desktop',
      '--change',
      'set:vpcs.nope.instances.nat.state=stopped',
    ]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/vpcs\.nope/);
  });
});
