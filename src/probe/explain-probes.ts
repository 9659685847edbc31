// TCP, QUIC and TLS outcomes in words: what answered, what it proves, what it does not, and where to look.
import type { InternetObservation, Observations, StreamingObservation } from './run.js';
import type { QuicOutcome } from './quic.js';
import type { TcpOutcome } from './tcp.js';
import type { TlsOutcome } from './tls.js';
import type { CheckStatus, Need, ProbeCheck } from './types.js';

export const SILENCE_IS_NOT_PROOF =
  'silence is not proof of a block: the server may not answer version negotiation (unverified for WorkSpaces), the datagram may have been lost, or UDP is dropped on the way';

interface Described {
  status: CheckStatus;
  result: string;
  rttMs?: number;
  summary: string;
  explanation: string;
  versions?: string[];
}

/** `where` says what sits at the far end, for the explanation of a drop. */
export function describeTcp(o: TcpOutcome, port: number, where: string): Described {
  switch (o.status) {
    case 'open':
      return {
        status: 'ok',
        result: 'open',
        rttMs: o.rttMs,
        summary: `connected in ${o.rttMs} ms`,
        explanation: `TCP ${port} passes both ways.`,
      };
    case 'refused':
      return {
        status: 'fail',
        result: 'refused',
        rttMs: o.rttMs,
        summary: `refused (TCP reset after ${o.rttMs} ms)`,
        explanation: `Something answered with a reset: nothing accepts TCP ${port} there, or a firewall on the way rejects it. ${where}`,
      };
    case 'timeout':
      return {
        status: 'fail',
        result: 'timeout',
        summary: `no answer within ${o.waitedMs} ms`,
        explanation: `The connection attempt was dropped without a word. ${where}`,
      };
    case 'unreachable':
      return {
        status: 'fail',
        result: 'unreachable',
        rttMs: o.rttMs,
        summary: `unreachable (${o.code})`,
        explanation: `This machine has no route there, or a router answered "unreachable". ${where}`,
      };
    case 'error':
      return { status: 'fail', result: 'error', summary: `${o.code}: ${o.detail}`, explanation: where };
  }
}

export function describeQuic(o: QuicOutcome, port: number, where: string): Described {
  switch (o.status) {
    case 'answered':
      return {
        status: 'ok',
        result: 'answered',
        rttMs: o.rttMs,
        versions: o.versions,
        summary: `answered version negotiation in ${o.rttMs} ms (${o.versions.join(', ')})`,
        explanation: `A QUIC server answered a ${o.bytesSent}-byte probe: UDP ${port} passes both ways.`,
      };
    case 'other-reply':
      return {
        status: 'ok',
        result: 'other-reply',
        rttMs: o.rttMs,
        summary: `a UDP reply (${o.bytes} bytes, not version negotiation) in ${o.rttMs} ms`,
        explanation: `The reply is not QUIC's, but it proves that UDP ${port} passes both ways.`,
      };
    case 'refused':
      return {
        status: 'fail',
        result: 'refused',
        rttMs: o.rttMs,
        summary: `ICMP port unreachable after ${o.rttMs} ms`,
        explanation: `The host (or a firewall that rejects) says nothing listens on UDP ${port}. ${where}`,
      };
    case 'unreachable':
      return {
        status: 'fail',
        result: 'unreachable',
        rttMs: o.rttMs,
        summary: `unreachable (${o.code})`,
        explanation: `This machine has no route there, or a router answered "unreachable". ${where}`,
      };
    case 'silent':
      return {
        status: 'inconclusive',
        result: 'silent',
        summary: `no answer within ${o.waitedMs} ms (${o.sent} datagrams sent)`,
        explanation: `Inconclusive: ${SILENCE_IS_NOT_PROOF}. If UDP ${port} is blocked, the client falls back to TCP. ${where}`,
      };
    case 'error':
      return { status: 'fail', result: 'error', summary: `${o.code}: ${o.detail}`, explanation: where };
  }
}

const ENDPOINT_WHERE = (transport: string, port: number) =>
  `Where to look: the endpoint security group (it needs inbound ${transport === 'QUIC' ? 'UDP' : 'TCP'} ${port} from this network), network ACLs and routes between here and the endpoint subnets, and any firewall outside AWS (this machine's, the office's).`;

export function streamingCheck(s: StreamingObservation, need: Need, hypothetical: boolean): ProbeCheck {
  const where = ENDPOINT_WHERE(s.transport, s.port);
  const d = s.tcp ? describeTcp(s.tcp, s.port, where) : s.quic ? describeQuic(s.quic, s.port, where) : undefined;
  const described = d ?? { status: 'skipped' as const, result: 'skipped', summary: 'not probed', explanation: '' };
  return {
    id: `${s.transport}:${s.port}@${s.address}`,
    group: 'streaming',
    kind: s.transport === 'TCP' ? 'tcp' : 'quic',
    target: `${s.transport} ${s.port} ${s.address}`,
    address: s.address,
    port: s.port,
    transport: s.transport,
    need,
    ...described,
    explanation: hypothetical
      ? `${described.explanation} (Probed at an address only --dns gave: it shows the path once the client's resolver answers.)`
      : described.explanation,
    ...(hypothetical ? { hypothetical: true } : {}),
  };
}

function tlsDescribed(o: TlsOutcome, host: string): Described & { certificate?: ProbeCheck['certificate'] } {
  const path = `There is no working HTTPS path to ${host}: registration and login need the internet on TCP 443 even with a streaming endpoint (R3; seed 4-1: registration fails at once).`;
  switch (o.status) {
    case 'trusted': {
      const c = o.certificate;
      return c.amazonRoot
        ? {
            status: 'ok',
            result: 'trusted',
            rttMs: o.connectMs,
            certificate: c,
            summary: `TLS trusted in ${o.handshakeMs} ms; issuer ${c.issuer}; root ${c.root}`,
            explanation: 'Reachable over HTTPS, and the chain ends at an Amazon Trust Services root.',
          }
        : {
            status: 'warn',
            result: 'trusted-other-root',
            rttMs: o.connectMs,
            certificate: c,
            summary: `TLS trusted, but issued by ${c.issuer} under ${c.root}`,
            explanation:
              'The chain does not end at an Amazon Trust Services root: a TLS-inspecting proxy whose root this machine trusts re-signs the traffic. AWS does not support TLS inspection for WorkSpaces.',
          };
    }
    case 'untrusted': {
      const c = o.certificate;
      const amazon = c ? /Amazon/i.test(c.issuer) || c.amazonRoot : false;
      return {
        status: 'fail',
        result: 'untrusted',
        rttMs: o.connectMs,
        certificate: c,
        summary: `TLS not trusted (${o.reason}); issuer ${c?.issuer ?? 'unknown'}`,
        explanation: /ALTNAME/i.test(o.reason)
          ? `The certificate is not for ${host}: something else answers for it (a proxy, a captive portal, a wrong DNS answer).`
          : /EXPIRED|NOT_YET_VALID/i.test(o.reason)
            ? "The certificate is outside its validity period: check this machine's clock."
            : amazon
              ? "The certificate comes from Amazon, but the chain does not verify here: the root store lacks the Amazon Trust Services roots (judged with Node's bundled store; the client uses the system store, so check that too)."
              : `The certificate is not Amazon's: a proxy or firewall intercepts TLS (AWS does not support TLS inspection for WorkSpaces), or something else answers for ${host}.`,
      };
    }
    case 'refused':
      return { status: 'fail', result: 'refused', rttMs: o.rttMs, summary: 'refused (TCP reset)', explanation: path };
    case 'timeout':
      return {
        status: 'fail',
        result: 'timeout',
        summary: `no ${o.stage === 'connect' ? 'connection' : 'TLS handshake'} within ${o.waitedMs} ms`,
        explanation:
          o.stage === 'connect'
            ? path
            : 'TCP connects but the TLS handshake stalls: a proxy or firewall holds the connection.',
      };
    case 'unreachable':
      return { status: 'fail', result: 'unreachable', summary: `unreachable (${o.code})`, explanation: path };
    case 'handshake-failed':
      return {
        status: 'fail',
        result: 'handshake-failed',
        rttMs: o.connectMs,
        summary: `TLS handshake failed: ${o.detail}`,
        explanation: 'TCP connects but no TLS session starts: something that is not the AWS service answers on 443.',
      };
    case 'error':
      return { status: 'fail', result: 'error', summary: `${o.code}: ${o.detail}`, explanation: path };
  }
}

const ROLE_WORDS: Record<string, string> = {
  broker: 'the WorkSpaces broker (connection requests)',
  login: 'the directory login pages',
  connectivity: "the client's own internet check (shown in its network check)",
};

export function internetCheck(i: InternetObservation): ProbeCheck {
  const base = {
    id: `https.${i.host.role}`,
    group: 'internet' as const,
    kind: 'https' as const,
    target: `https://${i.host.host}/`,
    host: i.host.host,
    port: i.host.port,
    address: i.address,
    need: i.host.needed ? ('needed' as const) : ('informational' as const),
    source: i.host.source,
  };
  const role = ROLE_WORDS[i.host.role] ?? i.host.role;
  if (!i.tls) {
    return {
      ...base,
      result: i.lookup.status,
      status: 'fail',
      summary: `the system resolver cannot resolve ${i.host.host} (${i.lookup.status})`,
      explanation: `${role} is out of reach: without public DNS and the internet on TCP 443, registration and login fail even with a streaming endpoint (R3).`,
    };
  }
  const d = tlsDescribed(i.tls, i.host.host);
  return { ...base, ...d, explanation: `${role}: ${d.explanation}` };
}

export function loginSkipped(reason: string): ProbeCheck {
  return {
    id: 'https.login',
    group: 'internet',
    kind: 'https',
    target: 'https://<directory-id>.awsapps.com/',
    host: '<directory-id>.awsapps.com',
    result: 'skipped',
    status: 'skipped',
    need: 'needed',
    summary: 'not checked',
    explanation: reason,
  };
}

export function hypotheticalAddresses(obs: Observations): Set<string> {
  return new Set(obs.targets.filter((t) => t.from.length === 1 && t.from[0] === 'server').map((t) => t.address));
}
