// Address ranges as bigint intervals, so IPv4 and IPv6 share one code path and longest-prefix match is exact. The one
// CIDR module of wspl: sources validate with the strict parsers here (canonical forms only, as AWS accepts them), the
// engine and the rules compute with the ranges.
import ipaddr from 'ipaddr.js';

export interface IpRange {
  version: 4 | 6;
  start: bigint;
  end: bigint;
  prefix: number;
  /** The text it came from, for messages. */
  text: string;
}

function bytesToBigint(bytes: number[]): bigint {
  let v = 0n;
  for (const b of bytes) v = (v << 8n) | BigInt(b);
  return v;
}

/**
 * Ranges already parsed, by their text. The engine meets the same few thousand CIDRs in every trace (security-group
 * peers, routes, subnets) and parsed each anew (parseRange was a fifth of the endpoint-address corner's profile). Bounded, emptied when
 * full, so a fuzzed input cannot make it grow without end. The ranges are frozen: a shared one cannot be altered.
 */
const parsed = new Map<string, IpRange | undefined>();
const PARSED_MAX = 200_000;

/** Parses "10.0.0.0/16", "2001:db8::/32" or a bare address (a /32 or /128). Returns undefined when invalid. */
export function parseRange(text: string): IpRange | undefined {
  if (parsed.has(text)) return parsed.get(text);
  const range = parseRangeOnce(text);
  if (parsed.size >= PARSED_MAX) parsed.clear();
  parsed.set(text, range && Object.freeze(range));
  return range;
}

function parseRangeOnce(text: string): IpRange | undefined {
  const [addrText, prefixText, extra] = text.trim().split('/');
  if (extra !== undefined || addrText === undefined || !ipaddr.isValid(addrText)) return undefined;
  const addr = ipaddr.parse(addrText);
  const version = addr.kind() === 'ipv4' ? 4 : 6;
  const bits = version === 4 ? 32 : 128;
  if (version === 4 && !ipaddr.IPv4.isValidFourPartDecimal(addrText)) return undefined;
  let prefix = bits;
  if (prefixText !== undefined) {
    if (!/^\d{1,3}$/.test(prefixText)) return undefined;
    prefix = Number(prefixText);
    if (prefix > bits) return undefined;
  }
  const value = bytesToBigint(addr.toByteArray());
  const size = 1n << BigInt(bits - prefix);
  const start = value - (value % size);
  return { version, start, end: start + size - 1n, prefix, text: text.trim() };
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

const BITS = { 4: 32, 6: 128 } as const;

/**
 * One IP address in canonical form: four-part decimal IPv4 (ipaddr.js alone also takes "10.1" or hex parts, which AWS
 * rejects) or IPv6 without a zone id.
 */
export function parseAddress(text: string): Parsed<IpRange> {
  const bad = { ok: false as const, message: `"${text}" is not an IP address` };
  if (typeof text !== 'string' || text.includes('/') || text.includes('%')) return bad;
  if (!ipaddr.IPv4.isValidFourPartDecimal(text) && !(text.includes(':') && ipaddr.IPv6.isValid(text))) return bad;
  const r = parseRange(text);
  return r ? { ok: true, value: r } : bad;
}

/** A network in CIDR notation; host bits under the prefix are refused, naming the network address. */
export function parseCidr(text: string): Parsed<IpRange> {
  if (typeof text !== 'string') return { ok: false, message: 'expected a CIDR such as 10.0.0.0/16' };
  const slash = text.indexOf('/');
  if (slash < 0) {
    const ip = parseAddress(text);
    const hint = ip.ok ? ` (a single address is written ${text}/${BITS[ip.value.version]})` : '';
    return { ok: false, message: `"${text}" is not a CIDR${hint}` };
  }
  const addr = parseAddress(text.slice(0, slash));
  const prefixText = text.slice(slash + 1);
  if (!addr.ok || !/^\d{1,3}$/.test(prefixText))
    return { ok: false, message: `"${text}" is not a CIDR such as 10.0.0.0/16` };
  const prefix = Number(prefixText);
  const bits = BITS[addr.value.version];
  if (prefix > bits) return { ok: false, message: `"${text}": prefix length /${prefix} is longer than ${bits} bits` };
  const r = parseRange(text);
  if (!r) return { ok: false, message: `"${text}" is not a CIDR such as 10.0.0.0/16` };
  if (r.start !== addr.value.start) {
    return { ok: false, message: `"${text}" has host bits set; the network address is ${formatRange(r)}` };
  }
  return { ok: true, value: r };
}

/** A range in canonical CIDR form: "10.0.0.0/16", "2001:db8::/32". */
export function formatRange(r: IpRange): string {
  return `${nthAddress(r, 0)}/${r.prefix}`;
}

/**
 * Does the CIDR `outer` hold all of `inner` (a CIDR or a single address)? False when either does not parse. The one
 * answer for every caller: a bare address is its /32 (or /128).
 */
export function cidrContains(outer: string, inner: string): boolean {
  const o = parseRange(outer);
  const i = parseRange(inner);
  return o !== undefined && i !== undefined && contains(o, i);
}

/** Like parseRange but throws: for values the sources have already validated. */
export function range(text: string): IpRange {
  const r = parseRange(text);
  if (!r) throw new Error(`invalid CIDR or address: ${text}`);
  return r;
}

/** True when the CIDR has host bits set (10.0.0.1/16): AWS rejects those. */
export function hasHostBits(text: string): boolean {
  const [addrText] = text.split('/');
  const r = parseRange(text);
  if (!r || addrText === undefined) return false;
  return bytesToBigint(ipaddr.parse(addrText).toByteArray()) !== r.start;
}

export function contains(outer: IpRange, inner: IpRange): boolean {
  return outer.version === inner.version && outer.start <= inner.start && inner.end <= outer.end;
}

export function overlaps(a: IpRange, b: IpRange): boolean {
  return a.version === b.version && a.start <= b.end && b.start <= a.end;
}

/** The whole address family: what "anywhere on the internet" means for a source we cannot pin down. */
export const ANY_V4 = range('0.0.0.0/0');

/** Address space never routed on the public internet: RFC 1918, shared CGNAT space (RFC 6598), unique local IPv6. */
const PRIVATE_BLOCKS = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10', 'fc00::/7'].map(range);

/** The private block that holds the whole range (10.0.0.0/8, …, fc00::/7), or undefined when it is not private. */
export function privateBlockOf(r: IpRange): IpRange | undefined {
  return PRIVATE_BLOCKS.find((p) => contains(p, r));
}

/** Private (RFC 1918, CGNAT, unique local) space is never routed on the public internet. */
export function isPrivate(r: IpRange): boolean {
  return privateBlockOf(r) !== undefined;
}

/** The n-th address of a range as text, e.g. the VPC resolver at base + 2. */
export function nthAddress(r: IpRange, n: number): string {
  const v = r.start + BigInt(n);
  if (r.version === 4) return [24n, 16n, 8n, 0n].map((s) => Number((v >> s) & 255n)).join('.');
  const parts: string[] = [];
  for (let s = 112n; s >= 0n; s -= 16n) parts.push(((v >> s) & 0xffffn).toString(16));
  return ipaddr.parse(parts.join(':')).toString();
}

export interface Prefixed<T> {
  range: IpRange;
  value: T;
}

/**
 * Longest-prefix match: among the entries whose range contains the whole destination range, the most specific.
 * Route tables are small (tens of entries), so a scan is faster than building a trie per lookup.
 */
export function longestPrefixMatch<T>(entries: readonly Prefixed<T>[], dst: IpRange): Prefixed<T> | undefined {
  let best: Prefixed<T> | undefined;
  for (const e of entries) {
    if (contains(e.range, dst) && (!best || e.range.prefix > best.range.prefix)) best = e;
  }
  return best;
}
