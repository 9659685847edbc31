import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { readFileSync } from 'node:fs';
import { loadDesignText } from '../sources/design/load.js';
import { requireModel } from '../sources/load.js';
import { resolveName, type DnsWorld } from './dns.js';
import { Network } from './network.js';

const NAME = 'privatelink.prod.ap-northeast-1.highlander.aws.a2z.com';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function setup(change?: (doc: any) => void) {
  const doc = parse(readFileSync(new URL('../../test/scenarios/office-tgw.yaml', import.meta.url), 'utf8'));
  change?.(doc);
  const net = new Network(requireModel(loadDesignText(stringify(doc), 'office.yaml'), 'office.yaml'));
  const world: DnsWorld = {
    zones: [{ name: NAME, vpcs: ['vpc1'], addresses: ['10.0.21.217'], owner: 'vpc1/streaming' }],
    publicDns: (n) => (n === NAME ? 'not-public' : 'resolves'),
  };
  return { net, world };
}

describe('resolveName', () => {
  it('answers from the private zone inside its VPC, at the VPC resolver base + 2', () => {
    const { net, world } = setup();
    const r = resolveName(net, world, { kind: 'vpc', vpc: 'vpc1' }, NAME);
    expect(r).toMatchObject({ status: 'private', addresses: ['10.0.21.217'] });
    expect(r.hops[0]?.node).toBe('vpc1 resolver 10.0.0.2');
  });
  it('another VPC falls through to public DNS, which does not know the name', () => {
    const { net, world } = setup();
    expect(resolveName(net, world, { kind: 'vpc', vpc: 'vpc2' }, NAME).status).toBe('nxdomain');
    expect(resolveName(net, world, { kind: 'internet' }, NAME).status).toBe('nxdomain');
  });
  it('a VPC with DNS support off answers nothing and says why', () => {
    const { net, world } = setup((d) => (d.vpcs.vpc1.dns.support = false));
    const r = resolveName(net, world, { kind: 'vpc', vpc: 'vpc1' }, NAME);
    expect(r.status).toBe('failed');
    expect(r.blockers[0]).toMatchObject({ resource: 'vpc1', kind: 'dns' });
  });
  it('on premises: a conditional forwarder to a reachable inbound endpoint gets the private answer', () => {
    const { net, world } = setup();
    const r = resolveName(net, world, { kind: 'onprem', network: 'onprem/office' }, NAME);
    expect(r.status).toBe('private');
    expect(r.hops.map((h) => h.node)).toContain('vpc1/inbound');
  });
  it('on premises: names outside the forwarded domain go to public DNS', () => {
    const { net, world } = setup();
    expect(
      resolveName(
        net,
        world,
        { kind: 'onprem', network: 'onprem/office' },
        'ws-broker-service.ap-northeast-1.amazonaws.com',
      ).status,
    ).toBe('public');
  });
  it('on premises: a forwarder to an address that is no inbound endpoint is unknown, not a guess', () => {
    const { net, world } = setup((d) => (d.onPremises.office.dns.forwarders[0].to = ['10.0.53.99']));
    const r = resolveName(net, world, { kind: 'onprem', network: 'onprem/office' }, NAME);
    expect(r.status).toBe('unknown');
    expect(r.missing[0]).toMatch(/10\.0\.53\.99/);
  });
});
