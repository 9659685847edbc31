// The seed's experiments (system.md section 5) are the acceptance table: 4-1 to 4-4 here, 4-5 in whatif.test.ts.
import { describe, expect, it } from 'vitest';
import { ruleIds, seedDoc, trace } from './helpers.js';

describe('seed 4-1: NAT instance stopped, no internet', () => {
  it('fails at registration and names the stopped NAT as the missing internet path', () => {
    const doc = seedDoc();
    doc.vpcs.vpc1.instances.nat.state = 'stopped';
    const t = trace(doc, 'ec2-client', 'dcv-desktop');
    expect(t.outcome).toBe('REGISTRATION_FAILED');
    expect(t.path).toBeNull();
    expect(t.endpoint).toBeNull();
    expect(t.steps.map((s) => [s.step, s.status])).toEqual([
      ['registration', 'fail'],
      ['login', 'skipped'],
    ]);
    expect(t.blockers).toContainEqual(
      expect.objectContaining({ resource: 'vpc1/nat', kind: 'nat', ruleId: 'client-internet-for-auth' }),
    );
    expect(t.blockers.find((b) => b.resource === 'vpc1/nat')?.detail).toMatch(/stopped/);
  });
});

describe('seed 4-2: NAT running with TCP/UDP 443 out only', () => {
  const t = trace(seedDoc(), 'ec2-client', 'dcv-desktop');
  it('connects through PrivateLink over QUIC 4195 to the endpoint ENI', () => {
    expect(t.outcome).toBe('CONNECTED');
    expect(t.path).toBe('privatelink');
    expect(t.endpoint).toEqual({
      hostname: 'privatelink.prod.ap-northeast-1.highlander.aws.a2z.com',
      transport: 'QUIC',
      port: 4195,
      address: '10.0.21.217',
    });
    expect(t.blockers).toEqual([]);
    expect(t.steps.map((s) => s.status)).toEqual(['ok', 'ok', 'ok', 'ok', 'ok', 'ok']);
  });
  it('offers the four private endpoints in the order of the seed log, all reachable', () => {
    expect(t.offered.map((o) => `${o.transport} ${o.port}`)).toEqual(['QUIC 4195', 'QUIC 443', 'TCP 4195', 'TCP 443']);
    expect(t.probes.every((p) => p.reachable === true)).toBe(true);
  });
  it('resolves the private name to 10.0.21.217 through the VPC resolver 10.0.0.2', () => {
    const dns = t.steps.find((s) => s.step === 'dns')!;
    expect(dns.detail).toContain('10.0.21.217');
    expect(dns.hops?.[0]?.node).toContain('10.0.0.2');
  });
  it('marks the network check warning as a false alarm', () => {
    expect(t.warnings.map((w) => w.code)).toContain('network-check-false-alarm');
  });
  it('registers through the NAT instance', () => {
    expect(t.steps[0]!.evidence).toContain('vpc1/nat');
  });
});

describe('seed 4-3: client at home on the internet', () => {
  it('has no reachable endpoint and names DNS and routing', () => {
    const t = trace(seedDoc(), 'home', 'dcv-desktop');
    expect(t.outcome).toBe('NO_REACHABLE_ENDPOINT');
    expect(t.path).toBe('privatelink');
    expect(ruleIds(t)).toEqual(['client-dns-resolution', 'client-route-to-endpoint']);
    expect(t.blockers.map((b) => b.kind).sort()).toEqual(['dns', 'route']);
    expect(t.steps.find((s) => s.step === 'registration')?.status).toBe('ok');
  });
});

describe('seed 4-4: PCoIP WorkSpace, PCoIP fallback off', () => {
  for (const client of ['ec2-client', 'home']) {
    it(`is refused by the broker with RESOURCE_NOT_FOUND from ${client}`, () => {
      const t = trace(seedDoc(), client, 'pcoip-desktop');
      expect(t.outcome).toBe('RESOURCE_NOT_FOUND');
      expect(t.blockers).toEqual([
        expect.objectContaining({ resource: 'corp', ruleId: 'pcoip-workspaces-unreachable' }),
      ]);
    });
  }
  it('streams PCoIP over the internet when the fallback is on', () => {
    const doc = seedDoc();
    doc.directories.corp.pcoipOverInternet = true;
    const t = trace(doc, 'home', 'pcoip-desktop');
    expect(t.outcome).toBe('CONNECTED');
    expect(t.path).toBe('internet');
    expect(t.endpoint).toMatchObject({ transport: 'UDP', port: 4172 });
    expect(t.warnings.map((w) => w.code)).toContain('pcoip-over-internet');
  });
});
