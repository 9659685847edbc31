// Variations of the seed environment from the foundation issue: each changes one setting and asserts the outcome,
// path, transport, port and every blocker.
import { describe, expect, it } from 'vitest';
import { traceConnection } from '../../src/workspaces/trace.js';
import { docFile, modelOf, ruleIds, seedDoc, trace } from './helpers.js';

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
    expect(t.warnings.find((w) => w.code === 'udp-blocked')?.detail).toMatch(/QUIC 4195, QUIC 443 blocked: vpc1\/endpoint-sg/);
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
    expect(t.blockers).toEqual([expect.objectContaining({ resource: 'vpc1/endpoint-sg', kind: 'security-group', ruleId: 'streaming-endpoint-ports' })]);
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
    doc.vpcs.vpc1.resolverEndpoints = { inbound: { subnets: ['dns-a'], addresses: ['10.0.53.10'], securityGroups: ['resolver-in'] } };
    doc.vpcs.vpc3.subnets.dns = { cidr: '10.3.53.0/24', az: 'ap-northeast-1a', routeTable: 'rt' };
    doc.vpcs.vpc3.securityGroups['resolver-out'] = { egress: ['udp:53 to 10.0.53.0/24'] };
    doc.vpcs.vpc3.resolverEndpoints = { out: { direction: 'outbound', subnets: ['dns'], addresses: ['10.3.53.10'], securityGroups: ['resolver-out'] } };
    doc.vpcs.vpc3.dns = { support: true, forwarders: [{ domain: 'privatelink.prod.ap-northeast-1.highlander.aws.a2z.com', to: ['10.0.53.10'], via: 'out' }] };
    const t = trace(doc, 'peered', 'dcv-desktop');
    expect(t.outcome).toBe('CONNECTED');
    expect(t.steps.find((s) => s.step === 'dns')?.evidence).toEqual(expect.arrayContaining(['vpc1/inbound', 'pcx13']));
    // The rule's outbound endpoint SG must let the query out.
    doc.vpcs.vpc3.securityGroups['resolver-out'] = { egress: ['tcp:53 to 10.0.53.0/24'] };
    const blocked = trace(doc, 'peered', 'dcv-desktop');
    expect(blocked.outcome).toBe('NO_REACHABLE_ENDPOINT');
    expect(blocked.blockers).toContainEqual(expect.objectContaining({ resource: 'vpc3/resolver-out', ruleId: 'client-dns-resolution' }));
  });
  it('an office over a transit gateway with forwarding to an inbound resolver endpoint connects', () => {
    const t = trace(docFile('./office-tgw.yaml'), 'office-pc', 'dcv-desktop');
    expect(t.outcome).toBe('CONNECTED');
    expect(t.endpoint).toMatchObject({ transport: 'QUIC', port: 4195, address: '10.0.21.217' });
    expect(t.steps.find((s) => s.step === 'dns')?.evidence).toEqual(expect.arrayContaining(['vpc1/inbound', 'tgw1/main']));
  });
  it('the same office fails DNS when the resolver endpoint SG drops port 53, and says so', () => {
    const doc = docFile('./office-tgw.yaml');
    doc.vpcs.vpc1.securityGroups['resolver-sg'].ingress = ['tcp:53 from 192.168.0.0/16'];
    const t = trace(doc, 'office-pc', 'dcv-desktop');
    expect(t.outcome).toBe('NO_REACHABLE_ENDPOINT');
    expect(t.blockers).toContainEqual(expect.objectContaining({ resource: 'vpc1/resolver-sg', ruleId: 'client-dns-resolution' }));
  });
  it('the office without a TGW route back to it: every probe fails on the return route', () => {
    const doc = docFile('./office-tgw.yaml');
    delete doc.vpcs.vpc1.routeTables.private['192.168.0.0/16'];
    const t = trace(doc, 'office-pc', 'dcv-desktop');
    expect(t.outcome).toBe('NO_REACHABLE_ENDPOINT');
    expect(t.blockers.some((b) => b.kind === 'route' && b.phase === 'return')).toBe(true);
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
    expect(t.endpoint).toMatchObject({ hostname: '*.prod.ap-northeast-1.highlander.aws.a2z.com', transport: 'QUIC', port: 443 });
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
      'endpoint-acl': { subnets: ['endpoint-a'], ingress: ['90 deny udp:4195 from 10.0.0.0/16', '100 allow all from 0.0.0.0/0'], egress: ['100 allow all to 0.0.0.0/0'] },
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
    expect(t.blockers).toContainEqual(expect.objectContaining({ ruleId: 'client-version-443-fallback', inferred: true }));
  });
  it('an instance with no security groups is itself the blocker', () => {
    const doc = seedDoc();
    doc.vpcs.vpc1.instances.client.securityGroups = [];
    const t = trace(doc, 'ec2-client', 'dcv-desktop');
    expect(t.outcome).toBe('REGISTRATION_FAILED');
    expect(t.blockers[0]).toMatchObject({ resource: 'vpc1/client', kind: 'security-group' });
  });
});

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
    expect(t.blockers).toContainEqual(expect.objectContaining({ resource: 'tgw1/vpc1-att', kind: 'route', phase: 'return' }));
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
    const t = trace(withTgwAcl(['100 allow all from 10.0.0.0/16'], ['100 allow tcp:443 to 10.0.0.0/16', '110 allow udp:53 to 10.0.53.0/24']), 'office-pc', 'dcv-desktop');
    expect(t.outcome).toBe('CONNECTED');
    expect(t.endpoint).toMatchObject({ transport: 'TCP', port: 443 });
    expect(t.probes.find((p) => p.transport === 'QUIC')?.blockers[0]).toMatchObject({ resource: 'vpc1/tgw-acl', kind: 'network-acl', phase: 'forward' });
  });
  it('its inbound rules are not used for traffic from the TGW, only for the replies going back to it', () => {
    const open = trace(withTgwAcl(['100 deny all from 192.168.0.0/16', '110 allow all from 0.0.0.0/0'], ['100 allow all to 0.0.0.0/0']), 'office-pc', 'dcv-desktop');
    expect(open.outcome).toBe('CONNECTED');
    const noReplies = trace(withTgwAcl(['100 allow all from 192.168.0.0/16'], ['100 allow all to 0.0.0.0/0']), 'office-pc', 'dcv-desktop');
    expect(noReplies.outcome).toBe('NO_REACHABLE_ENDPOINT');
    expect(noReplies.blockers).toContainEqual(expect.objectContaining({ resource: 'vpc1/tgw-acl', phase: 'return', ruleId: 'nacl-return-traffic' }));
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
    expect(t.warnings).toContainEqual(expect.objectContaining({ code: 'directory-ip-groups-bypassed', inferred: true }));
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
    doc.vpcs.vpc1.networkAcls = { 'client-acl': { subnets: ['client-a'], ingress: ['100 allow all from 10.0.0.0/16'], egress: ['100 allow all to 0.0.0.0/0'] } };
    const t = trace(doc, 'ec2-client', 'dcv-desktop');
    expect(t.outcome).toBe('REGISTRATION_FAILED');
    expect(t.blockers).toContainEqual(expect.objectContaining({ resource: 'vpc1/client-acl', phase: 'return', ruleId: 'nacl-return-traffic' }));
  });
});
