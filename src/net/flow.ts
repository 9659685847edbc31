// One flow through the data plane: from a client (in a subnet, on premises, or on the internet) to an ENI or to
// the internet. Filters (security groups, network ACLs, NAT) are all evaluated even after one of them blocks, so
// the result lists every blocking setting; routing stops the walk, since a dropped packet goes nowhere.
import type { SgRule } from '../model/types.js';
import { ANY_V4, isPrivate, type IpRange } from './cidr.js';
import {
  evaluateAcl,
  evaluateAllowRules,
  evaluateSecurityGroups,
  type AclVerdict,
  type FlowProtocol,
  type Remote,
} from './filters.js';
import type { Network } from './network.js';
import { walkRoute } from './route-record.js';
import type { Arrival, RouteContext } from './routing.js';
import type { FlowDesc, Hop, HopDecision, NetBlocker, PortRange } from './trace-types.js';

export type Origin =
  | {
      kind: 'vpc';
      subnet: string;
      range: IpRange;
      /** The instance's security groups; undefined when the client is a bare subnet and the input says none. */
      securityGroups?: readonly string[];
      publicIp?: string;
      label: string;
    }
  | { kind: 'onprem'; network: string; range: IpRange; label: string }
  | { kind: 'internet'; range: IpRange; egress?: readonly SgRule[]; label: string };

export type FlowTarget =
  | { kind: 'eni'; vpc: string; subnet: string; address: IpRange; securityGroups: readonly string[]; label: string }
  | { kind: 'internet'; address: IpRange; label: string };

export interface FlowSpec {
  proto: FlowProtocol;
  port: number;
  /**
   * The flow belongs to a connection that is already up: security groups track it and let it pass whatever their
   * rules now say (inferred for the endpoint, as for any stateful group); ACLs and routes still apply per packet.
   */
  established?: boolean;
  /**
   * The ports the client picks for its side (where replies go), from its OS (VPC User Guide, "Ephemeral ports").
   * Undefined: the OS is not known, so a return rule that covers only part of the widest range cannot be decided.
   */
  clientEphemeral?: PortRange;
}

export interface FlowResult {
  disposition: 'accepted' | 'denied' | 'no-route' | 'unknown';
  hops: Hop[];
  blockers: NetBlocker[];
  missing: string[];
  /** The public address the flow reaches the internet with; 'unknown' when the input does not say. */
  publicSource?: string;
}

/** The widest ephemeral range any client or NAT uses; NAT gateways use all of it (VPC User Guide). */
export const EPHEMERAL_PORTS: PortRange = [1024, 65535];

/** A subnet boundary the outbound packets crossed; the return packets cross it the other way. */
interface Crossing {
  subnet: string;
  direction: 'ingress' | 'egress';
  remote: IpRange;
  /** The packets carried a NAT's address: replies go to the NAT's ports, not the client's. */
  natted: boolean;
}

export interface CrossOptions {
  /** The reply does not cross this boundary's ACL again (the TGW-to-instance case in one subnet). */
  noReturn?: boolean;
  natted?: boolean;
}

function flowDesc(spec: FlowSpec, direction: 'ingress' | 'egress', remote: IpRange): FlowDesc {
  return {
    protocol: spec.proto,
    port: spec.port,
    toward: direction === 'ingress' ? 'from' : 'to',
    remote: remote.text,
  };
}

const ACL_DIRECTION = { ingress: 'inbound', egress: 'outbound' } as const;

/** What an ACL verdict of "unknown" lacks, for the trace's list of missing facts. */
function aclUnknown(node: string, v: AclVerdict, remote: string): string {
  if (v.rulesUnknown !== undefined) return `${node}: its rules are unknown (${v.rulesUnknown})`;
  return `${node}: rule ${v.partialRule?.number ?? '?'} covers only part of ${remote}`;
}

class FlowWalk implements RouteContext {
  hops: Hop[] = [];
  blockers: NetBlocker[] = [];
  missing: string[] = [];
  crossings: Crossing[] = [];
  noRoute = false;
  publicSource?: string;

  constructor(
    readonly net: Network,
    readonly spec: FlowSpec,
  ) {}

  hop(h: Hop): void {
    this.hops.push(h);
  }

  block(b: NetBlocker): void {
    this.blockers.push({ phase: 'forward', ...b });
  }

  unknown(what: string): void {
    if (!this.missing.includes(what)) this.missing.push(what);
  }

  /** Network ACLs only apply where a packet enters or leaves a subnet. */
  crossAcl(subnet: string, direction: 'ingress' | 'egress', remote: IpRange, opts: CrossOptions = {}): void {
    const acl = this.net.aclOf(subnet);
    const v = evaluateAcl(acl, direction, this.spec.proto, [this.spec.port, this.spec.port], remote, this.net);
    if (!opts.noReturn) this.crossings.push({ subnet, direction, remote, natted: opts.natted === true });
    if (!acl) return;
    const node = acl.id;
    // Hops are written out field by field, in one order: spreading a shared part into each one was the costliest line
    // of a flow (half a million hops at scale 1).
    const evaluated = 'network-acl';
    const dir = direction === 'ingress' ? 'inbound' : 'outbound';
    if (v.result === 'allowed') {
      this.hop({
        node,
        evaluated,
        direction: dir,
        result: 'allowed',
        decision: { code: 'acl-rules', rules: v.rules },
        location: v.rules[0]?.prov ?? acl.prov,
      });
    } else if (v.result === 'unknown') {
      this.hop({
        node,
        evaluated,
        direction: dir,
        result: 'unknown',
        decision:
          v.rulesUnknown !== undefined
            ? { code: 'acl-rules-unknown', reason: v.rulesUnknown }
            : { code: 'filter-partial', ...(v.partialRule ? { rule: v.partialRule } : {}), remote: remote.text },
      });
      this.unknown(aclUnknown(node, v, remote.text));
    } else {
      const rule = v.rules[0];
      this.hop({
        node,
        evaluated,
        direction: dir,
        result: 'denied',
        decision: rule ? { code: 'acl-rule-denies', rule } : { code: 'acl-implicit-deny' },
        location: rule?.prov ?? acl.prov,
      });
      this.block({
        resource: node,
        kind: 'network-acl',
        reason: {
          code: 'acl-denied',
          direction: ACL_DIRECTION[direction],
          flow: flowDesc(this.spec, direction, remote),
          subnet,
          ...(rule ? { rule } : {}),
        },
        location: rule?.prov ?? acl.prov,
      });
    }
  }

  checkSg(node: string, groups: readonly string[] | undefined, direction: 'ingress' | 'egress', remote: Remote): void {
    // Field by field in one order (evaluated, direction, node, …), as in crossAcl: no spread per hop.
    const evaluated = 'security-group';
    const dir = direction === 'ingress' ? 'inbound' : 'outbound';
    if (this.spec.established) {
      this.hop({ evaluated, direction: dir, node, result: 'allowed', decision: { code: 'sg-established' } });
      return;
    }
    if (groups === undefined) {
      this.hop({ evaluated, direction: dir, node, result: 'unknown', decision: { code: 'sg-not-given' } });
      this.unknown(`${node}: security groups`);
      return;
    }
    const v = evaluateSecurityGroups(this.net, groups, direction, this.spec.proto, this.spec.port, remote);
    if (v.result === 'allowed' && v.rule) {
      this.hop({
        evaluated,
        direction: dir,
        node: v.group ?? node,
        result: 'allowed',
        decision: { code: 'sg-rule', rule: v.rule, direction },
        location: v.rule.prov,
      });
    } else if (v.result === 'unknown') {
      const decision: HopDecision =
        v.unknown === 'group-not-in-input'
          ? { code: 'sg-unknown-group', group: v.group ?? node }
          : v.unknown === 'prefix-list' && v.rule
            ? { code: 'prefix-list-unknown', rule: v.rule }
            : { code: 'filter-partial', ...(v.rule ? { rule: v.rule } : {}), remote: remote.range.text };
      this.hop({ evaluated, direction: dir, node: v.group ?? node, result: 'unknown', decision });
      this.unknown(
        `${v.group ?? node}: ${
          v.unknown === 'group-not-in-input'
            ? `security group ${v.group ?? node} is not in the input`
            : v.unknown === 'prefix-list'
              ? 'prefix list of a rule is not in the input'
              : `a rule covers only part of ${remote.range.text}`
        }`,
      );
    } else {
      const flow = flowDesc(this.spec, direction, remote.range);
      if (groups.length === 0) {
        this.hop({ evaluated, direction: dir, node, result: 'denied', decision: { code: 'sg-none-attached', node } });
        this.block({
          resource: node,
          kind: 'security-group',
          reason: { code: 'sg-none-attached', node, direction, flow },
        });
        return;
      }
      // A blocker names one resource that exists: with several groups, a rule in any of them would do, so the
      // first by name stands for them (independent of the order they are attached in); the reason names them all.
      const owner = [...groups].sort()[0] as string;
      const first = this.net.securityGroups.get(owner);
      this.hop({
        evaluated,
        direction: dir,
        node: groups.join(', '),
        result: 'denied',
        decision: { code: 'sg-no-rule', groups: [...groups], direction, flow },
        location: first?.prov,
      });
      this.block({
        resource: owner,
        kind: 'security-group',
        reason: { code: 'sg-no-rule', groups: [...groups], direction, flow },
        location: first?.prov,
      });
    }
  }

  /** Site firewall or home router: rules in security-group form, where undefined means "everything out". */
  checkFirewall(node: string, rules: readonly SgRule[] | undefined, remote: IpRange): void {
    if (!rules) return;
    const v = evaluateAllowRules(this.net, rules, this.spec.proto, this.spec.port, { range: remote });
    const base = { node, evaluated: 'firewall', direction: 'outbound' } as const;
    const flow = flowDesc(this.spec, 'egress', remote);
    if (v.result === 'allowed' && v.rule) {
      this.hop({
        ...base,
        result: 'allowed',
        decision: { code: 'firewall-rule', rule: v.rule },
        location: v.rule.prov,
      });
    } else if (v.result === 'unknown') {
      this.hop({
        ...base,
        result: 'unknown',
        decision: { code: 'filter-partial', ...(v.rule ? { rule: v.rule } : {}), remote: remote.text },
      });
      this.unknown(`${node}: a firewall rule covers only part of ${remote.text}`);
    } else {
      this.hop({ ...base, result: 'denied', decision: { code: 'firewall-no-rule', flow } });
      this.block({ resource: node, kind: 'firewall', reason: { code: 'firewall-denied', node, flow } });
    }
  }

  /**
   * Return packets cross every boundary again the other way, to the sender's ephemeral ports (ACLs are stateless).
   * The client's range depends on its OS; a NAT's is the widest range.
   */
  checkReturnAcls(): void {
    for (const c of this.crossings) {
      const acl = this.net.aclOf(c.subnet);
      if (!acl) continue;
      const back = c.direction === 'ingress' ? 'egress' : 'ingress';
      const ephemeral = c.natted ? EPHEMERAL_PORTS : (this.spec.clientEphemeral ?? EPHEMERAL_PORTS);
      const v = evaluateAcl(acl, back, this.spec.proto, ephemeral, c.remote, this.net);
      if (v.result === 'allowed') continue;
      if (v.result === 'unknown') {
        this.unknown(aclUnknown(acl.id, v, c.remote.text));
        continue;
      }
      if (v.result === 'partial' && !c.natted && this.spec.clientEphemeral === undefined) {
        // Part of the ephemeral range passes: whether the replies do depends on the client's OS.
        this.unknown(
          `the client's operating system: ${acl.id} lets replies back only to part of ports 1024-65535 (${c.subnet})`,
        );
        continue;
      }
      const rule = v.rules[0];
      const direction = ACL_DIRECTION[back];
      this.hop({
        node: acl.id,
        evaluated: 'network-acl',
        direction: 'return',
        result: 'denied',
        decision: {
          code: 'acl-return-denied',
          aclDirection: direction,
          ports: v.deniedPorts,
          ...(rule ? { rule } : {}),
        },
        location: rule?.prov ?? acl.prov,
      });
      this.blockers.push({
        resource: acl.id,
        kind: 'network-acl',
        phase: 'return',
        reason: {
          code: 'acl-return-denied',
          direction,
          protocol: this.spec.proto,
          toward: back === 'ingress' ? 'from' : 'to',
          remote: c.remote.text,
          ports: v.deniedPorts,
          subnet: c.subnet,
          ephemeral,
          ...(rule ? { rule } : {}),
        },
        location: rule?.prov ?? acl.prov,
      });
    }
  }
}

function arrivalName(a: Arrival): string {
  return a.kind === 'subnet' ? a.subnet : a.kind === 'onprem' ? a.network : 'the internet';
}

function sameArrival(a: Arrival, b: Arrival): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'subnet' && b.kind === 'subnet') return a.subnet === b.subnet;
  if (a.kind === 'onprem' && b.kind === 'onprem') return a.network === b.network;
  return true;
}

function originArrival(origin: Origin): Arrival {
  if (origin.kind === 'vpc') return { kind: 'subnet', subnet: origin.subnet, crossedTransit: false };
  if (origin.kind === 'onprem') return { kind: 'onprem', network: origin.network };
  return { kind: 'internet' };
}

/** Follows one flow hop by hop and evaluates every filter on the way and on the way back. */
export function traceFlow(net: Network, origin: Origin, target: FlowTarget, spec: FlowSpec): FlowResult {
  const w = new FlowWalk(net, spec);
  const remote: Remote = {
    range: target.address,
    securityGroups: target.kind === 'eni' ? target.securityGroups : undefined,
  };
  if (origin.kind === 'vpc') {
    w.checkSg(origin.label, origin.securityGroups, 'egress', remote);
  } else if (origin.kind === 'onprem') {
    w.checkFirewall(origin.network, net.onPremises.get(origin.network)?.egress, target.address);
  } else {
    w.checkFirewall(origin.label, origin.egress, target.address);
  }

  const arrival = walkRoute(w, net, origin, target);
  if (arrival && target.kind === 'eni') {
    if (arrival.kind !== 'subnet' || arrival.subnet !== target.subnet) {
      w.noRoute = true;
      w.block({
        resource: target.label,
        kind: 'route',
        reason: {
          code: 'arrives-elsewhere',
          at: arrival.kind === 'subnet' ? arrival.subnet : arrival.kind,
          expected: target.subnet,
        },
      });
    } else {
      const via = arrival.crossedTransit || origin.kind !== 'vpc' ? undefined : origin.securityGroups;
      w.checkSg(target.label, target.securityGroups, 'ingress', { range: origin.range, securityGroups: via });
      // The reply leaves from the target's subnet and must find its way back to the client.
      checkReply(w, net, spec, { subnet: target.subnet, range: target.address, label: target.label }, origin, (at) => ({
        resource: target.subnet,
        kind: 'route',
        phase: 'return',
        reason: { code: 'reply-misrouted', from: target.address.text, to: origin.range.text, arrivesAt: at },
      }));
    }
  }
  if (arrival?.kind === 'internet') {
    w.publicSource = arrival.publicSource;
    // Replies come back to the NAT, which must find a route from its subnet to the client (a hub's NAT gateway
    // needs the way back to the spoke).
    if (arrival.natSubnet && origin.kind !== 'internet') {
      const natSubnet = arrival.natSubnet;
      const range = net.range(net.subnets.get(natSubnet)?.cidr ?? '0.0.0.0/0');
      checkReply(w, net, spec, { subnet: natSubnet, range, label: natSubnet }, origin, (at) => ({
        resource: natSubnet,
        kind: 'route',
        phase: 'return',
        reason: { code: 'reply-misrouted', from: natSubnet, viaNat: natSubnet, to: origin.range.text, arrivesAt: at },
      }));
    }
  }
  w.checkReturnAcls();
  const definite = w.blockers.length > 0;
  const disposition = w.noRoute ? 'no-route' : definite ? 'denied' : w.missing.length > 0 ? 'unknown' : 'accepted';
  return { disposition, hops: w.hops, blockers: w.blockers, missing: w.missing, publicSource: w.publicSource };
}

/**
 * Routes the reply without evaluating filters again: their return checks are done from the recorded crossings. It
 * keeps what it found apart, so the caller can tell a reply that a NAT would rewrite from a reply that is dropped.
 */
class ReturnProbe implements RouteContext {
  readonly blockers: NetBlocker[] = [];
  /** The first route the reply took (the target subnet's table), and the NAT it passed, if any. */
  firstRoute?: Hop;
  natUsed?: string;

  constructor(
    readonly net: Network,
    readonly spec: FlowSpec,
    private readonly outer: FlowWalk,
  ) {}
  hop(h: Hop): void {
    if (!this.firstRoute && h.evaluated === 'route') this.firstRoute = h;
  }
  block(b: NetBlocker): void {
    this.blockers.push({ ...b, phase: 'return', reason: { code: 'on-return-path', reason: b.reason } });
  }
  unknown(what: string): void {
    this.outer.unknown(`return path: ${what}`);
  }
  nat(id: string): void {
    this.natUsed ??= id;
  }
  crossAcl(): void {}
  checkSg(): void {}
  get noRoute(): boolean {
    return this.outer.noRoute;
  }
  set noRoute(v: boolean) {
    if (v) this.outer.noRoute = true;
  }
}

/**
 * Routes the reply from `from` back to the client and reports what stops it. A reply that reaches a NAT gateway or
 * NAT instance has its source rewritten, so the client cannot match it to its connection: the connection fails, and
 * the blocker is the missing route back in the first table (VPC User Guide, "NAT gateways").
 */
function checkReply(
  w: FlowWalk,
  net: Network,
  spec: FlowSpec,
  from: { subnet: string; range: IpRange; label: string },
  origin: Origin,
  reasonIfMisrouted: (arrivesAt: string) => NetBlocker,
): void {
  const probe = new ReturnProbe(net, spec, w);
  const back = walkRoute(
    probe,
    net,
    { kind: 'vpc', subnet: from.subnet, range: from.range, label: from.label },
    { kind: 'return', address: origin.range },
  );
  if (probe.natUsed && probe.firstRoute) {
    w.noRoute = true;
    const route = probe.firstRoute.decision.code === 'route' ? probe.firstRoute.decision : undefined;
    w.blockers.push({
      resource: probe.firstRoute.node,
      kind: 'route',
      phase: 'return',
      reason: {
        code: 'reply-through-nat',
        table: probe.firstRoute.node,
        from: from.range.text,
        to: origin.range.text,
        route: route ? `${route.destination} -> ${route.target}` : 'its route',
        nat: probe.natUsed,
      },
      ...(probe.firstRoute.location ? { location: probe.firstRoute.location } : {}),
    });
    return;
  }
  w.blockers.push(...probe.blockers);
  if (back && !sameArrival(back, originArrival(origin))) w.blockers.push(reasonIfMisrouted(arrivalName(back)));
}

/** The whole IPv4 internet as a source: a client whose public address the input does not give. */
export function anyInternetSource(): IpRange {
  return ANY_V4;
}

export { isPrivate };
