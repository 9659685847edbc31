// The compact rule strings of the design file.
//   security group / firewall:  PROTO[:PORT[-PORT]] from|to PEER        e.g. "tcp:443 from 10.0.0.0/16"
//   network ACL:                NUMBER allow|deny PROTO[:PORT[-PORT]] from|to CIDR   e.g. "100 allow udp:4195 from 10.0.0.0/16"
// PROTO is tcp, udp, icmp or all. No port means every port (0-65535); `all` takes no port. Ingress rules read
// `from`, egress rules `to`, so a rule says which way it points when read alone.
import type { Protocol } from '../../model/types.js';

export type Direction = 'ingress' | 'egress';

export interface RuleSyntaxError {
  code: 'bad-rule' | 'unknown-value' | 'bad-port';
  message: string;
}

export interface ParsedTraffic {
  protocol: Protocol;
  fromPort: number;
  toPort: number;
  peer: string;
}

export interface ParsedNaclRule extends ParsedTraffic {
  number: number;
  action: 'allow' | 'deny';
}

const PROTOCOLS: readonly Protocol[] = ['tcp', 'udp', 'icmp', 'all'];
const ALL_PORTS = { fromPort: 0, toPort: 65535 };

function keywordFor(direction: Direction): 'from' | 'to' {
  return direction === 'ingress' ? 'from' : 'to';
}

function parsePorts(
  proto: Protocol,
  ports: string | undefined,
): { fromPort: number; toPort: number } | RuleSyntaxError {
  if (ports === undefined) return ALL_PORTS;
  if (proto === 'all')
    return { code: 'bad-rule', message: '`all` covers every protocol and port; write it without a port' };
  const m = /^(\d+)(?:-(\d+))?$/.exec(ports);
  if (!m) return { code: 'bad-port', message: `"${ports}" is not a port or a PORT-PORT range` };
  const fromPort = Number(m[1]);
  const toPort = m[2] === undefined ? fromPort : Number(m[2]);
  if (fromPort > 65535 || toPort > 65535) return { code: 'bad-port', message: `port ${ports} is outside 0-65535` };
  if (fromPort > toPort) return { code: 'bad-port', message: `port range ${ports} starts after it ends` };
  return { fromPort, toPort };
}

/** Parses "PROTO[:PORT[-PORT]] from|to PEER"; the peer is returned as written, for the caller to resolve. */
export function parseTrafficRule(text: string, direction: Direction): ParsedTraffic | RuleSyntaxError {
  const words = text.trim().split(/\s+/);
  const expected = keywordFor(direction);
  if (words.length !== 3 || (words[1] !== 'from' && words[1] !== 'to')) {
    return { code: 'bad-rule', message: `"${text}" does not read PROTO[:PORT[-PORT]] ${expected} PEER` };
  }
  const [protoPart = '', keyword, peer = ''] = words;
  if (keyword !== expected) {
    return { code: 'bad-rule', message: `"${text}": ${direction} rules read \`${expected}\`, not \`${keyword}\`` };
  }
  const colon = protoPart.indexOf(':');
  const protoText = (colon < 0 ? protoPart : protoPart.slice(0, colon)).toLowerCase();
  const protocol = PROTOCOLS.find((p) => p === protoText);
  if (!protocol) {
    return { code: 'unknown-value', message: `unknown protocol "${protoText}" (expected tcp, udp, icmp or all)` };
  }
  const ports = parsePorts(protocol, colon < 0 ? undefined : protoPart.slice(colon + 1));
  if ('code' in ports) return ports;
  return { protocol, ...ports, peer };
}

/** Parses "NUMBER allow|deny PROTO[:PORT[-PORT]] from|to CIDR". */
export function parseNaclRule(text: string, direction: Direction): ParsedNaclRule | RuleSyntaxError {
  const m = /^\s*(\d+)\s+(\S+)\s+(.*)$/.exec(text);
  if (!m) {
    return {
      code: 'bad-rule',
      message: `"${text}" does not read NUMBER allow|deny PROTO[:PORT[-PORT]] ${keywordFor(direction)} CIDR`,
    };
  }
  const number = Number(m[1]);
  if (number < 1 || number > 32766) {
    return { code: 'bad-rule', message: `rule number ${m[1]} is outside 1-32766` };
  }
  const action = m[2]?.toLowerCase();
  if (action !== 'allow' && action !== 'deny') {
    return { code: 'unknown-value', message: `unknown action "${m[2]}" (expected allow or deny)` };
  }
  const traffic = parseTrafficRule(m[3] ?? '', direction);
  if ('code' in traffic) return traffic;
  return { number, action, ...traffic };
}

function formatProto(protocol: Protocol, fromPort: number, toPort: number): string {
  if (protocol === 'all' || (fromPort === 0 && toPort === 65535)) return protocol;
  return fromPort === toPort ? `${protocol}:${fromPort}` : `${protocol}:${fromPort}-${toPort}`;
}

export function formatTrafficRule(r: ParsedTraffic, direction: Direction): string {
  return `${formatProto(r.protocol, r.fromPort, r.toPort)} ${keywordFor(direction)} ${r.peer}`;
}

export function formatNaclRule(r: ParsedNaclRule, direction: Direction): string {
  return `${r.number} ${r.action} ${formatTrafficRule(r, direction)}`;
}
