// VPCs (with DNS attributes and DHCP options), subnets, route tables, gateways and instances.
import type { Route, RouteTarget, Scope } from '../../../model/types.js';
import { parseRange } from '../../../net/cidr.js';
import { bool, obj, objs, str, type Obj, type ScopeIndex } from './raw-index.js';
import { localName, type ConvertContext } from './context.js';

export function validCidr(text: string | undefined): text is string {
  return text !== undefined && text.includes('/') && parseRange(text) !== undefined;
}

export function validIp(text: string | undefined): text is string {
  return text !== undefined && !text.includes('/') && parseRange(text) !== undefined;
}

export function scopeOf(idx: ScopeIndex): Scope {
  return { account: idx.scope.account, region: idx.scope.region };
}

const UNREAD_TABLES = '(route tables not read)';

function attribute(idx: ScopeIndex, vpcId: string, name: 'enableDnsSupport' | 'enableDnsHostnames') {
  const page = idx.page('ec2:DescribeVpcAttribute', { VpcId: vpcId, Attribute: name });
  const member = name === 'enableDnsSupport' ? 'EnableDnsSupport' : 'EnableDnsHostnames';
  return bool(obj(page, member), 'Value');
}

/** DNS servers of a DHCP option set; the default set (the VPC resolver only) is what the model leaves undefined. */
function dhcpServers(idx: ScopeIndex, id: string | undefined): string[] | undefined {
  if (id === undefined || id === 'default') return undefined;
  const set = idx.items('ec2:DescribeDhcpOptions', 'DhcpOptions').find((d) => str(d, 'DhcpOptionsId') === id);
  const config = objs(set, 'DhcpConfigurations').find((c) => str(c, 'Key') === 'domain-name-servers');
  const servers = objs(config, 'Values').flatMap((v) => str(v, 'Value') ?? []);
  if (servers.length === 0 || (servers.length === 1 && servers[0] === 'AmazonProvidedDNS')) return undefined;
  return servers;
}

/** The internet gateway attached to each VPC; when gateways could not be listed, the one its active routes use. */
function attachedGateways(ctx: ConvertContext, idx: ScopeIndex): Map<string, string> {
  const out = new Map<string, string>();
  if (!idx.failure('ec2:DescribeInternetGateways')) {
    for (const g of idx.items('ec2:DescribeInternetGateways', 'InternetGateways')) {
      const id = str(g, 'InternetGatewayId');
      for (const a of objs(g, 'Attachments')) {
        const vpc = str(a, 'VpcId');
        const state = str(a, 'State');
        if (id && vpc && (state === 'available' || state === 'attached')) out.set(vpc, ctx.ids.ref('igw', id));
      }
    }
    return out;
  }
  // AWS turns a route to a detached gateway into a blackhole, so an active route to igw-… shows it is attached.
  for (const t of idx.items('ec2:DescribeRouteTables', 'RouteTables')) {
    const vpc = str(t, 'VpcId');
    const igw = objs(t, 'Routes').find(
      (r) => str(r, 'GatewayId')?.startsWith('igw-') === true && str(r, 'State') !== 'blackhole',
    );
    const id = str(igw, 'GatewayId');
    if (vpc && id) out.set(vpc, ctx.ids.ref('igw', id));
  }
  return out;
}

export function convertVpcs(ctx: ConvertContext, idx: ScopeIndex, seen: Set<string>): void {
  const scope = scopeOf(idx);
  const tablesFailed = idx.failure('ec2:DescribeRouteTables');
  const igws = attachedGateways(ctx, idx);
  for (const v of idx.items('ec2:DescribeVpcs', 'Vpcs')) {
    const awsId = str(v, 'VpcId');
    if (awsId === undefined || seen.has(awsId)) continue;
    seen.add(awsId);
    const id = ctx.ids.ref('vpc', awsId);
    const associated = (list: Obj[], key: string, stateKey: string) =>
      list
        .filter((a) => {
          const state = str(obj(a, stateKey), 'State');
          return state === undefined || state === 'associated';
        })
        .flatMap((a) => str(a, key) ?? []);
    let cidrs = associated(objs(v, 'CidrBlockAssociationSet'), 'CidrBlock', 'CidrBlockState');
    if (cidrs.length === 0 && str(v, 'CidrBlock') !== undefined) cidrs = [str(v, 'CidrBlock') as string];
    const bad = cidrs.filter((c) => !validCidr(c));
    if (cidrs.length === 0 || bad.length > 0) {
      ctx.warn(scope, 'aws-bad-answer', `VPC ${awsId} has no readable CIDR (${bad.join(', ') || 'none'}); left out`);
      continue;
    }
    const ipv6Cidrs = associated(objs(v, 'Ipv6CidrBlockAssociationSet'), 'Ipv6CidrBlock', 'Ipv6CidrBlockState').filter(
      validCidr,
    );
    const main = idx
      .items('ec2:DescribeRouteTables', 'RouteTables')
      .find((t) => str(t, 'VpcId') === awsId && objs(t, 'Associations').some((a) => bool(a, 'Main') === true));
    const mainId = str(main, 'RouteTableId');
    const owner = str(v, 'OwnerId');
    const dnsSupport = attribute(idx, awsId, 'enableDnsSupport');
    const dnsHostnames = attribute(idx, awsId, 'enableDnsHostnames');
    const dhcpId = str(v, 'DhcpOptionsId');
    const servers = dhcpServers(idx, dhcpId);
    const igw = igws.get(awsId);
    ctx.model.vpcs.push({
      id,
      ...scope,
      cidrs,
      ipv6Cidrs,
      ...(dnsSupport !== undefined ? { dnsSupport } : {}),
      ...(dnsHostnames !== undefined ? { dnsHostnames } : {}),
      ...(igw !== undefined ? { internetGateway: igw } : {}),
      // A main table the read could not see is named anyway, so routing through it is UNKNOWN, not "local only".
      ...(mainId !== undefined
        ? { mainRouteTable: ctx.ids.ref('rtb', mainId) }
        : tablesFailed
          ? { mainRouteTable: `${id}/${UNREAD_TABLES}` }
          : {}),
      ...(owner !== undefined && owner !== scope.account ? { sharedFrom: owner } : {}),
      ...(servers !== undefined
        ? { dhcpOptions: { ...(dhcpId !== undefined ? { id: dhcpId } : {}), domainNameServers: servers } }
        : {}),
      prov: ctx.prov(scope, awsId),
    });
  }
}

export function convertSubnets(ctx: ConvertContext, idx: ScopeIndex, seen: Set<string>): void {
  const scope = scopeOf(idx);
  const explicit = new Map<string, string>();
  for (const t of idx.items('ec2:DescribeRouteTables', 'RouteTables')) {
    const table = str(t, 'RouteTableId');
    for (const a of objs(t, 'Associations')) {
      const subnet = str(a, 'SubnetId');
      if (table && subnet && bool(a, 'Main') !== true) explicit.set(subnet, ctx.ids.ref('rtb', table));
    }
  }
  for (const s of idx.items('ec2:DescribeSubnets', 'Subnets')) {
    const awsId = str(s, 'SubnetId');
    const vpcAws = str(s, 'VpcId');
    if (awsId === undefined || vpcAws === undefined || seen.has(awsId)) continue;
    seen.add(awsId);
    const cidr = str(s, 'CidrBlock');
    const az = str(s, 'AvailabilityZone');
    if (!validCidr(cidr) || az === undefined) {
      ctx.warn(scope, 'aws-bad-answer', `subnet ${awsId} has no readable CIDR or zone; left out`);
      continue;
    }
    const id = ctx.ids.ref('subnet', awsId);
    const v6 = objs(s, 'Ipv6CidrBlockAssociationSet')
      .map((a) => str(a, 'Ipv6CidrBlock'))
      .find(validCidr);
    const table = explicit.get(awsId);
    ctx.model.subnets.push({
      id,
      name: localName(id),
      vpc: ctx.ids.ref('vpc', vpcAws),
      ...scope,
      cidr,
      ...(v6 !== undefined ? { ipv6Cidr: v6 } : {}),
      az,
      ...(table !== undefined ? { routeTable: table } : {}),
      prov: ctx.prov(scope, awsId),
    });
  }
}

/** Targets the model has no kind for: a flow they carry is unknown, so they become references the engine lacks. */
const UNFOLLOWED: [string, string][] = [
  ['EgressOnlyInternetGatewayId', 'egress-only internet gateway'],
  ['NetworkInterfaceId', 'network interface'],
  ['LocalGatewayId', 'local gateway'],
  ['CarrierGatewayId', 'carrier gateway'],
  ['CoreNetworkArn', 'Cloud WAN core network'],
  ['GatewayId', 'gateway'],
];

function routeTarget(ctx: ConvertContext, r: Obj): RouteTarget | { unfollowed: string; id: string } {
  if (str(r, 'State') === 'blackhole') return { kind: 'blackhole' };
  const gw = str(r, 'GatewayId');
  if (gw === 'local') return { kind: 'local' };
  if (gw?.startsWith('igw-')) return { kind: 'igw', id: ctx.ids.ref('igw', gw) };
  if (gw?.startsWith('vgw-')) return { kind: 'vgw', id: ctx.ids.ref('vgw', gw) };
  const nat = str(r, 'NatGatewayId');
  if (nat !== undefined) return { kind: 'nat-gateway', id: ctx.ids.ref('nat', nat) };
  const instance = str(r, 'InstanceId');
  if (instance !== undefined) return { kind: 'instance', id: ctx.ids.ref('instance', instance) };
  const pcx = str(r, 'VpcPeeringConnectionId');
  if (pcx !== undefined) return { kind: 'peering', id: ctx.ids.ref('pcx', pcx) };
  const tgw = str(r, 'TransitGatewayId');
  if (tgw !== undefined) return { kind: 'tgw', id: ctx.ids.ref('tgw', tgw) };
  for (const [key, what] of UNFOLLOWED) {
    const id = str(r, key);
    if (id !== undefined) return { unfollowed: what, id };
  }
  return { unfollowed: 'target', id: '(none given)' };
}

export function convertRouteTables(ctx: ConvertContext, idx: ScopeIndex, seen: Set<string>): void {
  const scope = scopeOf(idx);
  for (const t of idx.items('ec2:DescribeRouteTables', 'RouteTables')) {
    const awsId = str(t, 'RouteTableId');
    const vpcAws = str(t, 'VpcId');
    if (awsId === undefined || vpcAws === undefined || seen.has(awsId)) continue;
    seen.add(awsId);
    const id = ctx.ids.ref('rtb', awsId);
    const routes: Route[] = [];
    for (const r of objs(t, 'Routes')) {
      const pl = str(r, 'DestinationPrefixListId');
      const cidr = str(r, 'DestinationCidrBlock') ?? str(r, 'DestinationIpv6CidrBlock');
      const target = routeTarget(ctx, r);
      const prov = ctx.prov(scope, awsId);
      if ('unfollowed' in target) {
        // A gateway endpoint's route to an AWS service's prefix list carries only that service's traffic.
        if (target.id.startsWith('vpce-') && pl !== undefined) continue;
        ctx.warn(
          scope,
          'aws-route-not-followed',
          `route table ${id}: route ${cidr ?? pl ?? '?'} -> ${target.id} goes through a ${target.unfollowed}, which wspl does not follow; flows it carries are UNKNOWN`,
        );
        const dest =
          pl !== undefined ? { destination: ctx.ids.ref('pl', pl), prefixList: true } : { destination: cidr };
        if (dest.destination !== undefined)
          routes.push({ ...dest, destination: dest.destination, target: { kind: 'instance', id: target.id }, prov });
        continue;
      }
      if (pl !== undefined) routes.push({ destination: ctx.ids.ref('pl', pl), prefixList: true, target, prov });
      else if (validCidr(cidr)) routes.push({ destination: cidr, target, prov });
    }
    ctx.model.routeTables.push({
      id,
      name: localName(id),
      vpc: ctx.ids.ref('vpc', vpcAws),
      ...scope,
      routes,
      prov: ctx.prov(scope, awsId),
    });
  }
}

const NAT_STATES = new Set(['available', 'pending', 'failed', 'deleting', 'deleted']);

export function convertGatewaysAndInstances(ctx: ConvertContext, idx: ScopeIndex, seen: Set<string>): void {
  const scope = scopeOf(idx);
  for (const g of idx.items('ec2:DescribeNatGateways', 'NatGateways')) {
    const awsId = str(g, 'NatGatewayId');
    const vpc = str(g, 'VpcId');
    const subnet = str(g, 'SubnetId');
    if (awsId === undefined || vpc === undefined || seen.has(awsId)) continue;
    seen.add(awsId);
    if (subnet === undefined) {
      ctx.warn(
        scope,
        'aws-not-modelled',
        `NAT gateway ${awsId} sits in no one subnet (regional); routes to it are UNKNOWN`,
      );
      continue;
    }
    const id = ctx.ids.ref('nat', awsId);
    const state = str(g, 'State')?.toLowerCase() ?? 'pending';
    const publicIp = objs(g, 'NatGatewayAddresses')
      .map((a) => str(a, 'PublicIp'))
      .find(validIp);
    ctx.model.natGateways.push({
      id,
      name: localName(id),
      vpc: ctx.ids.ref('vpc', vpc),
      ...scope,
      subnet: ctx.ids.ref('subnet', subnet),
      connectivity: str(g, 'ConnectivityType') === 'private' ? 'private' : 'public',
      ...(publicIp !== undefined ? { publicIp } : {}),
      state: (NAT_STATES.has(state) ? state : 'pending') as 'available',
      prov: ctx.prov(scope, awsId),
    });
  }
  for (const res of idx.items('ec2:DescribeInstances', 'Reservations')) {
    for (const i of objs(res, 'Instances')) {
      const awsId = str(i, 'InstanceId');
      const vpc = str(i, 'VpcId');
      const subnet = str(i, 'SubnetId');
      const state = str(obj(i, 'State'), 'Name');
      if (awsId === undefined || vpc === undefined || subnet === undefined || seen.has(awsId)) continue;
      if (state === 'terminated') continue;
      seen.add(awsId);
      const id = ctx.ids.ref('instance', awsId);
      const sourceDestCheck = bool(i, 'SourceDestCheck');
      const privateIp = str(i, 'PrivateIpAddress');
      const publicIp = str(i, 'PublicIpAddress');
      ctx.model.instances.push({
        id,
        name: localName(id),
        vpc: ctx.ids.ref('vpc', vpc),
        ...scope,
        subnet: ctx.ids.ref('subnet', subnet),
        securityGroups: objs(i, 'SecurityGroups').flatMap((g) => {
          const gid = str(g, 'GroupId');
          return gid ? [ctx.ids.ref('sg', gid)] : [];
        }),
        ...(validIp(privateIp) ? { privateIp } : {}),
        ...(validIp(publicIp) ? { publicIp } : {}),
        // Inferred: an instance with the source/destination check off forwards others' traffic, as a NAT instance.
        nat: sourceDestCheck === false,
        // Anything not running (pending, stopping, stopped) forwards nothing now.
        state: state === 'running' ? 'running' : 'stopped',
        ...(sourceDestCheck !== undefined ? { sourceDestCheck } : {}),
        prov: ctx.prov(scope, awsId),
      });
    }
  }
}
