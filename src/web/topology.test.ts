import { describe, expect, it } from 'vitest';
import { buildTopology } from './topology.js';
import { design, example } from './testing/examples.js';
import type { Topology } from './types.js';

const node = (t: Topology, id: string) => t.nodes.find((n) => n.id === id);
const edge = (t: Topology, kind: string, a: string, b: string) =>
  t.edges.find((e) => e.kind === kind && ((e.source === a && e.target === b) || (e.source === b && e.target === a)));

describe('the seed as a picture', () => {
  const t = buildTopology(example('seed-tokyo'));

  it('nests account, Region, VPC, subnet and what sits in each subnet', () => {
    expect(node(t, 'region:111122223333/ap-northeast-1')?.parent).toBe('account:111122223333');
    expect(node(t, 'vpc:vpc1')).toMatchObject({ parent: 'region:111122223333/ap-northeast-1', collapsible: true });
    expect(node(t, 'subnet:vpc1/public-a')?.parent).toBe('vpc:vpc1');
    expect(node(t, 'instance:vpc1/nat')).toMatchObject({ kind: 'nat-instance', parent: 'subnet:vpc1/public-a' });
    expect(node(t, 'eni:vpc1/streaming#10.0.21.217')).toMatchObject({
      kind: 'endpoint-eni',
      parent: 'subnet:vpc1/endpoint-a',
      detail: '10.0.21.217',
    });
    expect(node(t, 'directory:corp')).toMatchObject({
      parent: 'vpc:vpc2',
      detail: '2 WorkSpaces · 1 DCV · 1 PCoIP\nstreams via vpc1/streaming',
    });
    expect(node(t, 'resolver:vpc1')?.detail).toBe('10.0.0.2');
  });

  it('shows the clients where they sit: the EC2 client is its instance, home is on the internet', () => {
    expect(t.aliases['ec2-client']).toEqual(['instance:vpc1/client']);
    expect(node(t, 'instance:vpc1/client')?.label).toContain('client ec2-client');
    expect(node(t, 'client:home')?.parent).toBeUndefined();
    expect(edge(t, 'internet', 'client:home', 'internet')).toBeDefined();
  });

  it('draws the way out: default routes to the NAT and the internet gateway, the gateway to the internet', () => {
    expect(edge(t, 'default-route', 'subnet:vpc1/client-a', 'instance:vpc1/nat')).toBeDefined();
    expect(edge(t, 'default-route', 'subnet:vpc1/public-a', 'igw:vpc1')).toBeDefined();
    expect(edge(t, 'internet', 'igw:vpc1', 'internet')).toBeDefined();
    expect(edge(t, 'uses-endpoint', 'directory:corp', 'eni:vpc1/streaming#10.0.21.217')).toBeDefined();
  });

  it('maps settings that are not places to the places they act on', () => {
    expect(t.aliases['vpc1/endpoint-sg']).toEqual(['eni:vpc1/streaming#10.0.21.217']);
    expect(t.aliases['vpc1/nat-sg']).toEqual(['instance:vpc1/nat']);
    expect(t.aliases['vpc1/private']?.sort()).toEqual(['subnet:vpc1/client-a', 'subnet:vpc1/endpoint-a']);
    expect(t.aliases['vpc1/default']).toHaveLength(3);
    expect(t.aliases['pcoip-desktop']).toEqual(['directory:corp']);
    expect(t.aliases['10.0.21.217']).toEqual(['eni:vpc1/streaming#10.0.21.217']);
  });

  it('marks a stopped NAT instance as inactive', () => {
    const stopped = buildTopology(design(SEEDISH.replace('state: running', 'state: stopped')));
    expect(node(stopped, 'instance:vpc1/nat')?.inactive).toBe('stopped');
  });

  it('gives every edge two existing ends and every alias existing nodes', () => {
    const ids = new Set(t.nodes.map((n) => n.id));
    for (const e of t.edges) expect(ids.has(e.source) && ids.has(e.target), e.id).toBe(true);
    for (const [k, v] of Object.entries(t.aliases)) for (const n of v) expect(ids.has(n), `${k} → ${n}`).toBe(true);
    for (const n of t.nodes) if (n.parent !== undefined) expect(ids.has(n.parent), n.id).toBe(true);
  });
});

describe('transit gateways, on-premises sites and peering', () => {
  it('draws the office, its DNS server, its VPN to the transit gateway and the attachment subnets', () => {
    const t = buildTopology(example('office-tgw'));
    expect(node(t, 'tgw:tgw1')?.parent).toBe('region:111122223333/ap-northeast-1');
    expect(node(t, 'onprem:onprem/office')).toMatchObject({ kind: 'onprem', collapsible: true });
    expect(node(t, 'onprem-dns:onprem/office')?.parent).toBe('onprem:onprem/office');
    expect(node(t, 'client:office-pc')?.parent).toBe('onprem:onprem/office');
    expect(edge(t, 'vpn', 'onprem:onprem/office', 'tgw:tgw1')).toBeDefined();
    expect(edge(t, 'tgw-attachment', 'tgw:tgw1', 'subnet:vpc1/tgw-a')).toBeDefined();
    expect(edge(t, 'internet', 'onprem:onprem/office', 'internet')?.label).toBe('breakout');
    expect(t.aliases['tgw1/office-vpn']).toEqual(['tgw:tgw1']);
    expect(t.aliases['vpc1/inbound']).toHaveLength(2);
  });

  it('draws a peering between two VPCs and a VPN to a virtual private gateway', () => {
    const t = buildTopology(design(PEERED));
    expect(node(t, 'pcx:a-b')).toMatchObject({ kind: 'peering', parent: 'region:111122223333/ap-northeast-1' });
    expect(edge(t, 'peering', 'vpc:a', 'pcx:a-b')).toBeDefined();
    expect(edge(t, 'peering', 'pcx:a-b', 'vpc:b')).toBeDefined();
    expect(node(t, 'vgw:a')?.parent).toBe('vpc:a');
    expect(edge(t, 'vpn', 'onprem:onprem/site', 'vgw:a')).toBeDefined();
  });
});

const SEEDISH = `
wspl: 1
account: "111122223333"
region: ap-northeast-1
vpcs:
  vpc1:
    cidr: 10.0.0.0/16
    internetGateway: igw1
    subnets:
      public-a: { cidr: 10.0.0.0/24, az: ap-northeast-1a, routeTable: public }
    routeTables:
      public: { 0.0.0.0/0: igw1 }
    instances:
      nat: { subnet: public-a, nat: true, state: running, publicIp: 203.0.113.10 }
`;

const PEERED = `
wspl: 1
account: "111122223333"
region: ap-northeast-1
vpcs:
  a:
    cidr: 10.0.0.0/16
    vpnGateway: vgw-a
    subnets: { s: { cidr: 10.0.0.0/24, az: ap-northeast-1a } }
  b:
    cidr: 10.1.0.0/16
    subnets: { s: { cidr: 10.1.0.0/24, az: ap-northeast-1a } }
peerings:
  a-b: { requester: a, accepter: b }
onPremises:
  site:
    cidrs: [192.168.0.0/16]
    connections: [{ vpn: a }]
`;
