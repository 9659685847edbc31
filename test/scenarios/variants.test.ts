// Variations of the seed environment from the foundation issue: each changes one setting and asserts the outcome,
// path, transport, port and every blocker.
import { describe, expect, it } from 'vitest';
import { ruleIds, seedDoc, trace } from './helpers.js';

describe('endpoint security group', () => {
  it('without UDP rules: QUIC fails, TCP 4195 is chosen', () => {
    const doc = seedDoc();
    doc.vpcs.vpc1.securityGroups['endpoint-sg'].ingress = ['tcp:443 from 10.0.0.0/16', 'tcp:4195 from 10.0.0.0/16'];
    const t = trace(doc, 'ec2-client', 'dcv-desktop');
    expect(t.outcome).toBe('CONNECTED');
    expect(t.endpoint).toMatchObject({ transport: 'TCP', port: 4195, address: '10.0.21.217' });
    expect(t.probes.map((p) => p.reachable)).toEqual([false, false, true, true]);
    // UDP fails on both ports while TCP passes on both: a UDP problem, not a port problem.
    expect(t.warnings.map((w) => w.code).filter((c) => c.endsWith('-blocked'))).toEqual(['udp-blocked']);
    expect(t.warnings.find((w) => w.code === 'udp-blocked')?.detail).toMatch(
      /QUIC 4195, QUIC 443 blocked: vpc1\/endpoint-sg/,
    );
  });
  it('without 4195: QUIC 443 is chosen', () => {
    const doc = seedDoc();
    doc.vpcs.vpc1.securityGroups['endpoint-sg'].ingress = ['tcp:443 from 10.0.0.0/16', 'udp:443 from 10.0.0.0/16'];
    const t = trace(doc, 'ec2-client', 'dcv-desktop');
    expect(t.outcome).toBe('CONNECTED');
    expect(t.endpoint).toMatchObject({ transport: 'QUIC', port: 443 });
    expect(t.warnings.map((w) => w.code).filter((c) => c.endsWith('-blocked'))).toEqual(['port-4195-blocked']);
  });
  it('empty: no reachable endpoint, the endpoint security group is the blocker', () => {
    const doc = seedDoc();
    doc.vpcs.vpc1.securityGroups['endpoint-sg'].ingress = [];
    const t = trace(doc, 'ec2-client', 'dcv-desktop');
    expect(t.outcome).toBe('NO_REACHABLE_ENDPOINT');
    expect(t.endpoint).toBeNull();
    expect(t.blockers).toEqual([
      expect.objectContaining({
        resource: 'vpc1/endpoint-sg',
        kind: 'security-group',
        ruleId: 'streaming-endpoint-ports',
      }),
    ]);
    expect(t.blockers[0]!.location?.line).toBeGreaterThan(0);
  });
  it('a TCP preference on the directory puts TCP first (inferred order)', () => {
    const doc = seedDoc();
    doc.directories.corp.preferredProtocol = 'tcp';
    const t = trace(doc, 'ec2-client', 'dcv-desktop');
    expect(t.endpoint).toMatchObject({ transport: 'TCP', port: 4195 });
    expect(t.steps.find((s) => s.step === 'connect')?.inferred).toBe(true);
  });
});

describe('internet path (no endpoint on the directory)', () => {
  function noEndpoint() {
    const doc = seedDoc();
    doc.directories.corp.streamingEndpoint = null;
    doc.clients.home.egress = ['tcp:443 to 0.0.0.0/0', 'udp:443 to 0.0.0.0/0'];
    return doc;
  }
  it('a new client falls back to 443 when 4195 is blocked', () => {
    const t = trace(noEndpoint(), 'home', 'dcv-desktop');
    expect(t.outcome).toBe('CONNECTED');
    expect(t.path).toBe('internet');
    expect(t.endpoint).toMatchObject({
      hostname: '*.prod.ap-northeast-1.highlander.aws.a2z.com',
      transport: 'QUIC',
      port: 443,
    });
  });
  it('an old client does not, and the version is named as a blocker', () => {
    const doc = noEndpoint();
    doc.clients.home.version = '5.20.0';
    const t = trace(doc, 'home', 'dcv-desktop');
    expect(t.outcome).toBe('NO_REACHABLE_ENDPOINT');
    expect(t.offered.map((o) => o.port)).toEqual([4195, 4195]);
    expect(ruleIds(t)).toContain('client-version-443-fallback');
    expect(t.blockers.find((b) => b.resource === 'home' && b.kind === 'firewall')).toBeDefined();
  });
  it('an old Linux client by year version likewise', () => {
    const doc = noEndpoint();
    doc.clients.home.version = '2024.1';
    expect(trace(doc, 'home', 'dcv-desktop').outcome).toBe('NO_REACHABLE_ENDPOINT');
    doc.clients.home.version = '2024.7';
    expect(trace(doc, 'home', 'dcv-desktop').outcome).toBe('CONNECTED');
  });
});

describe('IP access control groups', () => {
  it('without an endpoint they refuse a home IP outside them', () => {
    const doc = seedDoc();
    doc.directories.corp.streamingEndpoint = null;
    doc.directories.corp.ipGroups = ['office-only'];
    const t = trace(doc, 'home', 'dcv-desktop');
    expect(t.outcome).toBe('DEVICE_NOT_AUTHORIZED');
    expect(t.blockers).toEqual([expect.objectContaining({ resource: 'office-only', kind: 'ip-group' })]);
  });
  it('without an endpoint they decide by the NAT address for a VPC client', () => {
    const doc = seedDoc();
    doc.directories.corp.streamingEndpoint = null;
    doc.directories.corp.ipGroups = ['office-only'];
    doc.ipGroups['office-only'] = ['203.0.113.0/24'];
    doc.vpcs.vpc1.securityGroups['nat-sg'].egress = ['all to 0.0.0.0/0'];
    expect(trace(doc, 'ec2-client', 'dcv-desktop').outcome).toBe('CONNECTED');
    expect(trace(doc, 'home', 'dcv-desktop').outcome).toBe('DEVICE_NOT_AUTHORIZED');
  });
  it('with an endpoint they no longer apply: a warning, and the outcome is decided by the network', () => {
    const doc = seedDoc();
    doc.directories.corp.ipGroups = ['office-only'];
    const ec2 = trace(doc, 'ec2-client', 'dcv-desktop');
    expect(ec2.outcome).toBe('CONNECTED');
    expect(ec2.warnings.map((w) => w.code)).toContain('directory-ip-groups-bypassed');
    expect(trace(doc, 'home', 'dcv-desktop').outcome).toBe('NO_REACHABLE_ENDPOINT');
  });
});

describe('network ACLs', () => {
  it('an endpoint subnet ACL without ephemeral return ports blocks every probe, named as return traffic', () => {
    const doc = seedDoc();
    doc.vpcs.vpc1.networkAcls = {
      'endpoint-acl': {
        subnets: ['endpoint-a'],
        ingress: ['100 allow all from 10.0.0.0/16'],
        egress: ['100 allow tcp:443 to 0.0.0.0/0'],
      },
    };
    const t = trace(doc, 'ec2-client', 'dcv-desktop');
    expect(t.outcome).toBe('NO_REACHABLE_ENDPOINT');
    expect(ruleIds(t)).toEqual(['nacl-return-traffic']);
    expect(t.blockers.every((b) => b.resource === 'vpc1/endpoint-acl' && b.phase === 'return')).toBe(true);
  });
  it('lists every blocker at once: an empty endpoint SG and a denying ACL', () => {
    const doc = seedDoc();
    doc.vpcs.vpc1.securityGroups['endpoint-sg'].ingress = [];
    doc.vpcs.vpc1.networkAcls = {
      'endpoint-acl': {
        subnets: ['endpoint-a'],
        ingress: ['90 deny udp:4195 from 10.0.0.0/16', '100 allow all from 0.0.0.0/0'],
        egress: ['100 allow all to 0.0.0.0/0'],
      },
    };
    const t = trace(doc, 'ec2-client', 'dcv-desktop');
    expect(t.outcome).toBe('NO_REACHABLE_ENDPOINT');
    expect([...new Set(t.blockers.map((b) => b.resource))].sort()).toEqual(['vpc1/endpoint-acl', 'vpc1/endpoint-sg']);
  });
});

describe('unsupported configurations and unknowns', () => {
  it('FIPS on the directory', () => {
    const doc = seedDoc();
    doc.directories.corp.encryption = 'fips-validated';
    const t = trace(doc, 'ec2-client', 'dcv-desktop');
    expect(t.outcome).toBe('UNSUPPORTED_CONFIGURATION');
    expect(ruleIds(t)).toEqual(['directory-fips']);
  });
  it('an endpoint of the API service instead of highlander', () => {
    const doc = seedDoc();
    doc.vpcs.vpc1.endpoints.streaming.service = 'com.amazonaws.ap-northeast-1.workspaces';
    const t = trace(doc, 'ec2-client', 'dcv-desktop');
    expect(t.outcome).toBe('UNSUPPORTED_CONFIGURATION');
    expect(ruleIds(t)).toEqual(['streaming-endpoint-service']);
  });
  it('a client given only by its subnet: security groups unknown, so the answer is UNKNOWN, never CONNECTED', () => {
    const doc = seedDoc();
    doc.clients.bare = { at: 'vpc1/client-a' };
    const t = trace(doc, 'bare', 'dcv-desktop');
    expect(t.outcome).toBe('UNKNOWN');
    expect(t.missing.join(' ')).toMatch(/security groups/);
  });
});

describe('client versions on the private path', () => {
  it('an old client with 4195 blocked at the endpoint cannot use the 443 offers either (inferred)', () => {
    const doc = seedDoc();
    doc.clients['ec2-client'].version = '5.20.0';
    doc.vpcs.vpc1.securityGroups['endpoint-sg'].ingress = ['tcp:443 from 10.0.0.0/16', 'udp:443 from 10.0.0.0/16'];
    const t = trace(doc, 'ec2-client', 'dcv-desktop');
    expect(t.outcome).toBe('NO_REACHABLE_ENDPOINT');
    expect(t.offered.map((o) => o.port)).toEqual([4195, 4195]);
    expect(t.blockers).toContainEqual(
      expect.objectContaining({ ruleId: 'client-version-443-fallback', inferred: true }),
    );
  });
  it('an instance with no security groups is itself the blocker', () => {
    const doc = seedDoc();
    doc.vpcs.vpc1.instances.client.securityGroups = [];
    const t = trace(doc, 'ec2-client', 'dcv-desktop');
    expect(t.outcome).toBe('REGISTRATION_FAILED');
    expect(t.blockers[0]).toMatchObject({ resource: 'vpc1/client', kind: 'security-group' });
  });
});

describe('device types denied by the directory', () => {
  it('a Windows client of a directory that denies Windows devices is not authorized', () => {
    const doc = seedDoc();
    doc.directories.corp.denyDeviceTypes = ['windows'];
    doc.clients['ec2-client'].os = 'windows';
    const t = trace(doc, 'ec2-client', 'dcv-desktop');
    expect(t.outcome).toBe('DEVICE_NOT_AUTHORIZED');
    expect(t.blockers[0]!.detail).toMatch(/DeviceTypeWindows: DENY/);
  });
  it('a client whose OS the input does not give is UNKNOWN, not let in', () => {
    const doc = seedDoc();
    doc.directories.corp.denyDeviceTypes = ['linux'];
    const t = trace(doc, 'ec2-client', 'dcv-desktop');
    expect(t.outcome).toBe('UNKNOWN');
    expect(t.missing.join(' ')).toMatch(/client OS/);
    doc.clients['ec2-client'].os = 'windows';
    expect(trace(doc, 'ec2-client', 'dcv-desktop').outcome).toBe('CONNECTED');
  });
});

describe('reading the guide where it is silent (inferred)', () => {
  it('IP groups are not applied to PCoIP streams falling back to the internet once an endpoint is set', () => {
    const doc = seedDoc();
    doc.directories.corp.pcoipOverInternet = true;
    doc.directories.corp.ipGroups = ['office-only'];
    const t = trace(doc, 'home', 'pcoip-desktop');
    expect(t.outcome).toBe('CONNECTED');
    expect(t.warnings).toContainEqual(
      expect.objectContaining({ code: 'directory-ip-groups-bypassed', inferred: true }),
    );
  });
  it('an access endpoint entry with no endpoint id gives UNKNOWN', () => {
    const doc = seedDoc();
    doc.directories.corp.streamingEndpoint = null;
    doc.directories.corp.accessEndpointType = 'STREAMING_WSP';
    const t = trace(doc, 'ec2-client', 'dcv-desktop');
    expect(t.outcome).toBe('UNKNOWN');
    expect(t.missing.join(' ')).toMatch(/names no VpcEndpointId/);
  });
  it('a network ACL dropping the replies of the login path is named as return traffic', () => {
    const doc = seedDoc();
    doc.vpcs.vpc1.networkAcls = {
      'client-acl': {
        subnets: ['client-a'],
        ingress: ['100 allow all from 10.0.0.0/16'],
        egress: ['100 allow all to 0.0.0.0/0'],
      },
    };
    const t = trace(doc, 'ec2-client', 'dcv-desktop');
    expect(t.outcome).toBe('REGISTRATION_FAILED');
    expect(t.blockers).toContainEqual(
      expect.objectContaining({ resource: 'vpc1/client-acl', phase: 'return', ruleId: 'nacl-return-traffic' }),
    );
  });
});
