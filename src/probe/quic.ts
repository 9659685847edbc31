// A QUIC version-negotiation probe over plain UDP (RFC 9000 §6 and §17.2.1). We send one long-header packet that
// claims a reserved version (0x?a?a?a?a, §15), padded to 1200 bytes (§14.1: servers drop smaller packets of an
// unknown version). A QUIC server that gets it answers with a Version Negotiation packet listing the versions it
// speaks, without any cryptography. An answer proves that UDP gets through both ways; silence proves nothing (a
// server may not answer, or UDP is dropped on purpose, or the packet was lost).
import { randomBytes } from 'node:crypto';
import { createSocket, type Socket } from 'node:dgram';
import { isIPv6 } from 'node:net';
import { performance } from 'node:perf_hooks';

/** The smallest datagram a server must accept to start a connection, and so the size of our probe. */
export const QUIC_PROBE_BYTES = 1200;

const CID_BYTES = 8;

/** A version of the reserved pattern 0x?a?a?a?a: no server speaks it, so every QUIC server must negotiate. */
export function reservedVersion(random: Buffer = randomBytes(4)): number {
  let v = 0;
  for (let i = 0; i < 4; i++) v = v * 256 + (((random[i] ?? 0) & 0xf0) | 0x0a);
  return v;
}

export function isReservedVersion(v: number): boolean {
  return (v & 0x0f0f0f0f) === 0x0a0a0a0a;
}

/** A long-header packet: form and fixed bits set, version, destination and source connection ids, zero padding. */
export function buildVersionProbe(dcid: Buffer, scid: Buffer, version: number = reservedVersion()): Buffer {
  const packet = Buffer.alloc(QUIC_PROBE_BYTES);
  packet[0] = 0xc0; // long header, fixed bit, type Initial: the shape of a client's first packet
  packet.writeUInt32BE(version >>> 0, 1);
  packet[5] = dcid.length;
  dcid.copy(packet, 6);
  packet[6 + dcid.length] = scid.length;
  scid.copy(packet, 7 + dcid.length);
  return packet;
}

export interface VersionNegotiation {
  /** The connection ids as the server wrote them: its destination is our source id, and the other way round. */
  dcid: Buffer;
  scid: Buffer;
  versions: number[];
}

/** Reads a Version Negotiation packet (long header, version 0); undefined for anything else. */
export function parseVersionNegotiation(packet: Buffer): VersionNegotiation | undefined {
  if (packet.length < 7 || ((packet[0] ?? 0) & 0x80) === 0 || packet.readUInt32BE(1) !== 0) return undefined;
  const dcidLen = packet[5] ?? 0;
  const scidAt = 6 + dcidLen;
  if (packet.length < scidAt + 1) return undefined;
  const scidLen = packet[scidAt] ?? 0;
  const listAt = scidAt + 1 + scidLen;
  if (packet.length < listAt || (packet.length - listAt) % 4 !== 0) return undefined;
  const versions: number[] = [];
  for (let at = listAt; at < packet.length; at += 4) versions.push(packet.readUInt32BE(at));
  return { dcid: packet.subarray(6, scidAt), scid: packet.subarray(scidAt + 1, listAt), versions };
}

/** Names the versions people know; others as hex. */
export function describeVersion(v: number): string {
  const hex = `0x${v.toString(16).padStart(8, '0')}`;
  if (v === 0x00000001) return 'QUIC v1 (RFC 9000)';
  if (v === 0x6b3343cf) return 'QUIC v2 (RFC 9369)';
  if (v === 0x709a50c4) return `QUIC v2 draft (${hex})`;
  if (v >>> 8 === 0xff0000) return `draft-${v & 0xff} (${hex})`;
  if (isReservedVersion(v)) return `reserved ${hex} (grease)`;
  return hex;
}

export type QuicOutcome =
  | { status: 'answered'; rttMs: number; versions: string[]; bytesSent: number }
  /** A UDP reply that is not version negotiation: still proof that UDP passes both ways. */
  | { status: 'other-reply'; rttMs: number; bytes: number }
  /** ICMP port unreachable (Linux reports it on a connected socket): the host is there, nothing listens. */
  | { status: 'refused'; rttMs: number }
  /** ICMP host or network unreachable, or no route here. */
  | { status: 'unreachable'; code: string; rttMs: number }
  | { status: 'silent'; waitedMs: number; sent: number }
  | { status: 'error'; code: string; detail: string };

export interface QuicProbeOptions {
  timeoutMs: number;
  /** Datagrams sent, spread over the first half of the wait, each with its own ids so an answer times its own send. */
  attempts?: number;
}

/** Sends the probe to address:port and waits for the answer. Never throws. */
export function quicProbe(address: string, port: number, options: QuicProbeOptions): Promise<QuicOutcome> {
  const attempts = Math.max(1, options.attempts ?? 2);
  return new Promise((resolve) => {
    const socket: Socket = createSocket(isIPv6(address) ? 'udp6' : 'udp4');
    const sentAt = new Map<string, number>();
    const timers: NodeJS.Timeout[] = [];
    const started = performance.now();
    let done = false;
    const finish = (o: QuicOutcome) => {
      if (done) return;
      done = true;
      for (const t of timers) clearTimeout(t);
      socket.close();
      resolve(o);
    };
    const elapsed = () => Math.round((performance.now() - started) * 10) / 10;
    socket.on('error', (e: NodeJS.ErrnoException) => {
      const code = e.code ?? 'ERROR';
      if (code === 'ECONNREFUSED') finish({ status: 'refused', rttMs: elapsed() });
      else if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH')
        finish({ status: 'unreachable', code, rttMs: elapsed() });
      else finish({ status: 'error', code, detail: e.message });
    });
    socket.on('message', (msg) => {
      const vn = parseVersionNegotiation(msg);
      const key = vn?.dcid.toString('hex');
      const at = key !== undefined ? sentAt.get(key) : undefined;
      if (vn && at !== undefined) {
        const rttMs = Math.round((performance.now() - at) * 10) / 10;
        finish({ status: 'answered', rttMs, versions: vn.versions.map(describeVersion), bytesSent: QUIC_PROBE_BYTES });
      } else {
        // A connected socket receives only from the probed address, so any reply proves the path.
        finish({ status: 'other-reply', rttMs: elapsed(), bytes: msg.length });
      }
    });
    const send = () => {
      if (done) return;
      const dcid = randomBytes(CID_BYTES);
      const scid = randomBytes(CID_BYTES);
      sentAt.set(scid.toString('hex'), performance.now());
      socket.send(buildVersionProbe(dcid, scid), (e) => {
        if (e) socket.emit('error', e);
      });
    };
    socket.connect(port, address, (e?: Error) => {
      if (e) {
        socket.emit('error', e);
        return;
      }
      send();
      for (let i = 1; i < attempts; i++) timers.push(setTimeout(send, (options.timeoutMs / 2 / attempts) * i));
    });
    timers.push(
      setTimeout(() => {
        finish({ status: 'silent', waitedMs: options.timeoutMs, sent: sentAt.size });
      }, options.timeoutMs),
    );
  });
}
