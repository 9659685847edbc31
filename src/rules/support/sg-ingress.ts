// Which of the four streaming flows (TCP/UDP × 443/4195) the endpoint's security groups let in from one source.
// Security groups are plain allow lists (the union of all rules of all groups), so this is a lookup, not routing;
// the path to the endpoint (routes, NACLs, DNS) is the connection engine's job.
import type { Model, SgRule } from '../../model/types.js';
import { cidrContains } from './cidr.js';

export interface StreamingFlow {
  protocol: 'tcp' | 'udp';
  port: 443 | 4195;
}

export const STREAMING_FLOWS: readonly StreamingFlow[] = [
  { protocol: 'udp', port: 4195 },
  { protocol: 'udp', port: 443 },
  { protocol: 'tcp', port: 4195 },
  { protocol: 'tcp', port: 443 },
];

export function flowName(f: StreamingFlow): string {
  return `${f.protocol.toUpperCase()} ${f.port}`;
}

/** A client source: an address range, plus the security groups it is a member of (when it is an instance). */
export interface Source {
  cidr: string;
  memberOf: readonly string[];
}

function peerCovers(model: Readonly<Model>, rule: SgRule, source: Source): boolean {
  const peer = rule.peer;
  switch (peer.kind) {
    case 'cidr':
      return cidrContains(peer.cidr, source.cidr);
    case 'sg':
      return source.memberOf.includes(peer.id);
    case 'prefix-list': {
      const list = model.prefixLists.find((p) => p.id === peer.id || p.name === peer.id);
      return list !== undefined && list.cidrs.some((c) => cidrContains(c, source.cidr));
    }
  }
}

function ruleAllows(rule: SgRule, flow: StreamingFlow): boolean {
  const protocolOk = rule.protocol === 'all' || rule.protocol === flow.protocol;
  return protocolOk && rule.fromPort <= flow.port && flow.port <= rule.toPort;
}

/** The flows any of the groups let in from the source; `anySource` ignores the peer (no client is known). */
export function allowedFlows(
  model: Readonly<Model>,
  groups: readonly string[],
  source: Source | 'anySource',
): StreamingFlow[] {
  const rules = model.securityGroups.filter((g) => groups.includes(g.id)).flatMap((g) => g.ingress);
  return STREAMING_FLOWS.filter((flow) =>
    rules.some((r) => ruleAllows(r, flow) && (source === 'anySource' || peerCovers(model, r, source))),
  );
}
