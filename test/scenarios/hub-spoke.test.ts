// examples/hub-spoke.yaml: an endpoint in a hub VPC, users in a spoke and an office, routes propagated on a TGW.
import { describe, expect, it } from 'vitest';
import { predictMatrix } from '../../src/workspaces/matrix.js';
import { docFile, modelOf, ruleIds, trace } from './helpers.js';

const HUB = '../../examples/hub-spoke.yaml';

describe('hub and spoke', () => {
  it('gives the outcomes its header promises', () => {
    const rows = predictMatrix(modelOf(docFile(HUB))).map((t) => [
      t.client,
      t.outcome,
      t.endpoint ? `${t.endpoint.transport} ${t.endpoint.port}` : null,
    ]);
    expect(rows).toEqual([
      ['spoke-pc', 'CONNECTED', 'QUIC 4195'],
      ['office-pc', 'CONNECTED', 'QUIC 4195'],
      ['laptop', 'NO_REACHABLE_ENDPOINT', null],
    ]);
  });
  it('the spoke reaches the internet through the hub NAT gateway, over the transit gateway', () => {
    const t = trace(docFile(HUB), 'spoke-pc', 'dcv-desktop');
    expect(t.steps[0]!.evidence).toEqual(expect.arrayContaining(['tgw1/spokes', 'hub/natgw', 'hub/public']));
    expect(t.steps[0]!.detail).toMatch(/leaving from 203\.0\.113\.60/);
  });
  it('without its resolver rule the spoke cannot resolve the name, and the blocker says how to fix it', () => {
    const doc = docFile(HUB);
    delete doc.vpcs.spoke.dns.forwarders;
    const t = trace(doc, 'spoke-pc', 'dcv-desktop');
    expect(t.outcome).toBe('NO_REACHABLE_ENDPOINT');
    expect(ruleIds(t)).toEqual(['client-dns-resolution']);
    expect(t.blockers[0]!.detail).toMatch(/associate a Route 53 Resolver rule with spoke/);
  });
  it('without the spoke propagating to the hub table, the hub NAT gateway cannot send replies back: registration fails', () => {
    const doc = docFile(HUB);
    delete doc.transitGateways.tgw1.attachments['spoke-att'].propagateTo;
    const t = trace(doc, 'spoke-pc', 'dcv-desktop');
    expect(t.outcome).toBe('REGISTRATION_FAILED');
    expect(t.blockers).toContainEqual(
      expect.objectContaining({ kind: 'route', phase: 'return', ruleId: 'client-internet-for-auth' }),
    );
    expect(t.blockers.map((b) => b.detail).join(' ')).toMatch(/tgw1\/hub has no route for 10\.20\.1\.15/);
  });
  it('without the hub propagating to the spokes table, the spoke loses the endpoint and its DNS', () => {
    const doc = docFile(HUB);
    delete doc.transitGateways.tgw1.attachments['hub-att'].propagateTo;
    doc.transitGateways.tgw1.routeTables.spokes = {};
    const t = trace(doc, 'spoke-pc', 'dcv-desktop');
    expect(t.outcome).toBe('REGISTRATION_FAILED');
    expect(t.blockers).toContainEqual(expect.objectContaining({ resource: 'tgw1/spokes', kind: 'route' }));
  });
});
