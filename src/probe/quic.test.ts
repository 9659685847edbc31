import { createSocket } from 'node:dgram';
import { afterEach, describe, expect, it } from 'vitest';
import {
  QUIC_PROBE_BYTES,
  buildVersionProbe,
  describeVersion,
  isReservedVersion,
  parseVersionNegotiation,
  quicProbe,
  reservedVersion,
} from './quic.js';
import { closedUdpPort, quicResponder, silentUdp, type Listener } from './testing/loopback.js';

const cid = (byte: number) => Buffer.alloc(8, byte);

/** A Version Negotiation packet as RFC 9000 §17.2.1 lays it out. */
function vn(dcid: Buffer, scid: Buffer, versions: number[]): Buffer {
  const head = Buffer.from([0x80 | 0x40, 0, 0, 0, 0, dcid.length, ...dcid, scid.length, ...scid]);
  const list = Buffer.alloc(versions.length * 4);
  versions.forEach((v, i) => list.writeUInt32BE(v, i * 4));
  return Buffer.concat([head, list]);
}

describe('the version-negotiation probe packet', () => {
  it('is a 1200-byte long-header packet of a reserved version, carrying both connection ids', () => {
    const p = buildVersionProbe(cid(1), cid(2), 0x1a2a3a4a);
    expect(p.length).toBe(QUIC_PROBE_BYTES);
    expect((p[0] ?? 0) & 0xc0).toBe(0xc0);
    expect(p.readUInt32BE(1)).toBe(0x1a2a3a4a);
    expect(p[5]).toBe(8);
    expect(p.subarray(6, 14)).toEqual(cid(1));
    expect(p[14]).toBe(8);
    expect(p.subarray(15, 23)).toEqual(cid(2));
    expect(p.subarray(23).every((b) => b === 0)).toBe(true);
  });

  it('always claims a version of the reserved 0x?a?a?a?a pattern, never a real one', () => {
    for (let i = 0; i < 200; i++) {
      const v = reservedVersion();
      expect(isReservedVersion(v), v.toString(16)).toBe(true);
      expect(v).not.toBe(1);
    }
    expect(reservedVersion(Buffer.from([0xff, 0x00, 0x12, 0x34]))).toBe(0xfa0a1a3a);
  });

  it('reads a Version Negotiation packet and names the versions', () => {
    const parsed = parseVersionNegotiation(vn(cid(2), cid(1), [1, 0x6b3343cf, 0xff00001d, 0x0a1a2a3a]));
    expect(parsed?.dcid).toEqual(cid(2));
    expect(parsed?.scid).toEqual(cid(1));
    expect(parsed?.versions.map(describeVersion)).toEqual([
      'QUIC v1 (RFC 9000)',
      'QUIC v2 (RFC 9369)',
      'draft-29 (0xff00001d)',
      'reserved 0x0a1a2a3a (grease)',
    ]);
  });

  it('rejects what is not version negotiation: short header, another version, truncated lists', () => {
    expect(parseVersionNegotiation(Buffer.from([0x40, 0, 0, 0, 0, 0, 0]))).toBeUndefined();
    expect(parseVersionNegotiation(buildVersionProbe(cid(1), cid(2)))).toBeUndefined();
    expect(parseVersionNegotiation(vn(cid(2), cid(1), [1]).subarray(0, 25))).toBeUndefined();
    expect(parseVersionNegotiation(Buffer.from([0xc0, 0, 0, 0, 0, 40]))).toBeUndefined();
  });
});

describe('quicProbe on loopback', () => {
  const open: Listener[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((l) => l.close()));
  });

  it('a responder that negotiates: answered, with its versions', async () => {
    const server = await quicResponder();
    open.push(server);
    const o = await quicProbe('127.0.0.1', server.port, { timeoutMs: 1000 });
    expect(o).toMatchObject({ status: 'answered', versions: ['QUIC v1 (RFC 9000)'], bytesSent: 1200 });
  });

  it('a reply that echoes other connection ids is still proof of a UDP path, but not negotiation', async () => {
    const server = createSocket('udp4');
    server.on('message', (_m, from) => server.send(vn(cid(9), cid(9), [1]), from.port, from.address));
    await new Promise<void>((r) => server.bind(0, '127.0.0.1', r));
    open.push({ port: 0, close: () => new Promise((r) => server.close(() => r())) });
    const o = await quicProbe('127.0.0.1', server.address().port, { timeoutMs: 1000 });
    expect(o.status).toBe('other-reply');
  });

  it('a socket that never answers: silent after the timeout, two datagrams sent', async () => {
    const silent = await silentUdp();
    open.push(silent);
    const o = await quicProbe('127.0.0.1', silent.port, { timeoutMs: 300 });
    expect(o).toEqual({ status: 'silent', waitedMs: 300, sent: 2 });
  });

  it('a closed port: ICMP port unreachable is reported as refused, long before the timeout', async () => {
    const o = await quicProbe('127.0.0.1', await closedUdpPort(), { timeoutMs: 2000 });
    expect(o.status).toBe('refused');
    if (o.status === 'refused') expect(o.rttMs).toBeLessThan(1000);
  });
});
