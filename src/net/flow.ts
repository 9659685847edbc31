// One flow through the data plane: from a client (in a subnet, on premises, or on the internet) to an ENI or to
// the internet. Filters (security groups, network ACLs, NAT) are all evaluated even after one of them blocks, so
// the result lists every blocking setting; routing stops the walk, since a dropped packet goes nowhere.
import type { SgRule, Subnet } from '../model/types.js';
import { ANY_V4, isPrivate, type IpRange } from './cidr.js';
import {
  describeAclRule,
  describePorts,
  describeSgRule,
  evaluateAcl,
  evaluateSecurityGroups,
  type FlowProtocol,
  type Remote,
} from './filters.js';
import type { Network } from './network.js';
import { routeStep, type Arrival, type RouteContext } from './routing.js';
import type { Blocker, Hop } from './trace-types.js';

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
}

export interface FlowResult {
  disposition: 'accepted' | 'denied' | 'no-route' | 'unknown';
  hops: Hop[];
  blockers: Blocker[];
  missing: string[];
  /** The public address the flow reaches the internet with; 'unknown' when the input does not say. */
  publicSource?: string;
}

/** Ports a client picks for its side of a connection: what return traffic is addressed to. */
export const EPHEMERAL_PORTS: [number, number] = [1024, 65535];

/** A subnet boundary the outbound packets crossed; the return packets cross it the other way. */
interface Crossing {
  subnet: string;
  direction: 'ingress' | 'egress';
  remote: IpRange;
}

class FlowWalk implements RouteContext {
  hops: Hop[] = [];
  blockers: Blocker[] = [];
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

  block(b: Blocker): void {
    this.blockers.push({ phase: 'forward', ...b });
  }

  unknown(what: string): void {
    if (!this.missing.includes(what)) this.missing.push(what);
  }

  /** Network ACLs only apply where a packet enters or leaves a subnet. */
  crossAcl(subnet: string, direction: 'ingress' | 'egress', remote: IpRange, noReturn = false): void {
    const acl = this.net.aclOf(subnet);
    const dirName = direction === 'ingress' ? 'inbound' : 'outbound';
    const v = evaluateAcl(acl, direction, this.spec.proto, [this.spec.port, this.spec.port], remote, this.net);
    if (!noReturn) this.crossings.push({ subnet, direction, remote });
    if (!acl) return;
    const node = acl.id;
    if (v.result === 'allowed') {
      this.hop({
        node,
        action: `network ACL ${dirName}`,
        result: 'allowed',
        detail: v.rules.map(describeAclRule).join('; '),
        location: v.rules[0]?.prov ?? acl.prov,
      });
    } else if (v.result === 'unknown') {
      this.hop({ node, action: `network ACL ${dirName}`, result: 'unknown', detail: v.reason ?? '' });
      this.unknown(`${node}: ${v.reason}`);
    } else {
      const rule = v.rules[0];
      const detail = rule ? `rule ${describeAclRule(rule)}` : 'no rule allows it (implicit deny *)';
      this.hop({ node, action: `network ACL ${dirName}`, result: 'denied', detail, location: rule?.prov ?? acl.prov });
      this.block({
        resource: node,
        kind: 'network-acl',
        detail: `${dirName} ${this.spec.proto.toUpperCase()} ${this.spec.port} ${direction === 'ingress' ? 'from' : 'to'} ${remote.text} on ${subnet} is denied: ${detail}`,
        location: rule?.prov ?? acl.prov,
      });
    }
  }

  checkSg(node: string, groups: readonly string[] | undefined, direction: 'ingress' | 'egress', remote: Remote): void {
    const action = `security group ${direction}`;
    if (this.spec.established) {
      this.hop({ node, action, result: 'allowed', detail: 'existing connection: tracked by the security group' });
      return;
    }
    if (groups === undefined) {
      this.hop({ node, action, result: 'unknown', detail: 'the input names no security groups' });
      this.unknown(`${node}: security groups`);
      return;
    }
    const v = evaluateSecurityGroups(this.net, groups, direction, this.spec.proto, this.spec.port, remote);
    const what = `${this.spec.proto.toUpperCase()} ${this.spec.port} ${direction === 'ingress' ? 'from' : 'to'} ${remote.range.text}`;
    if (v.result === 'allowed' && v.rule) {
      this.hop({
        node: v.group ?? node,
        action,
        result: 'allowed',
        detail: describeSgRule(v.rule, direction),
        location: v.rule.prov,
      });
    } else if (v.result === 'unknown') {
      this.hop({ node: v.group ?? node, action, result: 'unknown', detail: v.reason ?? '' });
      this.unknown(`${v.group ?? node}: ${v.reason}`);
    } else {
      if (groups.length === 0) {
        this.hop({ node, action, result: 'denied', detail: `${node} has no security groups, so nothing is allowed` });
        this.block({
          resource: node,
          kind: 'security-group',
          detail: `${node} has no security groups: no ${direction} ${what} is allowed`,
        });
        return;
      }
      const names = groups.join(', ');
      // A blocker names one resource that exists: with several groups, a rule in any of them would do, so the
      // first by name stands for them (independent of the order they are attached in); the detail names them all.
      const owner = [...groups].sort()[0] as string;
      const first = this.net.securityGroups.get(owner);
      this.hop({
        node: names,
        action,
        result: 'denied',
        detail: `no ${direction} rule allows ${what}`,
        location: first?.prov,
      });
      this.block({
        resource: owner,
        kind: 'security-group',
        detail: `${groups.length === 1 ? 'security group' : 'security groups'} ${names} ${groups.length === 1 ? 'allows' : 'allow'} no ${direction} ${what}`,
        location: first?.prov,
      });
    }
  }

  /** Site firewall or home router: rules in security-group form, where undefined means "everything out". */
  checkFirewall(node: string, rules: readonly SgRule[] | undefined, remote: IpRange): void {
    if (!rules) return;
    const rule = rules.find(
      (r) =>
        (r.protocol === 'all' || r.protocol === this.spec.proto) &&
        (r.protocol === 'all' || (r.fromPort <= this.spec.port && this.spec.port <= r.toPort)) &&
        r.peer.kind === 'cidr' &&
        this.net.range(r.peer.cidr).start <= remote.start &&
        remote.end <= this.net.range(r.peer.cidr).end,
    );
    if (rule) {
      this.hop({
        node,
        action: 'firewall egress',
        result: 'allowed',
        detail: describeSgRule(rule, 'egress'),
        location: rule.prov,
      });
    } else {
      this.hop({
        node,
        action: 'firewall egress',
        result: 'denied',
        detail: `no rule allows ${this.spec.proto.toUpperCase()} ${this.spec.port} to ${remote.text}`,
      });
      this.block({
        resource: node,
        kind: 'firewall',
        detail: `the outbound rules of ${node} allow no ${this.spec.proto.toUpperCase()} ${this.spec.port} to ${remote.text}`,
      });
    }
  }

  /** Return packets cross every boundary again the other way, to the sender's ephemeral ports (ACLs are stateless). */
  checkReturnAcls(): void {
    for (const c of this.crossings) {
      const acl = this.net.aclOf(c.subnet);
      if (!acl) continue;
      const back = c.direction === 'ingress' ? 'egress' : 'ingress';
      const v = evaluateAcl(acl, back, this.spec.proto, EPHEMERAL_PORTS, c.remote, this.net);
      const dirName = back === 'ingress' ? 'inbound' : 'outbound';
      if (v.result === 'allowed') continue;
      if (v.result === 'unknown') {
        this.unknown(`${acl.id}: ${v.reason}`);
        continue;
      }
      const rule = v.rules[0];
      this.hop({
        node: acl.id,
        action: `network ACL ${dirName} (return)`,
        result: 'denied',
        detail: `return traffic to ports ${describePorts(v.deniedPorts)} is denied${rule ? ` by rule ${describeAclRule(rule)}` : ' (implicit deny *)'}`,
        location: rule?.prov ?? acl.prov,
      });
      this.blockers.push({
        resource: acl.id,
        kind: 'network-acl',
        phase: 'return',
        detail: `${dirName} return traffic ${this.spec.proto.toUpperCase()} ${back === 'ingress' ? 'from' : 'to'} ${c.remote.text} on ports ${describePorts(v.deniedPorts)} is denied on ${c.subnet}${rule ? ` by rule ${describeAclRule(rule)}` : ' (no rule allows the ephemeral ports 1024-65535)'}`,
        location: rule?.prov ?? acl.prov,
      });
    }
  }
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
  let srcSubnet: Subnet | undefined;
  if (origin.kind === 'vpc') {
    srcSubnet = net.subnets.get(origin.subnet);
    w.checkSg(origin.label, origin.securityGroups, 'egress', remote);
  } else if (origin.kind === 'onprem') {
    w.checkFirewall(origin.network, net.onPremises.get(origin.network)?.egress, target.address);
  } else {
    w.checkFirewall(origin.label, origin.egress, target.address);
  }

  const arrival = routeStep(w, net, origin, srcSubnet, target);
  if (arrival && target.kind === 'eni') {
    if (arrival.kind !== 'subnet' || arrival.subnet !== target.subnet) {
      w.noRoute = true;
      w.block({
        resource: target.label,
        kind: 'route',
        detail: `the packets arrive at ${arrival.kind === 'subnet' ? arrival.subnet : arrival.kind}, not at ${target.subnet}`,
      });
    } else {
      const via = arrival.crossedTransit || origin.kind !== 'vpc' ? undefined : origin.securityGroups;
      w.checkSg(target.label, target.securityGroups, 'ingress', { range: origin.range, securityGroups: via });
      // The reply leaves from the target's subnet and must find its way back to the client.
      const back = routeStep(
        new ReturnProbe(net, spec, w),
        net,
        { kind: 'vpc', subnet: target.subnet, range: target.address, label: target.label },
        net.subnets.get(target.subnet),
        { kind: 'return', address: origin.range },
      );
      if (back && !sameArrival(back, originArrival(origin))) {
        w.blockers.push({
          resource: target.subnet,
          kind: 'route',
          phase: 'return',
          detail: `replies from ${target.address.text} to ${origin.range.text} are routed to ${back.kind === 'subnet' ? back.subnet : back.kind === 'onprem' ? back.network : 'the internet'}, not back to the client`,
        });
      }
    }
  }
  if (arrival?.kind === 'internet') {
    w.publicSource = arrival.publicSource;
    // Replies come back to the NAT, which must find a route from its subnet to the client (a hub's NAT gateway
    // needs the way back to the spoke).
    if (arrival.natSubnet && origin.kind !== 'internet') {
      const back = routeStep(
        new ReturnProbe(net, spec, w),
        net,
        {
          kind: 'vpc',
          subnet: arrival.natSubnet,
          range: net.range(net.subnets.get(arrival.natSubnet)?.cidr ?? '0.0.0.0/0'),
          label: arrival.natSubnet,
        },
        net.subnets.get(arrival.natSubnet),
        { kind: 'return', address: origin.range },
      );
      if (back && !sameArrival(back, originArrival(origin))) {
        w.blockers.push({
          resource: arrival.natSubnet,
          kind: 'route',
          phase: 'return',
          detail: `replies from the NAT in ${arrival.natSubnet} to ${origin.range.text} are routed to ${back.kind === 'subnet' ? back.subnet : back.kind === 'onprem' ? back.network : 'the internet'}, not back to the client`,
        });
      }
    }
  }
  w.checkReturnAcls();
  const definite = w.blockers.length > 0;
  const disposition = w.noRoute ? 'no-route' : definite ? 'denied' : w.missing.length > 0 ? 'unknown' : 'accepted';
  return { disposition, hops: w.hops, blockers: w.blockers, missing: w.missing, publicSource: w.publicSource };
}

/** Routes the reply without evaluating filters again: their return checks are done from the recorded crossings. */
class ReturnProbe implements RouteContext {
  constructor(
    readonly net: Network,
    readonly spec: FlowSpec,
    private readonly outer: FlowWalk,
  ) {}
  hop(): void {}
  block(b: Blocker): void {
    this.outer.blockers.push({ ...b, phase: 'return', detail: `return path: ${b.detail}` });
  }
  unknown(what: string): void {
    this.outer.unknown(`return path: ${what}`);
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

/** The whole IPv4 internet as a source: a client whose public address the input does not give. */
export function anyInternetSource(): IpRange {
  return ANY_V4;
}

export { isPrivate };
