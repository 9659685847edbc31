// Loopback stand-ins for the far ends of the probes: TCP listeners that accept, ports that refuse, UDP sockets
// that never answer, an HTTPS server with the test certificates, and a dialler that maps every logical target of a
// probe to one of them and fails the test loudly for anything unmapped, so no test leaves 127.0.0.1.
import { readFileSync } from 'node:fs';
import { createSocket } from 'node:dgram';
import { createServer as createTcpServer, type Server, type Socket } from 'node:net';
import { createServer as createTlsServer } from 'node:tls';
import type { DialTransport, ProbeDeps } from '../plan.js';

export interface Listener {
  port: number;
  close(): Promise<void>;
}

/** Listens on 127.0.0.1; closing also ends the connections still open, so a test never waits on a peer. */
function listen(server: Server): Promise<Listener> {
  const sockets = new Set<Socket>();
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      const close = () =>
        new Promise<void>((r) => {
          server.close(() => r());
          for (const s of sockets) s.destroy();
        });
      resolve({ port, close });
    });
  });
}

/** Accepts and closes at once: what a TCP connect probe needs to see "open". */
export function openTcp(): Promise<Listener> {
  const server = createTcpServer((socket) => socket.destroy());
  return listen(server);
}

/** A port nothing listens on: the kernel answers a SYN with a reset. */
export async function refusedTcpPort(): Promise<number> {
  const l = await listen(createTcpServer());
  await l.close();
  return l.port;
}

/** A UDP socket that reads and never answers: silence, as from a filtered path. */
export function silentUdp(): Promise<Listener> {
  const socket = createSocket('udp4');
  socket.on('message', () => undefined);
  return new Promise((resolve) => {
    socket.bind(0, '127.0.0.1', () => {
      resolve({ port: socket.address().port, close: () => new Promise<void>((r) => socket.close(() => r())) });
    });
  });
}

/**
 * A minimal QUIC version negotiator (RFC 9000 §17.2.1): answers any long-header packet with a Version
 * Negotiation packet offering QUIC v1, echoing the connection ids swapped. For the benchmark and unit tests; the
 * real-server test uses caddy.
 */
export function quicResponder(): Promise<Listener> {
  const socket = createSocket('udp4');
  socket.on('message', (msg, from) => {
    if (msg.length < 7 || ((msg[0] ?? 0) & 0x80) === 0) return;
    const dcidLen = msg[5] ?? 0;
    const dcid = msg.subarray(6, 6 + dcidLen);
    const scidLen = msg[6 + dcidLen] ?? 0;
    const scid = msg.subarray(7 + dcidLen, 7 + dcidLen + scidLen);
    const reply = Buffer.concat([
      Buffer.from([0xc0, 0, 0, 0, 0, scid.length]),
      scid,
      Buffer.from([dcid.length]),
      dcid,
      Buffer.from([0, 0, 0, 1]),
    ]);
    socket.send(reply, from.port, from.address);
  });
  return new Promise((resolve) => {
    socket.bind(0, '127.0.0.1', () => {
      resolve({ port: socket.address().port, close: () => new Promise<void>((r) => socket.close(() => r())) });
    });
  });
}

/** A UDP port nothing listens on: the kernel answers with ICMP port unreachable. */
export async function closedUdpPort(): Promise<number> {
  const l = await silentUdp();
  await l.close();
  return l.port;
}

const TLS_DIR = new URL('./tls/', import.meta.url);
export const tlsFile = (name: string) => readFileSync(new URL(name, TLS_DIR), 'utf8');

/** An HTTPS-like TLS server on 127.0.0.1 with one of the test certificates ("amazon-like" or "inspecting"). */
export function tlsServer(kind: 'amazon-like' | 'inspecting'): Promise<Listener> {
  const server = createTlsServer({ key: tlsFile(`${kind}-leaf.key`), cert: tlsFile(`${kind}-leaf.crt`) }, (s) =>
    s.end(),
  );
  server.on('tlsClientError', () => undefined);
  return listen(server);
}

/** Accepts TCP and says something that is not TLS: a handshake that fails. */
export function notTlsServer(): Promise<Listener> {
  return listen(createTcpServer((socket) => socket.end('HTTP/1.0 400 Bad Request\r\n\r\n')));
}

/** Maps "TCP 10.0.21.217:4195" (transport, logical address, logical port) to a loopback port. */
export type DialMap = Record<string, number>;

export function loopbackDial(map: DialMap): ProbeDeps['dial'] {
  return (transport: DialTransport, address: string, port: number) => {
    const key = `${transport} ${address}:${port}`;
    const to = map[key];
    if (to === undefined) throw new Error(`test dialled an unmapped target ${key}: tests never leave 127.0.0.1`);
    return { address: '127.0.0.1', port: to };
  };
}
