// Where a packet goes: longest-prefix match in route tables, then through whatever the route names (internet
// gateway, NAT gateway, NAT instance, peering, transit gateway, virtual private gateway) until it arrives.
import type { OnPremNetwork, RouteTable, SgRule, Subnet, TransitGateway, TgwAttachment } from '../model/types.js';
import { contains, isPrivate, longestPrefixMatch, type IpRange, type Prefixed } from './cidr.js';
import type { Remote } from './filters.js';
import type { Network } from './network.js';
import type { Hop, NetBlocker } from './trace-types.js';
import type { CrossOptions } from './flow.js';

/** Where the walk reports hops, blockers and gaps; filters are evaluated through it so a reply walk can skip them. */
export interface RouteContext {
  net: Network;
  // No flow spec: where a packet goes does not depend on its port or protocol (route-record.ts relies on it).
  noRoute: boolean;
  hop(h: Hop): void;
  block(b: NetBlocker): void;
  unknown(what: string): void;
  crossAcl(subnet: string, direction: 'ingress' | 'egress', remote: IpRange, opts?: CrossOptions): void;
  /** The packets passed a NAT device (its address replaces theirs). */
  nat?(id: string): void;
  checkSg(node: string, groups: readonly string[] | undefined, direction: 'ingress' | 'egress', remote: Remote): void;
}

export type Arrival =
  | { kind: 'subnet'; subnet: string; crossedTransit: boolean }
  | {
      kind: 'internet';
      publicSource?: string;
      /** The subnet of the NAT that translated the flow, if one did. */ natSubnet?: string;
    }
  | { kind: 'onprem'; network: string };

export type RouteOrigin =
  | {
      kind: 'vpc';
      subnet: string;
      range: IpRange;
      securityGroups?: readonly string[];
      publicIp?: string;
      label: string;
    }
  | { kind: 'onprem'; network: string; range: IpRange; label: string }
  | { kind: 'internet'; range: IpRange; egress?: readonly SgRule[]; label: string };

export type RouteTarget = { kind: 'eni' | 'internet' | 'return'; address: IpRange };

/** The source of the current leg: after a NAT it is the NAT's address, and the NAT's public IP. */
interface Leg {
  src: IpRange;
  srcGroups?: readonly string[];
  publicIp?: string;
  transit: boolean;
  depth: number;
  /** A NAT replaced the source address on the way. */
  natted?: boolean;
  /** The NAT instance whose address the packets now carry (its public IP is what the internet gateway needs). */
  natInstance?: string;
}

const MAX_LEGS = 8;

type TableTarget = { kind: 'local' } | RouteTable['routes'][number]['target'];

interface TableEntry {
  target: TableTarget;
  destination: string;
  /** The target as the user names it: an id, or local / blackhole. */
  name: string;
  prov?: RouteTable['prov'];
}

function tableEntries(net: Network, subnet: Subnet, table: RouteTable | undefined): Prefixed<TableEntry>[] {
  const entries: Prefixed<TableEntry>[] = [];
  const vpc = net.vpcs.get(subnet.vpc);
  for (const c of [...(vpc?.cidrs ?? []), ...(vpc?.ipv6Cidrs ?? [])]) {
    entries.push({ range: net.range(c), value: { target: { kind: 'local' }, destination: c, name: 'local' } });
  }
  for (const r of table?.routes ?? []) {
    const ranges = r.prefixList ? (net.prefixListRanges(r.destination) ?? []) : [net.range(r.destination)];
    const name = 'id' in r.target ? r.target.id : r.target.kind;
    for (const range of ranges)
      entries.push({ range, value: { target: r.target, destination: r.destination, name, prov: r.prov } });
  }
  return entries;
}

/**
 * Into a VPC from outside. `viaSubnets` are the transit gateway attachment's subnets: per the TGW guide, the ACL of
 * the attachment subnet (in the destination's AZ) checks the packet outbound, then the destination subnet's inbound;
 * when the destination is the attachment subnet itself, neither is evaluated.
 */
function enterVpc(
  ctx: RouteContext,
  vpcId: string,
  dst: IpRange,
  leg: Leg,
  viaSubnets: readonly string[] = [],
): Arrival | undefined {
  const subnet = ctx.net.subnetOf(vpcId, dst);
  if (!subnet) {
    ctx.noRoute = true;
    ctx.block({ resource: vpcId, kind: 'route', reason: { code: 'no-subnet-holds', vpc: vpcId, address: dst.text } });
    return undefined;
  }
  const via = attachmentSubnetFor(ctx, viaSubnets, subnet.az);
  if (via === subnet.id) return { kind: 'subnet', subnet: subnet.id, crossedTransit: leg.transit };
  if (via) ctx.crossAcl(via, 'egress', dst, { natted: leg.natted });
  ctx.crossAcl(subnet.id, 'ingress', leg.src, { natted: leg.natted });
  return { kind: 'subnet', subnet: subnet.id, crossedTransit: leg.transit };
}

/** The attachment subnet a transit gateway uses in an AZ (its ENI there), or the first one. */
function attachmentSubnetFor(ctx: RouteContext, subnets: readonly string[], az: string): string | undefined {
  return subnets.find((s) => ctx.net.subnets.get(s)?.az === az) ?? subnets[0];
}

/** Remembers the first (innermost) NAT a flow to the internet passed: its replies come back through it. */
function viaNat(a: Arrival | undefined, natSubnet: string): Arrival | undefined {
  return a?.kind === 'internet' && a.natSubnet === undefined ? { ...a, natSubnet } : a;
}

function drop(ctx: RouteContext, b: NetBlocker): undefined {
  ctx.noRoute = true;
  ctx.block(b);
  return undefined;
}

function viaTransitGateway(
  ctx: RouteContext,
  tgw: TransitGateway,
  from: TgwAttachment,
  dst: IpRange,
  leg: Leg,
): Arrival | undefined {
  const net = ctx.net;
  const table = tgw.routeTables.find((t) => t.id === from.routeTable);
  if (!table) {
    ctx.unknown(`${tgw.id}: route table ${from.routeTable} of attachment ${from.id}`);
    return undefined;
  }
  const entries = net.memo(`tgw-routes|${tgw.id}|${table.id}`, () =>
    table.routes.map((r) => ({ range: net.range(r.destination), value: r })),
  );
  const match = longestPrefixMatch(entries, dst);
  if (!match) {
    drop(ctx, {
      resource: table.id,
      kind: 'route',
      reason: { code: 'tgw-no-route', table: table.id, address: dst.text },
      location: table.prov,
    });
    return;
  }
  const att = match.value.attachment ? tgw.attachments.find((a) => a.id === match.value.attachment) : undefined;
  if (!att) {
    drop(ctx, {
      resource: table.id,
      kind: 'route',
      reason: { code: 'tgw-blackhole', table: table.id, destination: match.value.destination },
      location: match.value.prov,
    });
    return;
  }
  ctx.hop({
    node: table.id,
    evaluated: 'transit-gateway-route',
    direction: 'outbound',
    result: 'forwarded',
    decision: {
      code: 'tgw-route',
      destination: match.value.destination,
      attachment: att.id,
      propagated: match.value.propagated === true,
    },
    location: match.value.prov,
  });
  const next = { ...leg, transit: true, depth: leg.depth + 1 };
  if (att.kind === 'vpc') {
    if (net.vpcRanges(att.vpc).some((r) => contains(r, dst))) return enterVpc(ctx, att.vpc, dst, next, att.subnets);
    // Not for this VPC: it is a transit VPC (central egress); the attachment subnet's route table decides.
    const sub = att.subnets[0] ? net.subnets.get(att.subnets[0]) : undefined;
    if (!sub) {
      drop(ctx, { resource: att.id, kind: 'route', reason: { code: 'attachment-no-subnet', attachment: att.id } });
      return;
    }
    return fromSubnet(ctx, sub, dst, next);
  }
  if (att.kind === 'peering') {
    ctx.unknown(`${att.id}: transit gateway peering is not modelled`);
    return undefined;
  }
  const onprem = net.onPremises.get(att.onPrem);
  if (onprem && onprem.cidrs.some((c) => contains(net.range(c), dst))) return { kind: 'onprem', network: onprem.id };
  drop(ctx, {
    resource: att.id,
    kind: 'route',
    reason: { code: 'attachment-wrong-site', attachment: att.id, site: att.onPrem, address: dst.text },
  });
}

function fromSubnet(ctx: RouteContext, subnet: Subnet, dst: IpRange, leg: Leg): Arrival | undefined {
  const net = ctx.net;
  if (leg.depth > MAX_LEGS) {
    drop(ctx, { resource: subnet.id, kind: 'route', reason: { code: 'routing-loop' } });
    return;
  }
  const table = net.routeTableOf(subnet);
  const named = subnet.routeTable ?? net.vpcs.get(subnet.vpc)?.mainRouteTable;
  if (named !== undefined && !table) {
    // The input names a route table it does not hold (a live read that could not list them): the way on is unknown.
    ctx.unknown(`route table ${named} of ${subnet.id}`);
    return undefined;
  }
  const entries = net.memo(`routes|${subnet.vpc}|${table?.id ?? ''}`, () => tableEntries(net, subnet, table));
  const match = longestPrefixMatch(entries, dst);
  if (!match) {
    drop(ctx, {
      resource: table?.id ?? subnet.id,
      kind: 'route',
      reason: {
        code: 'no-route',
        ...(table ? { table: table.id } : {}),
        vpc: subnet.vpc,
        subnet: subnet.id,
        address: dst.text,
      },
      location: table?.prov ?? subnet.prov,
    });
    return;
  }
  const { target, destination, name, prov } = match.value;
  ctx.hop({
    node: table?.id ?? subnet.vpc,
    evaluated: 'route',
    direction: 'outbound',
    result: target.kind === 'blackhole' ? 'dropped' : 'forwarded',
    decision: { code: 'route', destination, target: name },
    location: prov,
  });
  const vpc = net.vpcs.get(subnet.vpc);
  switch (target.kind) {
    case 'local': {
      const to = net.subnetOf(subnet.vpc, dst);
      if (!to) {
        drop(ctx, {
          resource: subnet.vpc,
          kind: 'route',
          reason: { code: 'no-subnet-holds', vpc: subnet.vpc, address: dst.text },
        });
        return;
      }
      if (to.id !== subnet.id) {
        ctx.crossAcl(subnet.id, 'egress', dst, { natted: leg.natted });
        ctx.crossAcl(to.id, 'ingress', leg.src, { natted: leg.natted });
      }
      return { kind: 'subnet', subnet: to.id, crossedTransit: leg.transit };
    }
    case 'blackhole': {
      drop(ctx, {
        resource: table?.id ?? subnet.id,
        kind: 'route',
        reason: { code: 'blackhole-route', route: destination, ...(table ? { table: table.id } : {}), vpc: subnet.vpc },
        location: prov,
      });
      return;
    }
    case 'igw': {
      if (isPrivate(dst)) {
        drop(ctx, {
          resource: table?.id ?? subnet.id,
          kind: 'route',
          reason: {
            code: 'igw-private-address',
            ...(table ? { table: table.id } : {}),
            vpc: subnet.vpc,
            address: dst.text,
          },
          location: prov,
        });
        return;
      }
      if (vpc?.internetGateway !== target.id) {
        ctx.block({
          resource: subnet.vpc,
          kind: 'route',
          reason: { code: 'igw-not-attached', igw: target.id, vpc: subnet.vpc },
          location: prov,
        });
      }
      ctx.crossAcl(subnet.id, 'egress', dst, { natted: leg.natted });
      if (leg.publicIp === undefined) {
        // Name what to change: the NAT instance that needs a public address, else the sender's subnet.
        ctx.block(
          leg.natInstance
            ? {
                resource: leg.natInstance,
                kind: 'nat',
                reason: { code: 'nat-no-public-ip', instance: leg.natInstance },
              }
            : {
                resource: subnet.id,
                kind: 'internet',
                reason: { code: 'no-public-ip', source: leg.src.text, igw: target.id },
              },
        );
      }
      return { kind: 'internet', publicSource: leg.publicIp };
    }
    case 'nat-gateway': {
      const ngw = net.natGateways.get(target.id);
      if (!ngw) {
        ctx.unknown(`NAT gateway ${target.id}`);
        return undefined;
      }
      if (ngw.state !== 'available')
        ctx.block({
          resource: ngw.id,
          kind: 'nat',
          reason: { code: 'nat-gateway-state', natGateway: ngw.id, state: ngw.state },
          location: ngw.prov,
        });
      if (ngw.connectivity === 'private' && !isPrivate(dst))
        ctx.block({
          resource: ngw.id,
          kind: 'nat',
          reason: { code: 'nat-gateway-private', natGateway: ngw.id },
          location: ngw.prov,
        });
      const natSubnet = net.subnets.get(ngw.subnet);
      if (!natSubnet) {
        drop(ctx, {
          resource: ngw.id,
          kind: 'nat',
          reason: { code: 'nat-subnet-missing', nat: ngw.id, subnet: ngw.subnet },
        });
        return;
      }
      if (natSubnet.id !== subnet.id) {
        ctx.crossAcl(subnet.id, 'egress', dst, { natted: leg.natted });
        ctx.crossAcl(natSubnet.id, 'ingress', leg.src, { natted: leg.natted });
      }
      ctx.hop({
        node: ngw.id,
        evaluated: 'nat',
        direction: 'outbound',
        result: 'forwarded',
        decision: {
          code: 'nat-source',
          ...(ngw.publicIp !== undefined ? { publicIp: ngw.publicIp } : {}),
          gateway: true,
        },
        location: ngw.prov,
      });
      ctx.nat?.(ngw.id);
      return viaNat(
        fromSubnet(ctx, natSubnet, dst, {
          src: net.range(natSubnet.cidr),
          publicIp: ngw.publicIp ?? 'unknown',
          transit: leg.transit,
          depth: leg.depth + 1,
          natted: true,
        }),
        natSubnet.id,
      );
    }
    case 'instance': {
      const inst = net.instances.get(target.id);
      if (!inst) {
        ctx.unknown(`instance ${target.id}`);
        return undefined;
      }
      if (inst.state !== 'running')
        ctx.block({
          resource: inst.id,
          kind: 'nat',
          reason: { code: 'nat-instance-state', instance: inst.id, state: inst.state },
          location: inst.prov,
        });
      if (inst.nat === undefined)
        ctx.unknown(`${inst.id}: whether it is set up as a NAT instance (the input cannot say; an overlay can)`);
      else if (!inst.nat)
        ctx.block({
          resource: inst.id,
          kind: 'nat',
          reason: { code: 'not-nat-instance', instance: inst.id },
          location: inst.prov,
        });
      if (inst.sourceDestCheck === true)
        ctx.block({
          resource: inst.id,
          kind: 'nat',
          reason: { code: 'source-dest-check', instance: inst.id },
          location: inst.prov,
        });
      const natSubnet = net.subnets.get(inst.subnet);
      if (!natSubnet) {
        drop(ctx, {
          resource: inst.id,
          kind: 'nat',
          reason: { code: 'nat-subnet-missing', nat: inst.id, subnet: inst.subnet },
        });
        return;
      }
      if (natSubnet.id !== subnet.id) {
        ctx.crossAcl(subnet.id, 'egress', dst, { natted: leg.natted });
        ctx.crossAcl(natSubnet.id, 'ingress', leg.src, { natted: leg.natted });
      }
      ctx.checkSg(inst.id, inst.securityGroups, 'ingress', { range: leg.src, securityGroups: leg.srcGroups });
      ctx.checkSg(inst.id, inst.securityGroups, 'egress', { range: dst });
      ctx.hop({
        node: inst.id,
        evaluated: 'nat',
        direction: 'outbound',
        result: inst.state === 'running' ? 'forwarded' : 'dropped',
        decision: {
          code: 'nat-source',
          ...(inst.publicIp !== undefined ? { publicIp: inst.publicIp } : {}),
          gateway: false,
        },
        location: inst.prov,
      });
      ctx.nat?.(inst.id);
      const src = inst.privateIp ? net.range(inst.privateIp) : net.range(natSubnet.cidr);
      return viaNat(
        fromSubnet(ctx, natSubnet, dst, {
          src,
          srcGroups: inst.securityGroups,
          publicIp: inst.publicIp ?? (inst.publicIpPending ? 'unknown' : undefined),
          transit: leg.transit,
          depth: leg.depth + 1,
          natted: true,
          natInstance: inst.id,
        }),
        natSubnet.id,
      );
    }
    case 'peering': {
      const pc = net.peerings.get(target.id);
      if (!pc) {
        ctx.unknown(`peering ${target.id}`);
        return undefined;
      }
      if (pc.state !== 'active')
        ctx.block({
          resource: pc.id,
          kind: 'peering',
          reason: { code: 'peering-state', peering: pc.id, state: pc.state },
          location: pc.prov,
        });
      const other = pc.requesterVpc === subnet.vpc ? pc.accepterVpc : pc.requesterVpc;
      if (!net.vpcRanges(other).some((r) => contains(r, dst))) {
        drop(ctx, {
          resource: pc.id,
          kind: 'route',
          reason: { code: 'peering-not-transitive', peering: pc.id, address: dst.text, other },
          location: prov,
        });
        return;
      }
      ctx.crossAcl(subnet.id, 'egress', dst, { natted: leg.natted });
      ctx.hop({
        node: pc.id,
        evaluated: 'peering',
        direction: 'outbound',
        result: pc.state === 'active' ? 'forwarded' : 'dropped',
        decision: { code: 'peering', from: subnet.vpc, to: other },
        location: pc.prov,
      });
      return enterVpc(ctx, other, dst, { ...leg, depth: leg.depth + 1 });
    }
    case 'tgw': {
      const tgw = net.transitGateways.get(target.id);
      if (!tgw) {
        ctx.unknown(`transit gateway ${target.id}`);
        return undefined;
      }
      const att = tgw.attachments.find((a) => a.kind === 'vpc' && a.vpc === subnet.vpc);
      if (!att) {
        drop(ctx, {
          resource: tgw.id,
          kind: 'route',
          reason: { code: 'vpc-not-attached', vpc: subnet.vpc, tgw: tgw.id },
          location: tgw.prov,
        });
        return;
      }
      // AWS TGW guide: resources in an Availability Zone where the attachment has no subnet cannot reach the TGW.
      const azs = (att.kind === 'vpc' ? att.subnets : [])
        .map((s) => net.subnets.get(s)?.az)
        .filter((az): az is string => az !== undefined);
      if (azs.length > 0 && !azs.includes(subnet.az)) {
        drop(ctx, {
          resource: att.id,
          kind: 'route',
          reason: {
            code: 'attachment-missing-az',
            attachment: att.id,
            az: subnet.az,
            subnet: subnet.id,
            tgw: tgw.id,
            azs,
          },
          location: att.prov,
        });
        return;
      }
      // TGW guide: the instance subnet's ACL checks outbound, the attachment subnet's ACL inbound (both when they
      // are one subnet); the reply from the TGW is checked by neither when they are one subnet.
      const attSubnet = att.kind === 'vpc' ? attachmentSubnetFor(ctx, att.subnets, subnet.az) : undefined;
      ctx.crossAcl(subnet.id, 'egress', dst, { noReturn: attSubnet === subnet.id, natted: leg.natted });
      if (attSubnet)
        ctx.crossAcl(attSubnet, 'ingress', leg.src, { noReturn: attSubnet === subnet.id, natted: leg.natted });
      return viaTransitGateway(ctx, tgw, att, dst, leg);
    }
    case 'vgw': {
      const onprem = [...net.onPremises.values()].find(
        (o) =>
          o.connections.some((c) => c.via === 'vgw' && c.vpc === subnet.vpc) &&
          o.cidrs.some((c) => contains(net.range(c), dst)),
      );
      if (!onprem) {
        drop(ctx, {
          resource: target.id,
          kind: 'route',
          reason: { code: 'no-site-behind-vgw', vgw: target.id, address: dst.text },
          location: prov,
        });
        return;
      }
      ctx.crossAcl(subnet.id, 'egress', dst, { natted: leg.natted });
      return { kind: 'onprem', network: onprem.id };
    }
  }
}

/**
 * On premises, the site's own routers are not in the input; we assume (inferred) that the site sends a destination
 * over whichever of its VPN / Direct Connect links can deliver it, as BGP would when AWS advertises the VPC ranges.
 */
function fromOnPrem(ctx: RouteContext, onprem: OnPremNetwork, dst: IpRange, leg: Leg): Arrival | undefined {
  const net = ctx.net;
  for (const conn of onprem.connections) {
    if (conn.via === 'vgw') {
      if (net.vpcRanges(conn.vpc).some((r) => contains(r, dst))) {
        ctx.hop({
          node: onprem.id,
          evaluated: conn.kind === 'vpn' ? 'vpn' : 'direct-connect',
          direction: 'outbound',
          result: 'forwarded',
          decision: { code: 'to-vgw', address: dst.text, vpc: conn.vpc },
        });
        return enterVpc(ctx, conn.vpc, dst, { ...leg, transit: true });
      }
      continue;
    }
    const tgw = net.transitGateways.get(conn.tgw);
    const att = tgw?.attachments.find((a) => a.id === conn.attachment);
    if (!tgw || !att) {
      ctx.unknown(`${onprem.id}: transit gateway attachment ${conn.attachment}`);
      continue;
    }
    ctx.hop({
      node: onprem.id,
      evaluated: conn.kind === 'vpn' ? 'vpn' : 'direct-connect',
      direction: 'outbound',
      result: 'forwarded',
      decision: { code: 'to-tgw', attachment: att.id },
    });
    return viaTransitGateway(ctx, tgw, att, dst, { ...leg, transit: true });
  }
  drop(ctx, {
    resource: onprem.id,
    kind: 'route',
    reason: { code: 'no-link-from-site', site: onprem.id, address: dst.text },
    inferred: true,
    location: onprem.prov,
  });
}

/** Routes one flow from its origin towards the target address. Undefined when the packets are dropped. */
export function routeStep(
  ctx: RouteContext,
  net: Network,
  origin: RouteOrigin,
  srcSubnet: Subnet | undefined,
  target: RouteTarget,
): Arrival | undefined {
  const dst = target.address;
  if (origin.kind === 'internet') {
    if (isPrivate(dst)) {
      drop(ctx, {
        resource: origin.label,
        kind: 'route',
        reason: { code: 'internet-private-address', address: dst.text },
      });
      return;
    }
    ctx.hop({
      node: origin.label,
      evaluated: 'internet',
      direction: 'outbound',
      result: 'forwarded',
      decision: { code: 'to-internet', address: dst.text },
    });
    return {
      kind: 'internet',
      publicSource: origin.range.prefix === (origin.range.version === 4 ? 32 : 128) ? origin.range.text : undefined,
    };
  }
  if (origin.kind === 'onprem') {
    const onprem = net.onPremises.get(origin.network);
    if (!onprem) {
      ctx.unknown(`on-premises network ${origin.network}`);
      return undefined;
    }
    if (!isPrivate(dst) && onprem.internet) {
      ctx.hop({
        node: onprem.id,
        evaluated: 'internet-breakout',
        direction: 'outbound',
        result: 'forwarded',
        decision: {
          code: 'breakout',
          ...(onprem.internet.publicIp !== undefined ? { publicIp: onprem.internet.publicIp } : {}),
        },
      });
      return { kind: 'internet', publicSource: onprem.internet.publicIp ?? 'unknown' };
    }
    return fromOnPrem(ctx, onprem, dst, { src: origin.range, transit: true, depth: 0 });
  }
  if (!srcSubnet) {
    ctx.unknown(`subnet ${origin.subnet}`);
    return undefined;
  }
  return fromSubnet(ctx, srcSubnet, dst, {
    src: origin.range,
    srcGroups: origin.securityGroups,
    publicIp: origin.publicIp,
    transit: false,
    depth: 0,
  });
}
