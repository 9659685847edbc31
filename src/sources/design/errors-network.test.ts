// Errors in the constructs beyond the contract example: network ACLs, NAT gateways, peering, transit gateways,
// on-premises networks, resolver endpoints, prefix lists, accounts.
import { modelOf } from '../loader.js';
import { describe, expect, it } from 'vitest';
import { loadDesignText } from './load.js';

const HEAD = `wspl: 1
account: "111122223333"
region: ap-northeast-1
prefixLists:
  corp: [192.168.0.0/16]
vpcs:
  vpc1:
    cidr: 10.0.0.0/16
    subnets:
      a: { cidr: 10.0.1.0/24, az: ap-northeast-1a }
      b: { cidr: 10.0.2.0/24, az: ap-northeast-1c }
`;
// HEAD has 11 lines; the snippet under test starts at line 12.
const FIRST = 12;

function diagnosticsOf(snippet: string) {
  return loadDesignText(HEAD + snippet, 'n.yaml').diagnostics.map((d) => [
    d.severity === 'error' ? d.code : `warning:${d.code}`,
    d.field,
    d.line,
  ]);
}

describe('network constructs', () => {
  it.each([
    [
      'a NACL rule without a number',
      '    networkAcls:\n      x: { ingress: [allow tcp:443 from 10.0.0.0/16] }',
      'bad-rule',
      'vpcs.vpc1.networkAcls.x.ingress.0',
      1,
    ],
    [
      'a NACL action that is neither allow nor deny',
      '    networkAcls:\n      x: { ingress: [100 permit tcp:443 from 10.0.0.0/16] }',
      'unknown-value',
      'vpcs.vpc1.networkAcls.x.ingress.0',
      1,
    ],
    [
      'a NACL rule number used twice',
      '    networkAcls:\n      x: { egress: [100 allow all to 0.0.0.0/0, 100 deny all to 10.0.0.0/8] }',
      'duplicate-rule-number',
      'vpcs.vpc1.networkAcls.x.egress.1',
      1,
    ],
    [
      'a NACL rule naming a prefix list',
      '    networkAcls:\n      x: { egress: [100 allow all to corp] }',
      'bad-cidr',
      'vpcs.vpc1.networkAcls.x.egress.0',
      1,
    ],
    [
      'a subnet in two NACLs',
      '    networkAcls:\n      x: { subnets: [a] }\n      y: { subnets: [a] }',
      'duplicate-association',
      'vpcs.vpc1.networkAcls.y.subnets.0',
      2,
    ],
    [
      'a NACL naming a missing subnet',
      '    networkAcls:\n      x: { subnets: [zz] }',
      'unknown-reference',
      'vpcs.vpc1.networkAcls.x.subnets.0',
      1,
    ],
    [
      'a NAT gateway in a missing subnet',
      '    natGateways:\n      gw: { subnet: zz }',
      'unknown-reference',
      'vpcs.vpc1.natGateways.gw.subnet',
      1,
    ],
    [
      'a route to a peering that does not touch the VPC',
      '    routeTables:\n      rt: { 10.5.0.0/16: pcx }\npeerings:\n  pcx: { requester: vpc2, accepter: vpc3 }',
      'unknown-reference',
      'vpcs.vpc1.routeTables.rt."10.5.0.0/16"',
      1,
    ],
    [
      'a route destination that is no CIDR or prefix list',
      '    routeTables:\n      rt: { somewhere: local }',
      'unknown-reference',
      'vpcs.vpc1.routeTables.rt.somewhere',
      1,
    ],
    ['a missing main route table', '    mainRouteTable: nope', 'unknown-reference', 'vpcs.vpc1.mainRouteTable', 0],
    [
      'a resolver address outside its subnets',
      '    resolverEndpoints:\n      in: { subnets: [a], addresses: [10.0.2.10] }',
      'address-outside-subnets',
      'vpcs.vpc1.resolverEndpoints.in.addresses.0',
      1,
    ],
    [
      'a peering of a missing VPC',
      'peerings:\n  pcx: { requester: vpc1, accepter: vpc9 }',
      'unknown-reference',
      'peerings.pcx.accepter',
      1,
    ],
    [
      'a TGW attachment of two kinds',
      'transitGateways:\n  t:\n    routeTables: { rt: {} }\n    attachments:\n      x: { vpc: vpc1, vpn: office }',
      'bad-attachment',
      'transitGateways.t.attachments.x',
      4,
    ],
    [
      'a TGW route to a missing attachment',
      'transitGateways:\n  t:\n    routeTables: { rt: { 10.0.0.0/16: nope } }',
      'unknown-reference',
      'transitGateways.t.routeTables.rt."10.0.0.0/16"',
      2,
    ],
    [
      'a TGW attachment without a route table when there are two',
      'transitGateways:\n  t:\n    routeTables: { r1: {}, r2: {} }\n    attachments:\n      x: { vpc: vpc1 }',
      'missing-field',
      'transitGateways.t.attachments.x',
      4,
    ],
    [
      'a VPN attachment to a missing site',
      'transitGateways:\n  t:\n    routeTables: { rt: {} }\n    attachments:\n      x: { vpn: office }',
      'unknown-reference',
      'transitGateways.t.attachments.x.vpn',
      4,
    ],
    [
      'an on-premises connection through nothing',
      'onPremises:\n  office:\n    cidrs: [192.168.0.0/16]\n    connections: [{ vpn: nowhere }]',
      'unknown-reference',
      'onPremises.office.connections.0.vpn',
      3,
    ],
    [
      'an on-premises connection to a TGW without an attachment for the site',
      'transitGateways:\n  t: { routeTables: { rt: {} } }\nonPremises:\n  office:\n    cidrs: [192.168.0.0/16]\n    connections: [{ dx: t }]',
      'unknown-reference',
      'onPremises.office.connections.0.dx',
      5,
    ],
    [
      'an on-premises network without a CIDR',
      'onPremises:\n  office: { internet: {} }',
      'missing-field',
      'onPremises.office',
      1,
    ],
    [
      'a forwarder to a bad address',
      'onPremises:\n  office:\n    cidrs: [192.168.0.0/16]\n    dns: { forwarders: [{ domain: example.com, to: [10.0.0] }] }',
      'bad-ip',
      'onPremises.office.dns.forwarders.0.to.0',
      3,
    ],
    ['a prefix list with host bits', 'ipGroups:\n  g: [192.0.2.1/24]', 'bad-cidr', 'ipGroups.g.0', 1],
    ['a bad account id', 'directories:\n  d: { account: "1234" }', 'bad-account', 'directories.d.account', 1],
    ['a bad region', 'directories:\n  d: { region: tokyo }', 'bad-region', 'directories.d.region', 1],
    [
      'an unquoted version',
      'clients:\n  c: { at: internet, version: 2024.7 }',
      'warning:unquoted-version',
      'clients.c.version',
      1,
    ],
    [
      'an unquoted account',
      'directories:\n  d: { account: 111122223333 }',
      'warning:unquoted-account',
      'directories.d.account',
      1,
    ],
    [
      'a bare IP as an SG peer',
      '    securityGroups:\n      sg: { ingress: [tcp:443 from 10.0.1.5] }',
      'bad-cidr',
      'vpcs.vpc1.securityGroups.sg.ingress.0',
      1,
    ],
    [
      '`all` with a port',
      '    securityGroups:\n      sg: { ingress: [all:443 from 10.0.0.0/16] }',
      'bad-rule',
      'vpcs.vpc1.securityGroups.sg.ingress.0',
      1,
    ],
    [
      'an SG of another VPC that does not exist',
      '    securityGroups:\n      sg: { ingress: [all from vpc2/sg] }',
      'unknown-reference',
      'vpcs.vpc1.securityGroups.sg.ingress.0',
      1,
    ],
  ])('%s', (_what, snippet, code, field, lineOffset) => {
    expect(diagnosticsOf(snippet)).toContainEqual([code, field, FIRST + lineOffset]);
  });

  it('resolves prefix lists, cross-VPC security groups and every route target kind', () => {
    const r = loadDesignText(
      HEAD +
        `    internetGateway: igw
    vpnGateway: vgw-a
    routeTables:
      rt: { 0.0.0.0/0: igw, corp: vgw, 10.9.0.0/16: blackhole, 10.8.0.0/16: gw, 10.7.0.0/16: pcx, 10.6.0.0/16: t, 10.5.0.0/16: box }
    natGateways:
      gw: { subnet: a }
    instances:
      box: { subnet: a }
    securityGroups:
      sg: { ingress: [tcp:443 from corp, udp:53 from vpc2/other] }
  vpc2:
    cidr: 10.1.0.0/16
    securityGroups:
      other: {}
peerings:
  pcx: { requester: vpc1, accepter: vpc2 }
transitGateways:
  t: {}
`,
      'n.yaml',
    );
    expect(r.diagnostics).toEqual([]);
    const rt = modelOf(r)?.routeTables.find((t) => t.id === 'vpc1/rt');
    expect(rt?.routes.map((x) => [x.destination, x.prefixList ?? false, x.target])).toEqual([
      ['10.0.0.0/16', false, { kind: 'local' }],
      ['0.0.0.0/0', false, { kind: 'igw', id: 'igw' }],
      ['corp', true, { kind: 'vgw', id: 'vgw-a' }],
      ['10.9.0.0/16', false, { kind: 'blackhole' }],
      ['10.8.0.0/16', false, { kind: 'nat-gateway', id: 'vpc1/gw' }],
      ['10.7.0.0/16', false, { kind: 'peering', id: 'pcx' }],
      ['10.6.0.0/16', false, { kind: 'tgw', id: 't' }],
      ['10.5.0.0/16', false, { kind: 'instance', id: 'vpc1/box' }],
    ]);
    const sg = modelOf(r)?.securityGroups.find((g) => g.id === 'vpc1/sg');
    expect(sg?.ingress.map((x) => x.peer)).toEqual([
      { kind: 'prefix-list', id: 'corp' },
      { kind: 'sg', id: 'vpc2/other' },
    ]);
  });
});

it('warns when a route target name means two things', () => {
  const d = diagnosticsOf(
    '    routeTables:\n      rt: { 0.0.0.0/0: x }\n    natGateways:\n      x: { subnet: a }\n    instances:\n      x: { subnet: a }',
  );
  expect(d).toEqual([['warning:ambiguous-name', 'vpcs.vpc1.routeTables.rt."0.0.0.0/0"', FIRST + 1]]);
});
