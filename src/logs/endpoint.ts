// The client writes an endpoint as
//   hostname: privatelink.prod.ap-northeast-1.highlander.aws.a2z.com, transport: QUIC, port: 4195, gatewayType: NLB,
//   ipVersion: IPv4, additionalEndpointAttributes:
// (seen in all three seed fixtures: "Supported endpoint", "Reachable endpoint", the "after probing" list, the
// "Starting WSP session … endpoints:" block and "Attempting to establish connection").
import type { OfferedEndpoint, Path, Transport } from '../workspaces/types.js';
import { ByteMemo, RepeatDecoder, startsWithAt, utf8 } from './bytes.js';

/** Reads the first endpoint description at or after `from`; null when a field is missing (a cut line). */
export function parseEndpoint(text: string, from = 0): OfferedEndpoint | null {
  const hostname = fieldValue(text, 'hostname: ', from);
  const transport = fieldValue(text, 'transport: ', from);
  const port = fieldValue(text, ' port: ', from); // the space keeps "transport: " from matching
  if (!hostname || !transport || !port) return null;
  const t = transport.toUpperCase();
  if (t !== 'QUIC' && t !== 'TCP') return null;
  const n = Number(port);
  if (!Number.isInteger(n) || n <= 0 || n > 65535) return null;
  return { hostname, transport: t as Transport, port: n };
}

/** The value after `name` up to the next comma, quote or the end of the text; '' when `name` is absent. */
function fieldValue(text: string, name: string, from: number): string {
  const at = text.indexOf(name, from);
  if (at === -1) return '';
  const start = at + name.length;
  let end = start;
  while (end < text.length) {
    const c = text.charCodeAt(end);
    if (c === 44 /* , */ || c === 34 /* " */ || c === 32 /* space */) break;
    end++;
  }
  return text.slice(start, end);
}

export function endpointKey(e: OfferedEndpoint): string {
  return `${e.transport}:${e.port}:${e.hostname.toLowerCase()}`;
}

export function sameEndpoint(a: OfferedEndpoint, b: OfferedEndpoint): boolean {
  return a.transport === b.transport && a.port === b.port && a.hostname.toLowerCase() === b.hostname.toLowerCase();
}

const REGION = '([a-z]{2}(?:-gov)?-[a-z]+-\\d)';
// From the fixtures: privatelink.prod.<region>.highlander.aws.a2z.com, and privatelink.prod.<region>.WSP.aws.a2z.com
// in the "Starting WSP session" block of seed 4-2.
const PRIVATE_NAME = new RegExp(`^privatelink\\.prod\\.${REGION}\\.(?:highlander|wsp)\\.aws\\.a2z\\.com\\.?$`, 'i');
// From the AWS port-requirements page ("DCV PrivateLink domain names"), not seen in a log: the endpoint-specific name.
const VPCE_NAME = new RegExp(`\\.prod\\.highlander\\.${REGION}\\.vpce\\.amazonaws\\.com\\.?$`, 'i');
// From the AWS page's public gateway domain `*.prod.<region>.highlander.aws.a2z.com`; inferred that the client logs
// such names for internet streaming (no log of an internet session was available).
const PUBLIC_NAME = new RegExp(`\\.prod\\.${REGION}\\.(?:highlander|wsp)\\.aws\\.a2z\\.com\\.?$`, 'i');

interface HostFacts {
  path: Path;
  region: string | null;
}

/** A log names the same few hosts for every session: classify each name once. */
const hostFacts = new Map<string, HostFacts>();

function factsOf(hostname: string): HostFacts {
  let facts = hostFacts.get(hostname);
  if (facts === undefined) {
    const m = PRIVATE_NAME.exec(hostname) ?? VPCE_NAME.exec(hostname) ?? PUBLIC_NAME.exec(hostname);
    const path: Path = PRIVATE_NAME.test(hostname) || VPCE_NAME.test(hostname) ? 'privatelink' : m ? 'internet' : null;
    facts = { path, region: m?.[1]?.toLowerCase() ?? null };
    if (hostFacts.size >= 1024) hostFacts.clear();
    hostFacts.set(hostname, facts);
  }
  return facts;
}

/** The region a host name names, or null. */
export function regionOfHost(hostname: string): string | null {
  return factsOf(hostname).region;
}

/** `privatelink` for the private names, `internet` for public gateway names, null for anything else. */
export function pathOfHost(hostname: string): Path {
  return factsOf(hostname).path;
}

/** The path of a session from its endpoints: one answer when all known names agree, else null. */
export function pathOfEndpoints(endpoints: readonly OfferedEndpoint[]): Path {
  let path: Path = null;
  for (const e of endpoints) {
    const p = pathOfHost(e.hostname);
    if (p === null) continue;
    if (path !== null && path !== p) return null;
    path = p;
  }
  return path;
}

const SESSION_REGION = new RegExp(`^prod-${REGION}-`, 'i');

/** Seed 4-2 ids look like prod-ap-northeast-1-<uuid>. */
export function regionOfSessionId(id: string): string | null {
  return SESSION_REGION.exec(id)?.[1]?.toLowerCase() ?? null;
}

/**
 * The key that ties entries of one session together. The broker request names a bare UUID ("Session-Id: d6df…",
 * seed 4-4) while the DCV entries name prod-<region>-<uuid> (seed 4-2); that both name the same session when the
 * UUID matches is inferred: the seed has no log holding both for one session.
 */
export function sessionKey(id: string): string {
  const lower = id.toLowerCase();
  if (lower.length >= 36) {
    const tail = lower.slice(-36);
    if (tail[8] === '-' && tail[13] === '-' && tail[18] === '-' && tail[23] === '-') return tail;
  }
  return lower;
}

const HOSTNAME_LABEL = Buffer.from('hostname: ', 'latin1');
const TRANSPORT_LABEL = Buffer.from(', transport: ', 'latin1');
const PORT_LABEL = Buffer.from(', port: ', 'latin1');
const QUIC = Buffer.from('QUIC', 'latin1');
const TCP = Buffer.from('TCP', 'latin1');

/**
 * Reads endpoint descriptions straight from the bytes when they have the client's exact layout, and hands out one
 * frozen object per distinct endpoint: a log repeats the same few descriptions on most of its lines, so this saves
 * the strings, the parse and the memory. Anything else goes through the tolerant `parseEndpoint`.
 */
export class EndpointInterner {
  private readonly hosts = new RepeatDecoder();
  private readonly recent: OfferedEndpoint[] = [];
  private hostOk = false;

  /**
   * The last few descriptions seen: most lines repeat one of them. For one read by exactLayout only its start up
   * to the character after the port is kept, as that is all the answer depends on (the rest, `gatewayType: …`,
   * is never read), so the same endpoint in any list matches one entry and fewer bytes are compared; any other
   * description is kept whole and must match whole.
   */
  private readonly described: { bytes: ByteMemo; whole: boolean; endpoint: OfferedEndpoint }[] = [];
  /** The index in `described` of the last description found. */
  private lastFound = -1;
  /** Where exactLayout stopped reading: after the port's digits. */
  private layoutEnd = 0;

  /** The endpoint described by `buf[from, to)`, or null when the text is not a complete description. */
  get(buf: Buffer, from: number, to: number): OfferedEndpoint | null {
    const n = to - from;
    const described = this.described;
    const count = described.length;
    // From the one after the last found (the client lists endpoints in the same order each time), round once.
    for (let k = 0, i = this.lastFound + 1; k < count; k++, i++) {
      if (i >= count) i = 0;
      const d = described[i]!;
      const size = d.bytes.size;
      if ((d.whole ? n === size : n >= size) && d.bytes.same(buf, from, from + size)) {
        this.lastFound = i;
        return d.endpoint;
      }
    }
    const fast = this.exactLayout(buf, from, to);
    let endpoint: OfferedEndpoint | null;
    let kept = to;
    if (fast !== undefined) {
      endpoint = fast;
      // The character after the port (a comma, space or quote) belongs to what was read; the end of the text too.
      if (this.layoutEnd < to) kept = this.layoutEnd + 1;
    } else {
      const parsed = parseEndpoint(utf8(buf, from, to));
      endpoint = parsed ? this.intern(parsed.hostname, parsed.transport, parsed.port) : null;
    }
    if (endpoint) {
      const bytes = new ByteMemo();
      bytes.remember(buf, from, kept);
      if (described.length >= 16) described.shift();
      this.lastFound = described.push({ bytes, whole: kept === to, endpoint }) - 1;
    }
    return endpoint;
  }

  /** `hostname: H, transport: T, port: P…`; undefined when the bytes have another layout. */
  private exactLayout(buf: Buffer, from: number, to: number): OfferedEndpoint | undefined {
    if (!startsWithAt(buf, from, to, HOSTNAME_LABEL)) return undefined;
    const hostStart = from + HOSTNAME_LABEL.length;
    // The same host as last time ends at the same distance: test that comma before searching for one.
    const guess = hostStart + this.hosts.lastLength;
    const hostEnd = guess > hostStart && guess < to && buf[guess] === 44 ? guess : buf.indexOf(44, hostStart);
    if (hostEnd === -1 || hostEnd >= to || hostEnd === hostStart) return undefined;
    const hostname = this.hosts.decode(buf, hostStart, hostEnd);
    // A new name is checked once; the same bytes again are the same, already checked name.
    if (this.hosts.fresh) this.hostOk = !/[\s",]/.test(hostname);
    if (!this.hostOk) return undefined;
    let i = hostEnd;
    if (!startsWithAt(buf, i, to, TRANSPORT_LABEL)) return undefined;
    i += TRANSPORT_LABEL.length;
    let transport: Transport;
    if (startsWithAt(buf, i, to, QUIC)) {
      transport = 'QUIC';
      i += QUIC.length;
    } else if (startsWithAt(buf, i, to, TCP)) {
      transport = 'TCP';
      i += TCP.length;
    } else {
      return undefined;
    }
    if (!startsWithAt(buf, i, to, PORT_LABEL)) return undefined;
    i += PORT_LABEL.length;
    let port = 0;
    const digitsStart = i;
    while (i < to && i - digitsStart < 6 && buf[i]! >= 48 && buf[i]! <= 57) port = port * 10 + buf[i++]! - 48;
    const next = i < to ? buf[i] : 44;
    if (i === digitsStart || port === 0 || port > 65535 || (next !== 44 && next !== 32 && next !== 34))
      return undefined;
    this.layoutEnd = i;
    return this.intern(hostname, transport, port);
  }

  private intern(hostname: string, transport: Transport, port: number): OfferedEndpoint {
    for (const e of this.recent) if (e.port === port && e.transport === transport && e.hostname === hostname) return e;
    const e = Object.freeze({ hostname, transport, port });
    if (this.recent.length >= 32) this.recent.shift();
    this.recent.push(e);
    return e;
  }
}
