import { describe, expect, it } from 'vitest';
import { traceConnection } from '../workspaces/trace.js';
import { buildTopology } from './topology.js';
import { nodesFor, tracePicture } from './trace-picture.js';
import { example } from './testing/examples.js';

function picture(name: string, client: string, workspace: string) {
  const model = example(name);
  const topology = buildTopology(model);
  return tracePicture(topology, traceConnection(model, client, workspace), (rule) => `fix for ${rule}`);
}

const leg = (v: ReturnType<typeof picture>, label: string) => v.legs.find((l) => l.label.split(' · ').includes(label));

describe('nodesFor: the names a trace uses, as picture nodes', () => {
  const topology = buildTopology(example('office-tgw'));
  it.each([
    ['vpc1/endpoint-sg', ['eni:vpc1/streaming#10.0.21.217', 'eni:vpc1/streaming#10.0.22.45']],
    ['vpc1 resolver 10.0.0.2', ['resolver:vpc1']],
    ['onprem/office DNS 192.168.0.53', ['onprem-dns:onprem/office']],
    ['public DNS', ['public-dns']],
    ['office-pc', ['client:office-pc']],
    ['no-such-thing', []],
  ])('%s', (name, nodes) => expect(nodesFor(topology, name)).toEqual(nodes));
});

describe('a trace drawn on the picture', () => {
  it('home → dcv-desktop: both blockers sit on the home client, with their rule fix; DNS and probes fail', () => {
    const v = picture('seed-tokyo', 'home', 'dcv-desktop');
    expect(v.trace.outcome).toBe('NO_REACHABLE_ENDPOINT');
    expect(v.blockers.map((b) => [b.blocker.kind, b.nodes, b.fix])).toEqual([
      ['dns', ['client:home'], 'fix for client-dns-resolution'],
      ['route', ['client:home'], 'fix for client-route-to-endpoint'],
    ]);
    expect(leg(v, 'dns')).toMatchObject({ status: 'fail', nodes: ['client:home', 'public-dns'] });
    expect(leg(v, 'probe QUIC 4195')).toMatchObject({
      status: 'fail',
      kind: 'stream',
      nodes: ['client:home', 'eni:vpc1/streaming#10.0.21.217'],
    });
    // The internet leg of registration, and the broker's answer pointing at the endpoint.
    expect(leg(v, 'registration')).toMatchObject({ status: 'ok', nodes: ['client:home', 'internet', 'aws-services'] });
    expect(leg(v, 'broker')?.nodes).toEqual(['aws-services', 'directory:corp', 'eni:vpc1/streaming#10.0.21.217']);
    expect(v.unplaced).toEqual([]);
  });

  it('ec2-client → dcv-desktop: registration leaves through the NAT and the internet gateway; probes reach the ENI', () => {
    const v = picture('seed-tokyo', 'ec2-client', 'dcv-desktop');
    expect(leg(v, 'registration')?.nodes).toEqual([
      'instance:vpc1/client',
      'instance:vpc1/nat',
      'igw:vpc1',
      'internet',
      'aws-services',
    ]);
    expect(leg(v, 'dns')).toMatchObject({ status: 'ok', nodes: ['instance:vpc1/client', 'resolver:vpc1'] });
    const probes = v.legs.filter((l) => l.kind === 'stream');
    expect(probes).toHaveLength(1);
    expect(probes[0]).toMatchObject({
      label: 'probe QUIC 4195 · QUIC 443 · TCP 4195 · TCP 443',
      status: 'ok',
      nodes: ['instance:vpc1/client', 'eni:vpc1/streaming#10.0.21.217'],
    });
    // Every hop keeps its place on the picture, for the step list beside it.
    expect(probes[0]?.hops.map((h) => h.hop.node)).toContain('vpc1/endpoint-sg');
    expect(v.blockers).toEqual([]);
  });

  it('office-pc: DNS goes from the office DNS server over the transit gateway to the inbound resolver', () => {
    const v = picture('office-tgw', 'office-pc', 'dcv-desktop');
    expect(leg(v, 'dns')?.nodes).toEqual([
      'client:office-pc',
      'onprem-dns:onprem/office',
      'tgw:tgw1',
      'reni:vpc1/inbound#10.0.53.10',
      'resolver:vpc1',
    ]);
    const targets = v.legs.filter((l) => l.kind === 'stream').map((l) => l.nodes.at(-1));
    expect(targets).toEqual(['eni:vpc1/streaming#10.0.21.217', 'eni:vpc1/streaming#10.0.22.45']);
    expect(v.unplaced).toEqual([]);
  });
});
