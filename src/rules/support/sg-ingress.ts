// Which of the four streaming flows (TCP/UDP × 443/4195) the endpoint's security groups let in from one source,
// decided by the data plane's one security-group evaluator (src/net/filters.ts). Security groups are plain allow
// lists, so this is a lookup, not routing; the path to the endpoint (routes, NACLs, DNS) is the connection engine's.
import type { Model } from '../../model/types.js';
import { evaluateSecurityGroups, rulePermitsPort } from '../../net/filters.js';
import { Network } from '../../net/network.js';
import { STREAMING_FLOWS, type StreamingFlow } from '../../workspaces/knowledge.js';

export { STREAMING_FLOWS, type StreamingFlow };

export function flowName(f: StreamingFlow): string {
  return `${f.protocol.toUpperCase()} ${f.port}`;
}

/** A client source: an address range, plus the security groups it is a member of (when it is an instance). */
export interface Source {
  cidr: string;
  memberOf: readonly string[];
}

const networks = new WeakMap<object, Network>();

function networkOf(model: Readonly<Model>): Network {
  let net = networks.get(model);
  if (!net) {
    net = new Network(model);
    networks.set(model, net);
  }
  return net;
}

export interface AllowedFlows {
  allowed: StreamingFlow[];
  /** Flows a rule covers for only part of the source, or through a prefix list the input lacks: undecided. */
  unknown: StreamingFlow[];
}

/** The flows any of the groups let in from the source; `anySource` ignores the peer (no client is known). */
export function allowedFlows(
  model: Readonly<Model>,
  groups: readonly string[],
  source: Source | 'anySource',
): AllowedFlows {
  const net = networkOf(model);
  const out: AllowedFlows = { allowed: [], unknown: [] };
  for (const flow of STREAMING_FLOWS) {
    if (source === 'anySource') {
      const rules = groups.flatMap((g) => net.securityGroups.get(g)?.ingress ?? []);
      if (rules.some((r) => rulePermitsPort(r, flow.protocol, flow.port))) out.allowed.push(flow);
      // A group whose rules the input lacks might allow it: undecided, not missing.
      else if (groups.some((g) => net.securityGroups.get(g)?.rulesUnknown !== undefined || !net.securityGroups.has(g)))
        out.unknown.push(flow);
      continue;
    }
    const remote = { range: net.range(source.cidr), securityGroups: source.memberOf };
    const v = evaluateSecurityGroups(net, groups, 'ingress', flow.protocol, flow.port, remote);
    if (v.result === 'allowed') out.allowed.push(flow);
    else if (v.result === 'unknown') out.unknown.push(flow);
  }
  return out;
}
