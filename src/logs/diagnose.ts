// What went wrong in a session, with cause and fix in plain words. Codes are stable (contract.md, "Client logs").
// `inferred` is true when the log shows the symptom but not the cause: only no-reachable-endpoint on the private
// path reproduces a case the seed observed and explained (4-3); pcoip-blocked-by-streaming-endpoint matches 4-4,
// whose author only guessed the cause from the broker's answer.
import type { OfferedEndpoint } from '../workspaces/types.js';
import { sameEndpoint } from './endpoint.js';
import type { SessionEvidence } from './sessions.js';
import type { LineRef, LogDiagnosis, LogSession } from './types.js';

export const DIAGNOSIS_CODES = [
  'no-reachable-endpoint',
  'pcoip-blocked-by-streaming-endpoint',
  'broker-resource-not-found',
  'broker-error',
  'udp-blocked',
  'port-4195-blocked',
  'endpoints-partly-unreachable',
  'session-incomplete',
] as const;
export type DiagnosisCode = (typeof DIAGNOSIS_CODES)[number];

const PCOIP_BLOCKED_MESSAGE =
  'The broker answered RESOURCE_NOT_FOUND to a PCoIP connect request, so the client stops at once with an ' +
  'invalid-state error. This is what a directory with a streaming VPC endpoint answers for a PCoIP WorkSpace ' +
  'when PCoIP fallback over the internet is off: only DCV (WSP) streams through the endpoint (seed case 4-4). ' +
  'Fix: migrate the WorkSpace to DCV; or allow PCoIP over the internet (InternetFallbackProtocols: ["PCOIP"] ' +
  "in the directory's access endpoint config), knowing PCoIP then leaves the private path; or remove the " +
  'streaming endpoint from the directory. Inferred: the log does not name the endpoint setting, and ' +
  'RESOURCE_NOT_FOUND can also mean the WorkSpace no longer exists.';

const PRIVATE_NAME_HINT = (region: string | null): string =>
  `privatelink.prod.${region ?? '<region>'}.highlander.aws.a2z.com`;

export function diagnoseSession(s: LogSession, ev: SessionEvidence): LogDiagnosis[] {
  // The common case, a session that connected with every offered endpoint reachable, has nothing to say.
  if (s.outcome === 'CONNECTED' && s.brokerError === null && allReachable(s)) return [];
  const out: LogDiagnosis[] = [];
  const add: Add = (code, severity, message, lines, inferred) => {
    out.push({ code, severity, session: s.id, message, lines: sortLines(lines), inferred });
  };

  if (s.outcome === 'NO_REACHABLE_ENDPOINT') {
    add(
      'no-reachable-endpoint',
      'error',
      noReachableMessage(s),
      [...ev.offered, ...ev.result],
      s.path !== 'privatelink',
    );
  }
  if (s.brokerError === 'RESOURCE_NOT_FOUND' && s.protocol === 'PCOIP') {
    add('pcoip-blocked-by-streaming-endpoint', 'error', PCOIP_BLOCKED_MESSAGE, ev.result, true);
  } else if (s.brokerError === 'RESOURCE_NOT_FOUND') {
    add(
      'broker-resource-not-found',
      'error',
      `The broker answered RESOURCE_NOT_FOUND to a ${s.protocol ?? 'connect'} request: it found no WorkSpace it ` +
        'could stream to. Check that the WorkSpace exists and is available, and that its protocol is allowed by ' +
        "the directory's access endpoint config. Inferred: only the PCoIP form of this answer was seen (seed 4-4).",
      ev.result,
      true,
    );
  } else if (s.brokerError !== null) {
    add(
      'broker-error',
      'error',
      `The broker refused the connection with code ${s.brokerError}. This tool has no real log of that code; ` +
        'read the error entries around the listed lines.',
      ev.result,
      true,
    );
  }
  if (s.reachable.length > 0) partialReachability(s, ev, add);
  if (s.outcome === 'INCOMPLETE') {
    const last = s.lines.at(-1);
    add(
      'session-incomplete',
      'info',
      `The log ends before this session's result (last entry ${s.end ?? 'unknown'}): the file may have been cut, ` +
        'the client closed, or the rest is in a newer log file. Read the whole logs folder to see the end.',
      last ? [last] : [],
      false,
    );
  }
  return out;
}

type Add = (
  code: DiagnosisCode,
  severity: LogDiagnosis['severity'],
  message: string,
  lines: LineRef[],
  inferred: boolean,
) => void;

/** Which offered endpoints the probe lost, and the one blocked port or transport that explains it. */
function partialReachability(s: LogSession, ev: SessionEvidence, add: Add): void {
  const missed = s.offered.filter((o) => !s.reachable.some((r) => sameEndpoint(o, r)));
  if (missed.length === 0) return;
  const lines = [...ev.offered, ...ev.reachable];
  const onPrivate = s.path === 'privatelink';
  const where = onPrivate
    ? "the endpoint's security group (inbound from the client network), network ACLs and firewalls on the way"
    : "the client network's firewall or proxy (outbound to the DCV gateways)";
  let explained = 0;
  const quicMissed = s.offered.some((o) => o.transport === 'QUIC') && !s.reachable.some((r) => r.transport === 'QUIC');
  if (quicMissed && s.reachable.some((r) => r.transport === 'TCP')) {
    explained += missed.filter((m) => m.transport === 'QUIC').length;
    add(
      'udp-blocked',
      'warning',
      `The QUIC (UDP) endpoints were not reachable while TCP ones were: UDP is blocked on the way. The session ` +
        `falls back to TCP, which streams with less quality on lossy or distant links. Fix: allow UDP 4195 and UDP ` +
        `443 in ${where}. Inferred from which endpoints the client found reachable.`,
      lines,
      true,
    );
  }
  const has4195 = (list: readonly OfferedEndpoint[]) => list.some((e) => e.port === 4195);
  if (has4195(s.offered) && !has4195(s.reachable) && s.reachable.some((r) => r.port === 443)) {
    explained += missed.filter((m) => m.port === 4195 && !(quicMissed && m.transport === 'QUIC')).length;
    const version = s.clientVersion ? ` (this client: ${s.clientVersion})` : '';
    add(
      'port-4195-blocked',
      'warning',
      `Port 4195 was not reachable while 443 was: port 4195 is blocked on the way. DCV then streams on 443, ` +
        `which needs client 5.23.0 or newer on Windows and macOS, 2024.7 on Linux${version}. Fix: allow TCP and ` +
        `UDP 4195 in ${where}. Inferred from which endpoints the client found reachable.`,
      lines,
      true,
    );
  }
  if (explained < missed.length) {
    const list = missed.map((m) => `${m.transport} ${m.port}`).join(', ');
    add(
      'endpoints-partly-unreachable',
      'info',
      `Not reachable after probing: ${list}. The client used the others. Check ${where} for these ports.`,
      lines,
      true,
    );
  }
}

/** One string per distinct message: a large log repeats the same few, and a kept report should not hold copies. */
const noReachableMessages = new Map<string, string>();

/** The last message handed out and what it was for: consecutive sessions mostly ask for the same one again. */
let lastNoReachable: { path: LogSession['path']; region: string | null; n: number; message: string } | null = null;

const PCOIP_NO_REACHABLE =
  "No PCoIP gateway was reachable, so the connection was dropped: the device's network blocks outbound TCP and " +
  'UDP 4172 to the PCoIP gateways of the Region (firewall, proxy); PCoIP streams over the internet only, never ' +
  'through a streaming endpoint. Fix: allow TCP and UDP 4172 out to the PCoIP gateway ranges, or migrate the ' +
  'WorkSpace to DCV. Inferred: no real log of a PCoIP session that reached the gateways was available.';

function noReachableMessage(s: LogSession): string {
  if (s.protocol === 'PCOIP') return PCOIP_NO_REACHABLE;
  const last = lastNoReachable;
  if (last !== null && last.path === s.path && last.region === s.region && last.n === s.offered.length)
    return last.message;
  const message = keyedNoReachableMessage(s);
  lastNoReachable = { path: s.path, region: s.region, n: s.offered.length, message };
  return message;
}

function keyedNoReachableMessage(s: LogSession): string {
  const key = `${s.path}|${s.region}|${s.offered.length}`;
  let message = noReachableMessages.get(key);
  if (message === undefined) {
    message = composeNoReachableMessage(s);
    if (noReachableMessages.size >= 256) noReachableMessages.clear();
    noReachableMessages.set(key, message);
  }
  return message;
}

function composeNoReachableMessage(s: LogSession): string {
  const n = s.offered.length;
  const offered = n > 0 ? `${n} offered endpoint${n === 1 ? '' : 's'}` : 'offered endpoints';
  if (s.path === 'privatelink') {
    return (
      `The broker offered only the private streaming endpoint (${offered} on ${PRIVATE_NAME_HINT(s.region)}) ` +
      'and this device reached none of them, so the connection was dropped. Cause: the device is not on a ' +
      'network that routes to the VPC endpoint, or it cannot resolve the private name to the endpoint — as in ' +
      'seed case 4-3, a client at home on the internet. While a streaming endpoint is set, the directory offers ' +
      'no internet path for DCV. Fix: connect from a network that routes to the endpoint VPC (VPN, Direct Connect ' +
      'or Transit Gateway) and forwards DNS for the private name to that VPC (Route 53 Resolver inbound endpoint); ' +
      'or remove the streaming endpoint from the directory to allow streaming over the internet. If the device is ' +
      "on such a network, check the endpoint's security group (TCP and UDP 443 and 4195 inbound) and network ACLs."
    );
  }
  if (s.path === 'internet') {
    return (
      `None of the ${offered} (public DCV gateways) was reachable: the device's network blocks outbound TCP and ` +
      'UDP 4195 and 443 to the gateways (firewall, proxy). Fix: allow them to *.prod.<region>.highlander.aws.a2z.com. ' +
      'Inferred: no real log of an internet session was available.'
    );
  }
  return (
    `None of the ${offered} was reachable, so the connection was dropped. Check that the device can resolve and ` +
    'route to the listed host names on TCP and UDP 443 and 4195.'
  );
}

function allReachable(s: LogSession): boolean {
  for (const o of s.offered) {
    if (!s.reachable.includes(o) && !s.reachable.some((r) => sameEndpoint(o, r))) return false;
  }
  return true;
}

/** Unique lines in log order: files in the order they first appear, lines by number within a file. */
function sortLines(lines: LineRef[]): LineRef[] {
  let ordered = true;
  for (let i = 1; i < lines.length && ordered; i++)
    ordered = lines[i]!.file === lines[i - 1]!.file && lines[i]!.line > lines[i - 1]!.line;
  if (ordered) return lines;
  const files: string[] = [];
  for (const l of lines) if (!files.includes(l.file)) files.push(l.file);
  const sorted = [...lines].sort((a, b) => files.indexOf(a.file) - files.indexOf(b.file) || a.line - b.line);
  return sorted.filter((l, i) => i === 0 || l.line !== sorted[i - 1]!.line || l.file !== sorted[i - 1]!.file);
}
