// The words for a trace's hops, steps, warnings and session fates, made from their typed facts. Reporters (text,
// JSON, matrix, whatif, the dashboard) call these; nothing below src/report/ writes a sentence.
import type { Hop } from '../net/trace-types.js';
import type { FateReason } from '../workspaces/lifecycle.js';
import type { Blocker, BrokerNote, ProbeResult, StepNote, TraceStep, TraceWarning } from '../workspaces/types.js';
import { aclRuleText, blockerText, portRangesText, sgRuleText } from './reason-text.js';

const LINK = { vpn: 'VPN', 'direct-connect': 'DX' } as const;

/** What a hop evaluated, as a short label: "security group ingress", "route", "network ACL inbound (return)". */
export function hopAction(h: Hop): string {
  const d = h.decision;
  switch (h.evaluated) {
    case 'security-group':
      return `security group ${h.direction === 'inbound' ? 'ingress' : 'egress'}`;
    case 'network-acl':
      return d.code === 'acl-return-denied' ? `network ACL ${d.aclDirection} (return)` : `network ACL ${h.direction}`;
    case 'firewall':
      return 'firewall egress';
    case 'route':
      return 'route';
    case 'transit-gateway-route':
      return 'transit gateway route';
    case 'nat':
      return 'NAT';
    case 'peering':
      return 'VPC peering';
    case 'vpn':
    case 'direct-connect':
      return `${LINK[h.evaluated]} to ${d.code === 'to-vgw' ? 'virtual private gateway' : 'transit gateway'}`;
    case 'internet':
      return 'internet';
    case 'internet-breakout':
      return 'internet breakout';
    case 'dns-public':
      return 'DNS (public)';
    case 'dns-private-zone':
      return 'DNS (private zone)';
    case 'dns-resolver':
      return 'DNS';
    case 'resolver-rule':
      return 'resolver forwarding rule';
    case 'dns-forwarder':
      return 'conditional forwarder';
    case 'inbound-resolver-endpoint':
      return 'inbound resolver endpoint';
  }
}

/** The rule, route or answer that decided a hop, as the user wrote it. */
export function hopDetail(h: Hop): string {
  const d = h.decision;
  switch (d.code) {
    case 'sg-rule':
      return sgRuleText(d.rule, d.direction);
    case 'sg-no-rule':
      return `no ${d.direction} rule allows ${d.flow.protocol.toUpperCase()} ${d.flow.port} ${d.flow.toward} ${d.flow.remote}`;
    case 'sg-none-attached':
      return `${d.node} has no security groups, so nothing is allowed`;
    case 'sg-not-given':
      return 'the input names no security groups';
    case 'sg-established':
      return 'existing connection: tracked by the security group';
    case 'filter-partial':
      return d.rule && 'number' in d.rule
        ? `rule ${d.rule.number} covers only part of ${d.remote}`
        : `a rule covers only part of ${d.remote}`;
    case 'prefix-list-unknown':
      return 'prefix list of a rule is not in the input';
    case 'sg-unknown-group':
      return `security group ${d.group} is not in the input`;
    case 'acl-rules':
      return d.rules.map(aclRuleText).join('; ');
    case 'acl-rule-denies':
      return `rule ${aclRuleText(d.rule)}`;
    case 'acl-implicit-deny':
      return 'no rule allows it (implicit deny *)';
    case 'acl-rules-unknown':
      return `its rules are unknown: ${d.reason}`;
    case 'acl-return-denied':
      return `return traffic to ports ${portRangesText(d.ports)} is denied${d.rule ? ` by rule ${aclRuleText(d.rule)}` : ' (implicit deny *)'}`;
    case 'firewall-rule':
      return sgRuleText(d.rule, 'egress');
    case 'firewall-no-rule':
      return `no rule allows ${d.flow.protocol.toUpperCase()} ${d.flow.port} to ${d.flow.remote}`;
    case 'route':
      return `${d.destination} -> ${d.target}`;
    case 'tgw-route':
      return `${d.destination} -> ${d.attachment}${d.propagated ? ' (propagated)' : ''}`;
    case 'nat-source':
      return `source becomes ${d.publicIp ?? (d.gateway ? 'its elastic IP' : 'its public IP')}`;
    case 'peering':
      return `${d.from} -> ${d.to}`;
    case 'to-vgw':
      return `${d.address} is in ${d.vpc}`;
    case 'to-tgw':
      return `via ${d.attachment}`;
    case 'to-internet':
      return `to ${d.address}`;
    case 'breakout':
      return `source becomes ${d.publicIp ?? 'the site public address'}`;
    case 'public-answer':
      return d.answer === 'resolves'
        ? `${d.name} resolves to AWS public addresses`
        : d.answer === 'not-public'
          ? `${d.name} is not publicly resolvable: only the resolver of the endpoint's VPC answers it (AWS guide)`
          : `what public DNS answers for ${d.name} is not known`;
    case 'vpc-dns-off':
      return 'DNS support is off for the VPC';
    case 'resolver-rule':
      return `${d.domain} -> ${d.to.join(', ')} via ${d.via}`;
    case 'zone-answer':
      return `${d.name} -> ${d.addresses.join(', ') || 'no records'} (zone of ${d.owner})`;
    case 'forwarder':
      return `${d.domain} -> ${d.to.join(', ')}`;
    case 'inbound-endpoint':
      return `query answered by the resolver of ${d.vpc}`;
  }
}

function causesText(causes: readonly Blocker[]): string {
  return causes.map((b) => `${b.resource}: ${blockerText(b)}`).join('; ');
}

const UNSUPPORTED_SUMMARY: Record<string, string> = {
  'pools-directory': 'WorkSpaces Pools cannot stream through an interface endpoint',
  'fips-encryption': 'FIPS endpoint encryption is not supported with a streaming endpoint',
  'access-endpoint-type': 'the access endpoint type is wrong',
  'wrong-endpoint-service': 'the directory points at an endpoint that is not the streaming service',
  'endpoint-other-account': 'the endpoint is not in the directory account',
  'endpoint-shared-vpc': 'the endpoint is not in the directory account',
  'dns-record-ip-type': 'the endpoint DNS record IP type is not supported',
};

export function brokerNoteText(n: BrokerNote): string {
  switch (n.code) {
    case 'endpoint-not-in-input':
      return 'the directory names an endpoint the input does not hold';
    case 'access-properties-unknown':
      return 'whether the directory streams through an endpoint is not known (its access properties were not read)';
    case 'access-endpoint-without-id':
      return 'access endpoint without an endpoint id';
    case 'protocol-unknown':
      return 'the WorkSpace protocol is not known';
    case 'setting-unknown':
      return 'a directory setting the broker checks is not known';
    case 'unsupported':
      return UNSUPPORTED_SUMMARY[n.reason.code] ?? 'the configuration is not supported';
    case 'resource-not-found':
      return 'broker answers RESOURCE_NOT_FOUND (seed 4-4)';
    case 'pcoip-gateways':
      return 'PCoIP streams over the internet to the PCoIP gateways (TCP and UDP 4172)';
    case 'pcoip-fallback':
      return 'PCoIP falls back to the internet (InternetFallbackProtocols: PCOIP)';
    case 'dcv-gateways':
      return 'no streaming endpoint on the directory: DCV streams over the internet to the public DCV gateways';
    case 'private-endpoint':
      return `streaming endpoint ${n.endpoint} is set: the broker offers only the private name (no public gateway)`;
  }
}

function probeSummary(probes: readonly ProbeResult[]): string {
  return probes
    .map(
      (p) =>
        `${p.transport} ${p.port}${p.address ? ` ${p.address}` : ''}: ${p.reachable === true ? 'reachable' : p.reachable === 'unknown' ? 'unknown' : 'blocked'}`,
    )
    .join('; ');
}

const DNS_FAILED: Record<string, string> = {
  nxdomain: 'the name does not resolve',
  failed: 'the lookup fails',
  unknown: 'the lookup cannot be decided',
  public: 'the name resolves only on public DNS',
  private: 'the name resolves',
};

/** A step's one-line story. Probes are passed for the probe step's summary. */
export function stepDetail(step: TraceStep, probes: readonly ProbeResult[] = []): string {
  const n: StepNote = step.note;
  switch (n.code) {
    case 'internet-ok':
      return `TCP 443 reaches the internet${n.publicSource ? `, leaving from ${n.publicSource}` : ''}; the registration code resolves over HTTPS`;
    case 'internet-blocked':
      return `no internet path on TCP 443 for the registration service: ${n.causes.map(blockerText).join('; ')}`;
    case 'internet-unknown':
      return `cannot tell whether TCP 443 reaches the internet: missing ${n.missing.join('; ')}`;
    case 'login-ok':
      return `login pages https://${n.loginHost}/ and the broker ${n.brokerHost} over the same internet path`;
    case 'not-reached':
      return 'not reached';
    case 'device-os-unknown':
      return 'the client OS decides whether the directory lets it in';
    case 'device-denied':
      return `the directory denies ${n.os} devices`;
    case 'ip-source-unknown':
      return 'public source address unknown';
    case 'ip-groups-denied':
      return `${n.source} is not in IP access control groups ${n.groups.join(', ')}`;
    case 'broker-refused':
      return brokerNoteText(n.answer);
    case 'broker-offers': {
      const allowed = n.ipGroupsAllowed
        ? `; ${n.ipGroupsAllowed.source} is allowed by IP access control groups ${n.ipGroupsAllowed.groups.join(', ')}`
        : '';
      return `${brokerNoteText(n.answer)}${allowed}; offers ${n.offers.map((o) => `${o.transport} ${o.port}`).join(', ')}`;
    }
    case 'dns-private':
      return `${n.name} -> ${n.addresses.join(', ')} (answered by the private zone of ${n.owner})`;
    case 'dns-public':
      return `${n.name} resolves on public DNS`;
    case 'dns-failed':
      return n.causes.map(blockerText).join('; ') || (DNS_FAILED[n.fallback] ?? n.fallback);
    case 'probe-summary':
      if (!n.hypothetical) return probeSummary(probes);
      // Say of the name what the DNS step said: unknown is not "does not resolve".
      return n.dns === 'unknown'
        ? `whether the name resolves is not known; probing the endpoint addresses: ${probeSummary(probes) || 'none known'}`
        : `the name does not resolve; probing the endpoint addresses anyway: ${probeSummary(probes) || 'none known'}`;
    case 'connected':
      return `${n.transport} ${n.port}${n.address ? ` to ${n.address}` : ''}: the first reachable endpoint in the client's order${n.tcpFirst ? ' (TCP first: the directory prefers TCP)' : ''}`;
    case 'none-reachable':
      return 'No endpoints are reachable: the client drops the connection';
    case 'none-known':
      return 'no endpoint is known to be reachable';
  }
}

export function warningDetail(w: TraceWarning): string {
  const f = w.facts;
  switch (f.code) {
    case 'client-internet-for-auth':
      return `UDP 443 to the internet is ${f.state === 'unknown' ? 'not known to pass' : 'blocked'} (${f.causes.map(blockerText).join('; ') || f.missing.join('; ')}); AWS asks for TCP and UDP 443 for authentication. Registration and login are predicted to work over TCP 443 (inferred).`;
    case 'directory-ip-groups-bypassed':
      return f.pcoipFallback
        ? `IP access control groups ${f.groups.join(', ')} are not applied to this PCoIP internet session: the directory has a streaming endpoint`
        : `IP access control groups ${f.groups.join(', ')} no longer apply: the directory has a streaming endpoint`;
    case 'pcoip-over-internet':
      return 'PCoIP streams leave the private path: the directory allows PCoIP over the internet';
    case 'directory-global-accelerator':
      return 'Global Accelerator is on, but it is not available when streaming through an endpoint';
    case 'network-check-false-alarm':
      return `the client's network check will report failures: ${f.protocols.join(' and ')} 4195 to the public health-check servers does not pass. The session streams through the endpoint, so this does not matter: a false alarm.`;
    case 'transport-uncertain':
      return `${f.before.join(', ')} come first but cannot be decided; the client may use one of them instead`;
    case 'endpoint-address-unreachable':
      return `${f.address} is unreachable on every transport, though other addresses of the name work: ${causesText(f.causes)}`;
    default:
      return `${f.blocked.join(', ')} blocked: ${causesText(f.causes)}`;
  }
}

const SEED_4_5 = ' (observed in seed 4-5: deleting the endpoint cut the running session)';

/** Why a running session survives a change or not: the contract's `existingReason`. */
export function fateText(r: FateReason): string {
  switch (r.code) {
    case 'no-session':
      return 'no session was running before this change';
    case 'left-setup':
      return 'the client or the WorkSpace is no longer in the setup';
    case 'eni-gone':
      return `the endpoint network interface ${r.address ?? ''} carrying the session no longer exists${SEED_4_5}`;
    case 'endpoint-deleted':
      return `endpoint ${r.endpoint} is ${r.state}: its network interfaces go away with it${SEED_4_5}`;
    case 'subnet-gone':
      return `the subnet of ${r.address ?? 'the session'} is gone${SEED_4_5}`;
    case 'packets-dropped':
      return `the running session's packets are now dropped: ${causesText(r.causes)} (inferred: routes and network ACLs act on every packet)`;
    case 'cannot-tell':
      return `cannot tell: ${r.missing.join('; ')}`;
    case 'path-intact':
      return `${r.privateLink ? `its packets still reach ${r.target}` : 'its packets still reach the gateways'}; settings of the directory and the broker only apply to new sessions (observed in seed 4-5), and security groups keep tracking a live connection (inferred)`;
  }
}
