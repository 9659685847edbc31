// HTTPS reachability as the client needs it: a TCP connect and a TLS handshake with the host's name (SNI), then
// the certificate chain judged against Node's bundled root store, which holds the Amazon Trust Services roots. No
// HTTP request is sent: the handshake alone shows the path, the trust and who signed the certificate.
import { performance } from 'node:perf_hooks';
import { connect, type DetailedPeerCertificate } from 'node:tls';

export interface CertificateSummary {
  subject: string;
  issuer: string;
  /** The top of the chain as verified (the trust anchor when the chain is trusted). */
  root: string;
  /** The root is an Amazon Trust Services root (Amazon Root CA 1–4, or Starfield Services Root G2 that cross-signs them). */
  amazonRoot: boolean;
  validTo: string;
}

export type TlsOutcome =
  | { status: 'trusted'; connectMs: number; handshakeMs: number; certificate: CertificateSummary; alpn?: string }
  | {
      status: 'untrusted';
      connectMs: number;
      handshakeMs: number;
      reason: string;
      certificate: CertificateSummary | undefined;
    }
  | { status: 'refused'; rttMs: number }
  | { status: 'unreachable'; code: string }
  | { status: 'timeout'; waitedMs: number; stage: 'connect' | 'handshake' }
  | { status: 'handshake-failed'; connectMs: number; detail: string }
  | { status: 'error'; code: string; detail: string };

export interface TlsCheckOptions {
  /** Where to connect (an IP address from the lookup) and the name the certificate must carry. */
  address: string;
  port: number;
  servername: string;
  timeoutMs: number;
  /** Roots to trust instead of Node's bundled store (tests only: the caddy test CA). */
  ca?: string | Buffer;
}

function name(fields: Record<string, string | string[] | undefined> | undefined): string {
  if (!fields) return '(none)';
  const pick = (k: string) => {
    const v = fields[k];
    return Array.isArray(v) ? v.join(', ') : v;
  };
  const cn = pick('CN');
  const o = pick('O');
  return [cn, o && o !== cn ? `O=${o}` : undefined].filter(Boolean).join(', ') || '(unnamed)';
}

export function summarize(cert: DetailedPeerCertificate): CertificateSummary | undefined {
  if (Object.keys(cert).length === 0) return undefined;
  let top = cert;
  const seen = new Set<DetailedPeerCertificate>();
  while (!seen.has(top)) {
    seen.add(top);
    // Typed as always there, but absent at the end of a chain whose issuer Node could not find.
    const next = top.issuerCertificate as DetailedPeerCertificate | undefined;
    if (!next || next === top) break;
    top = next;
  }
  const rootO = String(top.subject.O);
  const rootCn = String(top.subject.CN);
  return {
    subject: name(cert.subject),
    issuer: name(cert.issuer),
    root: name(top.subject),
    amazonRoot: rootO === 'Amazon' || rootCn.startsWith('Starfield Services Root Certificate Authority'),
    validTo: cert.valid_to,
  };
}

const since = (t: number) => Math.round((performance.now() - t) * 10) / 10;

const UNTRUSTED_WORDS: [RegExp, string][] = [
  [/ALTNAME|Hostname/i, 'the certificate is for other names'],
  [/EXPIRED/i, 'the certificate has expired'],
  [/NOT_YET_VALID/i, 'the certificate is not valid yet (is the clock right?)'],
  [/SELF_SIGNED|ISSUER|LEAF_SIGNATURE|UNTRUSTED/i, 'the chain does not lead to a trusted root'],
];

/** OpenSSL's long error text ("80BC…:error:0A000438:SSL routines:ssl3_read_bytes:tlsv1 alert internal error:…"), cut to its reason. */
export function shortTlsError(message: string): string {
  const m = /SSL routines:[^:]*:([^:]+)/.exec(message);
  return m?.[1] ?? message;
}

/** OpenSSL's and Node's verification codes, in words (the code is kept for searching). */
export function describeUntrusted(code: string): string {
  const words = UNTRUSTED_WORDS.find(([re]) => re.test(code))?.[1];
  return words ? `${words} (${code})` : code;
}

/** Never throws. */
export function tlsCheck(o: TlsCheckOptions): Promise<TlsOutcome> {
  return new Promise((resolve) => {
    const started = performance.now();
    let connectMs: number | undefined;
    let done = false;
    const socket = connect({
      host: o.address,
      port: o.port,
      servername: o.servername,
      ALPNProtocols: ['h2', 'http/1.1'],
      rejectUnauthorized: false, // judged below, so an untrusted chain is reported rather than a bare error
      ...(o.ca !== undefined ? { ca: o.ca } : {}),
    });
    const finish = (r: TlsOutcome) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(r);
    };
    const timer = setTimeout(() => {
      finish({ status: 'timeout', waitedMs: o.timeoutMs, stage: connectMs === undefined ? 'connect' : 'handshake' });
    }, o.timeoutMs);
    socket.once('connect', () => {
      connectMs = since(started);
    });
    socket.once('secureConnect', () => {
      const handshakeMs = since(started);
      const certificate = summarize(socket.getPeerCertificate(true));
      const alpn = typeof socket.alpnProtocol === 'string' ? socket.alpnProtocol : undefined;
      if (socket.authorized && certificate) {
        finish({ status: 'trusted', connectMs: connectMs ?? handshakeMs, handshakeMs, certificate, alpn });
      } else {
        const err = socket.authorizationError as Error | string | null;
        const reason = describeUntrusted(err === null ? 'no certificate' : typeof err === 'string' ? err : err.message);
        finish({ status: 'untrusted', connectMs: connectMs ?? handshakeMs, handshakeMs, reason, certificate });
      }
    });
    socket.once('error', (e: NodeJS.ErrnoException) => {
      const code = e.code ?? 'ERROR';
      if (connectMs !== undefined) finish({ status: 'handshake-failed', connectMs, detail: shortTlsError(e.message) });
      else if (code === 'ECONNREFUSED') finish({ status: 'refused', rttMs: since(started) });
      else if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH') finish({ status: 'unreachable', code });
      else finish({ status: 'error', code, detail: e.message });
    });
  });
}
