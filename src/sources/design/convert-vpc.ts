// One VPC of the design file and everything declared inside it.
import type { EndpointAddress, Model, ResolverRule, Scope, Subnet } from '../../model/types.js';
import { cidrContains, contains, overlaps, parseCidr, type IpRange } from '../../net/cidr.js';
import { entries, type DesignContext, type Path } from './context.js';
import { convertNetworkAcls, convertSecurityGroups } from './convert-rules.js';
import { convertRouteTables, mainRouteTableName } from './convert-routes.js';
import {
  ENDPOINT_DEFAULT_STATE,
  ENDPOINT_DEFAULT_TYPE,
  NAT_GATEWAY_DEFAULTS,
  VPC_DEFAULTS,
  instanceDefaults,
  interfaceEndpointDefaults,
} from './defaults.js';
import { get, has } from './names.js';
import type { DesignDoc, DesignVpc } from './schema.js';

type VpcPart = 'subnets' | 'securityGroups';

/** Resolves names of subnets or security groups of this VPC to ids, reporting the missing ones. */
export function vpcRefs(
  ctx: DesignContext,
  raw: DesignVpc | undefined,
  vpcName: string,
  part: VpcPart,
  list: string[],
  path: Path,
): string[] {
  const what = part === 'subnets' ? 'subnet' : 'security group';
  const ids: string[] = [];
  list.forEach((name, i) => {
    if (has(raw?.[part], name)) ids.push(`${vpcName}/${name}`);
    else ctx.error('unknown-reference', [...path, i], `${what} "${name}" not found in VPC ${vpcName}`);
  });
  return ids;
}

/** Places each address in the subnet that holds it; an address in none of `subnetNames` is an error. */
export function placeAddresses(
  ctx: DesignContext,
  raw: DesignVpc,
  vpcName: string,
  subnetNames: string[],
  ips: string[],
  path: Path,
): EndpointAddress[] {
  const out: EndpointAddress[] = [];
  ips.forEach((ip, i) => {
    const at = [...path, i];
    if (!ctx.checkIp(ip, at)) return;
    const home = subnetNames.find((n) => {
      const s = get(raw.subnets, n);
      return s !== undefined && cidrContains(s.cidr, ip);
    });
    if (home === undefined) {
      ctx.error(
        'address-outside-subnets',
        at,
        `${ip} is not in any of its subnets (${subnetNames.join(', ') || 'none'})`,
      );
      return;
    }
    out.push({ subnet: `${vpcName}/${home}`, ip });
  });
  return out;
}

function validNetworks(ctx: DesignContext, cidrs: { cidr: string; path: Path }[]): IpRange[] {
  const nets: IpRange[] = [];
  for (const { cidr, path } of cidrs) {
    const parsed = parseCidr(cidr);
    if (parsed.ok) nets.push(parsed.value);
    else ctx.error('bad-cidr', path, parsed.message);
  }
  return nets;
}

function convertSubnets(
  ctx: DesignContext,
  scope: Scope,
  vpcName: string,
  raw: DesignVpc,
  v4: IpRange[],
  v6: IpRange[],
): Subnet[] {
  const seen: { name: string; net: IpRange }[] = [];
  return entries(raw.subnets).map(([name, s]) => {
    const path = ['vpcs', vpcName, 'subnets', name];
    const parsed = parseCidr(s.cidr);
    if (!parsed.ok) ctx.error('bad-cidr', [...path, 'cidr'], parsed.message);
    else {
      if (v4.length > 0 && !v4.some((n) => contains(n, parsed.value))) {
        ctx.error('subnet-outside-vpc', [...path, 'cidr'], `${s.cidr} is not inside the CIDRs of VPC ${vpcName}`);
      }
      const clash = seen.find((o) => overlaps(o.net, parsed.value));
      if (clash) ctx.error('overlapping-subnets', [...path, 'cidr'], `${s.cidr} overlaps subnet "${clash.name}"`);
      seen.push({ name, net: parsed.value });
    }
    if (s.ipv6Cidr !== undefined) {
      const p6 = parseCidr(s.ipv6Cidr);
      if (!p6.ok) ctx.error('bad-cidr', [...path, 'ipv6Cidr'], p6.message);
      else if (!v6.some((n) => contains(n, p6.value))) {
        ctx.error(
          'subnet-outside-vpc',
          [...path, 'ipv6Cidr'],
          `${s.ipv6Cidr} is not inside the IPv6 CIDRs of VPC ${vpcName}`,
        );
      }
    }
    if (s.routeTable !== undefined && !has(raw.routeTables, s.routeTable) && s.routeTable !== mainRouteTableName(raw)) {
      ctx.error(
        'unknown-reference',
        [...path, 'routeTable'],
        `route table "${s.routeTable}" not found in VPC ${vpcName}`,
      );
    }
    return {
      id: `${vpcName}/${name}`,
      name,
      vpc: vpcName,
      ...scope,
      cidr: s.cidr,
      ...(s.ipv6Cidr !== undefined ? { ipv6Cidr: s.ipv6Cidr } : {}),
      az: s.az,
      ...(s.routeTable !== undefined ? { routeTable: `${vpcName}/${s.routeTable}` } : {}),
      prov: ctx.prov(path, name),
    };
  });
}

function checkIpIn(ctx: DesignContext, raw: DesignVpc, subnetName: string, ip: string, path: Path): void {
  if (!ctx.checkIp(ip, path)) return;
  const subnet = get(raw.subnets, subnetName);
  if (subnet && !cidrContains(subnet.cidr, ip))
    ctx.error('address-outside-subnets', path, `${ip} is not in subnet ${subnetName} (${subnet.cidr})`);
}

function subnetRef(ctx: DesignContext, raw: DesignVpc, vpcName: string, name: string, path: Path): string {
  if (!has(raw.subnets, name)) ctx.error('unknown-reference', path, `subnet "${name}" not found in VPC ${vpcName}`);
  return `${vpcName}/${name}`;
}

export function convertVpc(ctx: DesignContext, doc: DesignDoc, vpcName: string, raw: DesignVpc, model: Model): void {
  const path = ['vpcs', vpcName];
  const account = raw.account !== undefined ? ctx.account(raw.account, [...path, 'account']) : model.account;
  const region = raw.region !== undefined ? ctx.region(raw.region, [...path, 'region']) : model.region;
  const cidrs = [raw.cidr, ...(raw.secondaryCidrs ?? [])];
  const v4 = validNetworks(
    ctx,
    cidrs.map((cidr, i) => ({ cidr, path: i === 0 ? [...path, 'cidr'] : [...path, 'secondaryCidrs', i - 1] })),
  );
  const ipv6Cidrs = raw.ipv6Cidrs ?? [];
  const v6 = validNetworks(
    ctx,
    ipv6Cidrs.map((cidr, i) => ({ cidr, path: [...path, 'ipv6Cidrs', i] })),
  );
  const scope: Scope = { account, region };
  model.vpcs.push({
    id: vpcName,
    account,
    region,
    cidrs,
    ipv6Cidrs,
    dnsSupport: raw.dns?.support ?? VPC_DEFAULTS.dnsSupport,
    dnsHostnames: raw.dns?.hostnames ?? VPC_DEFAULTS.dnsHostnames,
    ...(raw.internetGateway !== undefined ? { internetGateway: raw.internetGateway } : {}),
    mainRouteTable: `${vpcName}/${mainRouteTableName(raw)}`,
    ...(raw.sharedFrom !== undefined ? { sharedFrom: ctx.account(raw.sharedFrom, [...path, 'sharedFrom']) } : {}),
    ...(raw.dns?.forwarders
      ? { resolverRules: convertResolverRules(ctx, doc, vpcName, raw.dns.forwarders, [...path, 'dns', 'forwarders']) }
      : {}),
    prov: ctx.prov(path, vpcName),
  });
  const subnets = convertSubnets(ctx, scope, vpcName, raw, v4, v6);
  model.subnets.push(...subnets);
  model.routeTables.push(...convertRouteTables(ctx, doc, scope, vpcName, raw, [...cidrs, ...ipv6Cidrs]));
  model.securityGroups.push(...convertSecurityGroups(ctx, doc, scope, vpcName, raw));
  model.networkAcls.push(...convertNetworkAcls(ctx, scope, vpcName, raw, subnets));

  for (const [name, inst] of entries(raw.instances)) {
    const at = [...path, 'instances', name];
    if (inst.privateIp !== undefined) checkIpIn(ctx, raw, inst.subnet, inst.privateIp, [...at, 'privateIp']);
    if (inst.publicIp !== undefined) ctx.checkIp(inst.publicIp, [...at, 'publicIp']);
    const nat = inst.nat ?? false;
    const defaults = instanceDefaults(nat);
    model.instances.push({
      id: `${vpcName}/${name}`,
      name,
      vpc: vpcName,
      ...scope,
      subnet: subnetRef(ctx, raw, vpcName, inst.subnet, [...at, 'subnet']),
      securityGroups: vpcRefs(ctx, raw, vpcName, 'securityGroups', inst.securityGroups ?? [], [
        ...at,
        'securityGroups',
      ]),
      ...(inst.privateIp !== undefined ? { privateIp: inst.privateIp } : {}),
      ...(inst.publicIp !== undefined ? { publicIp: inst.publicIp } : {}),
      nat,
      state: inst.state ?? defaults.state,
      sourceDestCheck: inst.sourceDestCheck ?? defaults.sourceDestCheck,
      prov: ctx.prov(at, name),
    });
  }

  for (const [name, gw] of entries(raw.natGateways)) {
    const at = [...path, 'natGateways', name];
    if (gw.publicIp !== undefined) ctx.checkIp(gw.publicIp, [...at, 'publicIp']);
    model.natGateways.push({
      id: `${vpcName}/${name}`,
      name,
      vpc: vpcName,
      ...scope,
      subnet: subnetRef(ctx, raw, vpcName, gw.subnet, [...at, 'subnet']),
      connectivity: gw.connectivity ?? NAT_GATEWAY_DEFAULTS.connectivity,
      ...(gw.publicIp !== undefined ? { publicIp: gw.publicIp } : {}),
      state: gw.state ?? NAT_GATEWAY_DEFAULTS.state,
      prov: ctx.prov(at, name),
    });
  }

  for (const [name, ep] of entries(raw.endpoints)) {
    const at = [...path, 'endpoints', name];
    const type = ep.type ?? ENDPOINT_DEFAULT_TYPE;
    const dnsDefaults = type === 'Interface' ? interfaceEndpointDefaults : {};
    const subnetNames = ep.subnets ?? [];
    const privateDns = ep.privateDns ?? dnsDefaults.privateDns;
    const dnsRecordIpType = ep.dnsRecordIpType ?? dnsDefaults.dnsRecordIpType;
    const ipAddressType = ep.ipAddressType ?? dnsDefaults.ipAddressType;
    model.endpoints.push({
      id: `${vpcName}/${name}`,
      name,
      vpc: vpcName,
      ...scope,
      ...(ep.id !== undefined ? { awsId: ep.id } : {}),
      service: ep.service,
      type,
      subnets: vpcRefs(ctx, raw, vpcName, 'subnets', subnetNames, [...at, 'subnets']),
      securityGroups: vpcRefs(ctx, raw, vpcName, 'securityGroups', ep.securityGroups ?? [], [...at, 'securityGroups']),
      ...(privateDns !== undefined ? { privateDns } : {}),
      ...(dnsRecordIpType !== undefined ? { dnsRecordIpType } : {}),
      ...(ipAddressType !== undefined ? { ipAddressType } : {}),
      addresses: placeAddresses(ctx, raw, vpcName, subnetNames, ep.addresses ?? [], [...at, 'addresses']),
      // The endpoint belongs to the account that created it in this VPC unless the file says otherwise.
      owner: ep.owner !== undefined ? ctx.account(ep.owner, [...at, 'owner']) : account,
      state: ep.state ?? ENDPOINT_DEFAULT_STATE,
      prov: ctx.prov(at, name),
    });
  }

  for (const [name, re] of entries(raw.resolverEndpoints)) {
    const at = [...path, 'resolverEndpoints', name];
    model.resolverEndpoints.push({
      id: `${vpcName}/${name}`,
      name,
      vpc: vpcName,
      ...scope,
      direction: re.direction ?? 'inbound',
      subnets: vpcRefs(ctx, raw, vpcName, 'subnets', re.subnets, [...at, 'subnets']),
      addresses: placeAddresses(ctx, raw, vpcName, re.subnets, re.addresses ?? [], [...at, 'addresses']),
      securityGroups: vpcRefs(ctx, raw, vpcName, 'securityGroups', re.securityGroups ?? [], [...at, 'securityGroups']),
      prov: ctx.prov(at, name),
    });
  }
}

type RawForwarder = NonNullable<NonNullable<DesignVpc['dns']>['forwarders']>[number];

/** Forwarding rules: each names an outbound resolver endpoint, in this VPC (NAME) or another (VPC/NAME). */
function convertResolverRules(
  ctx: DesignContext,
  doc: DesignDoc,
  vpcName: string,
  rules: RawForwarder[],
  path: Path,
): ResolverRule[] {
  const out: ResolverRule[] = [];
  rules.forEach((r, i) => {
    const at = [...path, i];
    r.to.forEach((ip, j) => ctx.checkIp(ip, [...at, 'to', j]));
    const [vpc, endpoint] = r.via.includes('/') ? (r.via.split('/', 2) as [string, string]) : [vpcName, r.via];
    const target = get(get(doc.vpcs, vpc)?.resolverEndpoints, endpoint);
    if (!target) {
      ctx.error('unknown-reference', [...at, 'via'], `resolver endpoint "${r.via}" not found`);
      return;
    }
    if ((target.direction ?? 'inbound') !== 'outbound') {
      ctx.error(
        'bad-reference',
        [...at, 'via'],
        `resolver endpoint "${r.via}" is inbound; forwarding rules send queries through an outbound endpoint`,
      );
      return;
    }
    out.push({
      domain: r.domain.replace(/\.$/, ''),
      to: r.to,
      via: `${vpc}/${endpoint}`,
      prov: ctx.prov(at, r.domain),
    });
  });
  return out;
}
