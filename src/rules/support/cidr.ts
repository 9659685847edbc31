// CIDR containment for security-group peers. A source range counts as allowed only when the rule's range holds
// all of it: a partly covered client network has clients that are blocked.
import ipaddr from 'ipaddr.js';

type Range = [ipaddr.IPv4 | ipaddr.IPv6, number];

function parseRange(text: string): Range | undefined {
  try {
    if (text.includes('/')) return ipaddr.parseCIDR(text);
    const addr = ipaddr.parse(text);
    return [addr, addr.kind() === 'ipv4' ? 32 : 128];
  } catch {
    return undefined;
  }
}

/** True when every address of `inner` (a CIDR or a single address) lies inside `outer` (a CIDR). */
export function cidrContains(outer: string, inner: string): boolean {
  const o = parseRange(outer);
  const i = parseRange(inner);
  if (!o || !i || o[0].kind() !== i[0].kind()) return false;
  return i[1] >= o[1] && i[0].match(o);
}
