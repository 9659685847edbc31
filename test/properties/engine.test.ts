// Properties of the whole engine on random estates built from the seed: whatever the routes, rules and ACLs, a
// trace ends, names an outcome of the contract, and backs it: a failure names at least one blocker, UNKNOWN names
// what is missing, CONNECTED names its endpoint and has no blocker.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OUTCOMES } from '../../src/workspaces/types.js';
import { predictMatrix } from '../../src/workspaces/matrix.js';
import { modelOf, seedDoc } from '../scenarios/helpers.js';

const targets = ['igw1', 'nat', 'pcx12', 'tgw1', 'blackhole'];
const cidrs = ['0.0.0.0/0', '10.0.0.0/8', '10.0.0.0/16', '10.1.0.0/16', '10.2.0.0/16', '192.168.0.0/16', '3.0.0.0/8'];
const sgRules = ['tcp:443 from 10.0.0.0/8', 'udp:443 from 10.0.0.0/16', 'tcp:4195 from 10.0.10.0/24', 'udp:4195 from 0.0.0.0/0', 'all from 10.2.0.0/16', 'tcp:4195 from 10.0.10.15/32'];
const egress = ['all to 0.0.0.0/0', 'tcp:443 to 0.0.0.0/0', 'udp:443 to 0.0.0.0/0', 'tcp:4195 to 10.0.0.0/16', 'udp:4195 to 10.0.21.0/24'];
const aclRules = ['100 allow all from 0.0.0.0/0', '90 deny udp:4195 from 10.0.0.0/8', '80 allow tcp:1024-65535 from 0.0.0.0/0', '70 deny all from 10.2.0.0/16'];
const aclEgress = ['100 allow all to 0.0.0.0/0', '90 deny tcp:1024-65535 to 10.0.0.0/16', '80 allow udp:1024-65535 to 0.0.0.0/0'];

const routeTable = fc.dictionary(fc.constantFrom(...cidrs), fc.constantFrom(...targets), { maxKeys: 4 });
const some = <T>(xs: T[]) => fc.subarray(xs);

const estate = fc.record({
  privateRoutes: routeTable,
  publicRoutes: routeTable,
  vpc3Routes: routeTable,
  tgwRoutes: fc.dictionary(fc.constantFrom(...cidrs), fc.constantFrom('a1', 'a3', 'office-vpn', 'blackhole'), { maxKeys: 4 }),
  endpointSg: some(sgRules),
  natEgress: some(egress),
  clientEgress: some(egress),
  endpointAcl: fc.option(fc.record({ ingress: some(aclRules), egress: some(aclEgress) }), { nil: undefined }),
  natState: fc.constantFrom('running', 'stopped'),
  privateDns: fc.boolean(),
  streamingEndpoint: fc.constantFrom('vpc1/streaming', null),
  pcoipOverInternet: fc.boolean(),
  forward: fc.boolean(),
});

type Estate = typeof estate extends fc.Arbitrary<infer T> ? T : never;

function build(e: Estate) {
  const doc = seedDoc();
  const v1 = doc.vpcs.vpc1;
  v1.routeTables.private = { ...e.privateRoutes };
  v1.routeTables.public = { ...e.publicRoutes };
  v1.subnets['tgw-a'] = { cidr: '10.0.99.0/28', az: 'ap-northeast-1a', routeTable: 'private' };
  v1.securityGroups['endpoint-sg'].ingress = e.endpointSg;
  v1.securityGroups['nat-sg'].egress = e.natEgress;
  v1.securityGroups['client-sg'].egress = e.clientEgress;
  v1.instances.nat.state = e.natState;
  v1.endpoints.streaming.privateDns = e.privateDns;
  if (e.endpointAcl) v1.networkAcls = { ep: { subnets: ['endpoint-a'], ingress: e.endpointAcl.ingress, egress: e.endpointAcl.egress } };
  doc.vpcs.vpc3 = {
    cidr: '10.2.0.0/16',
    subnets: { app: { cidr: '10.2.1.0/24', az: 'ap-northeast-1a', routeTable: 'rt' } },
    routeTables: { rt: { ...e.vpc3Routes } },
    internetGateway: 'igw1',
    securityGroups: { pc: {} },
    instances: { pc: { subnet: 'app', securityGroups: ['pc'], privateIp: '10.2.1.10' } },
  };
  // Route targets must exist in the VPC whose table names them; keep only those that do.
  doc.vpcs.vpc3.routeTables.rt = Object.fromEntries(Object.entries(e.vpc3Routes).filter(([, t]) => t !== 'nat'));
  doc.peerings = { pcx12: { requester: 'vpc1', accepter: 'vpc3' } };
  doc.transitGateways = {
    tgw1: {
      routeTables: { main: { ...e.tgwRoutes } },
      attachments: { a1: { vpc: 'vpc1', subnets: ['tgw-a'] }, a3: { vpc: 'vpc3', subnets: ['app'] }, 'office-vpn': { vpn: 'office' } },
    },
  };
  doc.onPremises = {
    office: {
      cidrs: ['192.168.0.0/16'],
      connections: [{ vpn: 'tgw1/office-vpn' }],
      dns: { server: '192.168.0.53', forwarders: e.forward ? [{ domain: 'privatelink.prod.ap-northeast-1.highlander.aws.a2z.com', to: ['10.0.21.217'] }] : [] },
    },
  };
  doc.directories.corp.streamingEndpoint = e.streamingEndpoint;
  doc.directories.corp.pcoipOverInternet = e.pcoipOverInternet;
  doc.clients.peer = { at: 'vpc3/pc' };
  doc.clients.office = { at: 'onprem/office', privateIp: '192.168.1.20' };
  return doc;
}

describe('the engine on random estates', () => {
  it('always ends with a contract outcome that its blockers, missing facts or endpoint back', { timeout: 600_000 }, () => {
    fc.assert(
      fc.property(estate, (e) => {
        const traces = predictMatrix(modelOf(build(e)));
        expect(traces).toHaveLength(4 * 2);
        for (const t of traces) {
          expect(OUTCOMES).toContain(t.outcome);
          if (t.outcome === 'CONNECTED') {
            expect(t.endpoint).not.toBeNull();
            expect(t.blockers).toEqual([]);
          } else {
            expect(t.endpoint).toBeNull();
          }
          if (t.outcome === 'UNKNOWN') expect(t.missing.length).toBeGreaterThan(0);
          if (['REGISTRATION_FAILED', 'NO_REACHABLE_ENDPOINT', 'RESOURCE_NOT_FOUND', 'UNSUPPORTED_CONFIGURATION', 'DEVICE_NOT_AUTHORIZED'].includes(t.outcome)) {
            expect(t.blockers.length, `${t.client} → ${t.workspace}: ${t.outcome} with no blocker`).toBeGreaterThan(0);
          }
        }
      }),
      { numRuns: Number(process.env.WSPL_PROPERTY_RUNS ?? 60) },
    );
  });
  it('opening the endpoint security group never breaks a connection that worked', () => {
    fc.assert(
      fc.property(estate, (e) => {
        const before = predictMatrix(modelOf(build(e)));
        const opened = build(e);
        opened.vpcs.vpc1.securityGroups['endpoint-sg'].ingress = [...e.endpointSg, 'all from 0.0.0.0/0'];
        const after = predictMatrix(modelOf(opened));
        before.forEach((t, i) => {
          if (t.outcome === 'CONNECTED') expect(after[i]!.outcome, `${t.client} → ${t.workspace}`).toBe('CONNECTED');
        });
      }),
      { numRuns: Math.ceil(Number(process.env.WSPL_PROPERTY_RUNS ?? 60) / 2) },
    );
  }, 600_000);
});
