// Resolving the private streaming name from where each client sits: the endpoint's own settings, other VPCs with
// and without Resolver forwarding rules, offices forwarding to inbound endpoints.
import { describe, expect, it } from 'vitest';
import { traceConnection } from '../../src/workspaces/trace.js';
import { docFile, modelOf, ruleIds, seedDoc, trace } from './helpers.js';

function peeredVpc3() {
  const doc = seedDoc();
  doc.vpcs.vpc3 = {
    cidr: '10.3.0.0/16',
    subnets: { app: { cidr: '10.3.1.0/24', az: 'ap-northeast-1a', routeTable: 'rt' } },
    routeTables: { rt: { '10.0.0.0/16': 'pcx13', '0.0.0.0/0': 'igw3' } },
    internetGateway: 'igw3',
    securityGroups: { pc: { egress: ['all to 0.0.0.0/0'] } },
    instances: { pc: { subnet: 'app', securityGroups: ['pc'], privateIp: '10.3.1.10', publicIp: '203.0.113.30' } },
  };
  doc.vpcs.vpc1.routeTables.private['10.3.0.0/16'] = 'pcx13';
  doc.peerings = { pcx13: { requester: 'vpc3', accepter: 'vpc1' } };
  doc.vpcs.vpc1.securityGroups['endpoint-sg'].ingress.push('tcp:443 from 10.3.0.0/16', 'udp:4195 from 10.3.0.0/16');
  doc.clients.peered = { at: 'vpc3/pc' };
  return doc;
}

describe('DNS', () => {
  it('private DNS off: the name does not resolve, blocker names the endpoint setting', () => {
    const doc = seedDoc();
    doc.vpcs.vpc1.endpoints.streaming.privateDns = false;
    const t = trace(doc, 'ec2-client', 'dcv-desktop');
    expect(t.outcome).toBe('NO_REACHABLE_ENDPOINT');
    // The endpoint's own setting is the cause; the client's resolver path is fine (it is the endpoint VPC's).
    expect(ruleIds(t)).toEqual(['streaming-endpoint-private-dns']);
    expect(t.steps.find((s) => s.step === 'dns')?.status).toBe('fail');
  });
  it('private DNS not given by the source: the lookup is UNKNOWN, never a guessed blocker', () => {
    const model = modelOf(seedDoc());
    delete model.endpoints.find((e) => e.id === 'vpc1/streaming')!.privateDns;
    const t = traceConnection(model, 'ec2-client', 'dcv-desktop');
    expect(t.outcome).toBe('UNKNOWN');
    expect(t.blockers).toEqual([]);
    expect(t.missing).toContain('vpc1/streaming: whether private DNS is on');
    expect(t.steps.map((x) => [x.step, x.status]).slice(3)).toEqual([
      ['dns', 'unknown'],
      ['probe', 'unknown'],
      ['connect', 'unknown'],
    ]);
  });
  it('endpoint VPC without DNS hostnames: private DNS cannot work', () => {
    const doc = seedDoc();
    doc.vpcs.vpc1.dns.hostnames = false;
    const t = trace(doc, 'ec2-client', 'dcv-desktop');
    expect(t.outcome).toBe('NO_REACHABLE_ENDPOINT');
    expect(ruleIds(t)).toContain('streaming-endpoint-vpc-dns');
  });
  it('a client in a peered VPC without DNS forwarding cannot resolve the name, though routing works', () => {
    const doc = peeredVpc3();
    const t = trace(doc, 'peered', 'dcv-desktop');
    expect(t.outcome).toBe('NO_REACHABLE_ENDPOINT');
    expect(ruleIds(t)).toEqual(['client-dns-resolution']);
    expect(t.blockers[0]!.detail).toMatch(/resolver of vpc3 cannot resolve/);
  });
  it('the same client connects once a resolver rule forwards the name to an inbound endpoint in vpc1', () => {
    const doc = peeredVpc3();
    doc.vpcs.vpc1.subnets['dns-a'] = { cidr: '10.0.53.0/24', az: 'ap-northeast-1a', routeTable: 'private' };
    doc.vpcs.vpc1.securityGroups['resolver-in'] = { ingress: ['udp:53 from 10.3.0.0/16'] };
    doc.vpcs.vpc1.resolverEndpoints = {
      inbound: { subnets: ['dns-a'], addresses: ['10.0.53.10'], securityGroups: ['resolver-in'] },
    };
    doc.vpcs.vpc3.subnets.dns = { cidr: '10.3.53.0/24', az: 'ap-northeast-1a', routeTable: 'rt' };
    doc.vpcs.vpc3.securityGroups['resolver-out'] = { egress: ['udp:53 to 10.0.53.0/24'] };
    doc.vpcs.vpc3.resolverEndpoints = {
      out: { direction: 'outbound', subnets: ['dns'], addresses: ['10.3.53.10'], securityGroups: ['resolver-out'] },
    };
    doc.vpcs.vpc3.dns = {
      support: true,
      forwarders: [
        { domain: 'privatelink.prod.ap-northeast-1.highlander.aws.a2z.com', to: ['10.0.53.10'], via: 'out' },
      ],
    };
    const t = trace(doc, 'peered', 'dcv-desktop');
    expect(t.outcome).toBe('CONNECTED');
    expect(t.steps.find((s) => s.step === 'dns')?.evidence).toEqual(expect.arrayContaining(['vpc1/inbound', 'pcx13']));
    // The rule's outbound endpoint SG must let the query out.
    doc.vpcs.vpc3.securityGroups['resolver-out'] = { egress: ['tcp:53 to 10.0.53.0/24'] };
    const blocked = trace(doc, 'peered', 'dcv-desktop');
    expect(blocked.outcome).toBe('NO_REACHABLE_ENDPOINT');
    expect(blocked.blockers).toContainEqual(
      expect.objectContaining({ resource: 'vpc3/resolver-out', ruleId: 'client-dns-resolution' }),
    );
  });
  it('an office over a transit gateway with forwarding to an inbound resolver endpoint connects', () => {
    const t = trace(docFile('./office-tgw.yaml'), 'office-pc', 'dcv-desktop');
    expect(t.outcome).toBe('CONNECTED');
    expect(t.endpoint).toMatchObject({ transport: 'QUIC', port: 4195, address: '10.0.21.217' });
    expect(t.steps.find((s) => s.step === 'dns')?.evidence).toEqual(
      expect.arrayContaining(['vpc1/inbound', 'tgw1/main']),
    );
  });
  it('the same office fails DNS when the resolver endpoint SG drops port 53, and says so', () => {
    const doc = docFile('./office-tgw.yaml');
    doc.vpcs.vpc1.securityGroups['resolver-sg'].ingress = ['tcp:53 from 192.168.0.0/16'];
    const t = trace(doc, 'office-pc', 'dcv-desktop');
    expect(t.outcome).toBe('NO_REACHABLE_ENDPOINT');
    expect(t.blockers).toContainEqual(
      expect.objectContaining({ resource: 'vpc1/resolver-sg', ruleId: 'client-dns-resolution' }),
    );
  });
  it('the office without a TGW route back to it: every probe fails on the return route', () => {
    const doc = docFile('./office-tgw.yaml');
    delete doc.vpcs.vpc1.routeTables.private['192.168.0.0/16'];
    const t = trace(doc, 'office-pc', 'dcv-desktop');
    expect(t.outcome).toBe('NO_REACHABLE_ENDPOINT');
    expect(t.blockers.some((b) => b.kind === 'route' && b.phase === 'return')).toBe(true);
  });
});
