import { modelOf } from '../loader.js';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadDesignFile, loadDesignText } from './load.js';

const SEED = 'examples/seed-tokyo.yaml';
const CONTRACT = '/work/shared/docs/contract.md';

function seedModel() {
  const r = loadDesignFile(SEED);
  expect(r.diagnostics).toEqual([]);
  const model = modelOf(r);
  if (!model) throw new Error('no model');
  return model;
}

/** The line of the first line of `file` that contains `needle` (1-based). */
function lineOf(file: string, needle: string): number {
  return (
    readFileSync(file, 'utf8')
      .split('\n')
      .findIndex((l) => l.includes(needle)) + 1
  );
}

describe('the contract example', () => {
  it.skipIf(!existsSync(CONTRACT))('loads exactly as written in docs/contract.md', () => {
    const md = readFileSync(CONTRACT, 'utf8');
    const block = /## Design file[\s\S]*?```yaml\n([\s\S]*?)```/.exec(md)?.[1];
    expect(block).toBeDefined();
    const r = loadDesignText(block ?? '', 'contract.md');
    expect(r.diagnostics).toEqual([]);
    const model = modelOf(r);
    const seed = seedModel();
    const strip = (v: unknown) =>
      JSON.parse(JSON.stringify(v, (k, x) => (k === 'prov' || k === 'origin' ? undefined : x)));
    expect(strip(model)).toEqual(strip(seed));
  });

  it('yields the VPCs, subnets and routes with their targets', () => {
    const m = seedModel();
    expect(m.account).toBe('111122223333');
    expect(m.vpcs.map((v) => [v.id, v.dnsSupport, v.dnsHostnames])).toEqual([
      ['vpc1', true, true],
      ['vpc2', true, false], // AWS defaults for a new VPC
    ]);
    expect(m.subnets.map((s) => s.id)).toEqual([
      'vpc1/public-a',
      'vpc1/client-a',
      'vpc1/endpoint-a',
      'vpc2/ws-a',
      'vpc2/ws-c',
    ]);
    expect(m.subnets.find((s) => s.id === 'vpc1/client-a')?.routeTable).toBe('vpc1/private');
    const priv = m.routeTables.find((t) => t.id === 'vpc1/private');
    expect(priv?.routes.map((r) => [r.destination, r.target])).toEqual([
      ['10.0.0.0/16', { kind: 'local' }],
      ['0.0.0.0/0', { kind: 'instance', id: 'vpc1/nat' }],
    ]);
    const pub = m.routeTables.find((t) => t.id === 'vpc1/public');
    expect(pub?.routes[1]?.target).toEqual({ kind: 'igw', id: 'igw1' });
    expect(m.vpcs[1]?.mainRouteTable).toBe('vpc2/main');
    expect(m.routeTables.find((t) => t.id === 'vpc2/main')?.routes).toHaveLength(1);
  });

  it('parses security-group rules', () => {
    const m = seedModel();
    const ep = m.securityGroups.find((g) => g.id === 'vpc1/endpoint-sg');
    expect(ep?.ingress.map((r) => `${r.protocol}:${r.fromPort}-${r.toPort}`)).toEqual([
      'tcp:443-443',
      'udp:443-443',
      'tcp:4195-4195',
      'udp:4195-4195',
    ]);
    expect(ep?.ingress[0]?.peer).toEqual({ kind: 'cidr', cidr: '10.0.0.0/16' });
    expect(ep?.egress).toEqual([]);
    const nat = m.securityGroups.find((g) => g.id === 'vpc1/nat-sg');
    expect(nat?.ingress[0]).toMatchObject({ protocol: 'all', fromPort: 0, toPort: 65535 });
    // egress omitted: AWS gives a new group "all to 0.0.0.0/0"; ingress omitted: none
    const client = m.securityGroups.find((g) => g.id === 'vpc1/client-sg');
    expect(client?.ingress).toEqual([]);
  });

  it('resolves instances, the endpoint, the directory, workspaces and clients', () => {
    const m = seedModel();
    expect(m.instances.find((i) => i.id === 'vpc1/nat')).toMatchObject({
      nat: true,
      state: 'running',
      sourceDestCheck: false,
      subnet: 'vpc1/public-a',
      securityGroups: ['vpc1/nat-sg'],
    });
    expect(m.instances.find((i) => i.id === 'vpc1/client')).toMatchObject({
      nat: false,
      state: 'running',
      sourceDestCheck: true,
      privateIp: '10.0.10.15',
    });
    expect(m.endpoints[0]).toMatchObject({
      id: 'vpc1/streaming',
      type: 'Interface',
      service: 'com.amazonaws.ap-northeast-1.highlander',
      privateDns: true,
      dnsRecordIpType: 'ipv4',
      owner: '111122223333',
      state: 'available',
      subnets: ['vpc1/endpoint-a'],
      securityGroups: ['vpc1/endpoint-sg'],
      addresses: [{ subnet: 'vpc1/endpoint-a', ip: '10.0.21.217' }],
    });
    expect(m.directories[0]).toMatchObject({
      id: 'corp',
      directoryId: 'd-9567a1b2c3',
      vpc: 'vpc2',
      subnets: ['vpc2/ws-a', 'vpc2/ws-c'],
      streamingEndpoint: 'vpc1/streaming',
      accessEndpointType: 'STREAMING_WSP',
      pcoipOverInternet: false,
      ipGroups: [],
      encryption: 'standard-tls',
      preferredProtocol: 'udp',
    });
    expect(m.ipGroups).toMatchObject([{ id: 'office-only', cidrs: ['192.0.2.0/24'] }]);
    expect(m.workspaces.map((w) => [w.id, w.directory, w.protocol])).toEqual([
      ['dcv-desktop', 'corp', 'dcv'],
      ['pcoip-desktop', 'corp', 'pcoip'],
    ]);
    expect(m.clients[0]).toMatchObject({
      id: 'ec2-client',
      at: { kind: 'vpc', vpc: 'vpc1', subnet: 'vpc1/client-a', instance: 'vpc1/client' },
      version: '5.29.1',
    });
    expect(m.clients[1]).toMatchObject({ id: 'home', at: { kind: 'internet' }, publicIp: '198.51.100.7' });
  });

  it('gives the default network ACL to every subnet', () => {
    const m = seedModel();
    const acl = m.networkAcls.find((a) => a.id === 'vpc1/default');
    expect(acl?.subnets).toEqual(['vpc1/public-a', 'vpc1/client-a', 'vpc1/endpoint-a']);
    expect(acl?.ingress).toMatchObject([{ number: 100, action: 'allow', protocol: 'all', cidr: '0.0.0.0/0' }]);
  });

  it('records provenance with the line of each key', () => {
    const m = seedModel();
    expect(m.vpcs[0]?.prov).toEqual({
      source: 'design',
      file: SEED,
      line: lineOf(SEED, '  vpc1:'),
      path: 'vpcs.vpc1',
      originalId: 'vpc1',
    });
    expect(m.subnets[1]?.prov).toMatchObject({
      line: lineOf(SEED, 'client-a:   {'),
      path: 'vpcs.vpc1.subnets.client-a',
    });
    expect(m.endpoints[0]?.prov.line).toBe(lineOf(SEED, '      streaming:'));
    expect(m.clients[1]?.prov.line).toBe(lineOf(SEED, '  home:'));
    const route = m.routeTables.find((t) => t.id === 'vpc1/public')?.routes[1];
    expect(route?.prov).toMatchObject({
      line: lineOf(SEED, 'public:  {'),
      path: 'vpcs.vpc1.routeTables.public."0.0.0.0/0"',
    });
    const rule = m.securityGroups[1]?.egress[1];
    expect(rule?.prov).toMatchObject({
      line: lineOf(SEED, 'egress: [tcp:443 to'),
      path: 'vpcs.vpc1.securityGroups.nat-sg.egress.1',
    });
  });
});
