// `wspl whatif` without a client and a WorkSpace (issue 9, item 2): the whole matrix after each change, the
// sessions that drop, the exit code for CI, and the scoped re-evaluation held equal to a full one.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/testing/run-cli.js';
import { OUTPUT_SCHEMAS } from '../../src/report/output-schemas.js';
import { changeApplier } from '../../src/sources/changes.js';
import { whatifEstate } from '../../src/workspaces/estate-whatif.js';
import { predictMatrixEntries } from '../../src/workspaces/matrix.js';
import type { Model } from '../../src/model/types.js';
import { modelOf, seedDoc } from './helpers.js';

const SEED = 'examples/seed-tokyo.yaml';

/** The seed with a second directory and a WorkSpace in it, so that a directory change has cells it must not touch. */
function twoDirectories() {
  const doc = seedDoc();
  doc.directories.corp2 = { ...doc.directories.corp, id: 'd-9567a1b2c4', streamingEndpoint: null };
  doc.workspaces['dcv-2'] = { directory: 'corp2', protocol: 'dcv' };
  return doc;
}

describe('wspl whatif over the whole estate', () => {
  it('lists the cells that change and the sessions that drop after each change; exit 1 when one drops', async () => {
    const r = await runCli([
      'whatif',
      SEED,
      '--change',
      'set:directories.corp.streamingEndpoint=null',
      'delete:vpcs.vpc1.endpoints.streaming',
      'set:clients.home.version=5.10.0',
      '--format',
      'json',
    ]);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.out);
    expect(OUTPUT_SCHEMAS.whatif.safeParse(json).success).toBe(true);
    expect(json).toMatchObject({ cells: 4, connected: 1 });
    const [first, second, third] = json.changes;
    // Without the endpoint in the directory, new sessions take the internet; the running one keeps its path.
    expect(first.changed).toContainEqual(
      expect.objectContaining({
        client: 'ec2-client',
        workspace: 'dcv-desktop',
        fields: ['path', 'transport'],
        before: expect.objectContaining({ outcome: 'CONNECTED', path: 'privatelink' }),
        after: expect.objectContaining({ outcome: 'CONNECTED', path: 'internet' }),
      }),
    );
    expect(first.dropped).toEqual([]);
    // Deleting the endpoint cuts the session running over it (seed 4-5); no new session changes.
    expect(second).toMatchObject({ changed: [], unchanged: 4, running: 1 });
    expect(second.dropped).toEqual([
      expect.objectContaining({
        client: 'ec2-client',
        workspace: 'dcv-desktop',
        fate: { code: 'eni-gone', address: '10.0.21.217' },
      }),
    ]);
    // A change to one client predicts again only that client's traces.
    expect(third.traces).toEqual({ computed: 2, full: 4 });
  });

  it('text: changed cells with their first cause, unchanged ones counted; exit 0 when nothing breaks', async () => {
    const r = await runCli(['whatif', SEED, '--change', 'set:directories.corp.pcoipOverInternet=true']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Whole estate: 4 cells, 1 connected now/);
    expect(r.out).toMatch(/2 cells change, 2 unchanged/);
    expect(r.out).toMatch(/~ ec2-client → pcoip-desktop: RESOURCE_NOT_FOUND ⇒ NO_REACHABLE_ENDPOINT \(vpc1\/nat-sg: /);
    expect(r.out).toMatch(/\+ home → pcoip-desktop: RESOURCE_NOT_FOUND ⇒ CONNECTED via the internet, UDP 4172/);
  });

  it('--client without --workspace is a usage error (exit 2)', async () => {
    const r = await runCli(['whatif', SEED, '--client', 'home', '--change', 'set:clients.home.version=5.10.0']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--client and --workspace together/);
  });

  it('the scoped re-evaluation gives what a full one gives, for changes to a client, a WorkSpace, a directory and the network', () => {
    const model = modelOf(twoDirectories());
    const changes = [
      'set:clients.home.version=5.10.0',
      'set:directories.corp2.pcoipOverInternet=true',
      'set:workspaces.pcoip-desktop.protocol=dcv',
      'set:directories.corp.streamingEndpoint=null',
      'set:clients.home.at=vpc1/client',
      'set:vpcs.vpc1.instances.nat.state=stopped',
    ];
    const apply = changeApplier(model, 'two-directories.yaml');
    const result = whatifEstate(model, changes, (_m, c) => apply(c));
    // The same changes, each matrix predicted in full.
    const again = changeApplier(model, 'two-directories.yaml');
    const cell = (m: Model) =>
      new Map(
        predictMatrixEntries(m).map((e) => [
          `${e.client} ${e.workspace}`,
          [
            e.trace.outcome,
            e.trace.path,
            e.trace.endpoint?.transport,
            e.trace.endpoint?.port,
            e.trace.blockers.map((b) => b.reason.code),
          ],
        ]),
      );
    let before = cell(model);
    const computed: number[] = [];
    result.steps.forEach((step, i) => {
      const after = cell(again(changes[i]!));
      const full = [...after].filter(
        ([k, v]) => JSON.stringify(before.get(k)?.slice(0, 4)) !== JSON.stringify(v.slice(0, 4)),
      );
      expect(step.changed.map((c) => `${c.client} ${c.workspace}`).sort(), changes[i]).toEqual(
        full.map(([k]) => k).sort(),
      );
      for (const c of step.changed) {
        const t = c.after!;
        expect([
          t.outcome,
          t.path,
          t.endpoint?.transport,
          t.endpoint?.port,
          t.blockers.map((b) => b.reason.code),
        ]).toEqual(after.get(`${c.client} ${c.workspace}`));
      }
      expect(step.unchanged + step.changed.length).toBe(after.size);
      computed.push(step.traces.computed);
      before = after;
    });
    // home's 3 traces; corp2's one WorkSpace for 2 clients; pcoip-desktop for 2 clients (after it, corp has one trace
    // key: both WorkSpaces are DCV); corp's for 2 clients; home's 2; the network: all 4.
    expect(computed).toEqual([3, 2, 2, 2, 2, 4]);
    expect(result.steps.map((s) => s.traces.full)).toEqual([6, 6, 4, 4, 4, 4]);
  });

  it('stopping the NAT fails every registration: each cell listed with REGISTRATION_FAILED, exit 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wspl-estate-'));
    const f = join(dir, 'env.yaml');
    writeFileSync(f, stringify(twoDirectories()));
    const r = await runCli(['whatif', f, '--change', 'set:vpcs.vpc1.instances.nat.state=stopped', '--format', 'json']);
    expect(r.code).toBe(1);
    expect(
      JSON.parse(r.out).changes[0].changed.every(
        (c: { after: { outcome: string } }) => c.after.outcome === 'REGISTRATION_FAILED',
      ),
    ).toBe(true);
  });
});
