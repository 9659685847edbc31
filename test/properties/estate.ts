// Random but valid estates for property tests, built from the seed (examples/seed-tokyo.yaml) as plain design
// documents: a peered VPC, a transit gateway with an office VPN, ACLs on several subnets, varied rules and states.
import fc from 'fast-check';
import { stringify } from 'yaml';
import type { Doc } from '../scenarios/helpers.js';
import { seedDoc } from '../scenarios/helpers.js';

// 30 runs a property keeps the suite fast; hunt with WSPL_PROPERTY_RUNS=2000 (every property passed at 1,500+).
export const RUNS = Number(process.env.WSPL_PROPERTY_RUNS ?? 30);

const targets = ['igw1', 'nat', 'pcx12', 'tgw1', 'blackhole'];
const cidrs = [
  '0.0.0.0/0',
  '10.0.0.0/8',
  '10.0.0.0/16',
  '10.1.0.0/16',
  '10.2.0.0/16',
  '192.168.0.0/16',
  '3.0.0.0/8',
  '3.114.164.0/24',
  '10.0.21.0/24',
];
const sgRules = [
  'tcp:443 from 10.0.0.0/8',
  'udp:443 from 10.0.0.0/16',
  'tcp:4195 from 10.0.10.0/24',
  'udp:4195 from 0.0.0.0/0',
  'all from 10.2.0.0/16',
  'tcp:4195 from 10.0.10.15/32',
  'udp:4195 from 192.168.0.0/16',
  'tcp:443 from client-sg',
  'tcp:4195-4200 from 10.0.0.0/16',
];
const egress = [
  'all to 0.0.0.0/0',
  'tcp:443 to 0.0.0.0/0',
  'udp:443 to 0.0.0.0/0',
  'tcp:4195 to 10.0.0.0/16',
  'udp:4195 to 10.0.21.0/24',
  'udp:53 to 0.0.0.0/0',
  'tcp:443 to 3.0.0.0/8',
];
const aclIn = [
  '100 allow all from 0.0.0.0/0',
  '90 deny udp:4195 from 10.0.0.0/8',
  '80 allow tcp:1024-65535 from 0.0.0.0/0',
  '70 deny all from 10.2.0.0/16',
  '60 allow tcp:443 from 10.0.0.0/16',
  '50 deny tcp:443 from 10.0.10.0/24',
  '110 allow udp:1024-65535 from 0.0.0.0/0',
  '120 allow udp:4195 from 10.0.0.0/16',
];
const aclOut = [
  '100 allow all to 0.0.0.0/0',
  '90 deny tcp:1024-65535 to 10.0.0.0/16',
  '80 allow udp:1024-65535 to 0.0.0.0/0',
  '60 allow tcp:443 to 0.0.0.0/0',
  '110 allow tcp:1024-65535 to 10.0.0.0/8',
  '50 deny udp:443 to 0.0.0.0/0',
];

const routeTable = fc.dictionary(fc.constantFrom(...cidrs), fc.constantFrom(...targets), { maxKeys: 4 });
const some = <T>(xs: T[]) => fc.subarray(xs);
/** Half the time a table starts from routes that work (the seed's), then random entries override or add. */
const tableFrom = (base: Record<string, string>) =>
  fc.oneof(
    fc
      .dictionary(fc.constantFrom(...cidrs), fc.constantFrom(...targets), { maxKeys: 1 })
      .map((extra) => ({ ...base, ...extra })),
    routeTable,
  );
const mostly = <T>(usual: T, other: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 2, arbitrary: fc.constant(usual) }, { weight: 1, arbitrary: other });
const acl = fc.option(
  fc.tuple(fc.boolean(), some(aclIn), some(aclOut)).map(([open, ingress, egress]) =>
    open
      ? {
          ingress: [...new Set([...ingress, '100 allow all from 0.0.0.0/0'])],
          egress: [...new Set([...egress, '100 allow all to 0.0.0.0/0'])],
        }
      : { ingress, egress },
  ),
  { nil: undefined, freq: 3 },
);

export const estate = fc.record({
  privateRoutes: tableFrom({ '0.0.0.0/0': 'nat', '10.2.0.0/16': 'pcx12', '192.168.0.0/16': 'tgw1' }),
  publicRoutes: tableFrom({ '0.0.0.0/0': 'igw1', '10.2.0.0/16': 'pcx12', '192.168.0.0/16': 'tgw1' }),
  vpc3Routes: tableFrom({ '0.0.0.0/0': 'igw1', '10.0.0.0/16': 'pcx12' }),
  tgwRoutes: fc
    .tuple(
      fc.boolean(),
      fc.dictionary(fc.constantFrom(...cidrs), fc.constantFrom('a1', 'a3', 'office-vpn', 'blackhole'), { maxKeys: 4 }),
    )
    .map(([keep, extra]) => (keep ? { '10.0.0.0/16': 'a1', '192.168.0.0/16': 'office-vpn', ...extra } : extra)),
  endpointSg: mostly(
    [
      'tcp:443 from 10.0.0.0/8',
      'udp:443 from 10.0.0.0/8',
      'tcp:4195 from 10.0.0.0/8',
      'udp:4195 from 10.0.0.0/8',
      'all from 192.168.0.0/16',
    ],
    some(sgRules),
  ),
  natEgress: mostly(['tcp:443 to 0.0.0.0/0', 'udp:443 to 0.0.0.0/0'], some(egress)),
  natIngress: mostly(
    ['all from 10.0.0.0/16'],
    fc.constantFrom(
      ['all from 10.0.0.0/16'],
      ['all from 0.0.0.0/0'],
      ['tcp:443 from 10.0.0.0/8', 'udp:443 from 10.0.0.0/8'],
      [],
    ),
  ),
  clientEgress: mostly(['all to 0.0.0.0/0'], some(egress)),
  pcEgress: fc.option(some(egress), { nil: undefined }),
  pcPublicIp: fc.boolean(),
  extraClientSg: fc.boolean(),
  endpointAcl: acl,
  clientAcl: acl,
  publicAcl: acl,
  vpc3Acl: acl,
  natState: mostly('running', fc.constant('stopped')),
  privateDns: fc.boolean(),
  streamingEndpoint: fc.constantFrom('vpc1/streaming', null),
  pcoipOverInternet: fc.boolean(),
  preferredProtocol: fc.constantFrom('udp', 'tcp'),
  clientVersion: fc.constantFrom('5.29.1', '5.20.0'),
  secondAddress: fc.boolean(),
  forward: fc.boolean(),
  /** Keep the seed's working internet path for the EC2 client, so its streaming path gets explored too. */
  seedlike: fc.boolean(),
  officeEgress: fc.option(some(egress), { nil: undefined }),
  officeInternet: fc.boolean(),
});

export type Estate = typeof estate extends fc.Arbitrary<infer T> ? T : never;

export function build(given: Estate): Doc {
  const e = given.seedlike
    ? {
        ...given,
        privateRoutes: { ...given.privateRoutes, '0.0.0.0/0': 'nat' },
        publicRoutes: { ...given.publicRoutes, '0.0.0.0/0': 'igw1' },
        natState: 'running',
        natIngress: ['all from 10.0.0.0/16'],
        natEgress: [...new Set([...given.natEgress, 'tcp:443 to 0.0.0.0/0'])],
        clientEgress: [...new Set([...given.clientEgress, 'tcp:443 to 0.0.0.0/0'])],
        clientAcl: undefined,
        publicAcl: undefined,
      }
    : given;
  const doc = seedDoc();
  const v1 = doc.vpcs.vpc1;
  v1.routeTables.private = { ...e.privateRoutes };
  v1.routeTables.public = { ...e.publicRoutes };
  v1.subnets['tgw-a'] = { cidr: '10.0.99.0/28', az: 'ap-northeast-1a', routeTable: 'private' };
  v1.subnets['endpoint-c'] = { cidr: '10.0.22.0/24', az: 'ap-northeast-1c', routeTable: 'private' };
  v1.securityGroups['endpoint-sg'].ingress = e.endpointSg;
  v1.securityGroups['nat-sg'].egress = e.natEgress;
  v1.securityGroups['nat-sg'].ingress = e.natIngress;
  v1.securityGroups['client-sg'].egress = e.clientEgress;
  if (e.extraClientSg) {
    v1.securityGroups['extra-sg'] = { egress: ['tcp:443 to 3.114.164.0/24'] };
    v1.instances.client.securityGroups = ['client-sg', 'extra-sg'];
  }
  v1.instances.nat.state = e.natState;
  v1.endpoints.streaming.privateDns = e.privateDns;
  if (e.secondAddress) {
    v1.endpoints.streaming.subnets = ['endpoint-a', 'endpoint-c'];
    v1.endpoints.streaming.addresses = ['10.0.21.217', '10.0.22.45'];
  }
  const acls: Record<string, unknown> = {};
  if (e.endpointAcl) acls.ep = { subnets: ['endpoint-a', 'endpoint-c'], ...e.endpointAcl };
  if (e.clientAcl) acls.cl = { subnets: ['client-a'], ...e.clientAcl };
  if (e.publicAcl) acls.pub = { subnets: ['public-a'], ...e.publicAcl };
  if (Object.keys(acls).length > 0) v1.networkAcls = acls;
  doc.vpcs.vpc3 = {
    cidr: '10.2.0.0/16',
    dns: { support: true, hostnames: true },
    subnets: { app: { cidr: '10.2.1.0/24', az: 'ap-northeast-1a', routeTable: 'rt' } },
    // Route targets must exist in the VPC whose table names them; keep only those that do.
    routeTables: {
      rt: Object.fromEntries(
        Object.entries(e.vpc3Routes)
          .filter(([, t]) => t !== 'nat')
          .map(([c, t]) => [c, t === 'igw1' ? 'igw3' : t]),
      ),
    },
    internetGateway: 'igw3',
    securityGroups: { pc: e.pcEgress ? { egress: e.pcEgress } : {} },
    instances: {
      pc: {
        subnet: 'app',
        securityGroups: ['pc'],
        privateIp: '10.2.1.10',
        ...(e.pcPublicIp ? { publicIp: '198.51.100.77' } : {}),
      },
    },
    ...(e.vpc3Acl ? { networkAcls: { app: { subnets: ['app'], ...e.vpc3Acl } } } : {}),
  };
  doc.peerings = { pcx12: { requester: 'vpc1', accepter: 'vpc3' } };
  doc.transitGateways = {
    tgw1: {
      routeTables: { main: { ...e.tgwRoutes } },
      attachments: {
        a1: { vpc: 'vpc1', subnets: ['tgw-a'] },
        a3: { vpc: 'vpc3', subnets: ['app'] },
        'office-vpn': { vpn: 'office' },
      },
    },
  };
  doc.onPremises = {
    office: {
      cidrs: ['192.168.0.0/16'],
      connections: [{ vpn: 'tgw1/office-vpn' }],
      dns: {
        server: '192.168.0.53',
        forwarders: e.forward
          ? [{ domain: 'privatelink.prod.ap-northeast-1.highlander.aws.a2z.com', to: ['10.0.21.217'] }]
          : [],
      },
      ...(e.officeEgress ? { egress: e.officeEgress } : {}),
      ...(e.officeInternet ? { internet: { publicIp: '203.0.113.50' } } : {}),
    },
  };
  doc.directories.corp.streamingEndpoint = e.streamingEndpoint;
  doc.directories.corp.pcoipOverInternet = e.pcoipOverInternet;
  doc.directories.corp.preferredProtocol = e.preferredProtocol;
  doc.clients['ec2-client'].version = e.clientVersion;
  doc.clients['ec2-client'].os = 'windows';
  doc.clients.peer = { at: 'vpc3/pc' };
  doc.clients.office = { at: 'onprem/office', privateIp: '192.168.1.20' };
  return doc;
}

/** A deterministic permutation from a seed (xorshift), so a shrunk counterexample keeps its order. */
export function shuffle<T>(xs: readonly T[], seed: number): T[] {
  const out = [...xs];
  let s = seed | 1;
  for (let i = out.length - 1; i > 0; i--) {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    const j = Math.abs(s) % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

export function shuffleKeys<T>(o: Record<string, T>, seed: number): Record<string, T> {
  return Object.fromEntries(shuffle(Object.entries(o), seed));
}

/** The document as text, for counterexample messages. */
export function show(doc: Doc): string {
  return stringify(doc);
}
