// The live read against the fake AWS with the real SDK clients: paging, retries on throttling and 5xx, and what a
// refused, failing or garbled call leaves behind (a warning, and UNKNOWN where it matters, never a crash or a pass).
import { EC2Client } from '@aws-sdk/client-ec2';
import { isAction } from './actions.js';
import { RefusedAction, sendAction, type Sender } from './clients.js';
import { loadSource } from '../index.js';
import { estateFromModel } from './testing/estate.js';
import { afterEach, describe, expect, it } from 'vitest';
import type { Model } from '../../model/types.js';
import { traceConnection } from '../../workspaces/trace.js';
import { exportLosses } from '../design/export.js';
import { clientConfig } from './clients.js';
import { readAws } from './live.js';
import { Limiter } from './limiter.js';
import { readScope } from './read.js';
import { finishLoad } from '../check-model.js';
import { resultFromRaw } from './result.js';
import { fakeFor, mergeEstates, overlayFrom, rescope, withoutProvenance, type Harness } from './testing/harness.js';
import type { FaultRule } from './testing/server.js';

const SEED = 'examples/seed-tokyo.yaml';
let open: Harness | undefined;
afterEach(async () => {
  await open?.fake.close();
  open = undefined;
});

async function read(faults: FaultRule[] = [], pageSize?: number, source: string | Model = SEED) {
  open = await fakeFor(source, { faults, ...(pageSize !== undefined ? { pageSize } : {}) });
  const live = await readAws(open.read);
  // As the registry does: the meaning checks (references included) on the converted model.
  const result = finishLoad(resultFromRaw(live.snapshot.scopes, { source: 'aws' }, 'aws:test'));
  return { ...live, result, h: open };
}

function modelOf(r: Awaited<ReturnType<typeof read>>): Model {
  if (!r.result.ok) throw new Error(JSON.stringify(r.result.diagnostics));
  return overlayFrom(r.h.model, r.result.model);
}

describe('reading the seed through the fake AWS', () => {
  it('pages every list (one item a page), converts to the design file’s model, and stores no credential', async () => {
    const r = await read([], 1);
    const m = modelOf(r);
    const paged = r.snapshot.scopes[0]?.calls.filter((c) => c.pages.length > 1).map((c) => c.action) ?? [];
    expect(paged).toEqual(
      expect.arrayContaining(['ec2:DescribeVpcs', 'ec2:DescribeSubnets', 'ec2:DescribeSecurityGroups']),
    );
    expect(r.result.diagnostics).toEqual([]);
    const plain = withoutProvenance(m) as Record<string, unknown>;
    const ref = withoutProvenance(r.h.model) as Record<string, unknown>;
    for (const k of Object.keys(ref)) if (k !== 'endpoints') expect(plain[k], k).toEqual(ref[k]);
    expect(m.vpcs[0]?.prov).toMatchObject({ source: 'aws', file: 'aws:111122223333/ap-northeast-1' });
    expect(m.vpcs[0]?.prov.originalId).toMatch(/^vpc-[0-9a-f]{17}$/);
    const text = JSON.stringify(r.snapshot);
    for (const secret of [r.h.read.credentials?.accessKeyId, r.h.read.credentials?.secretAccessKey])
      expect(text).not.toContain(secret);
  });

  it('retries throttling (RequestLimitExceeded, ThrottlingException) and 5xx, and waits for slow answers', async () => {
    const r = await read([
      { action: 'ec2:DescribeVpcs', kind: 'throttle', times: 2 },
      { action: 'workspaces:DescribeWorkspaceDirectories', kind: 'throttle', times: 1 },
      { action: 'ec2:DescribeSubnets', kind: 'server-error', times: 1 },
      { action: 'ec2:DescribeInstances', kind: 'slow', delayMs: 200 },
    ]);
    expect(r.result.diagnostics).toEqual([]);
    const tries = (a: string) => r.h.fake.requests.filter((q) => q.action === a).map((q) => q.status);
    expect(tries('ec2:DescribeVpcs')).toEqual([503, 503, 200]);
    expect(tries('workspaces:DescribeWorkspaceDirectories')).toEqual([400, 200]);
    expect(tries('ec2:DescribeSubnets')).toEqual([500, 200]);
    expect(traceConnection(modelOf(r), 'ec2-client', 'dcv-desktop').outcome).toBe('CONNECTED');
  });

  it('uses adaptive retries with 10 attempts unless told otherwise', async () => {
    const client = new EC2Client(clientConfig({ maxAttempts: 10 }, 'ap-northeast-1'));
    expect(((await client.config.retryStrategy()) as { mode?: string }).mode).toBe('adaptive');
    expect(await client.config.maxAttempts()).toBe(10);
    client.destroy();
  });

  it('refused, failing and garbled calls become one warning each, and the facts they held UNKNOWN', async () => {
    const r = await read([
      { action: 'ec2:DescribeNetworkAcls', kind: 'access-denied' },
      { action: 'ec2:DescribeRouteTables', kind: 'access-denied' },
      { action: 'ec2:DescribeSecurityGroups', kind: 'garbage' },
      { action: 'ec2:DescribeNatGateways', kind: 'server-error' },
      { action: 'workspaces:DescribeIpGroups', kind: 'throttle' },
    ]);
    expect(r.result.ok).toBe(true);
    const seen = r.result.diagnostics.map((d) => `${d.severity} ${d.code} ${d.field ?? ''}`).sort();
    expect(seen).toEqual([
      'warning aws-access-denied ec2:DescribeNetworkAcls',
      'warning aws-access-denied ec2:DescribeRouteTables',
      'warning aws-bad-answer ec2:DescribeSecurityGroups',
      'warning aws-error ec2:DescribeNatGateways',
      'warning aws-groups-unknown ',
      'warning aws-throttled workspaces:DescribeIpGroups',
    ]);
    expect(r.result.diagnostics.find((d) => d.field === 'ec2:DescribeNetworkAcls')?.message).toMatch(
      /UnauthorizedOperation.*network ACL checks are UNKNOWN/,
    );
    expect(r.h.fake.requests.filter((q) => q.action === 'ec2:DescribeNatGateways').length).toBe(3);
    expect(r.snapshot.failures.map((f) => f.action).sort()).toEqual(
      seen
        .map((s) => s.split(' ')[2])
        .filter((a) => a !== '')
        .sort(),
    );
    const m = modelOf(r);
    const t = traceConnection(m, 'ec2-client', 'dcv-desktop');
    expect(t.outcome).toBe('UNKNOWN');
    const missing = t.missing.join('\n');
    expect(missing).toMatch(/route tables not read/);
    expect(missing).toMatch(/security group sg-[0-9a-f]+ is not in the input/);
    // A trace the unread facts do not touch still decides: PCoIP is refused by the broker before any network.
    expect(traceConnection(m, 'ec2-client', 'pcoip-desktop').outcome).toBe('RESOURCE_NOT_FOUND');
    // A design file cannot say "unknown": exporting says what it would turn into a known fact.
    expect(exportLosses(m)).toEqual([
      expect.stringMatching(/^network ACL vpc1\/\(network ACLs not read\): its rules are unknown/),
      expect.stringMatching(/^network ACL vpc2/),
    ]);
  });

  it('a directory read without its access properties makes its traces UNKNOWN, naming what is missing', async () => {
    const model = structuredClone(await loadSource(SEED));
    const dir = model.directories[0];
    if (dir) delete dir.streamingEndpoint;
    const r = await read([], undefined, model);
    expect(r.result.diagnostics.map((d) => d.code)).toEqual(['aws-access-properties-unknown']);
    const t = traceConnection(modelOf(r), 'ec2-client', 'dcv-desktop');
    expect(t.outcome).toBe('UNKNOWN');
    expect(t.missing.join('\n')).toMatch(/access endpoint configuration/);
    expect(exportLosses(modelOf(r))).toEqual([
      expect.stringMatching(/^directory corp: its access endpoint configuration is unknown/),
    ]);
  });

  it('every other example, served by the fake AWS, reads back as its design file (what AWS cannot state aside)', async () => {
    for (const example of ['seed-4-1-nat-stopped', 'seed-4-2-connected', 'seed-4-3-home', 'seed-4-4-pcoip']) {
      const r = await read([], undefined, `examples/${example}.yaml`);
      const plain = withoutProvenance(modelOf(r)) as Record<string, unknown>;
      const ref = withoutProvenance(r.h.model) as Record<string, unknown>;
      for (const k of Object.keys(ref)) if (k !== 'endpoints') expect(plain[k], `${example} ${k}`).toEqual(ref[k]);
      expect(r.result.diagnostics).toEqual([]);
      await r.h.fake.close();
      open = undefined;
    }
  });

  it('reads DHCP option sets, DNS attributes turned off, FIPS encryption and a Pools directory with its pool', async () => {
    const model = structuredClone(await loadSource(SEED));
    const [vpc1, vpc2] = model.vpcs;
    const corp = model.directories[0];
    const desktop = model.workspaces[0];
    if (!vpc1 || !vpc2 || !corp || !desktop) throw new Error('seed changed');
    vpc1.dhcpOptions = { domainNameServers: ['10.0.10.53', 'AmazonProvidedDNS'], prov: vpc1.prov };
    vpc2.dnsHostnames = false;
    corp.encryption = 'fips-validated';
    model.directories.push({
      ...corp,
      id: 'pooled',
      directoryId: 'wsd-0pooled01',
      type: 'pools',
      ipGroups: [],
      encryption: 'standard-tls',
    });
    model.workspaces.push({ ...desktop, id: 'pool-desktop', directory: 'pooled', protocol: 'dcv' });
    const r = await read([], 1, model);
    expect(r.result.diagnostics).toEqual([]);
    const plain = withoutProvenance(modelOf(r)) as Record<string, { id: string }[]>;
    const ref = withoutProvenance(model) as Record<string, { id: string }[]>;
    // AWS names the option set; the design file did not.
    const read1 = plain.vpcs?.[0] as unknown as { dhcpOptions: { id?: string } };
    expect(read1.dhcpOptions.id).toMatch(/^dopt-[0-9a-f]{17}$/);
    delete read1.dhcpOptions.id;
    for (const k of ['vpcs', 'directories']) expect(plain[k], k).toEqual(ref[k]);
    // The pool comes back by its name, from DescribeWorkspacesPools, streaming DCV in the Pools directory.
    const pool = modelOf(r).workspaces.find((w) => w.id === 'pool-desktop');
    expect(pool).toMatchObject({ directory: 'pooled', protocol: 'dcv' });
    expect(pool?.prov.originalId).toMatch(/^wspool-[0-9a-f]{17}$/);
  });

  it('nothing readable (every call refused) is a failed load naming why', async () => {
    const r = await read([{ kind: 'access-denied' }]);
    expect(r.result.ok).toBe(false);
    expect(r.result.diagnostics[0]).toMatchObject({ severity: 'error', code: 'aws-access-denied' });
  });
});

describe('readScope', () => {
  it('a route search that says more routes exist but gives no token is a failed call, not a complete list', async () => {
    const answers: Record<string, Record<string, unknown>> = {
      DescribeTransitGatewayRouteTablesCommand: {
        TransitGatewayRouteTables: [{ TransitGatewayRouteTableId: 'tgw-rtb-1', TransitGatewayId: 'tgw-1' }],
      },
      SearchTransitGatewayRoutesCommand: {
        Routes: [{ DestinationCidrBlock: '10.0.0.0/16', State: 'active' }],
        AdditionalRoutesAvailable: true,
      },
    };
    const sender: Sender = {
      send: (command) => Promise.resolve(answers[(command as object).constructor.name] ?? {}),
    };
    const scope = await readScope(
      { account: '111122223333', region: 'ap-northeast-1', client: () => sender, limiter: new Limiter() },
      0,
    );
    const search = scope.calls.find((c) => c.action === 'ec2:SearchTransitGatewayRoutes');
    expect(search?.pages).toHaveLength(1);
    expect(search?.error).toMatchObject({ code: 'Truncated', page: 0 });
    expect(scope.calls.filter((c) => c.error)).toHaveLength(1);
  });
});

describe('sendAction', () => {
  it('refuses anything that is not an allowed read before a request is made', async () => {
    const sent: unknown[] = [];
    const client: Sender = { send: (c) => Promise.resolve(sent.push(c)) };
    for (const action of [
      'workspaces:ModifyWorkspaceAccessProperties',
      'ec2:DeleteVpc',
      'ec2:CreateVpcEndpoint',
      'ec2:DescribeVpcsAndDeleteThem',
      'sts:AssumeRole',
    ]) {
      expect(isAction(action)).toBe(false);
      await expect(sendAction(client, action, {})).rejects.toBeInstanceOf(RefusedAction);
    }
    expect(sent).toEqual([]);
  });

  it('sends an allowed read through a real client (the fake sees exactly that request)', async () => {
    const h = await fakeFor(SEED);
    try {
      const client = new EC2Client({
        region: 'ap-northeast-1',
        endpoint: h.fake.url,
        credentials: h.read.credentials,
      });
      await expect(sendAction(client, 'ec2:ModifyVpcAttribute', { VpcId: 'vpc-1' })).rejects.toThrow(/refuses/);
      const out = await sendAction(client, 'ec2:DescribeVpcs', {});
      expect((out.Vpcs as unknown[]).length).toBe(2);
      expect(h.fake.requests.map((r) => r.action)).toEqual(['ec2:DescribeVpcs']);
      client.destroy();
    } finally {
      await h.fake.close();
    }
  });
});

const A = '111122223333';
const B = '444455556666';
const C = '777788889999';
const role = (account: string) => `arn:aws:iam::${account}:role/WsplReadOnly`;

function duplicates(model: Model): string[] {
  const out: string[] = [];
  for (const [key, list] of Object.entries(model)) {
    if (!Array.isArray(list)) continue;
    const ids = (list as { id?: string }[]).map((x) => x.id);
    out.push(...ids.filter((id, i) => id !== undefined && ids.indexOf(id) !== i).map((id) => `${key}:${id}`));
  }
  return out;
}

describe('several accounts and Regions', () => {
  it('read with one role per account land in one model without colliding ids', async () => {
    const seed = await loadSource('examples/seed-tokyo.yaml');
    const hub = rescope(await loadSource('examples/hub-spoke.yaml'), B, 'ap-northeast-1');
    const office = rescope(await loadSource('examples/office-tgw.yaml'), A, 'us-west-2');
    const estate = mergeEstates(
      estateFromModel(seed, 'seed'),
      estateFromModel(hub, 'hub'),
      estateFromModel(office, 'office'),
    );
    const h = await fakeFor(seed, { estate, roles: [role(A), role(B)] });
    try {
      const { credentials: _own, ...read } = h.read;
      const live = await readAws({
        ...read,
        credentials: { accessKeyId: `AKIA${C}TEST`, secretAccessKey: 'x' },
        regions: ['ap-northeast-1', 'us-west-2'],
        roleArns: [role(A), role(B), role(C)],
      });
      expect(live.snapshot.accounts.sort()).toEqual([A, B, C]);
      expect(h.fake.requests.filter((q) => q.action === 'sts:AssumeRole').length).toBe(3);
      // What went over the wire: the policy's reads, and AssumeRole (the caller's right, not the read role's).
      const sent = new Set(h.fake.requests.map((q) => q.action));
      for (const action of sent) expect(action === 'sts:AssumeRole' || isAction(action), action).toBe(true);
      expect(sent.size).toBeGreaterThan(25);
      const result = resultFromRaw(live.snapshot.scopes, { source: 'aws' }, 'aws:test');
      if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
      const m = result.model;
      // The role in C is refused: one warning for each of its Regions, and the rest is read.
      expect(result.diagnostics.map((d) => `${d.code} ${d.file}`).sort()).toEqual([
        `aws-access-denied aws:${C}/ap-northeast-1`,
        `aws-access-denied aws:${C}/us-west-2`,
      ]);
      expect(duplicates(m)).toEqual([]);
      expect(m.vpcs.length).toBe(seed.vpcs.length + hub.vpcs.length + office.vpcs.length);
      expect(m.workspaces.length).toBe(seed.workspaces.length + hub.workspaces.length + office.workspaces.length);
      // "vpc1" is the name of a VPC in two Regions: both are known by their AWS ids; unique names stay.
      expect(m.vpcs.map((v) => v.id).filter((id) => id.startsWith('vpc-')).length).toBe(4);
      expect(m.vpcs.map((v) => v.id)).toEqual(expect.arrayContaining(['hub', 'spoke', 'workspaces']));
      const hubVpc = m.vpcs.find((v) => v.id === 'hub');
      expect(hubVpc).toMatchObject({ account: B, region: 'ap-northeast-1', prov: { file: `aws:${B}/ap-northeast-1` } });
      const west = m.endpoints.find((e) => e.region === 'us-west-2');
      expect(west).toMatchObject({ account: A, service: 'com.amazonaws.us-west-2.highlander' });
      // Three directories named "corp": each is known by its directory id.
      expect(m.directories.map((d) => `${d.account} ${d.region}`).sort()).toEqual([
        `${A} ap-northeast-1`,
        `${A} us-west-2`,
        `${B} ap-northeast-1`,
      ]);
      for (const d of m.directories) expect(d.id).toBe(d.directoryId);
    } finally {
      await h.fake.close();
    }
  });

  it('without roles, reads the caller’s own account (from STS GetCallerIdentity)', async () => {
    const h = await fakeFor('examples/seed-tokyo.yaml');
    try {
      const live = await readAws(h.read);
      expect(live.snapshot.accounts).toEqual([A]);
      expect(h.fake.requests[0]).toMatchObject({ action: 'sts:GetCallerIdentity', account: A });
    } finally {
      await h.fake.close();
    }
  });
});
