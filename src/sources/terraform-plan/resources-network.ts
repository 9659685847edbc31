// aws_* resources that make and route a VPC, and its filters. Terraform's own semantics where they differ from
// CloudFormation's: an aws_security_group removes AWS's default allow-all egress rule (its egress is only what the
// configuration and separate rule resources say); aws_default_route_table / aws_default_network_acl manage the VPC's
// main table and default ACL.
import type { RawNaclEntry, RawRouteTarget } from '../iac/graph.js';
import { ResourceRef, Unknown } from '../iac/values.js';
import type { TfAttrs } from './attributes.js';
import { inlineRules, portsOf, protocolOf, type TfAdapter, type TfContext } from './context.js';

const ROUTE_TARGETS: [string, RawRouteTarget['kind']][] = [
  ['gateway_id', 'igw'],
  ['nat_gateway_id', 'nat-gateway'],
  ['network_interface_id', 'eni'],
  ['vpc_peering_connection_id', 'peering'],
  ['transit_gateway_id', 'tgw'],
  ['egress_only_gateway_id', 'eni'],
  ['vpc_endpoint_id', 'eni'],
  ['carrier_gateway_id', 'eni'],
  ['local_gateway_id', 'eni'],
  ['core_network_arn', 'eni'],
];

function routeOf(ctx: TfContext, r: TfAttrs, position = r.position('destination_cidr_block')) {
  const prefixList = r.link('destination_prefix_list_id');
  const destination = prefixList
    ? { prefixList }
    : (r.str('cidr_block') ??
      r.str('destination_cidr_block') ??
      r.str('ipv6_cidr_block') ??
      r.str('destination_ipv6_cidr_block'));
  const set = ROUTE_TARGETS.filter(
    ([attr]) => (r.after[attr] !== undefined && r.after[attr] !== null && r.after[attr] !== '') || r.isUnknown(attr),
  );
  const first = set[0];
  if (destination === undefined || !first) return undefined;
  const [attr, kind] = first;
  const link = r.link(attr) ?? new Unknown(`${attr} of ${ctx.resource.address}`);
  // A route to an instance's primary network interface is a route through that instance (a NAT instance).
  const instance = link instanceof ResourceRef && link.attribute === 'primary_network_interface_id';
  const target: RawRouteTarget = instance ? { kind: 'instance', link: new ResourceRef(link.key) } : { kind, link };
  return { destination, target, prov: ctx.partProv(position, r.field) };
}

function vpcOnly(kind: 'route-table' | 'nacl'): TfAdapter {
  return (ctx) => {
    const vpc = ctx.attrs.link('vpc_id');
    if (!vpc) {
      ctx.attrs.wrongType('vpc_id', 'a VPC id');
      return;
    }
    if (kind === 'nacl') {
      ctx.emit({ kind: 'nacl', vpc, entries: naclEntries(ctx), subnets: ctx.attrs.links('subnet_ids') });
      return;
    }
    const routes = ctx.attrs
      .blocks('route')
      .flatMap((r, i) => routeOf(ctx, r, ctx.attrs.itemPosition('route', i)) ?? []);
    ctx.emit({ kind: 'route-table', vpc, routes });
  };
}

/** The VPC behind a default_route_table_id / default_network_acl_id (it names the VPC's own table or ACL). */
function vpcOfDefault(ctx: TfContext, attr: string) {
  const value = ctx.attrs.after[attr];
  const vpc = typeof value === 'string' ? ctx.attrs.ctx.refs.byVpcDefault.get(value) : undefined;
  if (vpc) return new ResourceRef(vpc.address);
  const link = ctx.attrs.link(attr);
  if (link instanceof ResourceRef) return new ResourceRef(link.key);
  return link;
}

function naclEntries(ctx: TfContext): RawNaclEntry[] {
  return (['ingress', 'egress'] as const).flatMap((side) =>
    ctx.attrs.blocks(side).flatMap((b, i): RawNaclEntry[] => {
      const protocol = protocolOf(ctx, b.str('protocol'), b, 'protocol');
      const number = b.int('rule_no');
      const action = b.str('action');
      const cidr = b.str('cidr_block') ?? b.str('ipv6_cidr_block');
      if (!protocol || number === undefined || (action !== 'allow' && action !== 'deny') || cidr === undefined)
        return [];
      const [fromPort, toPort] = portsOf(protocol, b.int('from_port'), b.int('to_port'));
      return [
        {
          number,
          action,
          protocol,
          fromPort,
          toPort,
          cidr,
          egress: side === 'egress',
          prov: ctx.partProv(ctx.attrs.itemPosition(side, i), b.field),
        },
      ];
    }),
  );
}

function instance(ctx: TfContext): void {
  const a = ctx.attrs;
  const subnet = a.link('subnet_id');
  if (!subnet) {
    ctx.sink.warn('outside-input', `${ctx.resource.address} names no subnet (default VPC); it is left out`, {
      container: a.after,
      field: a.field,
    });
    return;
  }
  const privateIp = a.str('private_ip');
  const state = a.str('instance_state');
  const sourceDestCheck = a.bool('source_dest_check');
  a.note('subnet', 'subnet_id');
  a.note('securityGroups', 'vpc_security_group_ids');
  a.note('privateIp', 'private_ip');
  a.note('sourceDestCheck', 'source_dest_check');
  ctx.emit({
    kind: 'instance',
    subnet,
    securityGroups: a.links('vpc_security_group_ids'),
    // The address a new instance gets is chosen at apply; only a written one counts.
    ...(privateIp !== undefined && !(privateIp instanceof Unknown && !a.written('private_ip')) ? { privateIp } : {}),
    ...(sourceDestCheck !== undefined ? { sourceDestCheck } : {}),
    ...(state === 'stopped' ? { state: 'stopped' as const } : {}),
    ...(a.bool('associate_public_ip_address') === true ? { publicIpPending: true } : {}),
  });
}

function securityGroup(ctx: TfContext): void {
  const vpc = ctx.attrs.link('vpc_id');
  if (!vpc) {
    ctx.sink.warn('outside-input', `${ctx.resource.address} has no vpc_id (the default VPC); it is left out`, {
      container: ctx.attrs.after,
      field: ctx.attrs.field,
    });
    return;
  }
  // Terraform deletes the default egress rule AWS adds: egress is exactly what the configuration states.
  ctx.emit({ kind: 'security-group', vpc, ingress: inlineRules(ctx, 'ingress'), egress: inlineRules(ctx, 'egress') });
}

/** aws_security_group_rule: one rule per CIDR, or one to a group, a prefix list or the group itself. */
function legacyRule(ctx: TfContext): void {
  const a = ctx.attrs;
  const group = a.link('security_group_id');
  const direction = a.str('type');
  const protocol = protocolOf(ctx, a.str('protocol'), a, 'protocol');
  if (!group || (direction !== 'ingress' && direction !== 'egress') || !protocol) return;
  const [fromPort, toPort] = portsOf(protocol, a.int('from_port'), a.int('to_port'));
  const base = { protocol, fromPort, toPort, prov: ctx.prov };
  const peers = [
    ...[...a.strings('cidr_blocks'), ...a.strings('ipv6_cidr_blocks')].map((cidr) => ({ cidr })),
    ...(a.link('source_security_group_id') ? [{ sg: a.link('source_security_group_id') ?? new Unknown('') }] : []),
    ...a.links('prefix_list_ids').map((prefixList) => ({ prefixList })),
    ...(a.bool('self') === true ? [{ sg: group }] : []),
  ];
  peers.forEach((peer, i) =>
    ctx.emit({ kind: 'sg-rule', group, direction, rule: { ...base, peer } }, i > 0 ? String(i) : undefined),
  );
}

/** aws_vpc_security_group_ingress_rule / _egress_rule: one rule, one peer. */
function vpcRule(direction: 'ingress' | 'egress'): TfAdapter {
  return (ctx) => {
    const a = ctx.attrs;
    const group = a.link('security_group_id');
    const protocol = protocolOf(ctx, a.str('ip_protocol'), a, 'ip_protocol');
    if (!group || !protocol) return;
    const [fromPort, toPort] = portsOf(protocol, a.int('from_port'), a.int('to_port'));
    const cidr = a.str('cidr_ipv4') ?? a.str('cidr_ipv6');
    const sg = a.link('referenced_security_group_id');
    const prefixList = a.link('prefix_list_id');
    const peer = cidr !== undefined ? { cidr } : sg ? { sg } : prefixList ? { prefixList } : undefined;
    if (!peer) return;
    const description = a.str('description');
    ctx.emit({
      kind: 'sg-rule',
      group,
      direction,
      rule: {
        protocol,
        fromPort,
        toPort,
        peer,
        prov: ctx.prov,
        ...(typeof description === 'string' ? { description } : {}),
      },
    });
  };
}

function naclRule(ctx: TfContext): void {
  const a = ctx.attrs;
  const nacl = a.link('network_acl_id');
  const protocol = protocolOf(ctx, a.str('protocol'), a, 'protocol');
  const number = a.int('rule_number');
  const action = a.str('rule_action');
  const cidr = a.str('cidr_block') ?? a.str('ipv6_cidr_block');
  if (!nacl || !protocol || number === undefined || (action !== 'allow' && action !== 'deny') || cidr === undefined)
    return;
  const [fromPort, toPort] =
    protocol === 'icmp'
      ? portsOf(protocol, a.int('icmp_type'), undefined)
      : portsOf(protocol, a.int('from_port'), a.int('to_port'));
  ctx.emit({
    kind: 'nacl-entry',
    nacl,
    entry: { number, action, protocol, fromPort, toPort, cidr, egress: a.bool('egress') === true, prov: ctx.prov },
  });
}

function pair(
  kind: 'subnet-route-table' | 'nacl-association' | 'igw-attach' | 'vgw-attach',
  first: string,
  second: string,
): TfAdapter {
  return (ctx) => {
    const x = ctx.attrs.link(first);
    const y = ctx.attrs.link(second);
    if (!x || !y) return;
    if (kind === 'subnet-route-table') ctx.emit({ kind, subnet: x, table: y });
    else if (kind === 'nacl-association') ctx.emit({ kind, nacl: x, subnet: y });
    else ctx.emit({ kind: kind, gateway: x, vpc: y });
  };
}

export const NETWORK_ADAPTERS: Record<string, TfAdapter> = {
  aws_vpc: (ctx) => {
    const a = ctx.attrs;
    const cidr = a.str('cidr_block');
    const ipv6 =
      a.bool('assign_generated_ipv6_cidr_block') === true && a.isUnknown('ipv6_cidr_block')
        ? new Unknown(`the IPv6 block Amazon assigns ${ctx.resource.address} at apply`)
        : a.stated('ipv6_cidr_block');
    a.note('cidrs', 'cidr_block');
    a.note('dnsSupport', 'enable_dns_support');
    a.note('dnsHostnames', 'enable_dns_hostnames');
    ctx.emit({
      kind: 'vpc',
      cidrs:
        cidr !== undefined
          ? [cidr]
          : [new Unknown(`the CIDR block of ${ctx.resource.address} (an IPAM pool allocates it)`)],
      ipv6Cidrs: ipv6 !== undefined ? [ipv6] : [],
      dnsSupport: a.bool('enable_dns_support') ?? true,
      dnsHostnames: a.bool('enable_dns_hostnames') ?? false,
    });
  },
  aws_vpc_ipv4_cidr_block_association: (ctx) => {
    const vpc = ctx.attrs.link('vpc_id');
    const cidr = ctx.attrs.str('cidr_block');
    if (vpc && cidr !== undefined) ctx.emit({ kind: 'vpc-cidr', vpc, cidr });
  },
  aws_subnet: (ctx) => {
    const a = ctx.attrs;
    const vpc = a.link('vpc_id');
    const cidr = a.str('cidr_block');
    if (!vpc || cidr === undefined) {
      a.wrongType(vpc ? 'cidr_block' : 'vpc_id', 'set');
      return;
    }
    const az =
      a.str('availability_zone') ??
      a.str('availability_zone_id') ??
      new Unknown(`the zone of ${ctx.resource.address}, chosen at apply`);
    const ipv6 = a.stated('ipv6_cidr_block');
    a.note('cidr', 'cidr_block');
    a.note('az', 'availability_zone');
    ctx.emit({
      kind: 'subnet',
      vpc,
      cidr,
      az,
      ...(ipv6 !== undefined ? { ipv6Cidr: ipv6 } : {}),
      ...(a.bool('map_public_ip_on_launch') === true ? { mapPublicIp: true } : {}),
    });
  },
  aws_route_table: vpcOnly('route-table'),
  aws_default_route_table: (ctx) => {
    const vpc = vpcOfDefault(ctx, 'default_route_table_id');
    if (!vpc) return;
    const routes = ctx.attrs
      .blocks('route')
      .flatMap((r, i) => routeOf(ctx, r, ctx.attrs.itemPosition('route', i)) ?? []);
    ctx.emit({ kind: 'route-table', vpc, main: true, routes });
  },
  aws_route: (ctx) => {
    const table = ctx.attrs.link('route_table_id');
    const route = routeOf(ctx, ctx.attrs);
    if (table && route) ctx.emit({ kind: 'route', table, route });
  },
  aws_route_table_association: pair('subnet-route-table', 'subnet_id', 'route_table_id'),
  aws_main_route_table_association: (ctx) => {
    const vpc = ctx.attrs.link('vpc_id');
    const table = ctx.attrs.link('route_table_id');
    if (vpc && table) ctx.emit({ kind: 'main-route-table', vpc, table });
  },
  aws_internet_gateway: (ctx) => {
    ctx.emit({ kind: 'igw' });
    const vpc = ctx.attrs.link('vpc_id');
    if (vpc) ctx.emit({ kind: 'igw-attach', gateway: new ResourceRef(ctx.resource.address), vpc }, 'attachment');
  },
  aws_internet_gateway_attachment: pair('igw-attach', 'internet_gateway_id', 'vpc_id'),
  aws_vpn_gateway: (ctx) => {
    ctx.emit({ kind: 'vgw' });
    const vpc = ctx.attrs.link('vpc_id');
    if (vpc) ctx.emit({ kind: 'vgw-attach', gateway: new ResourceRef(ctx.resource.address), vpc }, 'attachment');
  },
  aws_vpn_gateway_attachment: pair('vgw-attach', 'vpn_gateway_id', 'vpc_id'),
  aws_vpn_gateway_route_propagation: (ctx) => {
    const gateway = ctx.attrs.link('vpn_gateway_id');
    const table = ctx.attrs.link('route_table_id');
    if (gateway && table) ctx.emit({ kind: 'vgw-propagation', gateway, tables: [table] });
  },
  aws_nat_gateway: (ctx) => {
    const subnet = ctx.attrs.link('subnet_id');
    if (!subnet) return;
    const publicIp = ctx.attrs.str('public_ip');
    ctx.emit({
      kind: 'nat-gateway',
      subnet,
      connectivity: ctx.attrs.str('connectivity_type') === 'private' ? 'private' : 'public',
      ...(typeof publicIp === 'string' ? { publicIp } : {}),
    });
  },
  aws_eip: (ctx) => {
    const instanceLink = ctx.attrs.link('instance');
    ctx.emit({ kind: 'eip', ...(instanceLink ? { instance: instanceLink } : {}) });
  },
  aws_eip_association: (ctx) => {
    const instanceLink = ctx.attrs.link('instance_id');
    if (instanceLink) ctx.emit({ kind: 'eip-association', instance: instanceLink });
  },
  aws_instance: instance,
  aws_security_group: securityGroup,
  aws_security_group_rule: legacyRule,
  aws_vpc_security_group_ingress_rule: vpcRule('ingress'),
  aws_vpc_security_group_egress_rule: vpcRule('egress'),
  aws_network_acl: vpcOnly('nacl'),
  aws_default_network_acl: (ctx) => {
    const vpc = vpcOfDefault(ctx, 'default_network_acl_id');
    if (vpc)
      ctx.emit({
        kind: 'nacl',
        vpc,
        isDefault: true,
        entries: naclEntries(ctx),
        subnets: ctx.attrs.links('subnet_ids'),
      });
  },
  aws_network_acl_rule: naclRule,
  aws_network_acl_association: pair('nacl-association', 'network_acl_id', 'subnet_id'),
};
