import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tcpConnect } from './tcp.js';
import { tlsCheck } from './tls.js';
import { notTlsServer, openTcp, refusedTcpPort, tlsFile, tlsServer, type Listener } from './testing/loopback.js';

describe('tcpConnect', () => {
  let open: Listener;
  beforeAll(async () => {
    open = await openTcp();
  });
  afterAll(() => open.close());

  it('open: the handshake completes, timed', async () => {
    const o = await tcpConnect('127.0.0.1', open.port, 1000);
    expect(o.status).toBe('open');
    if (o.status === 'open') expect(o.rttMs).toBeGreaterThanOrEqual(0);
  });

  it('refused: a reset, not a timeout', async () => {
    expect((await tcpConnect('127.0.0.1', await refusedTcpPort(), 1000)).status).toBe('refused');
  });
});

describe('tlsCheck', () => {
  const servers: Record<string, Listener> = {};
  beforeAll(async () => {
    servers.amazon = await tlsServer('amazon-like');
    servers.inspecting = await tlsServer('inspecting');
    servers.plain = await notTlsServer();
  });
  afterAll(() => Promise.all(Object.values(servers).map((s) => s.close())));
  const check = (port: number, ca?: string, servername = 'localhost') =>
    tlsCheck({ address: '127.0.0.1', port, servername, timeoutMs: 1500, ca });

  it("judges the chain with Node's bundled roots: a test root is not trusted, and the issuer is named", async () => {
    const o = await check(servers.amazon!.port);
    expect(o.status).toBe('untrusted');
    if (o.status === 'untrusted') {
      expect(o.reason).toMatch(/^the chain does not lead to a trusted root \(UNABLE_TO_/);
      expect(o.certificate?.issuer).toBe("wspl test root (not Amazon's), O=Amazon");
    }
  });

  it('a trusted chain that ends at a root named Amazon counts as an Amazon Trust Services root', async () => {
    const o = await check(servers.amazon!.port, tlsFile('amazon-like-root.crt'));
    expect(o).toMatchObject({ status: 'trusted', certificate: { amazonRoot: true, subject: 'localhost' } });
  });

  it('a trusted chain under another root (a TLS-inspecting proxy) is told apart', async () => {
    const o = await check(servers.inspecting!.port, tlsFile('inspecting-root.crt'));
    expect(o).toMatchObject({
      status: 'trusted',
      certificate: { amazonRoot: false, root: 'wspl test inspecting proxy root, O=Example Inspecting Proxy' },
    });
  });

  it('the host name must match: a certificate for other names is not trusted', async () => {
    const o = await check(servers.amazon!.port, tlsFile('amazon-like-root.crt'), 'other.example');
    expect(o).toMatchObject({
      status: 'untrusted',
      reason: 'the certificate is for other names (ERR_TLS_CERT_ALTNAME_INVALID)',
    });
  });

  it('something that is not TLS on the port: the handshake fails after the connect', async () => {
    const o = await check(servers.plain!.port);
    expect(o.status).toBe('handshake-failed');
  });

  it('nothing listening: refused', async () => {
    expect((await check(await refusedTcpPort())).status).toBe('refused');
  });
});
