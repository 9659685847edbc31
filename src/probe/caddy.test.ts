// The probe against a real QUIC server: Debian's caddy serving HTTP/3 on 127.0.0.1. Skipped with a message where
// caddy is not installed; CI installs it and sets WSPL_REQUIRE_CADDY=1, so there it must run.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probe } from './index.js';
import { quicProbe } from './quic.js';
import { tlsCheck } from './tls.js';
import { startCaddy, caddySkipReason, type Caddy } from './testing/caddy.js';
import { lookupVia, startDnsServer, type FakeDnsServer } from './testing/dns-server.js';
import { loopbackDial } from './testing/loopback.js';

const skip = caddySkipReason();
if (skip) console.warn(`[wspl probe tests] ${skip}`);

describe.skipIf(skip !== undefined)(
  `a real QUIC server (caddy, HTTP/3 on 127.0.0.1)${skip ? ` — skipped: ${skip}` : ''}`,
  () => {
    let caddy!: Caddy;
    let dns!: FakeDnsServer;
    beforeAll(async () => {
      [caddy, dns] = await Promise.all([
        startCaddy(),
        startDnsServer({
          'privatelink.prod.ap-northeast-1.highlander.aws.a2z.com': { addresses: ['10.0.21.217'] },
          'ws-broker-service.ap-northeast-1.amazonaws.com': { addresses: ['127.0.0.1'] },
          'connectivity.amazonworkspaces.com': { addresses: ['127.0.0.1'] },
          'drp-nrt.amazonworkspaces.com': { addresses: ['127.0.0.1'] },
        }),
      ]);
    }, 15_000);
    afterAll(async () => {
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- unset when beforeAll failed
      await Promise.all([caddy?.stop(), dns?.close()]);
    });

    it('answers the version-negotiation probe with the versions it speaks, QUIC v1 among them', async () => {
      const o = await quicProbe('127.0.0.1', caddy.port, { timeoutMs: 1500 });
      expect(o.status).toBe('answered');
      if (o.status === 'answered') expect(o.versions).toContain('QUIC v1 (RFC 9000)');
    });

    it("its internal CA is not trusted by Node's roots (the system store was left alone), and is once given", async () => {
      const base = { address: '127.0.0.1', port: caddy.port, servername: 'localhost', timeoutMs: 1500 };
      const untrusted = await tlsCheck(base);
      expect(untrusted).toMatchObject({
        status: 'untrusted',
        certificate: { issuer: expect.stringContaining('Caddy Local Authority') },
      });
      const trusted = await tlsCheck({ ...base, ca: caddy.rootCa });
      expect(trusted).toMatchObject({ status: 'trusted', certificate: { amazonRoot: false } });
    });

    it('a whole probe run: QUIC 4195 answered and chosen, the path MTU shown, a non-Amazon root flagged', async () => {
      const p = caddy.port;
      const dial = loopbackDial({
        'QUIC 10.0.21.217:4195': p,
        'QUIC 10.0.21.217:443': p,
        'TCP 10.0.21.217:4195': p,
        'TCP 10.0.21.217:443': p,
        'TLS 127.0.0.1:443': p,
        'TCP 127.0.0.1:4195': p,
        'QUIC 127.0.0.1:4195': p,
      });
      const report = await probe(
        { region: 'ap-northeast-1', timeoutMs: 1500 },
        { lookup: lookupVia(dns), dial, tlsCa: caddy.rootCa, systemServers: () => [dns.spec] },
      );
      expect(report.connect).toEqual({ transport: 'QUIC', port: 4195, address: '10.0.21.217' });
      expect(report.checks.find((c) => c.id === 'QUIC:4195@10.0.21.217')).toMatchObject({
        status: 'ok',
        result: 'answered',
        versions: expect.arrayContaining(['QUIC v1 (RFC 9000)']),
      });
      expect(report.mtu).toMatchObject({ status: 'measured', atLeastBytes: 1228 });
      // caddy's certificate is for localhost and its root is not Amazon's: the broker check must not pass as is.
      expect(report.checks.find((c) => c.id === 'https.broker')?.status).not.toBe('ok');
      expect(report.verdict.ok).toBe(false);
    });
  },
);
