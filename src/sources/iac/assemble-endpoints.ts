// VPC endpoints and Route 53 Resolver: interface endpoints with their subnets, groups and DNS settings; Resolver
// endpoints; forwarding rules associated with VPCs; DHCP option sets; prefix lists.
import type { EndpointAddress, Vpc } from '../../model/types.js';
import { scopeOf, type Assembly } from './assembly.js';
import { defaultSecurityGroup } from './assemble-filters.js';
import { groupIds } from './assemble-network.js';
import type { RawOf } from './graph.js';

function subnetIds(
  a: Assembly,
  owner: RawOf<'endpoint'>,
  links: RawOf<'endpoint'>['subnets'],
  vpcId: string,
): string[] {
  const out: string[] = [];
  for (const link of links) {
    const s = a.resolve(link, ['subnet'], owner, 'subnets');
    if (!s) continue;
    if ('unknown' in s || 'external' in s) {
      a.warn(
        'outside-input',
        owner.prov,
        `a subnet of ${a.label(owner)} is not in the input (${'unknown' in s ? s.unknown : s.external}); it is left out`,
        'subnets',
      );
      continue;
    }
    const id = a.ids.get(s.raw.key);
    if (id === undefined) continue;
    if (!id.startsWith(`${vpcId}/`)) {
      a.error(
        'wrong-reference',
        owner.prov,
        `${a.label(s.raw)} is not in ${vpcId}, the VPC of ${a.label(owner)}`,
        'subnets',
      );
      continue;
    }
    if (!out.includes(id)) out.push(id);
  }
  return out;
}

export function assembleEndpoints(a: Assembly, vpc: Vpc): void {
  for (const e of a.inVpc('endpoint', vpc.id)) {
    const id = a.ids.get(e.key) ?? e.name;
    const service = a.known(e.service, e, 'service', 'ServiceName', true);
    const type = a.known(e.type, e, 'type', 'VpcEndpointType', true);
    if (service === undefined || type === undefined) continue;
    const extraSubnets = a.linkedTo('endpoint-subnet', 'endpoint', (x) => x.endpoint, e.key).map((x) => x.target);
    const extraGroups = a
      .linkedTo('endpoint-security-group', 'endpoint', (x) => x.endpoint, e.key)
      .map((x) => x.target);
    const subnets = subnetIds(a, e, [...e.subnets, ...extraSubnets], vpc.id);
    let securityGroups = groupIds(a, e, [...e.securityGroups, ...extraGroups], vpc.id);
    // An interface endpoint created without groups gets the VPC's default group.
    if (type === 'Interface' && securityGroups.length === 0 && e.securityGroups.length + extraGroups.length === 0) {
      securityGroups = [defaultSecurityGroup(a, vpc)];
    }
    const addresses: EndpointAddress[] = [];
    for (const addr of e.addresses) {
      const subnet = a.idOf(a.resolve(addr.subnet, ['subnet'], e, 'addresses'));
      const ip = a.ip(addr.ip, e, 'addresses', 'endpoint address');
      if (subnet !== undefined && ip !== undefined) addresses.push({ subnet, ip });
    }
    const privateDns = a.known(e.privateDns, e, 'privateDns', 'PrivateDnsEnabled', false);
    const dnsRecordIpType = a.known(e.dnsRecordIpType, e, 'dnsRecordIpType', 'DnsRecordIpType', false);
    const ipAddressType = a.known(e.ipAddressType, e, 'ipAddressType', 'IpAddressType', false);
    a.model.endpoints.push({
      id,
      name: e.name,
      vpc: vpc.id,
      ...scopeOf(e),
      ...(e.awsId !== undefined ? { awsId: e.awsId } : {}),
      service,
      type,
      subnets,
      securityGroups,
      ...(privateDns !== undefined ? { privateDns } : {}),
      ...(dnsRecordIpType !== undefined ? { dnsRecordIpType } : {}),
      ...(ipAddressType !== undefined ? { ipAddressType } : {}),
      addresses,
      owner: e.account,
      state: e.state ?? 'available',
      prov: e.prov,
    });
  }
}

export function assembleResolverEndpoints(a: Assembly, vpc: Vpc): void {
  for (const r of a.inVpc('resolver-endpoint', vpc.id)) {
    const id = a.ids.get(r.key) ?? r.name;
    const subnets: string[] = [];
    const addresses: EndpointAddress[] = [];
    for (const addr of r.addresses) {
      const subnet = a.idOf(a.resolve(addr.subnet, ['subnet'], r, 'subnets'));
      if (subnet === undefined) continue;
      if (!subnets.includes(subnet)) subnets.push(subnet);
      const ip = a.ip(addr.ip, r, 'addresses', 'resolver endpoint address');
      if (ip !== undefined) addresses.push({ subnet, ip });
    }
    a.model.resolverEndpoints.push({
      id,
      name: r.name,
      vpc: vpc.id,
      ...scopeOf(r),
      direction: r.direction,
      subnets,
      addresses,
      securityGroups: groupIds(a, r, r.securityGroups, vpc.id),
      prov: r.prov,
    });
  }
}

/** Forwarding rules reach a VPC through their associations; system and recursive rules change nothing here. */
export function assembleResolverRules(a: Assembly): void {
  for (const assoc of a.all('resolver-rule-association')) {
    const rule = a.resolve(assoc.rule, ['resolver-rule'], assoc, 'rule');
    const vpc = a.resolve(assoc.vpc, ['vpc'], assoc, 'vpc');
    if (!rule || !('raw' in rule) || !vpc || !('raw' in vpc)) continue;
    const r = rule.raw;
    if (r.ruleType.toUpperCase() !== 'FORWARD') continue;
    const domain = a.known(r.domain, r, 'domain', 'DomainName', true);
    const via = a.idOf(a.resolve(r.endpoint, ['resolver-endpoint'], r, 'endpoint'));
    if (domain === undefined) continue;
    if (via === undefined) {
      a.warn(
        'outside-input',
        r.prov,
        `${a.label(r)} forwards through a Resolver endpoint that is not in the input; it is left out`,
      );
      continue;
    }
    const to = r.targets.flatMap((t) => {
      const ip = a.ip(t, r, 'targets', 'target address');
      return ip === undefined ? [] : [ip];
    });
    const model = a.model.vpcs.find((v) => v.id === vpc.raw.name);
    (model?.resolverRules ?? (model ? (model.resolverRules = []) : [])).push({
      domain: domain.replace(/\.$/, ''),
      to,
      via,
      prov: r.prov,
    });
  }
}

export function assembleDhcp(a: Assembly): void {
  for (const assoc of a.all('dhcp-association')) {
    const vpc = a.resolve(assoc.vpc, ['vpc'], assoc, 'vpc');
    const options = a.resolve(assoc.options, ['dhcp-options'], assoc, 'options');
    if (!vpc || !('raw' in vpc) || !options) continue;
    const model = a.model.vpcs.find((v) => v.id === vpc.raw.name);
    if (!model) continue;
    if (!('raw' in options)) {
      a.warn(
        'outside-input',
        assoc.prov,
        `the DHCP option set of ${vpc.raw.name} is not in the input; its DNS servers are left unknown`,
      );
      continue;
    }
    const servers = options.raw.servers.flatMap((s) => {
      const v = a.known(s, options.raw, 'servers', 'DomainNameServers', false);
      return v === undefined ? [] : [v];
    });
    model.dhcpOptions = { id: options.raw.name, domainNameServers: servers, prov: options.raw.prov };
  }
}

export function assembleCidrLists(a: Assembly): void {
  for (const p of a.all('prefix-list')) {
    const cidrs = p.cidrs.flatMap((c) => {
      const cidr = a.cidr(c, p, 'cidrs', 'prefix list entry', false);
      return cidr === undefined ? [] : [cidr];
    });
    a.model.prefixLists.push({ id: p.name, name: p.name, ...scopeOf(p), cidrs, prov: p.prov });
  }
  for (const g of a.all('ip-group')) {
    const cidrs = g.cidrs.flatMap((c) => {
      const cidr = a.cidr(c, g, 'cidrs', 'IpRule', false);
      return cidr === undefined ? [] : [cidr];
    });
    a.model.ipGroups.push({ id: g.name, name: g.name, ...scopeOf(g), cidrs, prov: g.prov });
  }
}
