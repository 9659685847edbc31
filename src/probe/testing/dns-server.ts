// An in-process DNS server on 127.0.0.1 (dns-packet over node:dgram) for the probe's tests: it answers the names
// it is given with addresses, NXDOMAIN (with an SOA, as real servers send), REFUSED, SERVFAIL, late, or not at
// all, and records every query so a test can assert exactly what the probe asked.
import { createSocket, type Socket } from 'node:dgram';
import { promises as dnsPromises } from 'node:dns';
import dnsPacket from 'dns-packet';
import type { Lookup } from '../dns.js';

export interface NameRule {
  addresses?: string[];
  rcode?: 'NXDOMAIN' | 'REFUSED' | 'SERVFAIL';
  /** The zone whose SOA comes with a negative answer. */
  zone?: string;
  delayMs?: number;
  /** Never answer. */
  silent?: boolean;
  /** Never answer queries of these types (a server that drops AAAA, say). */
  silentTypes?: ('A' | 'AAAA')[];
}

const RCODES = { NOERROR: 0, SERVFAIL: 2, NXDOMAIN: 3, REFUSED: 5 } as const;

export interface FakeDnsServer {
  address: string;
  port: number;
  /** "127.0.0.1:PORT", as --dns takes it. */
  spec: string;
  queries: { name: string; type: string }[];
  rules: Map<string, NameRule>;
  close(): Promise<void>;
}

/** Names without a rule get NXDOMAIN from zone "example." (a server that knows nothing of them). */
export async function startDnsServer(rules: Record<string, NameRule>): Promise<FakeDnsServer> {
  const socket: Socket = createSocket('udp4');
  const table = new Map(Object.entries(rules).map(([k, v]) => [k.toLowerCase(), v]));
  const queries: FakeDnsServer['queries'] = [];
  const timers = new Set<NodeJS.Timeout>();
  socket.on('message', (msg, rinfo) => {
    let q: dnsPacket.DecodedPacket;
    try {
      q = dnsPacket.decode(msg);
    } catch {
      return;
    }
    const question = q.questions?.[0];
    if (!question) return;
    queries.push({ name: question.name, type: question.type });
    const rule = table.get(question.name.toLowerCase()) ?? { rcode: 'NXDOMAIN', zone: 'example' };
    if (rule.silent || rule.silentTypes?.includes(question.type as 'A' | 'AAAA')) return;
    const family = question.type === 'AAAA' ? 6 : 4;
    const answers = (rule.addresses ?? [])
      .filter((a) => (a.includes(':') ? 6 : 4) === family)
      .map((data) => ({ type: question.type as 'A' | 'AAAA', name: question.name, ttl: 60, data }));
    const negative = rule.rcode === 'NXDOMAIN' || answers.length === 0;
    const reply = dnsPacket.encode({
      type: 'response',
      id: q.id,
      flags: dnsPacket.RECURSION_DESIRED | dnsPacket.RECURSION_AVAILABLE | RCODES[rule.rcode ?? 'NOERROR'],
      questions: [question],
      answers,
      authorities:
        negative && rule.zone && rule.rcode !== 'REFUSED' && rule.rcode !== 'SERVFAIL'
          ? [
              {
                type: 'SOA',
                name: rule.zone,
                ttl: 60,
                data: {
                  mname: `ns.${rule.zone}`,
                  rname: `hostmaster.${rule.zone}`,
                  serial: 1,
                  refresh: 60,
                  retry: 60,
                  expire: 60,
                  minimum: 60,
                },
              },
            ]
          : [],
    });
    const send = () => socket.send(reply, rinfo.port, rinfo.address);
    if (rule.delayMs) {
      const t = setTimeout(() => {
        timers.delete(t);
        send();
      }, rule.delayMs);
      timers.add(t);
    } else send();
  });
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  const port = socket.address().port;
  return {
    address: '127.0.0.1',
    port,
    spec: `127.0.0.1:${port}`,
    queries,
    rules: table,
    close: () =>
      new Promise<void>((resolve) => {
        for (const t of timers) clearTimeout(t);
        socket.close(() => resolve());
      }),
  };
}

/**
 * A stand-in for the system resolver that asks the fake server through node:dns (Resolver.setServers), failing
 * with the codes getaddrinfo gives: ENOTFOUND for a missing name, EAI_AGAIN when the server fails or is silent.
 */
export function lookupVia(server: FakeDnsServer, timeoutMs = 1000): Lookup {
  return async (name) => {
    const resolver = new dnsPromises.Resolver({ timeout: timeoutMs, tries: 1 });
    resolver.setServers([server.spec]);
    const settle = (p: Promise<string[]>) =>
      p.then(
        (list) => ({ list, code: undefined as string | undefined }),
        (e: unknown) => ({ list: [] as string[], code: (e as NodeJS.ErrnoException).code }),
      );
    const [v4, v6] = await Promise.all([settle(resolver.resolve4(name)), settle(resolver.resolve6(name))]);
    const list = [...v4.list, ...v6.list];
    if (list.length > 0) return list.map((address) => ({ address }));
    const code = v4.code === 'ENOTFOUND' || v4.code === 'ENODATA' ? 'ENOTFOUND' : 'EAI_AGAIN';
    throw Object.assign(new Error(`lookup ${name}: ${v4.code ?? 'no data'}`), { code });
  };
}
