// What kind of address a DNS answer is. The private name should lead to the endpoint's network interfaces: private
// IPv4 addresses (record IP type ipv4), or the VPC's IPv6 addresses (type ipv6), which are global unicast.
import { contains, parseAddress, parseRange, privateBlockOf } from '../net/cidr.js';

export type AddressKind = 'private' | 'public' | 'loopback' | 'link-local' | 'invalid';

export interface AddressClass {
  address: string;
  kind: AddressKind;
  /** For private addresses: the block that holds it (10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16, 100.64.0.0/10, fc00::/7). */
  block?: string;
  version?: 4 | 6;
}

const LOOPBACK = ['127.0.0.0/8', '::1/128'].map((c) => parseRange(c));
const LINK_LOCAL = ['169.254.0.0/16', 'fe80::/10'].map((c) => parseRange(c));

export function classifyAddress(address: string): AddressClass {
  const parsed = parseAddress(address);
  if (!parsed.ok) return { address, kind: 'invalid' };
  const r = parsed.value;
  const within = (list: typeof LOOPBACK) => list.some((b) => b !== undefined && contains(b, r));
  if (within(LOOPBACK)) return { address, kind: 'loopback', version: r.version };
  if (within(LINK_LOCAL)) return { address, kind: 'link-local', version: r.version };
  const block = privateBlockOf(r);
  if (block) return { address, kind: 'private', block: block.text, version: r.version };
  return { address, kind: 'public', version: r.version };
}

/** A phrase for a list of answers: "10.0.21.217 (private, 10.0.0.0/8)". */
export function describeAddress(c: AddressClass): string {
  if (c.kind === 'private') return `${c.address} (private, ${c.block ?? ''})`;
  if (c.kind === 'public' && c.version === 6) return `${c.address} (global IPv6)`;
  return `${c.address} (${c.kind})`;
}

/**
 * Whether an answer can be an endpoint interface: private IPv4, or any unicast IPv6 (a VPC's IPv6 space is global).
 * A public IPv4 answer for the private name is not AWS's private zone talking.
 */
export function couldBeEndpoint(c: AddressClass): boolean {
  return c.kind === 'private' || (c.kind === 'public' && c.version === 6);
}
