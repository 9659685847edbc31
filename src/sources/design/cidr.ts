// CIDR and address parsing for the design file. ipaddr.js does the parsing; the arithmetic is done here on bigints
// so that IPv4 and IPv6 share one code path. Only canonical forms are accepted: four-part decimal IPv4 (ipaddr.js
// would also take "10.1" or hex parts, which AWS rejects), no IPv6 zone ids, no host bits under the prefix.
import ipaddr from 'ipaddr.js';

export interface Network {
  version: 4 | 6;
  /** Network address as an integer. */
  base: bigint;
  prefix: number;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

function bitsOf(version: 4 | 6): number {
  return version === 4 ? 32 : 128;
}

function toBigInt(bytes: number[]): bigint {
  let n = 0n;
  for (const b of bytes) n = (n << 8n) | BigInt(b);
  return n;
}

function fromBigInt(n: bigint, version: 4 | 6): string {
  const count = version === 4 ? 4 : 16;
  const bytes: number[] = [];
  for (let i = count - 1; i >= 0; i--) bytes.push(Number((n >> BigInt(i * 8)) & 0xffn));
  return ipaddr.fromByteArray(bytes).toString();
}

/** Parses one IP address (no prefix). */
export function parseIp(text: string): Parsed<{ version: 4 | 6; value: bigint }> {
  if (typeof text !== 'string' || text.includes('/') || text.includes('%')) {
    return { ok: false, message: `"${text}" is not an IP address` };
  }
  if (ipaddr.IPv4.isValidFourPartDecimal(text)) {
    return { ok: true, value: { version: 4, value: toBigInt(ipaddr.IPv4.parse(text).toByteArray()) } };
  }
  if (ipaddr.IPv6.isValid(text)) {
    return { ok: true, value: { version: 6, value: toBigInt(ipaddr.IPv6.parse(text).toByteArray()) } };
  }
  return { ok: false, message: `"${text}" is not an IP address` };
}

function hostMask(version: 4 | 6, prefix: number): bigint {
  return (1n << BigInt(bitsOf(version) - prefix)) - 1n;
}

/** Parses a network in CIDR notation; rejects host bits set under the prefix, naming the network address. */
export function parseCidr(text: string): Parsed<Network> {
  if (typeof text !== 'string') return { ok: false, message: `expected a CIDR such as 10.0.0.0/16` };
  const slash = text.indexOf('/');
  if (slash < 0) {
    const ip = parseIp(text);
    const hint = ip.ok ? ` (a single address is written ${text}/${ip.value.version === 4 ? 32 : 128})` : '';
    return { ok: false, message: `"${text}" is not a CIDR${hint}` };
  }
  const addr = parseIp(text.slice(0, slash));
  const prefixText = text.slice(slash + 1);
  if (!addr.ok || !/^\d{1,3}$/.test(prefixText)) {
    return { ok: false, message: `"${text}" is not a CIDR such as 10.0.0.0/16` };
  }
  const { version, value } = addr.value;
  const prefix = Number(prefixText);
  if (prefix > bitsOf(version)) {
    return { ok: false, message: `"${text}": prefix length /${prefix} is longer than ${bitsOf(version)} bits` };
  }
  const base = value & ~hostMask(version, prefix);
  if (base !== value) {
    const network = `${fromBigInt(base, version)}/${prefix}`;
    return { ok: false, message: `"${text}" has host bits set; the network address is ${network}` };
  }
  return { ok: true, value: { version, base, prefix } };
}

export function formatNetwork(n: Network): string {
  return `${fromBigInt(n.base, n.version)}/${n.prefix}`;
}

/** True when `inner` lies entirely inside `outer`. */
export function networkContains(outer: Network, inner: Network): boolean {
  if (outer.version !== inner.version || inner.prefix < outer.prefix) return false;
  return (inner.base & ~hostMask(outer.version, outer.prefix)) === outer.base;
}

export function networksOverlap(a: Network, b: Network): boolean {
  return networkContains(a, b) || networkContains(b, a);
}

export function networkHasIp(n: Network, ip: { version: 4 | 6; value: bigint }): boolean {
  return n.version === ip.version && (ip.value & ~hostMask(n.version, n.prefix)) === n.base;
}

/** Convenience for callers holding strings that were validated already; false when either does not parse. */
export function cidrHasIp(cidr: string, ip: string): boolean {
  const n = parseCidr(cidr);
  const a = parseIp(ip);
  return n.ok && a.ok && networkHasIp(n.value, a.value);
}

export function cidrContains(outer: string, inner: string): boolean {
  const o = parseCidr(outer);
  const i = parseCidr(inner);
  return o.ok && i.ok && networkContains(o.value, i.value);
}
