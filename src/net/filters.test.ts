import { describe, expect, it } from 'vitest';
import { emptyModel, type NaclRule, type NetworkAcl, type SecurityGroup, type SgRule } from '../model/types.js';
import { range } from './cidr.js';
import { evaluateAcl, evaluateSecurityGroups } from './filters.js';
import { Network } from './network.js';

const prov = { source: 'design' as const, file: 't.yaml' };
const sgRule = (protocol: SgRule['protocol'], from: number, to: number, peer: SgRule['peer']): SgRule => ({
  protocol,
  fromPort: from,
  toPort: to,
  peer,
  prov,
});
const nacl = (
  number: number,
  action: 'allow' | 'deny',
  protocol: NaclRule['protocol'],
  from: number,
  to: number,
  cidr: string,
): NaclRule => ({ number, action, protocol, fromPort: from, toPort: to, cidr, prov });

const scope = { account: '111122223333', region: 'ap-northeast-1' };

function netWith(groups: SecurityGroup[], prefixLists: { id: string; cidrs: string[] }[] = []): Network {
  const m = emptyModel('111122223333', 'ap-northeast-1');
  m.securityGroups = groups;
  m.prefixLists = prefixLists.map((p) => ({ ...p, name: p.id, ...scope, prov }));
  return new Network(m);
}

describe('security groups', () => {
  const ep: SecurityGroup = {
    id: 'ep',
    name: 'ep',
    vpc: 'v',
    ...scope,
    prov,
    ingress: [
      sgRule('tcp', 443, 443, { kind: 'cidr', cidr: '10.0.0.0/16' }),
      sgRule('udp', 4195, 4195, { kind: 'sg', id: 'client' }),
      sgRule('tcp', 4195, 4195, { kind: 'prefix-list', id: 'pl-office' }),
    ],
    egress: [],
  };
  const net = netWith([ep], [{ id: 'pl-office', cidrs: ['192.168.0.0/16'] }]);
  it('allows by CIDR, by referenced group and by prefix list, and names the rule', () => {
    expect(evaluateSecurityGroups(net, ['ep'], 'ingress', 'tcp', 443, { range: range('10.0.1.5') }).result).toBe(
      'allowed',
    );
    expect(
      evaluateSecurityGroups(net, ['ep'], 'ingress', 'udp', 4195, {
        range: range('10.9.9.9'),
        securityGroups: ['client'],
      }).rule?.peer,
    ).toEqual({ kind: 'sg', id: 'client' });
    expect(evaluateSecurityGroups(net, ['ep'], 'ingress', 'tcp', 4195, { range: range('192.168.3.4') }).result).toBe(
      'allowed',
    );
  });
  it('denies what no rule allows: other protocol, port, source, or no rules at all', () => {
    expect(evaluateSecurityGroups(net, ['ep'], 'ingress', 'udp', 443, { range: range('10.0.1.5') }).result).toBe(
      'denied',
    );
    expect(evaluateSecurityGroups(net, ['ep'], 'ingress', 'tcp', 444, { range: range('10.0.1.5') }).result).toBe(
      'denied',
    );
    expect(evaluateSecurityGroups(net, ['ep'], 'ingress', 'tcp', 443, { range: range('10.1.1.5') }).result).toBe(
      'denied',
    );
    expect(evaluateSecurityGroups(net, ['ep'], 'egress', 'tcp', 443, { range: range('10.0.1.5') }).result).toBe(
      'denied',
    );
  });
  it('is unknown when a rule covers only part of the source range, or a group is missing', () => {
    expect(evaluateSecurityGroups(net, ['ep'], 'ingress', 'tcp', 443, { range: range('10.0.0.0/8') }).result).toBe(
      'unknown',
    );
    expect(evaluateSecurityGroups(net, ['nope'], 'ingress', 'tcp', 443, { range: range('10.0.1.5') }).result).toBe(
      'unknown',
    );
  });
  it('treats protocol all as every port', () => {
    const any: SecurityGroup = {
      id: 'a',
      name: 'a',
      vpc: 'v',
      ...scope,
      prov,
      ingress: [],
      egress: [sgRule('all', 0, 65535, { kind: 'cidr', cidr: '0.0.0.0/0' })],
    };
    expect(
      evaluateSecurityGroups(netWith([any]), ['a'], 'egress', 'udp', 4195, { range: range('3.114.164.1') }).result,
    ).toBe('allowed');
  });
});

describe('network ACLs', () => {
  const net = netWith([]);
  const acl = (ingress: NaclRule[], egress: NaclRule[] = []): NetworkAcl => ({
    id: 'acl',
    name: 'acl',
    vpc: 'v',
    ...scope,
    subnets: [],
    ingress,
    egress,
    prov,
  });
  it('first matching rule by number wins, whatever the order written', () => {
    const a = acl([
      nacl(200, 'allow', 'all', 0, 65535, '0.0.0.0/0'),
      nacl(100, 'deny', 'udp', 4195, 4195, '10.0.0.0/16'),
    ]);
    const v = evaluateAcl(a, 'ingress', 'udp', [4195, 4195], range('10.0.10.15'), net);
    expect(v.result).toBe('denied');
    expect(v.rules[0]?.number).toBe(100);
    expect(evaluateAcl(a, 'ingress', 'tcp', [4195, 4195], range('10.0.10.15'), net).result).toBe('allowed');
  });
  it('ends in an implicit deny', () => {
    const v = evaluateAcl(
      acl([nacl(100, 'allow', 'tcp', 443, 443, '10.0.0.0/16')]),
      'ingress',
      'udp',
      [443, 443],
      range('10.0.1.1'),
      net,
    );
    expect(v).toMatchObject({ result: 'denied', rules: [] });
  });
  it('decides a port range piecewise: ephemeral return ports partly allowed is partial, with the denied ports', () => {
    const v = evaluateAcl(
      acl([], [nacl(100, 'allow', 'tcp', 32768, 65535, '10.0.0.0/16')]),
      'egress',
      'tcp',
      [1024, 65535],
      range('10.0.10.15'),
      net,
    );
    expect(v.result).toBe('partial');
    expect(v.deniedPorts).toEqual([[1024, 32767]]);
  });
  it('no ACL means the default, which allows everything', () => {
    expect(evaluateAcl(undefined, 'egress', 'udp', [1024, 65535], range('1.2.3.4'), net).result).toBe('allowed');
  });
  it('is unknown when a rule covers only part of the remote range', () => {
    expect(
      evaluateAcl(
        acl([nacl(100, 'deny', 'all', 0, 65535, '10.0.10.0/24')]),
        'ingress',
        'tcp',
        [443, 443],
        range('10.0.0.0/16'),
        net,
      ).result,
    ).toBe('unknown');
  });
});
