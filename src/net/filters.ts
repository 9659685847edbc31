// Security groups (stateful, allow-only) and network ACLs (stateless, ordered allow/deny) as pure evaluations.
import type { NaclRule, NetworkAcl, Protocol, SgRule } from '../model/types.js';
import { contains, overlaps, type IpRange } from './cidr.js';
import type { Network } from './network.js';

export type FlowProtocol = 'tcp' | 'udp';

/** The far side of a flow as a filter sees it: an address range and, inside AWS, the security groups it carries. */
export interface Remote {
  range: IpRange;
  securityGroups?: readonly string[];
}

export interface SgVerdict {
  result: 'allowed' | 'denied' | 'unknown';
  /** The rule that allowed it, or the rule that covers the remote only in part (unknown). */
  rule?: SgRule;
  group?: string;
  /** Why it is unknown. */
  unknown?: 'partial' | 'prefix-list' | 'group-not-in-input';
}

function protoMatches(ruleProto: Protocol, proto: FlowProtocol): boolean {
  return ruleProto === 'all' || ruleProto === proto;
}

function portMatches(rule: { protocol: Protocol; fromPort: number; toPort: number }, port: number): boolean {
  return rule.protocol === 'all' || (rule.fromPort <= port && port <= rule.toPort);
}

type PeerMatch = 'full' | 'partial' | 'none' | 'unknown';

/** Does a rule's protocol and port range take this flow, whoever sends it? */
export function rulePermitsPort(rule: SgRule, proto: FlowProtocol, port: number): boolean {
  return protoMatches(rule.protocol, proto) && portMatches(rule, port);
}

/** Does one allow rule (security group or firewall, stateful) let the flow through, for the whole remote range? */
export function ruleMatch(net: Network, rule: SgRule, proto: FlowProtocol, port: number, remote: Remote): PeerMatch {
  if (!protoMatches(rule.protocol, proto) || !portMatches(rule, port)) return 'none';
  return peerMatches(net, rule, remote);
}

/**
 * Allow lists (security group rules, a site firewall, a home router): one rule that covers the whole remote range is
 * enough; a rule that covers part of it cannot decide for all of it (unknown).
 */
export function evaluateAllowRules(
  net: Network,
  rules: readonly SgRule[],
  proto: FlowProtocol,
  port: number,
  remote: Remote,
): SgVerdict {
  let partial: SgVerdict | undefined;
  for (const rule of rules) {
    const m = ruleMatch(net, rule, proto, port, remote);
    if (m === 'full') return { result: 'allowed', rule };
    if (m === 'partial' && !partial) partial = { result: 'unknown', rule, unknown: 'partial' };
    if (m === 'unknown' && !partial) partial = { result: 'unknown', rule, unknown: 'prefix-list' };
  }
  return partial ?? { result: 'denied' };
}

function peerMatches(net: Network, rule: SgRule, remote: Remote): PeerMatch {
  const peer = rule.peer;
  if (peer.kind === 'sg') return remote.securityGroups?.includes(peer.id) ? 'full' : 'none';
  if (peer.kind === 'cidr') {
    // Most rules name one CIDR: no list made per rule and flow.
    const r = net.range(peer.cidr);
    return contains(r, remote.range) ? 'full' : overlaps(r, remote.range) ? 'partial' : 'none';
  }
  const ranges = net.prefixListRanges(peer.id);
  if (!ranges) return 'unknown';
  if (ranges.some((r) => contains(r, remote.range))) return 'full';
  return ranges.some((r) => overlaps(r, remote.range)) ? 'partial' : 'none';
}

/**
 * Does any of the groups allow this flow? Security groups only allow, so one matching rule in any group is enough.
 * A rule covering only part of the remote range cannot decide for the whole range: the verdict is then unknown.
 */
export function evaluateSecurityGroups(
  net: Network,
  groupIds: readonly string[],
  direction: 'ingress' | 'egress',
  proto: FlowProtocol,
  port: number,
  remote: Remote,
): SgVerdict {
  let partial: SgVerdict | undefined;
  for (const id of groupIds) {
    const sg = net.securityGroups.get(id);
    // A group known only by its id (rules not read) decides nothing, as one the input lacks.
    if (!sg || sg.rulesUnknown !== undefined) return { result: 'unknown', group: id, unknown: 'group-not-in-input' };
    const v = evaluateAllowRules(net, sg[direction], proto, port, remote);
    if (v.result === 'allowed') return { ...v, group: id };
    if (v.result === 'unknown' && !partial) partial = { ...v, group: id };
  }
  return partial ?? { result: 'denied' };
}

export interface AclVerdict {
  result: 'allowed' | 'denied' | 'partial' | 'unknown';
  /** The rules that decided (the first deny, or the allows), or undefined for the implicit final deny. */
  rules: NaclRule[];
  /** Port ranges that end up denied, for messages. */
  deniedPorts: [number, number][];
  /** The rule that covers the remote range only in part (unknown). */
  partialRule?: NaclRule;
  /** Why the ACL's rules are not known at all (unknown): the source could not read them. */
  rulesUnknown?: string;
}

/** An ACL's rules in the order they are checked, sorted once per ACL and direction (flows cross ACLs by the thousand). */
const sortedRules = new WeakMap<NetworkAcl, { ingress?: NaclRule[]; egress?: NaclRule[] }>();
function byNumber(acl: NetworkAcl, direction: 'ingress' | 'egress'): NaclRule[] {
  let sorted = sortedRules.get(acl);
  if (!sorted) {
    sorted = {};
    sortedRules.set(acl, sorted);
  }
  return (sorted[direction] ??= [...acl[direction]].sort((a, b) => a.number - b.number));
}

/**
 * A network ACL checks rules by number, first match wins, and ends in an implicit deny. The flow's destination
 * port may be a range (return traffic to ephemeral ports), so each rule decides the part of the range it covers.
 */
export function evaluateAcl(
  acl: NetworkAcl | undefined,
  direction: 'ingress' | 'egress',
  proto: FlowProtocol,
  ports: [number, number],
  remote: IpRange,
  net: Network,
): AclVerdict {
  if (!acl) return { result: 'allowed', rules: [], deniedPorts: [] };
  if (acl.rulesUnknown !== undefined)
    return { result: 'unknown', rules: [], deniedPorts: [], rulesUnknown: acl.rulesUnknown };
  const rules = byNumber(acl, direction);
  let remaining: [number, number][] = [ports];
  const deciding: NaclRule[] = [];
  const denied: [number, number][] = [];
  let allowedAny = false;
  for (const rule of rules) {
    if (remaining.length === 0) break;
    if (!protoMatches(rule.protocol, proto)) continue;
    const r = net.range(rule.cidr);
    if (!contains(r, remote)) {
      if (overlaps(r, remote)) {
        return {
          result: 'unknown',
          rules: [rule],
          deniedPorts: [],
          partialRule: rule,
        };
      }
      continue;
    }
    const lo = rule.protocol === 'all' ? 0 : rule.fromPort;
    const hi = rule.protocol === 'all' ? 65535 : rule.toPort;
    const next: [number, number][] = [];
    for (const [a, b] of remaining) {
      const s = Math.max(a, lo);
      const e = Math.min(b, hi);
      if (s > e) {
        next.push([a, b]);
        continue;
      }
      deciding.push(rule);
      if (rule.action === 'allow') allowedAny = true;
      else denied.push([s, e]);
      if (a < s) next.push([a, s - 1]);
      if (e < b) next.push([e + 1, b]);
    }
    remaining = next;
  }
  denied.push(...remaining);
  const uniqueRules = deciding.length < 2 ? deciding : [...new Set(deciding)];
  if (denied.length === 0) return { result: 'allowed', rules: uniqueRules, deniedPorts: [] };
  return {
    result: allowedAny ? 'partial' : 'denied',
    rules: uniqueRules.filter((r) => r.action === 'deny'),
    deniedPorts: denied,
  };
}
