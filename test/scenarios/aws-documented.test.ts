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

describe('the client\'s own ephemeral ports (VPC User Guide, "Ephemeral ports")', () => {
  /** The endpoint subnet's ACL lets replies out only to 49152-65535, Windows' range. */
  function windowsOnlyReplies(os?: 'windows' | 'linux') {
    const doc = seedDoc();
    doc.vpcs.vpc1.networkAcls = {
      'endpoint-acl': {
        subnets: ['endpoint-a'],
        ingress: [
          '100 allow tcp:443 from 10.0.0.0/16',
          '110 allow udp:443 from 10.0.0.0/16',
          '120 allow tcp:4195 from 10.0.0.0/16',
          '130 allow udp:4195 from 10.0.0.0/16',
        ],
        egress: ['100 allow tcp:49152-65535 to 10.0.0.0/16', '110 allow udp:49152-65535 to 10.0.0.0/16'],
      },
    };
    if (os) doc.clients['ec2-client'].os = os;
    return trace(doc, 'ec2-client', 'dcv-desktop');
  }
  it('a Windows client gets its replies on 49152-65535', () => {
    expect(windowsOnlyReplies('windows')).toMatchObject({ outcome: 'CONNECTED', path: 'privatelink' });
  });
  it('a Linux client (32768-60999) loses the replies below 49152', () => {
    const t = windowsOnlyReplies('linux');
    expect(t.outcome).toBe('NO_REACHABLE_ENDPOINT');
    expect(t.blockers.map((b) => `${b.ruleId ?? ''} ${b.reason.code}`)).toContain(
      'nacl-return-traffic acl-return-denied',
    );
  });
  it('a client whose OS is not given: UNKNOWN, naming the missing fact', () => {
    const t = windowsOnlyReplies();
    expect(t.outcome).toBe('UNKNOWN');
    expect(t.missing.join(' ')).toMatch(/operating system/);
    expect(t.blockers).toEqual([]);
  });
});

describe('DNS forwarding to a VPC resolver from outside the VPC (Route 53 Developer Guide)', () => {
  it('an office forwarder that targets VPC base + 2 is a blocker, not UNKNOWN', () => {
    const doc = docFile('../../examples/office-tgw.yaml');
    doc.onPremises.office.dns.forwarders = [{ domain: 'highlander.aws.a2z.com', to: ['10.0.0.2'] }];
    const t = trace(doc, 'office-pc', 'dcv-desktop');
    expect(t.outcome).toBe('NO_REACHABLE_ENDPOINT');
    const b = t.blockers.find((x) => x.reason.code === 'forward-to-vpc-resolver');
    expect(b).toMatchObject({ resource: 'onprem/office', kind: 'dns', ruleId: 'client-dns-resolution' });
    expect(b?.detail).toMatch(/resolver of vpc1 \(VPC base \+ 2\).*inbound endpoint/);
  });
});

describe('DHCP option sets decide which DNS servers instances ask (VPC User Guide, "DHCP option sets")', () => {
  it('AmazonProvidedDNS, or the VPC resolver address itself, resolves the private name as before', () => {
    for (const servers of [['AmazonProvidedDNS'], ['10.0.0.2']]) {
      const doc = seedDoc();
      doc.vpcs.vpc1.dhcpOptions = { domainNameServers: servers };
      expect(trace(doc, 'ec2-client', 'dcv-desktop').outcome).toBe('CONNECTED');
    }
  });
  it('a custom DNS server whose forwarding the input does not give: UNKNOWN, naming the server', () => {
    const doc = seedDoc();
    doc.vpcs.vpc1.dhcpOptions = { domainNameServers: ['10.0.10.53'] };
    const t = trace(doc, 'ec2-client', 'dcv-desktop');
    expect(t.outcome).toBe('UNKNOWN');
    expect(t.missing.join(' ')).toMatch(/DNS server 10\.0\.10\.53 of its DHCP options/);
  });
  it("the office's DNS server, which forwards the name to the inbound endpoints, resolves it for a VPC client", () => {
    const doc = docFile('../../examples/office-tgw.yaml');
    doc.vpcs.vpc1.dhcpOptions = { domainNameServers: ['192.168.0.53'] };
    doc.vpcs.vpc1.instances = {
      pc: { subnet: 'dns-a', privateIp: '10.0.53.50', securityGroups: ['endpoint-sg'] },
    };
    doc.vpcs.vpc1.securityGroups['endpoint-sg'].egress = ['all to 0.0.0.0/0'];
    doc.vpcs.vpc1.securityGroups['endpoint-sg'].ingress.push('all from 10.0.0.0/16');
    doc.clients.vm = { at: 'vpc1/pc', version: '5.29.1', os: 'windows' };
    const t = trace(doc, 'vm', 'dcv-desktop');
    expect(t.steps.find((s) => s.step === 'dns')).toMatchObject({ status: 'ok' });
  });
  it('DNS servers that do not forward the private name are the blocker', () => {
    const doc = docFile('../../examples/office-tgw.yaml');
    doc.onPremises.office.dns.forwarders = [];
    doc.vpcs.vpc1.dhcpOptions = { domainNameServers: ['192.168.0.53'] };
    doc.vpcs.vpc1.instances = {
      pc: { subnet: 'dns-a', privateIp: '10.0.53.50', securityGroups: ['endpoint-sg'] },
    };
    doc.vpcs.vpc1.securityGroups['endpoint-sg'].egress = ['all to 0.0.0.0/0'];
    doc.clients.vm = { at: 'vpc1/pc', version: '5.29.1', os: 'windows' };
    const t = trace(doc, 'vm', 'dcv-desktop');
    expect(t.outcome).toBe('NO_REACHABLE_ENDPOINT');
    expect(t.blockers).toContainEqual(
      expect.objectContaining({
        resource: 'vpc1',
        ruleId: 'client-dns-resolution',
        reason: expect.objectContaining({ code: 'dhcp-servers-do-not-forward' }),
      }),
    );
  });
  it('exports and reloads the option set', async () => {
    const { exportDesign } = await import('../../src/sources/design/export.js');
    const { modelOf } = await import('./helpers.js');
    const doc = seedDoc();
    doc.vpcs.vpc1.dhcpOptions = { domainNameServers: ['10.0.10.53', 'AmazonProvidedDNS'] };
    expect((exportDesign(modelOf(doc)) as { vpcs: { vpc1: { dhcpOptions: unknown } } }).vpcs.vpc1.dhcpOptions).toEqual({
      domainNameServers: ['10.0.10.53', 'AmazonProvidedDNS'],
    });
  });
});

describe('refuse what AWS refuses, and never stand in a guess', () => {
  it('an endpoint whose addresses are not given: no subnet range stands in for them, the answer is UNKNOWN', () => {
    const doc = seedDoc();
    delete doc.vpcs.vpc1.endpoints.streaming.addresses;
    const t = trace(doc, 'ec2-client', 'dcv-desktop');
    expect(t.outcome).toBe('UNKNOWN');
    expect(t.missing).toContain('vpc1/streaming: the addresses of its network interfaces (one per subnet)');
    expect(JSON.stringify(t)).not.toContain('10.0.21.0/24 -');
    expect(t.probes.map((p) => p.address)).not.toContain('10.0.21.0/24');
  });
  it('from home, the same endpoint is still refused for what is known (DNS), and says what is missing', () => {
    const doc = seedDoc();
    delete doc.vpcs.vpc1.endpoints.streaming.addresses;
    const t = trace(doc, 'home', 'dcv-desktop');
    expect(t.outcome).toBe('NO_REACHABLE_ENDPOINT');
    expect(t.blockers.map((b) => b.reason.code)).toEqual(['private-name-unresolvable']);
  });
  it('a transit gateway attachment for a site that does not list it is an error that says so', async () => {
    const { loadDesignText } = await import('../../src/sources/design/load.js');
    const { stringify } = await import('yaml');
    const doc = docFile('../../examples/office-tgw.yaml');
    doc.onPremises.office.connections = [];
    doc.onPremises.office.internet = { publicIp: '203.0.113.50' };
    const r = loadDesignText(stringify(doc), 'office.yaml');
    expect(r.ok).toBe(false);
    expect(r.diagnostics.find((d) => d.code === 'attachment-not-listed-by-site')?.message).toMatch(
      /tgw1\/office-vpn is a VPN link of onprem\/office, but onprem\/office lists no connection through it/,
    );
  });
});

describe('messages that name the real culprit', () => {
  it('a NAT instance without a public address is named as the NAT instance, not its subnet', () => {
    const doc = seedDoc();
    delete doc.vpcs.vpc1.instances.nat.publicIp;
    const t = trace(doc, 'ec2-client', 'dcv-desktop');
    expect(t.outcome).toBe('REGISTRATION_FAILED');
    expect(t.blockers.map((b) => `${b.resource} ${b.kind} ${b.reason.code}`)).toContain(
      'vpc1/nat nat nat-no-public-ip',
    );
    expect(t.blockers.map((b) => b.resource)).not.toContain('vpc1/public-a');
  });
  it('an UNKNOWN trace does not contradict itself: DNS "not known" is not followed by "does not resolve"', () => {
    const doc = seedDoc();
    doc.vpcs.vpc1.dhcpOptions = { domainNameServers: ['10.0.10.53'] };
    const t = trace(doc, 'ec2-client', 'dcv-desktop');
    expect(t.outcome).toBe('UNKNOWN');
    expect(t.steps.find((s) => s.step === 'dns')?.status).toBe('unknown');
    const probe = t.steps.find((s) => s.step === 'probe');
    expect(probe?.detail).not.toMatch(/does not resolve/);
    expect(probe?.detail).toMatch(/whether the name resolves is not known/);
  });
});

describe('client-version-443-fallback only when 443 would pass for a newer client', () => {
  function oldClient(ingress: string[]) {
    const doc = seedDoc();
    doc.clients['ec2-client'].version = '5.20.0';
    doc.vpcs.vpc1.securityGroups['endpoint-sg'].ingress = ingress;
    return trace(doc, 'ec2-client', 'dcv-desktop');
  }
  it('4195 blocked, 443 open: the version is the cause', () => {
    const t = oldClient(['tcp:443 from 10.0.0.0/16', 'udp:443 from 10.0.0.0/16']);
    expect(t.outcome).toBe('NO_REACHABLE_ENDPOINT');
    expect(t.blockers.map((b) => b.ruleId)).toContain('client-version-443-fallback');
  });
  it('4195 and 443 blocked: the version is not the cause, the security group is', () => {
    const t = oldClient(['tcp:22 from 10.0.0.0/16']);
    expect(t.outcome).toBe('NO_REACHABLE_ENDPOINT');
    expect(t.blockers.map((b) => b.ruleId)).not.toContain('client-version-443-fallback');
    expect(t.blockers.map((b) => b.ruleId)).toContain('streaming-endpoint-ports');
  });
});
