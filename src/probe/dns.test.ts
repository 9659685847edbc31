import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classifyAddress, couldBeEndpoint, describeAddress } from './addresses.js';
import { formatDnsServer, parseDnsServer, queryServer, resolveWithSystem, systemLookup } from './dns.js';
import { startDnsServer, type FakeDnsServer } from './testing/dns-server.js';
import { closedUdpPort } from './testing/loopback.js';

const NAME = 'privatelink.prod.ap-northeast-1.highlander.aws.a2z.com';

describe('queryServer against an in-process DNS server', () => {
  let server: FakeDnsServer;
  beforeAll(async () => {
    server = await startDnsServer({
      [NAME]: { addresses: ['10.0.21.217', '10.0.22.45'] },
      'v6.test': { addresses: ['2406:da14:785:5300::10'] },
      'public.test': { addresses: ['198.51.100.7'] },
      'gone.test': { rcode: 'NXDOMAIN', zone: 'a2z.com' },
      'refused.test': { rcode: 'REFUSED' },
      'broken.test': { rcode: 'SERVFAIL' },
      'empty.test': { addresses: [], zone: 'test' },
      'slow.test': { addresses: ['10.0.0.1'], delayMs: 200 },
      'silent.test': { silent: true },
      'no-aaaa.test': { addresses: ['10.0.0.5'], silentTypes: ['AAAA'] },
    });
  });
  afterAll(() => server.close());
  const ask = (name: string, timeoutMs = 1000) => queryServer(name, server, timeoutMs);

  it('private answers for the private name, asked as A and AAAA', async () => {
    const o = await ask(NAME);
    expect(o).toMatchObject({ status: 'answered', addresses: ['10.0.21.217', '10.0.22.45'] });
    expect(
      server.queries
        .filter((q) => q.name === NAME)
        .map((q) => q.type)
        .sort(),
    ).toEqual(['A', 'AAAA']);
  });

  it('IPv6 answers and public answers come back as given (classified later)', async () => {
    expect(await ask('v6.test')).toMatchObject({ status: 'answered', addresses: ['2406:da14:785:5300::10'] });
    expect(await ask('public.test')).toMatchObject({ status: 'answered', addresses: ['198.51.100.7'] });
  });

  it('NXDOMAIN names the zone that said no; an empty answer is NODATA', async () => {
    expect(await ask('gone.test')).toMatchObject({ status: 'nxdomain', zone: 'a2z.com' });
    expect(await ask('empty.test')).toMatchObject({ status: 'nodata', zone: 'test' });
  });

  it('a refusal and a server failure are told apart', async () => {
    expect(await ask('refused.test')).toMatchObject({ status: 'refused', recursionAvailable: true });
    expect(await ask('broken.test')).toMatchObject({ status: 'servfail' });
  });

  it('a slow answer within the timeout is an answer; beyond it, a timeout', async () => {
    expect(await ask('slow.test', 1000)).toMatchObject({ status: 'answered', addresses: ['10.0.0.1'] });
    expect(await ask('slow.test', 100)).toEqual({ status: 'timeout', waitedMs: 100 });
    expect(await ask('silent.test', 100)).toEqual({ status: 'timeout', waitedMs: 100 });
  });

  it('a server that drops AAAA queries still yields the A answer', async () => {
    expect(await ask('no-aaaa.test', 1000)).toMatchObject({ status: 'answered', addresses: ['10.0.0.5'] });
  });

  it('no server at all: ICMP port unreachable, said plainly', async () => {
    const o = await queryServer(NAME, { address: '127.0.0.1', port: await closedUdpPort() }, 1000);
    expect(o).toMatchObject({ status: 'error', code: 'ECONNREFUSED' });
  });
});

describe('resolveWithSystem', () => {
  it('asks the real system resolver (getaddrinfo) and reads the hosts file: localhost is loopback', async () => {
    const o = await resolveWithSystem('localhost', 2000, systemLookup);
    expect(o.status).toBe('answered');
    if (o.status === 'answered')
      expect(o.addresses.map(classifyAddress).every((a) => a.kind === 'loopback')).toBe(true);
  });

  it('a lookup that never returns is a timeout, not a hang', async () => {
    const o = await resolveWithSystem(NAME, 100, () => new Promise(() => undefined));
    expect(o).toEqual({ status: 'timeout', waitedMs: 100 });
  });

  it('maps getaddrinfo errors: not found, temporary failure', async () => {
    const fail = (code: string) => () => Promise.reject(Object.assign(new Error(code), { code }));
    expect((await resolveWithSystem(NAME, 500, fail('ENOTFOUND'))).status).toBe('not-found');
    expect((await resolveWithSystem(NAME, 500, fail('EAI_AGAIN'))).status).toBe('servfail');
    expect(await resolveWithSystem(NAME, 500, fail('EPERM'))).toMatchObject({ status: 'error', code: 'EPERM' });
  });
});

describe('--dns values', () => {
  it('takes an address with an optional port', () => {
    expect(parseDnsServer('10.0.0.2')).toEqual({ address: '10.0.0.2', port: 53 });
    expect(parseDnsServer('10.0.0.2:5353')).toEqual({ address: '10.0.0.2', port: 5353 });
    expect(parseDnsServer('fd00::2')).toEqual({ address: 'fd00::2', port: 53 });
    expect(parseDnsServer('[fd00::2]:53')).toEqual({ address: 'fd00::2', port: 53 });
    expect(formatDnsServer({ address: 'fd00::2', port: 5353 })).toBe('[fd00::2]:5353');
  });
  it('refuses names, bad ports and garbage', () => {
    for (const bad of ['', 'dns.example', '10.0.0.2:0', '10.0.0.2:70000', '[10.0.0.2]:53', '10.0.0', '1.2.3.4:x']) {
      expect(parseDnsServer(bad), bad).toBeUndefined();
    }
  });
});

describe('classifying answers', () => {
  it('names the private block, and tells loopback, link-local and public apart', () => {
    expect(classifyAddress('10.0.21.217')).toEqual({
      address: '10.0.21.217',
      kind: 'private',
      block: '10.0.0.0/8',
      version: 4,
    });
    expect(classifyAddress('192.168.1.4').block).toBe('192.168.0.0/16');
    expect(classifyAddress('127.0.0.1').kind).toBe('loopback');
    expect(classifyAddress('169.254.169.253').kind).toBe('link-local');
    expect(classifyAddress('198.51.100.7').kind).toBe('public');
    expect(classifyAddress('10.0.0.0/8').kind).toBe('invalid');
  });
  it('a VPC IPv6 address is global and can be an endpoint; a public IPv4 answer cannot', () => {
    expect(couldBeEndpoint(classifyAddress('2406:da14:785:5300::10'))).toBe(true);
    expect(couldBeEndpoint(classifyAddress('198.51.100.7'))).toBe(false);
    expect(describeAddress(classifyAddress('10.0.21.217'))).toBe('10.0.21.217 (private, 10.0.0.0/8)');
  });
});
