// The decision for every reason the engine can give: a fix with AWS CLI commands, or a deliberate "no single
// command" note saying what to change instead. A new reason code fails to compile here (and this test) until it
// has a sample and a decision.
import { describe, expect, it } from 'vitest';
import { NET_REASON_CODES } from '../net/trace-types.js';
import { seed } from '../rules/testing/design.js';
import { SERVICE_REASON_CODES, type Reason } from '../workspaces/types.js';
import { FixFinder } from './fixes.js';

type Decision = 'command' | 'no-single-command';
type Sample<C extends Reason['code']> = [Extract<Reason, { code: C }>, Decision];

const flow = { protocol: 'udp', port: 4195, toward: 'from', remote: '10.0.10.15' } as const;
const egress = { protocol: 'tcp', port: 443, toward: 'to', remote: '0.0.0.0/0' } as const;

const DECISIONS: { [C in Reason['code']]: Sample<C> } = {
  'acl-denied': [{ code: 'acl-denied', direction: 'inbound', flow, subnet: 'vpc1/endpoint-a' }, 'command'],
  'acl-return-denied': [
    {
      code: 'acl-return-denied',
      direction: 'outbound',
      protocol: 'udp',
      toward: 'to',
      remote: '10.0.10.15',
      ports: [[1024, 65535]],
      subnet: 'vpc1/endpoint-a',
      ephemeral: [1024, 65535],
    },
    'command',
  ],
  'sg-none-attached': [{ code: 'sg-none-attached', node: 'vpc1/client', direction: 'egress', flow: egress }, 'command'],
  'sg-no-rule': [{ code: 'sg-no-rule', groups: ['vpc1/endpoint-sg'], direction: 'ingress', flow }, 'command'],
  'firewall-denied': [{ code: 'firewall-denied', node: 'onprem/office', flow: egress }, 'no-single-command'],
  'arrives-elsewhere': [{ code: 'arrives-elsewhere', at: 'vpc2', expected: 'vpc1/streaming' }, 'no-single-command'],
  'reply-misrouted': [
    { code: 'reply-misrouted', from: '10.0.21.217', to: '10.0.10.15', arrivesAt: 'vpc2' },
    'no-single-command',
  ],
  'reply-through-nat': [
    { code: 'reply-through-nat', table: 'vpc1/private', from: 'a', to: 'b', route: '0.0.0.0/0', nat: 'vpc1/nat' },
    'no-single-command',
  ],
  'on-return-path': [
    {
      code: 'on-return-path',
      reason: { code: 'sg-no-rule', groups: ['vpc1/endpoint-sg'], direction: 'ingress', flow },
    },
    'command',
  ],
  'no-subnet-holds': [{ code: 'no-subnet-holds', vpc: 'vpc1', address: '10.0.99.1' }, 'no-single-command'],
  'tgw-no-route': [{ code: 'tgw-no-route', table: 'tgw1/rt', address: '10.0.21.217' }, 'command'],
  'tgw-blackhole': [{ code: 'tgw-blackhole', table: 'tgw1/rt', destination: '10.0.0.0/16' }, 'command'],
  'attachment-no-subnet': [{ code: 'attachment-no-subnet', attachment: 'tgw1/att' }, 'command'],
  'attachment-wrong-site': [
    { code: 'attachment-wrong-site', attachment: 'tgw1/dx', site: 'onprem/office', address: '10.0.21.217' },
    'no-single-command',
  ],
  'attachment-missing-az': [
    {
      code: 'attachment-missing-az',
      attachment: 'tgw1/att',
      az: 'ap-northeast-1c',
      subnet: 'vpc2/ws-c',
      tgw: 'tgw1',
      azs: ['ap-northeast-1a'],
    },
    'command',
  ],
  'vpc-not-attached': [{ code: 'vpc-not-attached', vpc: 'vpc2', tgw: 'tgw1' }, 'command'],
  'routing-loop': [{ code: 'routing-loop' }, 'no-single-command'],
  'no-route': [
    { code: 'no-route', table: 'vpc1/private', vpc: 'vpc1', subnet: 'vpc1/client-a', address: '10.9.0.1' },
    'command',
  ],
  'blackhole-route': [{ code: 'blackhole-route', route: '0.0.0.0/0', table: 'vpc1/private', vpc: 'vpc1' }, 'command'],
  'igw-private-address': [
    { code: 'igw-private-address', table: 'vpc1/public', vpc: 'vpc1', address: '10.1.1.5' },
    'command',
  ],
  'igw-not-attached': [{ code: 'igw-not-attached', igw: 'igw1', vpc: 'vpc1' }, 'command'],
  'no-public-ip': [{ code: 'no-public-ip', source: '10.0.10.15', igw: 'igw1' }, 'no-single-command'],
  'nat-gateway-state': [{ code: 'nat-gateway-state', natGateway: 'vpc1/ngw', state: 'failed' }, 'command'],
  'nat-gateway-private': [{ code: 'nat-gateway-private', natGateway: 'vpc1/ngw' }, 'command'],
  'nat-subnet-missing': [{ code: 'nat-subnet-missing', nat: 'vpc1/nat', subnet: 'vpc1/gone' }, 'no-single-command'],
  'nat-instance-state': [{ code: 'nat-instance-state', instance: 'vpc1/nat', state: 'stopped' }, 'command'],
  'not-nat-instance': [{ code: 'not-nat-instance', instance: 'vpc1/client' }, 'no-single-command'],
  'source-dest-check': [{ code: 'source-dest-check', instance: 'vpc1/nat' }, 'command'],
  'nat-no-public-ip': [{ code: 'nat-no-public-ip', instance: 'vpc1/nat' }, 'command'],
  'peering-state': [{ code: 'peering-state', peering: 'pcx1', state: 'pending-acceptance' }, 'command'],
  'peering-not-transitive': [
    { code: 'peering-not-transitive', peering: 'pcx1', address: '10.9.0.1', other: 'vpc2' },
    'no-single-command',
  ],
  'no-site-behind-vgw': [{ code: 'no-site-behind-vgw', vgw: 'vgw-a', address: '192.168.0.1' }, 'no-single-command'],
  'no-link-from-site': [
    { code: 'no-link-from-site', site: 'onprem/office', address: '10.0.21.217' },
    'no-single-command',
  ],
  'internet-private-address': [{ code: 'internet-private-address', address: '10.0.21.217' }, 'no-single-command'],
  'vpc-dns-off': [{ code: 'vpc-dns-off', vpc: 'vpc1' }, 'command'],
  'zone-no-records': [
    {
      code: 'zone-no-records',
      owner: 'vpc1/streaming',
      name: 'privatelink.prod.ap-northeast-1.highlander.aws.a2z.com',
    },
    'no-single-command',
  ],
  'dns-query-blocked': [
    {
      code: 'dns-query-blocked',
      resolverEndpoint: 'vpc1/inbound',
      target: '10.0.53.10',
      reason: { code: 'sg-no-rule', groups: ['vpc1/endpoint-sg'], direction: 'ingress', flow },
    },
    'command',
  ],
  'forward-to-vpc-resolver': [
    { code: 'forward-to-vpc-resolver', from: 'onprem/office', target: '10.0.0.2', vpc: 'vpc1' },
    'command',
  ],
  'dhcp-servers-do-not-forward': [
    { code: 'dhcp-servers-do-not-forward', vpc: 'vpc1', servers: ['10.0.0.53'], name: 'x' },
    'no-single-command',
  ],
  'pools-directory': [{ code: 'pools-directory', directory: 'corp' }, 'no-single-command'],
  'fips-encryption': [{ code: 'fips-encryption', directory: 'corp' }, 'command'],
  'access-endpoint-type': [{ code: 'access-endpoint-type', directory: 'corp', type: 'STREAMING' }, 'command'],
  'wrong-endpoint-service': [
    {
      code: 'wrong-endpoint-service',
      endpoint: 'vpc1/streaming',
      type: 'Interface',
      service: 'com.amazonaws.ap-northeast-1.workspaces',
      expected: 'com.amazonaws.ap-northeast-1.highlander',
    },
    'command',
  ],
  'endpoint-other-account': [
    { code: 'endpoint-other-account', endpoint: 'vpc1/streaming', owner: '444455556666', account: '111122223333' },
    'no-single-command',
  ],
  'endpoint-shared-vpc': [
    { code: 'endpoint-shared-vpc', endpoint: 'vpc1/streaming', vpc: 'vpc1', owner: '444455556666' },
    'no-single-command',
  ],
  'dns-record-ip-type': [{ code: 'dns-record-ip-type', endpoint: 'vpc1/streaming', type: 'dualstack' }, 'command'],
  'pcoip-no-fallback': [{ code: 'pcoip-no-fallback', directory: 'corp' }, 'command'],
  'endpoint-state': [{ code: 'endpoint-state', endpoint: 'vpc1/streaming', state: 'failed' }, 'command'],
  'private-dns-off': [{ code: 'private-dns-off', endpoint: 'vpc1/streaming', name: 'x' }, 'command'],
  'vpc-dns-attributes-off': [
    { code: 'vpc-dns-attributes-off', vpc: 'vpc1', endpoint: 'vpc1/streaming', support: true, hostnames: false },
    'command',
  ],
  'private-name-unresolvable': [
    {
      code: 'private-name-unresolvable',
      resolver: { kind: 'vpc', vpc: 'vpc2' },
      name: 'privatelink.prod.ap-northeast-1.highlander.aws.a2z.com',
      endpointVpc: 'vpc1',
    },
    'command',
  ],
  'device-denied': [{ code: 'device-denied', directory: 'corp', os: 'linux' }, 'command'],
  'ip-group-denied': [
    { code: 'ip-group-denied', group: 'office-only', cidrs: ['192.0.2.0/24'], source: '198.51.100.7' },
    'command',
  ],
  'client-too-old-for-443': [
    { code: 'client-too-old-for-443', client: 'home', version: '5.20.0', privateLink: true },
    'no-single-command',
  ],
};

describe('every blocker reason has a decided fix', () => {
  it('the table names every reason code the engine has', () => {
    expect(Object.keys(DECISIONS).sort()).toEqual([...NET_REASON_CODES, ...SERVICE_REASON_CODES].sort());
  });

  const finder = new FixFinder(seed());
  it.each(Object.entries(DECISIONS))('%s', (code, [reason, decision]) => {
    const fix = finder.forBlocker({ resource: 'vpc1/x', kind: 'route', reason });
    if (decision === 'command') {
      expect(fix.cli.length, code).toBeGreaterThan(0);
      for (const cmd of fix.cli) expect(cmd).toMatch(/^aws [a-z0-9]+ [a-z-]+ /);
    } else {
      expect(fix.cli, code).toEqual([]);
      expect(fix.note, code).toMatch(/\S/);
    }
  });
});
