// Network behaviours AWS documents that wspl must predict exactly (issue: "Predictions you can trust"). Each case
// names its source; a wrong answer here is a CONNECTED for a setup that cannot work, or the reverse.
import { describe, expect, it } from 'vitest';
import { docFile, seedDoc, trace } from './helpers.js';

/** A client VPC peered with the endpoint VPC; resolver forwarding aside, routing both ways works. */
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
  doc.peerings = { pcx13: { requester: 'vpc3', accepter: 'vpc1' } };
  doc.vpcs.vpc1.securityGroups['endpoint-sg'].ingress.push('tcp:443 from 10.3.0.0/16', 'udp:4195 from 10.3.0.0/16');
  doc.clients.peered = { at: 'vpc3/pc' };
  return doc;
}

describe('replies through a NAT never reach the client (VPC User Guide, "NAT gateways")', () => {
  it('peered VPC: the endpoint subnets lack the route back and send replies to the NAT instance', () => {
    const doc = peeredVpc3();
    // The route back to vpc3 sits in the public table only; the endpoint subnets' table sends everything to the NAT.
    doc.vpcs.vpc1.routeTables.public['10.3.0.0/16'] = 'pcx13';
    const t = trace(doc, 'peered', 'dcv-desktop');
    expect(t.outcome).not.toBe('CONNECTED');
    const b = t.probes.flatMap((p) => p.blockers).find((x) => x.reason.code === 'reply-through-nat');
    expect(b).toMatchObject({ resource: 'vpc1/private', phase: 'return', ruleId: 'client-route-to-endpoint' });
    expect(b?.detail).toMatch(/vpc1\/private has no route back to 10\.3\.1\.10.*NAT vpc1\/nat/);
  });

  it('peered VPC with the route back in the endpoint subnets: the reply goes straight back', () => {
    const doc = peeredVpc3();
    doc.vpcs.vpc1.routeTables.private['10.3.0.0/16'] = 'pcx13';
    const t = trace(doc, 'peered', 'dcv-desktop');
    expect(t.probes.some((p) => p.blockers.some((b) => b.reason.code === 'reply-through-nat'))).toBe(false);
  });

  it('office behind a transit gateway: the route to the office only in the public table', () => {
    const doc = docFile('../../examples/office-tgw.yaml');
    doc.vpcs.vpc1.routeTables.endpoints = { '0.0.0.0/0': 'natgw-a' };
    for (const s of ['endpoint-a', 'endpoint-c']) doc.vpcs.vpc1.subnets[s].routeTable = 'endpoints';
    const t = trace(doc, 'office-pc', 'dcv-desktop');
    expect(t.outcome).toBe('NO_REACHABLE_ENDPOINT');
    expect(t.blockers).toContainEqual(
      expect.objectContaining({ resource: 'vpc1/endpoints', kind: 'route', phase: 'return' }),
    );
    expect(t.blockers.map((b) => b.reason.code)).toContain('reply-through-nat');
  });
});
