// Resolving the private name two ways: through the system resolver as the client app does (getaddrinfo, which also
// reads the hosts file), and with exact queries to one given server (dns-packet over UDP), which tells NXDOMAIN
// from an empty answer, a refusal or silence, and which zone said "no such name".
import { randomBytes } from 'node:crypto';
import { createSocket } from 'node:dgram';
import { promises as dnsPromises } from 'node:dns';
import { isIP, isIPv6 } from 'node:net';
import { performance } from 'node:perf_hooks';
import dnsPacket from 'dns-packet';

/** How the system resolver is asked: getaddrinfo by default; tests pass their own. */
export type Lookup = (name: string) => Promise<{ address: string }[]>;

export const systemLookup: Lookup = (name) => dnsPromises.lookup(name, { all: true, verbatim: true });

export interface DnsServer {
  address: string;
  port: number;
}

export type DnsOutcome =
  | { status: 'answered'; addresses: string[]; rttMs: number; authoritative?: boolean }
  /** The name does not exist (NXDOMAIN); `zone` is the zone whose SOA came with the answer, when one did. */
  | { status: 'nxdomain'; rttMs: number; zone?: string }
  /** The name exists but has no address of the kinds asked (NOERROR, no A/AAAA). */
  | { status: 'nodata'; rttMs: number; zone?: string }
  /** getaddrinfo cannot tell NXDOMAIN from an empty answer: "not found" covers both. */
  | { status: 'not-found'; rttMs: number }
  | { status: 'servfail' | 'refused'; rttMs: number; recursionAvailable?: boolean }
  | { status: 'timeout'; waitedMs: number }
  | { status: 'error'; code: string; detail: string };

const since = (t: number) => Math.round((performance.now() - t) * 10) / 10;

/** "10.0.0.2", "10.0.0.2:5353", "fd00::2" or "[fd00::2]:53"; undefined when it is none of these. */
export function parseDnsServer(text: string): DnsServer | undefined {
  const t = text.trim();
  const bracketed = /^\[([^\]]+)\](?::(\d{1,5}))?$/.exec(t);
  const v4port = /^([\d.]+):(\d{1,5})$/.exec(t);
  const [address, portText] = bracketed
    ? [bracketed[1] ?? '', bracketed[2]]
    : v4port
      ? [v4port[1] ?? '', v4port[2]]
      : [t, undefined];
  const port = portText === undefined ? 53 : Number(portText);
  if (isIP(address) === 0 || !Number.isInteger(port) || port < 1 || port > 65535) return undefined;
  if (bracketed && !isIPv6(address)) return undefined;
  return { address, port };
}

export function formatDnsServer(s: DnsServer): string {
  const host = isIPv6(s.address) ? `[${s.address}]` : s.address;
  return s.port === 53 ? s.address : `${host}:${s.port}`;
}

/** The system resolver, bounded by a timeout (getaddrinfo itself cannot be cancelled; its answer is then ignored). */
export async function resolveWithSystem(name: string, timeoutMs: number, lookup: Lookup): Promise<DnsOutcome> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<DnsOutcome>((resolve) => {
    timer = setTimeout(() => {
      resolve({ status: 'timeout', waitedMs: timeoutMs });
    }, timeoutMs);
  });
  const answer = lookup(name).then(
    (list): DnsOutcome =>
      list.length > 0
        ? { status: 'answered', addresses: [...new Set(list.map((a) => a.address))], rttMs: since(started) }
        : { status: 'not-found', rttMs: since(started) },
    (e: unknown): DnsOutcome => {
      const err = e as NodeJS.ErrnoException;
      const code = err.code ?? 'ERROR';
      if (code === 'ENOTFOUND' || code === 'ENODATA') return { status: 'not-found', rttMs: since(started) };
      // EAI_AGAIN: the resolver did not answer in its own time, or answered SERVFAIL.
      if (code === 'EAI_AGAIN') return { status: 'servfail', rttMs: since(started) };
      return { status: 'error', code, detail: err.message };
    },
  );
  try {
    return await Promise.race([answer, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** How long the other record type may lag once one has answered with addresses. */
const GRACE_MS = 150;
const RCODE_NXDOMAIN = 3;
const RCODE_SERVFAIL = 2;
const RCODE_REFUSED = 5;

interface Reply {
  rcode: number;
  addresses: string[];
  zone?: string;
  authoritative: boolean;
  recursionAvailable: boolean;
  rttMs: number;
}

function readReply(msg: Buffer, rttMs: number): { id: number; reply: Reply } | undefined {
  let p: dnsPacket.DecodedPacket;
  try {
    p = dnsPacket.decode(msg);
  } catch {
    return undefined;
  }
  if (!p.flag_qr || p.id === undefined) return undefined;
  const addresses = (p.answers ?? []).flatMap((a) =>
    (a.type === 'A' || a.type === 'AAAA') && typeof a.data === 'string' ? [a.data] : [],
  );
  const soa = (p.authorities ?? []).find((a) => a.type === 'SOA');
  return {
    id: p.id,
    reply: {
      rcode: (p.flags ?? 0) & 0xf,
      addresses,
      zone: soa?.name,
      authoritative: p.flag_aa,
      recursionAvailable: p.flag_ra,
      rttMs,
    },
  };
}

/** Asks one server for the A and AAAA records of the name, over UDP, once each. Never throws. */
export function queryServer(name: string, server: DnsServer, timeoutMs: number): Promise<DnsOutcome> {
  return new Promise((resolve) => {
    const socket = createSocket(isIPv6(server.address) ? 'udp6' : 'udp4');
    const started = performance.now();
    const ids = new Map<number, 'A' | 'AAAA'>();
    const replies = new Map<'A' | 'AAAA', Reply>();
    let done = false;
    const finish = (o: DnsOutcome) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      clearTimeout(grace);
      socket.close();
      resolve(o);
    };
    const decide = (): DnsOutcome => {
      const list = [...replies.values()];
      const first = list.reduce((a, b) => (a.rttMs <= b.rttMs ? a : b));
      const addresses = list.flatMap((r) => r.addresses);
      if (addresses.length > 0) {
        return { status: 'answered', addresses, rttMs: first.rttMs, authoritative: list.some((r) => r.authoritative) };
      }
      const zone = list.find((r) => r.zone)?.zone;
      if (list.some((r) => r.rcode === RCODE_NXDOMAIN)) return { status: 'nxdomain', rttMs: first.rttMs, zone };
      if (list.some((r) => r.rcode === RCODE_REFUSED)) {
        return { status: 'refused', rttMs: first.rttMs, recursionAvailable: first.recursionAvailable };
      }
      if (list.some((r) => r.rcode === RCODE_SERVFAIL)) return { status: 'servfail', rttMs: first.rttMs };
      return { status: 'nodata', rttMs: first.rttMs, zone };
    };
    const timer = setTimeout(() => {
      finish(replies.size > 0 ? decide() : { status: 'timeout', waitedMs: timeoutMs });
    }, timeoutMs);
    // Once one record type has addresses, the other gets a short grace, not the whole timeout.
    let grace: NodeJS.Timeout | undefined;
    socket.on('error', (e: NodeJS.ErrnoException) => {
      const code = e.code ?? 'ERROR';
      finish(
        code === 'ECONNREFUSED'
          ? {
              status: 'error',
              code,
              detail: `nothing answers DNS on ${formatDnsServer(server)} (ICMP port unreachable)`,
            }
          : { status: 'error', code, detail: e.message },
      );
    });
    socket.on('message', (msg) => {
      const r = readReply(msg, since(started));
      const type = r ? ids.get(r.id) : undefined;
      if (!r || !type || replies.has(type)) return;
      replies.set(type, r.reply);
      // A definite "no such name" or a refusal for one type holds for the other: no need to wait.
      if (replies.size === ids.size || r.reply.rcode === RCODE_NXDOMAIN || r.reply.rcode === RCODE_REFUSED) {
        finish(decide());
      } else if (r.reply.addresses.length > 0 && !grace) {
        grace = setTimeout(() => {
          finish(decide());
        }, GRACE_MS);
      }
    });
    socket.connect(server.port, server.address, () => {
      for (const type of ['A', 'AAAA'] as const) {
        const id = randomBytes(2).readUInt16BE(0);
        if (ids.has(id)) continue;
        ids.set(id, type);
        const query = dnsPacket.encode({
          type: 'query',
          id,
          flags: dnsPacket.RECURSION_DESIRED,
          questions: [{ type, name, class: 'IN' }],
        });
        socket.send(query, (e) => {
          if (e) socket.emit('error', e);
        });
      }
    });
  });
}
