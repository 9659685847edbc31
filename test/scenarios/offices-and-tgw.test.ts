// Offices over VPN and Direct Connect, and transit gateways: routes, propagation, Availability Zones and the
// network ACLs of attachment subnets.
import { describe, expect, it } from 'vitest';
import { docFile, trace } from './helpers.js';

describe('transit gateway attachments by Availability Zone', () => {
  it('an endpoint ENI in an AZ without an attachment subnet cannot answer over the TGW: one address warning', () => {
    const doc = docFile('./office-tgw.yaml');
    doc.vpcs.vpc1.endpoints.streaming.addresses = ['10.0.21.217', '10.0.22.45'];
    doc.transitGateways.tgw1.attachments['vpc1-att'].subnets = ['tgw-a'];
    const t = trace(doc, 'office-pc', 'dcv-desktop');
    expect(t.outcome).toBe('CONNECTED');
    expect(t.probes.filter((p) => p.address === '10.0.22.45').every((p) => p.reachable === false)).toBe(true);
    const w = t.warnings.find((x) => x.code === 'endpoint-address-unreachable');
    expect(w?.detail).toMatch(/attachment tgw1\/vpc1-att has no subnet in ap-northeast-1c/);
  });
  it('a client subnet in an AZ without an attachment subnet cannot reach the TGW at all', () => {
    const doc = docFile('./office-tgw.yaml');
    doc.vpcs.vpc1.endpoints.streaming.subnets = ['endpoint-c'];
    doc.vpcs.vpc1.endpoints.streaming.addresses = ['10.0.22.45'];
    doc.transitGateways.tgw1.attachments['vpc1-att'].subnets = ['tgw-a'];
    const t = trace(doc, 'office-pc', 'dcv-desktop');
    expect(t.outcome).toBe('NO_REACHABLE_ENDPOINT');
    expect(t.blockers).toContainEqual(
      expect.objectContaining({ resource: 'tgw1/vpc1-att', kind: 'route', phase: 'return' }),
    );
  });
});

describe('an office over a VPN to a virtual private gateway', () => {
  function vgwOffice() {
    const doc = docFile('./office-tgw.yaml');
    delete doc.transitGateways;
    doc.vpcs.vpc1.vpnGateway = 'vgw1';
    doc.vpcs.vpc1.routeTables.private = { '192.168.0.0/16': 'vgw1' };
    doc.onPremises.office.connections = [{ dx: 'vpc1' }];
    return doc;
  }
  it('connects through the VGW, DNS forwarded to the inbound endpoint', () => {
    const t = trace(vgwOffice(), 'office-pc', 'dcv-desktop');
    expect(t.outcome).toBe('CONNECTED');
    expect(t.probes[0]!.hops.map((h) => h.action)).toContain('DX to virtual private gateway');
  });
  it('without the route back to the office, the replies have nowhere to go', () => {
    const doc = vgwOffice();
    doc.vpcs.vpc1.routeTables.private = {};
    const t = trace(doc, 'office-pc', 'dcv-desktop');
    expect(t.outcome).toBe('NO_REACHABLE_ENDPOINT');
    expect(t.blockers.some((b) => b.phase === 'return' && b.kind === 'route')).toBe(true);
  });
  it('an office with no internet breakout and no path to one fails registration, naming the site', () => {
    const doc = vgwOffice();
    delete doc.onPremises.office.internet;
    const t = trace(doc, 'office-pc', 'dcv-desktop');
    expect(t.outcome).toBe('REGISTRATION_FAILED');
    expect(t.blockers[0]).toMatchObject({ resource: 'onprem/office', kind: 'route', inferred: true });
  });
});

describe('transit gateway route propagation', () => {
  function propagated() {
    const doc = docFile('./office-tgw.yaml');
    doc.transitGateways.tgw1.routeTables.main = {};
    doc.transitGateways.tgw1.attachments['vpc1-att'].propagateTo = ['main'];
    doc.transitGateways.tgw1.attachments['office-vpn'].propagateTo = ['main'];
    return doc;
  }
  it('routes learned from the attachments carry the office to the endpoint and back', () => {
    const t = trace(propagated(), 'office-pc', 'dcv-desktop');
    expect(t.outcome).toBe('CONNECTED');
    expect(t.probes[0]!.hops.map((h) => h.detail)).toContain('10.0.0.0/16 -> tgw1/vpc1-att (propagated)');
  });
  it('a static blackhole for the same prefix wins over the propagated route', () => {
    const doc = propagated();
    doc.transitGateways.tgw1.routeTables.main = { '10.0.0.0/16': 'blackhole' };
    const t = trace(doc, 'office-pc', 'dcv-desktop');
    expect(t.outcome).toBe('NO_REACHABLE_ENDPOINT');
    expect(t.blockers).toContainEqual(expect.objectContaining({ resource: 'tgw1/main', kind: 'route' }));
  });
});

describe('network ACLs at transit gateway attachment subnets (TGW guide)', () => {
  function withTgwAcl(ingress: string[], egress: string[]) {
    const doc = docFile('./office-tgw.yaml');
    doc.vpcs.vpc1.networkAcls = { 'tgw-acl': { subnets: ['tgw-a', 'tgw-c'], ingress, egress } };
    return doc;
  }
  it('the attachment subnet ACL checks traffic from the TGW outbound: only TCP 443 passes here', () => {
    // DNS to the inbound resolver endpoint crosses the same ACL, so it needs UDP 53 as well.
    const t = trace(
      withTgwAcl(
        ['100 allow all from 10.0.0.0/16'],
        ['100 allow tcp:443 to 10.0.0.0/16', '110 allow udp:53 to 10.0.53.0/24'],
      ),
      'office-pc',
      'dcv-desktop',
    );
    expect(t.outcome).toBe('CONNECTED');
    expect(t.endpoint).toMatchObject({ transport: 'TCP', port: 443 });
    expect(t.probes.find((p) => p.transport === 'QUIC')?.blockers[0]).toMatchObject({
      resource: 'vpc1/tgw-acl',
      kind: 'network-acl',
      phase: 'forward',
    });
  });
  it('its inbound rules are not used for traffic from the TGW, only for the replies going back to it', () => {
    const open = trace(
      withTgwAcl(['100 deny all from 192.168.0.0/16', '110 allow all from 0.0.0.0/0'], ['100 allow all to 0.0.0.0/0']),
      'office-pc',
      'dcv-desktop',
    );
    expect(open.outcome).toBe('CONNECTED');
    const noReplies = trace(
      withTgwAcl(['100 allow all from 192.168.0.0/16'], ['100 allow all to 0.0.0.0/0']),
      'office-pc',
      'dcv-desktop',
    );
    expect(noReplies.outcome).toBe('NO_REACHABLE_ENDPOINT');
    expect(noReplies.blockers).toContainEqual(
      expect.objectContaining({ resource: 'vpc1/tgw-acl', phase: 'return', ruleId: 'nacl-return-traffic' }),
    );
  });
});
