// Where a packet goes: longest-prefix match in route tables, then through whatever the route names (internet
// gateway, NAT gateway, NAT instance, peering, transit gateway, virtual private gateway) until it arrives.
import type { OnPremNetwork, RouteTable, SgRule, Subnet, TransitGateway, TgwAttachment } from '../model/types.js';
import { contains, isPrivate, longestPrefixMatch, type IpRange, type Prefixed } from './cidr.js';
import type { FlowProtocol, Remote } from './filters.js';
import type { Network } from './network.js';
import type { Blocker, Hop } from './trace-types.js';

/** Where the walk reports hops, blockers and gaps; filters are evaluated through it so a reply walk can skip them. */
export interface RouteContext {
  net: Network;
  spec: { proto: FlowProtocol; port: number };
  noRoute: boolean;
  hop(h: Hop): void;
  block(b: Blocker): void;
  unknown(what: string): void;
  /** `noReturn`: the reply does not cross this boundary's ACL again (the TGW-to-instance case in one subnet). */
  crossAcl(subnet: string, direction: 'ingress' | 'egress', remote: IpRange, noReturn?: boolean): void;
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

type RouteOrigin =
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

type RouteTarget = { kind: 'eni' | 'internet' | 'return'; address: IpRange };

/** The source of the current leg: after a NAT it is the NAT's address, and the NAT's public IP. */
interface Leg {
  src: IpRange;
  srcGroups?: readonly string[];
  publicIp?: string;
  transit: boolean;
  depth: number;
}

const MAX_LEGS = 8;

type TableTarget = { kind: 'local' } | RouteTable['routes'][number]['target'];

function tableEntries(
  net: Network,
  subnet: Subnet,
  table: RouteTable | undefined,
): Prefixed<{ target: TableTarget; text: string; prov?: RouteTable['prov'] }>[] {
  const entries: Prefixed<{ target: TableTarget; text: string; prov?: RouteTable['prov'] }>[] = [];
  const vpc = net.vpcs.get(subnet.vpc);
  for (const c of [...(vpc?.cidrs ?? []), ...(vpc?.ipv6Cidrs ?? [])]) {
    entries.push({ range: net.range(c), value: { target: { kind: 'local' }, text: `${c} -> local` } });
  }
  for (const r of table?.routes ?? []) {
    const ranges = r.prefixList ? (net.prefixListRanges(r.destination) ?? []) : [net.range(r.destination)];
    const name = 'id' in r.target ? r.target.id : r.target.kind;
    for (const range of ranges)
      entries.push({ range, value: { target: r.target, text: `${r.destination} -> ${name}`, prov: r.prov } });
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
    ctx.block({ resource: vpcId, kind: 'route', detail: `no subnet of ${vpcId} holds ${dst.text}` });
    return undefined;
  }
  const via = attachmentSubnetFor(ctx, viaSubnets, subnet.az);
  if (via === subnet.id) return { kind: 'subnet', subnet: subnet.id, crossedTransit: leg.transit };
  if (via) ctx.crossAcl(via, 'egress', dst);
  ctx.crossAcl(subnet.id, 'ingress', leg.src);
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

function drop(ctx: RouteContext, b: Blocker): undefined {
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
      detail: `transit gateway route table ${table.id} has no route for ${dst.text}`,
      location: table.prov,
    });
    return;
  }
  const att = match.value.attachment ? tgw.attachments.find((a) => a.id === match.value.attachment) : undefined;
  if (!att) {
    drop(ctx, {
      resource: table.id,
      kind: 'route',
      detail: `transit gateway route ${match.value.destination} in ${table.id} is a blackhole`,
      location: match.value.prov,
    });
    return;
  }
  ctx.hop({
    node: table.id,
    action: 'transit gateway route',
    result: 'forwarded',
    detail: `${match.value.destination} -> ${att.id}${match.value.propagated ? ' (propagated)' : ''}`,
    location: match.value.prov,
  });
  const next = { ...leg, transit: true, depth: leg.depth + 1 };
  if (att.kind === 'vpc') {
    if (net.vpcRanges(att.vpc).some((r) => contains(r, dst))) return enterVpc(ctx, att.vpc, dst, next, att.subnets);
    // Not for this VPC: it is a transit VPC (central egress); the attachment subnet's route table decides.
    const sub = att.subnets[0] ? net.subnets.get(att.subnets[0]) : undefined;
    if (!sub) {
      drop(ctx, { resource: att.id, kind: 'route', detail: `attachment ${att.id} names no subnet` });
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
    detail: `${att.id} leads to ${att.onPrem}, which does not hold ${dst.text}`,
  });
}

function fromSubnet(ctx: RouteContext, subnet: Subnet, dst: IpRange, leg: Leg): Arrival | undefined {
  const net = ctx.net;
  if (leg.depth > MAX_LEGS) {
    drop(ctx, { resource: subnet.id, kind: 'route', detail: 'routing loop' });
    return;
  }
  const table = net.routeTableOf(subnet);
  const tableName = table?.id ?? `${subnet.vpc} main route table (local routes only)`;
  const entries = net.memo(`routes|${subnet.vpc}|${table?.id ?? ''}`, () => tableEntries(net, subnet, table));
  const match = longestPrefixMatch(entries, dst);
  if (!match) {
    drop(ctx, {
      resource: table?.id ?? subnet.id,
      kind: 'route',
      detail: `${tableName} (used by ${subnet.id}) has no route for ${dst.text}`,
      location: table?.prov ?? subnet.prov,
    });
    return;
  }
  const { target, text, prov } = match.value;
  ctx.hop({
    node: table?.id ?? subnet.vpc,
    action: 'route',
    result: target.kind === 'blackhole' ? 'dropped' : 'forwarded',
    detail: text,
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
          detail: `no subnet of ${subnet.vpc} holds ${dst.text}`,
        });
        return;
      }
      if (to.id !== subnet.id) {
        ctx.crossAcl(subnet.id, 'egress', dst);
        ctx.crossAcl(to.id, 'ingress', leg.src);
      }
      return { kind: 'subnet', subnet: to.id, crossedTransit: leg.transit };
    }
    case 'blackhole': {
      drop(ctx, {
        resource: table?.id ?? subnet.id,
        kind: 'route',
        detail: `route ${text} in ${tableName} is a blackhole`,
        location: prov,
      });
      return;
    }
    case 'igw': {
      if (isPrivate(dst)) {
        drop(ctx, {
          resource: table?.id ?? subnet.id,
          kind: 'route',
          detail: `${tableName} sends ${dst.text} to the internet gateway, but the internet does not route private addresses`,
          location: prov,
        });
        return;
      }
      if (vpc?.internetGateway !== target.id) {
        ctx.block({
          resource: subnet.vpc,
          kind: 'route',
          detail: `${target.id} is not attached to ${subnet.vpc}`,
          location: prov,
        });
      }
      ctx.crossAcl(subnet.id, 'egress', dst);
      if (leg.publicIp === undefined) {
        ctx.block({
          resource: subnet.id,
          kind: 'internet',
          detail: `traffic from ${leg.src.text} leaves through ${target.id} but has no public IPv4 address; an internet gateway only passes traffic of addresses that have one`,
        });
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
          detail: `NAT gateway ${ngw.id} is ${ngw.state}`,
          location: ngw.prov,
        });
      if (ngw.connectivity === 'private' && !isPrivate(dst))
        ctx.block({
          resource: ngw.id,
          kind: 'nat',
          detail: `NAT gateway ${ngw.id} is private and cannot reach the internet`,
          location: ngw.prov,
        });
      const natSubnet = net.subnets.get(ngw.subnet);
      if (!natSubnet) {
        drop(ctx, {
          resource: ngw.id,
          kind: 'nat',
          detail: `subnet ${ngw.subnet} of ${ngw.id} is not in the input`,
        });
        return;
      }
      if (natSubnet.id !== subnet.id) {
        ctx.crossAcl(subnet.id, 'egress', dst);
        ctx.crossAcl(natSubnet.id, 'ingress', leg.src);
      }
      ctx.hop({
        node: ngw.id,
        action: 'NAT',
        result: 'forwarded',
        detail: `source becomes ${ngw.publicIp ?? 'its elastic IP'}`,
        location: ngw.prov,
      });
      return viaNat(
        fromSubnet(ctx, natSubnet, dst, {
          src: net.range(natSubnet.cidr),
          publicIp: ngw.publicIp ?? 'unknown',
          transit: leg.transit,
          depth: leg.depth + 1,
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
          detail: `NAT instance ${inst.id} is ${inst.state}`,
          location: inst.prov,
        });
      if (!inst.nat)
        ctx.block({
          resource: inst.id,
          kind: 'nat',
          detail: `${inst.id} is not configured as a NAT instance`,
          location: inst.prov,
        });
      if (inst.sourceDestCheck === true)
        ctx.block({
          resource: inst.id,
          kind: 'nat',
          detail: `source/destination check is on for ${inst.id}; a NAT instance needs it off`,
          location: inst.prov,
        });
      const natSubnet = net.subnets.get(inst.subnet);
      if (!natSubnet) {
        drop(ctx, {
          resource: inst.id,
          kind: 'nat',
          detail: `subnet ${inst.subnet} of ${inst.id} is not in the input`,
        });
        return;
      }
      if (natSubnet.id !== subnet.id) {
        ctx.crossAcl(subnet.id, 'egress', dst);
        ctx.crossAcl(natSubnet.id, 'ingress', leg.src);
      }
      ctx.checkSg(inst.id, inst.securityGroups, 'ingress', { range: leg.src, securityGroups: leg.srcGroups });
      ctx.checkSg(inst.id, inst.securityGroups, 'egress', { range: dst });
      ctx.hop({
        node: inst.id,
        action: 'NAT',
        result: inst.state === 'running' ? 'forwarded' : 'dropped',
        detail: `source becomes ${inst.publicIp ?? 'its public IP'}`,
        location: inst.prov,
      });
      const src = inst.privateIp ? net.range(inst.privateIp) : net.range(natSubnet.cidr);
      return viaNat(
        fromSubnet(ctx, natSubnet, dst, {
          src,
          srcGroups: inst.securityGroups,
          publicIp: inst.publicIp,
          transit: leg.transit,
          depth: leg.depth + 1,
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
        ctx.block({ resource: pc.id, kind: 'peering', detail: `peering ${pc.id} is ${pc.state}`, location: pc.prov });
      const other = pc.requesterVpc === subnet.vpc ? pc.accepterVpc : pc.requesterVpc;
      if (!net.vpcRanges(other).some((r) => contains(r, dst))) {
        drop(ctx, {
          resource: pc.id,
          kind: 'route',
          detail: `${dst.text} is not in ${other}; VPC peering does not carry traffic onward (no transitive routing)`,
          location: prov,
        });
        return;
      }
      ctx.crossAcl(subnet.id, 'egress', dst);
      ctx.hop({
        node: pc.id,
        action: 'VPC peering',
        result: pc.state === 'active' ? 'forwarded' : 'dropped',
        detail: `${subnet.vpc} -> ${other}`,
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
          detail: `${subnet.vpc} has no attachment on ${tgw.id}`,
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
          detail: `attachment ${att.id} has no subnet in ${subnet.az}, so traffic from ${subnet.id} cannot reach ${tgw.id} (attachment subnets: ${azs.join(', ')})`,
          location: att.prov,
        });
        return;
      }
      // TGW guide: the instance subnet's ACL checks outbound, the attachment subnet's ACL inbound (both when they
      // are one subnet); the reply from the TGW is checked by neither when they are one subnet.
      const attSubnet = att.kind === 'vpc' ? attachmentSubnetFor(ctx, att.subnets, subnet.az) : undefined;
      ctx.crossAcl(subnet.id, 'egress', dst, attSubnet === subnet.id);
      if (attSubnet) ctx.crossAcl(attSubnet, 'ingress', leg.src, attSubnet === subnet.id);
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
          detail: `no on-premises network behind ${target.id} holds ${dst.text}`,
          location: prov,
        });
        return;
      }
      ctx.crossAcl(subnet.id, 'egress', dst);
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
          action: `${conn.kind.toUpperCase()} to virtual private gateway`,
          result: 'forwarded',
          detail: `${dst.text} is in ${conn.vpc}`,
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
      action: `${conn.kind.toUpperCase()} to transit gateway`,
      result: 'forwarded',
      detail: `via ${att.id}`,
    });
    return viaTransitGateway(ctx, tgw, att, dst, { ...leg, transit: true });
  }
  drop(ctx, {
    resource: onprem.id,
    kind: 'route',
    detail: `no VPN or Direct Connect link of ${onprem.id} leads to ${dst.text}`,
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
        detail: `${dst.text} is a private address: the internet does not route to it; the client needs a VPN, Direct Connect or a network inside the VPCs`,
      });
      return;
    }
    ctx.hop({ node: origin.label, action: 'internet', result: 'forwarded', detail: `to ${dst.text}` });
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
        action: 'internet breakout',
        result: 'forwarded',
        detail: `source becomes ${onprem.internet.publicIp ?? 'the site public address'}`,
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
