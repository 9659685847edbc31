// One VPC of the design file and everything declared inside it.
import type { EndpointAddress, Model, ResolverRule, Scope, Subnet } from '../../model/types.js';
import { cidrContains } from '../../net/cidr.js';
import { entries, type DesignContext, type Path } from './context.js';
import { convertNetworkAcls, convertSecurityGroups } from './convert-rules.js';
import { convertRouteTables, mainRouteTableName } from './convert-routes.js';
import {
  PENDING_ADDRESS,
  ENDPOINT_DEFAULT_STATE,
  ENDPOINT_DEFAULT_TYPE,
  NAT_GATEWAY_DEFAULTS,
  VPC_DEFAULTS,
  instanceDefaults,
  interfaceEndpointDefaults,
} from './defaults.js';
import { get, has } from './names.js';
import { didYouMean } from '../did-you-mean.js';
import type { DesignDoc, DesignVpc } from './schema.js';
import { AMAZON_PROVIDED_DNS } from '../../model/types.js';

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
    else
      ctx.error(
        'unknown-reference',
        [...path, i],
        `${what} "${name}" not found in VPC ${vpcName}${didYouMean(name, Object.keys(raw?.[part] ?? {}))}`,
      );
  });
  return ids;
}

/**
 * Places each address in the subnet that holds it. An address in none of `subnetNames` keeps an empty subnet: the
 * meaning checks on the model (check-model.ts) report it, the same for every source.
 */
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
    out.push({ subnet: home === undefined ? '' : `${vpcName}/${home}`, ip });
  });
  return out;
}

function convertSubnets(ctx: DesignContext, scope: Scope, vpcName: string, raw: DesignVpc): Subnet[] {
  // Where a subnet sits in its VPC (inside its CIDRs, not overlapping another) is checked on the model.
  return entries(raw.subnets).map(([name, s]) => {
    const path = ['vpcs', vpcName, 'subnets', name];
    ctx.checkCidr(s.cidr, [...path, 'cidr']);
    if (s.ipv6Cidr !== undefined) ctx.checkCidr(s.ipv6Cidr, [...path, 'ipv6Cidr']);
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

function subnetRef(ctx: DesignContext, raw: DesignVpc, vpcName: string, name: string, path: Path): string {
  if (!has(raw.subnets, name)) ctx.error('unknown-reference', path, `subnet "${name}" not found in VPC ${vpcName}`);
  return `${vpcName}/${name}`;
}

/** Each DNS server is an address or AmazonProvidedDNS (the VPC resolver), as AWS states it. */
function convertDhcpOptions(ctx: DesignContext, raw: { domainNameServers: string[] }, path: Path) {
  raw.domainNameServers.forEach((server, i) => {
    if (server !== AMAZON_PROVIDED_DNS) ctx.checkIp(server, [...path, 'domainNameServers', i]);
  });
  return { domainNameServers: raw.domainNameServers, prov: ctx.prov(path) };
}

export function convertVpc(ctx: DesignContext, doc: DesignDoc, vpcName: string, raw: DesignVpc, model: Model): void {
  const path = ['vpcs', vpcName];
  const account = raw.account !== undefined ? ctx.account(raw.account, [...path, 'account']) : model.account;
  const region = raw.region !== undefined ? ctx.region(raw.region, [...path, 'region']) : model.region;
  const cidrs = [raw.cidr, ...(raw.secondaryCidrs ?? [])];
  cidrs.forEach((cidr, i) => ctx.checkCidr(cidr, i === 0 ? [...path, 'cidr'] : [...path, 'secondaryCidrs', i - 1]));
  const ipv6Cidrs = raw.ipv6Cidrs ?? [];
  ipv6Cidrs.forEach((cidr, i) => ctx.checkCidr(cidr, [...path, 'ipv6Cidrs', i]));
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
    ...(raw.dhcpOptions !== undefined
      ? { dhcpOptions: convertDhcpOptions(ctx, raw.dhcpOptions, [...path, 'dhcpOptions']) }
      : {}),
    ...(raw.dns?.forwarders
      ? { resolverRules: convertResolverRules(ctx, doc, vpcName, raw.dns.forwarders, [...path, 'dns', 'forwarders']) }
      : {}),
    prov: ctx.prov(path, vpcName),
  });
  const subnets = convertSubnets(ctx, scope, vpcName, raw);
  model.subnets.push(...subnets);
  model.routeTables.push(...convertRouteTables(ctx, doc, scope, vpcName, raw, [...cidrs, ...ipv6Cidrs]));
  model.securityGroups.push(...convertSecurityGroups(ctx, doc, scope, vpcName, raw));
  model.networkAcls.push(...convertNetworkAcls(ctx, scope, vpcName, raw, subnets));

  for (const [name, inst] of entries(raw.instances)) {
    const at = [...path, 'instances', name];
    if (inst.privateIp !== undefined) ctx.checkIp(inst.privateIp, [...at, 'privateIp']);
    // `publicIp: unknown`: it has one, assigned at deployment (what templates and plans say of an Elastic IP).
    const pending = inst.publicIp === PENDING_ADDRESS;
    if (inst.publicIp !== undefined && !pending) ctx.checkIp(inst.publicIp, [...at, 'publicIp']);
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
      ...(inst.publicIp !== undefined && !pending ? { publicIp: inst.publicIp } : {}),
      ...(pending ? { publicIpPending: true } : {}),
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
