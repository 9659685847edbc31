// The dashboard on a source other than a design file: snapshots of a fake AWS serving the seed, and the live read
// itself. It must draw and predict what the design file gives, show a fact the snapshot lacks (the directory's
// access properties, so `streamingEndpoint` is undefined) as unknown: never as "no streaming endpoint", which would
// be a guess; and read a live source again on refresh.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Model } from '../model/types.js';
import { fakeFor } from '../sources/aws/testing/harness.js';
import { estateFromModel } from '../sources/aws/testing/estate.js';
import { loadSource, readSource } from '../sources/index.js';
import { writeSnapshotFile } from '../sources/snapshot/file.js';
import { takeSnapshot } from '../sources/snapshot/take.js';
import { Dashboard } from './dashboard.js';
import { packageDocs } from './package-docs.js';
import { loopbackHosts } from './guard.js';
import { createApp } from './server.js';
import { dashboardOf, example } from './testing/examples.js';
import { buildTopology } from './topology.js';
import type { MatrixView, Overview, Topology } from './types.js';
import { nodeLines } from './visible.js';

const OVERLAY = 'test/conformance/overlays/seed-tokyo.yaml';
const dir = mkdtempSync(join(tmpdir(), 'wspl-web-snapshot-'));

/** Serves the model from a fake AWS, snapshots it to a file and reads the file back as `wspl serve FILE` does. */
async function snapshotDashboard(model: Model, name: string): Promise<Dashboard> {
  const h = await fakeFor(model);
  try {
    const taken = await takeSnapshot(`aws:${model.region}`, { env: h.env });
    if ('diagnostics' in taken) throw new Error(JSON.stringify(taken.diagnostics));
    const file = join(dir, name);
    writeSnapshotFile(file, taken.snapshot);
    const loaded = await readSource(file, { overlay: OVERLAY });
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.diagnostics));
    const warnings = loaded.diagnostics.filter((d) => d.severity === 'warning');
    return new Dashboard(loaded.model, { source: file, refreshable: true, docs: packageDocs, warnings });
  } finally {
    await h.fake.close();
  }
}

function outcomes(m: MatrixView): Record<string, string> {
  const out: Record<string, string> = {};
  m.clients.forEach((c, i) =>
    m.workspaces.forEach((w, j) => {
      out[`${c.id} × ${w.id}`] = m.kinds[m.cells[i * m.workspaces.length + j] ?? -1]?.outcome ?? '(none)';
    }),
  );
  return out;
}

const node = (t: Topology, id: string) => t.nodes.find((n) => n.id === id);

let known: Dashboard;
let unknown: Dashboard;
beforeAll(async () => {
  const notRead = example('seed-tokyo');
  for (const d of notRead.directories) delete d.streamingEndpoint;
  [known, unknown] = await Promise.all([
    snapshotDashboard(example('seed-tokyo'), 'seed.json'),
    snapshotDashboard(notRead, 'seed-no-access-properties.json'),
  ]);
}, 30_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a snapshot as the source of the dashboard', () => {
  const design = dashboardOf('seed-tokyo');

  it('draws the same places and predicts the same cells as the design file', () => {
    expect(outcomes(known.matrix)).toEqual(outcomes(design.matrix));
    const ids = (t: Topology) => t.nodes.map((n) => n.id).sort();
    expect(ids(known.topology)).toEqual(ids(design.topology));
    expect(node(known.topology, 'directory:corp')).toMatchObject({ detail: expect.stringContaining('streams via') });
    expect(node(known.topology, 'directory:corp')?.unknown).toBeUndefined();
    // Each box says where it was read: the snapshot file, not a design file.
    expect(node(known.topology, 'instance:vpc1/nat')?.where).toMatch(/seed\.json/);
  });

  it('traces the home cell to both blockers, and runs what-if on the snapshot', () => {
    const home = known.trace('home', 'dcv-desktop');
    expect(home?.trace.outcome).toBe('NO_REACHABLE_ENDPOINT');
    expect(home?.blockers.map((b) => [b.blocker.kind, b.nodes])).toEqual([
      ['dns', ['client:home']],
      ['route', ['client:home']],
    ]);
    const w = known.whatif(['set:vpcs.vpc1.instances.nat.state=stopped']);
    expect(w.changed.map((c) => [c.client, c.workspace, c.after])).toEqual([
      ['ec2-client', 'dcv-desktop', 'REGISTRATION_FAILED'],
      ['ec2-client', 'pcoip-desktop', 'REGISTRATION_FAILED'],
    ]);
  });
});

describe('a streaming endpoint the source did not state', () => {
  it('is drawn as unknown on the directory, with no endpoint edge and no "public gateways" claim', () => {
    const corp = node(unknown.topology, 'directory:corp');
    expect(corp?.unknown).toBe('streaming endpoint unknown');
    expect(corp?.detail).not.toMatch(/streams via/);
    // On the box itself, in words (the page also draws it dotted): colour is never the only signal.
    expect(corp && nodeLines(corp, false)).toEqual([
      '▤ corp (Personal directory)',
      '2 WorkSpaces · 1 DCV · 1 PCoIP',
      '? streaming endpoint unknown',
    ]);
    expect(unknown.topology.edges.filter((e) => e.kind === 'uses-endpoint')).toEqual([]);
    // The page's header lists what the source could not read, as the terminal does.
    expect(unknown.overview().warnings).toEqual([
      expect.stringMatching(
        /seed-no-access-properties\.json: warning: .*directory corp came without its access properties.*\[aws-access-properties-unknown\]$/,
      ),
    ]);
    expect(known.overview().warnings).toEqual([]);
  });

  it('makes every cell of the directory UNKNOWN, naming what is missing, in the matrix and the trace', () => {
    expect(new Set(Object.values(outcomes(unknown.matrix)))).toEqual(new Set(['UNKNOWN']));
    expect(unknown.matrix.kinds.map((k) => k.cause)).toEqual([
      expect.stringMatching(/^missing: corp: its access endpoint configuration \(WorkspaceAccessProperties\)/),
    ]);
    const t = unknown.trace('ec2-client', 'dcv-desktop');
    expect(t?.trace.outcome).toBe('UNKNOWN');
    expect(t?.trace.missing.join(' ')).toMatch(/WorkspaceAccessProperties/);
  });

  it('is told apart from "none" and from an endpoint that is not in the input', () => {
    const none = example('seed-tokyo');
    for (const d of none.directories) {
      d.streamingEndpoint = null;
      delete d.accessEndpointType;
    }
    const corp = node(buildTopology(none), 'directory:corp');
    expect(corp?.detail).toMatch(/streams via public gateways$/);
    expect(corp?.unknown).toBeUndefined();
    // An access endpoint entry that names no endpoint: what the broker does is not documented, so unknown too.
    for (const d of none.directories) d.accessEndpointType = 'STREAMING_WSP';
    expect(node(buildTopology(none), 'directory:corp')?.unknown).toBe('access endpoint without an id');
    const elsewhere = example('seed-tokyo');
    for (const d of elsewhere.directories) {
      d.streamingEndpoint = null;
      d.streamingEndpointAwsId = 'vpce-0123456789abcdef0';
    }
    expect(node(buildTopology(elsewhere), 'directory:corp')?.unknown).toBe('vpce-0123456789abcdef0 not in input');
  });

  it('marks the boxes whose security group or network ACL rules could not be read', () => {
    const refused = example('seed-tokyo');
    for (const g of refused.securityGroups) if (g.id === 'vpc1/endpoint-sg') g.rulesUnknown = 'refused';
    for (const a of refused.networkAcls) a.rulesUnknown = 'refused';
    const t = buildTopology(refused);
    expect(node(t, 'eni:vpc1/streaming#10.0.21.217')?.unknown).toBe('security group rules unknown');
    expect(node(t, 'subnet:vpc1/public-a')?.unknown).toBe('network ACL rules unknown');
    expect(node(buildTopology(example('seed-tokyo')), 'subnet:vpc1/public-a')?.unknown).toBeUndefined();
  });
});

describe('a live source', () => {
  it('is read again on refresh: a NAT stopped in AWS turns the EC2 client red', async () => {
    const estate = estateFromModel(example('seed-tokyo'));
    const h = await fakeFor(example('seed-tokyo'), { estate });
    try {
      const read = async () => {
        const model = await loadSource('aws:ap-northeast-1', { env: h.env, overlay: OVERLAY });
        return new Dashboard(model, { source: 'aws:ap-northeast-1', refreshable: true, docs: packageDocs });
      };
      const app = createApp(await read(), { allowedHosts: () => loopbackHosts(1), reload: read });
      const overview = async (r: Response) => (await r.json()) as Overview;
      expect((await overview(await app.request('http://127.0.0.1:1/api/overview'))).outcomes).toMatchObject({
        CONNECTED: 1,
      });
      const stopped = example('seed-tokyo');
      for (const i of stopped.instances) if (i.nat) i.state = 'stopped';
      // Same ids (no salt), so the fake answers as the same account would after the NAT instance stopped.
      for (const [k, scope] of estateFromModel(stopped).scopes) estate.scopes.set(k, scope);
      const after = await overview(await app.request('http://127.0.0.1:1/api/refresh', { method: 'POST' }));
      expect(after.outcomes).toMatchObject({ REGISTRATION_FAILED: 2, NO_REACHABLE_ENDPOINT: 1 });
      expect(after.outcomes.CONNECTED).toBeUndefined();
    } finally {
      await h.fake.close();
    }
  });
});
