// VPCs and what routes inside them: CIDR blocks, subnets, route tables (with the local routes and the main table AWS
// adds by itself), internet and VPN gateways, NAT gateways and instances.
import type { Route, RouteTarget, Vpc } from '../../model/types.js';
import { scopeOf, type Assembly } from './assembly.js';
import type { RawOf, RawRoute } from './graph.js';
import { Unknown } from './values.js';

export const MAIN_ROUTE_TABLE = 'main';

export function assembleVpcs(a: Assembly): void {
  for (const v of a.all('vpc')) {
    const cidrs: string[] = [];
    const ipv6Cidrs: string[] = [];
    v.cidrs.forEach((c) => {
      const cidr = a.cidr(c, v, 'cidrs', 'CIDR block');
      if (cidr !== undefined) cidrs.push(cidr);
    });
    v.ipv6Cidrs.forEach((c) => {
      const cidr = a.cidr(c, v, 'ipv6Cidrs', 'IPv6 CIDR block', false);
      if (cidr !== undefined) ipv6Cidrs.push(cidr);
    });
    for (const extra of a.linkedTo('vpc-cidr', 'vpc', (x) => x.vpc, v.key)) {
      if (extra.cidr !== undefined) {
        const cidr = a.cidr(extra.cidr, extra, 'cidr', 'CIDR block');
        if (cidr !== undefined) cidrs.push(cidr);
      }
      if (extra.ipv6Cidr !== undefined) {
        const cidr = a.cidr(extra.ipv6Cidr, extra, 'ipv6Cidr', 'IPv6 CIDR block', false);
        if (cidr !== undefined) ipv6Cidrs.push(cidr);
      }
    }
    const dnsSupport = a.known(v.dnsSupport, v, 'dnsSupport', 'EnableDnsSupport', false);
    const dnsHostnames = a.known(v.dnsHostnames, v, 'dnsHostnames', 'EnableDnsHostnames', false);
    a.model.vpcs.push({
      id: v.name,
      ...scopeOf(v),
      cidrs,
      ipv6Cidrs,
      ...(dnsSupport !== undefined ? { dnsSupport } : {}),
      ...(dnsHostnames !== undefined ? { dnsHostnames } : {}),
      prov: v.prov,
    });
  }
  for (const extra of a.all('vpc-cidr')) a.resolve(extra.vpc, ['vpc'], extra, 'vpc');
}

export function assembleSubnets(a: Assembly, vpc: Vpc): void {
  for (const s of a.inVpc('subnet', vpc.id)) {
    const id = a.ids.get(s.key) ?? s.name;
    const cidr = a.cidr(s.cidr, s, 'cidr', 'CidrBlock');
    const az = a.known(s.az, s, 'az', 'AvailabilityZone', true);
    const ipv6Cidr = s.ipv6Cidr !== undefined ? a.cidr(s.ipv6Cidr, s, 'ipv6Cidr', 'Ipv6CidrBlock', false) : undefined;
    if (cidr === undefined || az === undefined) continue;
    const subnet = {
      id,
      name: s.name,
      vpc: vpc.id,
      ...scopeOf(s),
      cidr,
      ...(ipv6Cidr !== undefined ? { ipv6Cidr } : {}),
      az,
      prov: s.prov,
    };
    a.model.subnets.push(subnet);
    a.subnetById.set(id, subnet);
  }
}

function routeTarget(
  a: Assembly,
  owner: RawOf<'route' | 'route-table'>,
  raw: RawRoute,
  vpc: Vpc,
): RouteTarget | undefined {
  const t = raw.target;
  if (t instanceof Unknown) {
    a.warn(
      'unknown-value',
      raw.prov,
      `the target of a route of ${a.label(owner)} cannot be known before deployment: ${t.why}; the route is left out`,
    );
    return undefined;
  }
  if (!('link' in t)) return { kind: t.kind };
  if (t.kind === 'eni') {
    a.warn(
      'not-modelled',
      raw.prov,
      `a route of ${a.label(owner)} goes to a network interface, which wspl does not model; the route is left out`,
    );
    return undefined;
  }
  const kinds = t.kind === 'igw' || t.kind === 'vgw' ? (['igw', 'vgw'] as const) : ([t.kind] as const);
  const target = a.resolve(t.link, kinds, owner, 'routes');
  if (!target) return undefined;
  if ('unknown' in target) {
    a.warn(
      'unknown-value',
      raw.prov,
      `the target of a route of ${a.label(owner)} cannot be known before deployment: ${target.unknown}; the route is left out`,
    );
    return undefined;
  }
  if ('external' in target) {
    const id = target.external;
    const kind = id.startsWith('vgw-') ? 'vgw' : t.kind;
    return { kind, id };
  }
  const raw2 = target.raw;
  if (raw2.kind === 'igw' || raw2.kind === 'vgw') {
    if (raw2.kind === 'igw' && vpc.internetGateway !== raw2.name) {
      a.warn(
        'gateway-not-attached',
        raw.prov,
        `a route of ${a.label(owner)} goes to ${a.label(raw2)}, which is not attached to ${vpc.id}`,
      );
    }
    return { kind: raw2.kind, id: raw2.name };
  }
  const id = a.ids.get(raw2.key);
  if (id === undefined) return undefined;
  return { kind: t.kind as 'nat-gateway' | 'instance' | 'peering' | 'tgw', id };
}

function toRoute(a: Assembly, owner: RawOf<'route' | 'route-table'>, raw: RawRoute, vpc: Vpc): Route | undefined {
  const target = routeTarget(a, owner, raw, vpc);
  if (!target) return undefined;
  const d = raw.destination;
  if (d instanceof Unknown || typeof d === 'string') {
    const destination = a.cidr(d, owner, 'routes', 'route destination', false);
    if (destination === undefined) return undefined;
    if (target.kind === 'local' && [...vpc.cidrs, ...vpc.ipv6Cidrs].includes(destination)) return undefined;
    return { destination, target, prov: raw.prov };
  }
  const list = a.resolve(d.prefixList, ['prefix-list'], owner, 'routes');
  const id = list && 'raw' in list ? list.raw.name : list && 'external' in list ? list.external : undefined;
  if (id === undefined) return undefined;
  return { destination: id, prefixList: true, target, prov: raw.prov };
}

/** Gateways attached to each VPC: its internet gateway (and VPN gateway, kept for route targets). */
export function attachGateways(a: Assembly): void {
  for (const att of a.all('igw-attach')) {
    const vpc = a.resolve(att.vpc, ['vpc'], att, 'vpc');
    const gw = a.resolve(att.gateway, ['igw'], att, 'gateway');
    if (!vpc || !('raw' in vpc) || !gw || !('raw' in gw)) continue;
    const model = a.model.vpcs.find((v) => v.id === vpc.raw.name);
    if (model) model.internetGateway = gw.raw.name;
  }
}

export function assembleRouteTables(a: Assembly, vpc: Vpc): void {
  const vpcKey = a.all('vpc').find((v) => v.name === vpc.id)?.key ?? '';
  const local = (prov: Route['prov']): Route[] =>
    [...vpc.cidrs, ...vpc.ipv6Cidrs].map((destination) => ({ destination, target: { kind: 'local' }, prov }));
  const tables = a.inVpc('route-table', vpc.id);
  for (const t of tables) {
    const routes = local(t.prov);
    for (const r of t.routes) {
      const route = toRoute(a, t, r, vpc);
      if (route) routes.push(route);
    }
    for (const r of a.linkedTo('route', 'table', (x) => x.table, t.key)) {
      const route = toRoute(a, r, r.route, vpc);
      if (route) routes.push(route);
    }
    a.model.routeTables.push({
      id: a.ids.get(t.key) ?? t.name,
      name: t.name,
      vpc: vpc.id,
      ...scopeOf(t),
      routes,
      prov: t.prov,
    });
  }
  const mainTable =
    tables.find((t) => t.main) ??
    a
      .linkedTo('main-route-table', 'vpc', (m) => m.vpc, vpcKey)
      .flatMap((m) => {
        const table = a.resolve(m.table, ['route-table'], m, 'table');
        return table && 'raw' in table ? [table.raw] : [];
      })[0];
  if (mainTable) vpc.mainRouteTable = a.ids.get(mainTable.key);
  else {
    // AWS creates every VPC with a main route table that holds only the local routes (and any route a plan adds to
    // it through the VPC's default_route_table_id).
    const id = `${vpc.id}/${MAIN_ROUTE_TABLE}`;
    const routes = local(vpc.prov);
    for (const r of a.linkedTo('route', 'table', (x) => x.table, vpcKey)) {
      const route = toRoute(a, r, r.route, vpc);
      if (route) routes.push(route);
    }
    a.model.routeTables.push({ id, name: MAIN_ROUTE_TABLE, vpc: vpc.id, ...scopeOf(vpc), routes, prov: vpc.prov });
    vpc.mainRouteTable = id;
  }
  const associated = new Map<string, string>();
  const assocs = a
    .inVpc('subnet', vpc.id)
    .flatMap((s) => a.linkedTo('subnet-route-table', 'subnet', (x) => x.subnet, s.key));
  for (const assoc of assocs) {
    const subnet = a.resolve(assoc.subnet, ['subnet'], assoc, 'subnet');
    const table = a.resolve(assoc.table, ['route-table', 'vpc'], assoc, 'table');
    if (!subnet || !('raw' in subnet) || !table || !('raw' in table)) continue;
    const subnetId = a.ids.get(subnet.raw.key);
    const model = subnetId !== undefined ? a.subnetById.get(subnetId) : undefined;
    if (!model || model.vpc !== vpc.id) continue;
    const tableId = table.raw.kind === 'vpc' ? vpc.mainRouteTable : a.ids.get(table.raw.key);
    if (!tableId?.startsWith(`${vpc.id}/`)) {
      a.error(
        'wrong-reference',
        assoc.prov,
        `${a.label(table.raw)} is not in ${vpc.id}, the VPC of ${a.label(subnet.raw)}`,
        'table',
      );
      continue;
    }
    const before = associated.get(model.id);
    if (before !== undefined) {
      a.error(
        'duplicate-association',
        assoc.prov,
        `${a.label(subnet.raw)} is already associated with route table ${before}`,
        'subnet',
      );
      continue;
    }
    associated.set(model.id, tableId);
    model.routeTable = tableId;
  }
}

export function assembleNatAndInstances(a: Assembly, vpc: Vpc): void {
  for (const g of a.inVpc('nat-gateway', vpc.id)) {
    const subnet = a.resolve(g.subnet, ['subnet'], g, 'subnet');
    const subnetId = a.idOf(subnet);
    if (subnetId === undefined) continue;
    const publicIp = a.ip(g.publicIp, g, 'publicIp', 'public IP');
    a.model.natGateways.push({
      id: a.ids.get(g.key) ?? g.name,
      name: g.name,
      vpc: vpc.id,
      ...scopeOf(g),
      subnet: subnetId,
      connectivity: g.connectivity,
      ...(publicIp !== undefined ? { publicIp } : {}),
      state: 'available',
      prov: g.prov,
    });
  }
  for (const i of a.inVpc('instance', vpc.id)) {
    const subnetId = a.idOf(a.resolve(i.subnet, ['subnet'], i, 'subnet'));
    if (subnetId === undefined) continue;
    const securityGroups = groupIds(a, i, i.securityGroups, vpc.id);
    const privateIp = a.ip(i.privateIp, i, 'privateIp', 'PrivateIpAddress');
    const publicIp = a.ip(i.publicIp, i, 'publicIp', 'public IP');
    const sourceDestCheck = a.known(i.sourceDestCheck, i, 'sourceDestCheck', 'SourceDestCheck', false);
    // An Elastic IP for it, or a public address it asks for (itself or by its subnet): one it will have, value unknown.
    const subnetRaw = a.resolve(i.subnet, ['subnet'], i, 'subnet');
    const pending =
      publicIp === undefined &&
      (i.publicIpPending === true ||
        (subnetRaw !== undefined && 'raw' in subnetRaw && subnetRaw.raw.mapPublicIp === true) ||
        a.linkedTo('eip', 'instance', (e) => e.instance, i.key).length > 0 ||
        a.linkedTo('eip-association', 'instance', (e) => e.instance, i.key).length > 0);
    a.model.instances.push({
      id: a.ids.get(i.key) ?? i.name,
      name: i.name,
      vpc: vpc.id,
      ...scopeOf(i),
      subnet: subnetId,
      securityGroups,
      ...(privateIp !== undefined ? { privateIp } : {}),
      ...(publicIp !== undefined ? { publicIp } : {}),
      ...(pending ? { publicIpPending: true } : {}),
      // A state set by a resource of its own (wspl-cdk's Custom::EC2InstanceState) wins over the instance's.
      state: a.linkedTo('instance-state', 'instance', (x) => x.instance, i.key).at(-1)?.state ?? i.state ?? 'running',
      ...(sourceDestCheck !== undefined ? { sourceDestCheck } : {}),
      prov: i.prov,
    });
  }
}

/** Security groups named by a resource: ids of groups of the input in the same VPC; unknown ones said once. */
export function groupIds(
  a: Assembly,
  owner: RawOf<'instance' | 'endpoint' | 'resolver-endpoint'>,
  links: RawOf<'instance'>['securityGroups'],
  vpcId: string,
): string[] {
  const out: string[] = [];
  for (const link of links) {
    const g = a.resolve(link, ['security-group'], owner, 'securityGroups');
    if (!g) continue;
    if ('unknown' in g) {
      a.warn(
        'unknown-value',
        owner.prov,
        `a security group of ${a.label(owner)} cannot be known before deployment: ${g.unknown}; it is left out`,
        'securityGroups',
      );
      continue;
    }
    if ('external' in g) {
      a.warn(
        'outside-input',
        owner.prov,
        `security group ${g.external} of ${a.label(owner)} is not in the input; it is left out`,
        'securityGroups',
      );
      continue;
    }
    const id = a.ids.get(g.raw.key);
    if (id === undefined) continue;
    if (!id.startsWith(`${vpcId}/`)) {
      a.error(
        'wrong-reference',
        owner.prov,
        `${a.label(g.raw)} is not in ${vpcId}, the VPC of ${a.label(owner)}`,
        'securityGroups',
      );
      continue;
    }
    out.push(id);
  }
  return out;
}
