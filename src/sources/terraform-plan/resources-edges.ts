// aws_* resources for endpoints, peering, transit gateways, VPN, prefix lists, DHCP, Route 53 Resolver, Directory
// Service and WorkSpaces. What the aws provider cannot state stays Unknown with the reason (next-round §0, §B.4):
// aws_workspaces_directory has no endpoint encryption mode and no streaming properties (preferred protocol, Global
// Accelerator); aws_workspaces_workspace has no protocol.
import type { DeviceType, DnsRecordIpType, VpcEndpoint } from '../../model/types.js';
import { interfaceTypesOrDefaults } from '../iac/endpoint-defaults.js';
import { Unknown } from '../iac/values.js';
import type { TfAdapter, TfContext } from './context.js';

function textOf(v: string | Unknown | undefined, fallback: string): string {
  return typeof v === 'string' ? v : fallback;
}

const ENDPOINT_TYPES: Record<string, VpcEndpoint['type']> = {
  interface: 'Interface',
  gateway: 'Gateway',
  gatewayloadbalancer: 'GatewayLoadBalancer',
  resource: 'Resource',
  servicenetwork: 'ServiceNetwork',
};

function endpoint(ctx: TfContext): void {
  const a = ctx.attrs;
  const vpc = a.link('vpc_id');
  const service = a.str('service_name');
  if (!vpc || service === undefined) {
    a.wrongType(vpc ? 'service_name' : 'vpc_id', 'set');
    return;
  }
  const typeText = a.str('vpc_endpoint_type');
  // The provider's default is Gateway: the plan shows it, the configuration does not say it.
  const type =
    typeText instanceof Unknown
      ? typeText
      : (ENDPOINT_TYPES[(typeText ?? 'gateway').toLowerCase()] ??
        new Unknown(`vpc_endpoint_type ${typeText ?? ''} is not known`));
  if (!a.written('vpc_endpoint_type')) ctx.defaulted('type');
  const privateDns = a.bool('private_dns_enabled') ?? false;
  if (!a.written('private_dns_enabled')) ctx.defaulted('privateDns');
  const dns = a.block('dns_options');
  const recordText = dns?.str('dns_record_ip_type');
  let dnsRecordIpType: DnsRecordIpType | Unknown | undefined =
    recordText instanceof Unknown ? undefined : (recordText as DnsRecordIpType | undefined);
  const ipText = a.str('ip_address_type');
  let ipAddressType: VpcEndpoint['ipAddressType'] | Unknown =
    ipText instanceof Unknown ? undefined : (ipText as VpcEndpoint['ipAddressType']);
  ({ dnsRecordIpType, ipAddressType } = interfaceTypesOrDefaults(type, { dnsRecordIpType, ipAddressType }, (field) =>
    ctx.defaulted(field),
  ));
  // subnet_configuration fixes the ENI addresses, which a template cannot.
  const addresses = a.blocks('subnet_configuration').flatMap((c) => {
    const subnet = c.link('subnet_id');
    const ip = c.str('ipv4');
    return subnet && typeof ip === 'string' ? [{ subnet, ip }] : [];
  });
  const existing = a.str('id');
  a.note('service', 'service_name');
  a.note('type', 'vpc_endpoint_type');
  a.note('privateDns', 'private_dns_enabled');
  a.note('subnets', 'subnet_ids');
  a.note('securityGroups', 'security_group_ids');
  a.note('dnsRecordIpType', 'dns_options');
  ctx.emit({
    kind: 'endpoint',
    vpc,
    service,
    type,
    subnets: a.links('subnet_ids'),
    securityGroups: a.links('security_group_ids'),
    privateDns,
    ...(dnsRecordIpType !== undefined ? { dnsRecordIpType } : {}),
    ...(ipAddressType !== undefined ? { ipAddressType } : {}),
    addresses,
    ...(typeof existing === 'string' ? { awsId: existing } : {}),
  });
}

function links2(kind: 'endpoint-subnet' | 'endpoint-security-group', attr: string): TfAdapter {
  return (ctx) => {
    const ep = ctx.attrs.link('vpc_endpoint_id');
    const target = ctx.attrs.link(attr);
    if (ep && target) ctx.emit({ kind, endpoint: ep, target });
  };
}

function tgwLink(kind: 'tgw-association' | 'tgw-propagation'): TfAdapter {
  return (ctx) => {
    const table = ctx.attrs.link('transit_gateway_route_table_id');
    const attachment = ctx.attrs.link('transit_gateway_attachment_id');
    if (table && attachment) ctx.emit({ kind, table, attachment });
  };
}

const DEVICE_TYPES: [string, DeviceType][] = [
  ['device_type_windows', 'windows'],
  ['device_type_osx', 'macos'],
  ['device_type_linux', 'linux'],
  ['device_type_web', 'web'],
  ['device_type_ios', 'ios'],
  ['device_type_android', 'android'],
  ['device_type_chromeos', 'chromeos'],
  ['device_type_zeroclient', 'zeroclient'],
];

function directory(ctx: TfContext): void {
  const a = ctx.attrs;
  const access = a.block('workspace_access_properties');
  const config = access?.block('access_endpoint_config');
  const accessEndpoints = config?.blocks('access_endpoints').map((e, i) => {
    const type = e.str('access_endpoint_type');
    const ep = e.link('vpc_endpoint_id');
    return {
      ...(type !== undefined ? { type } : {}),
      ...(ep ? { endpoint: ep } : {}),
      prov: ctx.partProv(config.itemPosition('access_endpoints', i), e.field),
    };
  });
  const fallback = config?.strings('internet_fallback_protocols') ?? [];
  const registers = a.link('directory_id');
  const type = a.str('workspace_type');
  const cannot = (what: string) =>
    new Unknown(
      `aws_workspaces_directory has no ${what} argument; the setting is made outside Terraform (state it in an overlay)`,
    );
  a.note('subnets', 'subnet_ids');
  a.note('ipGroups', 'ip_group_ids');
  a.note('streamingEndpoint', 'workspace_access_properties');
  a.note('directoryId', 'directory_id');
  ctx.emit({
    kind: 'ws-directory',
    ...(registers ? { registers } : {}),
    subnets: a.links('subnet_ids'),
    workspaceType: typeof type === 'string' && type.toUpperCase() === 'POOLS' ? 'pools' : 'personal',
    ...(accessEndpoints !== undefined ? { accessEndpoints } : {}),
    pcoipFallback: fallback.some((f) => f instanceof Unknown)
      ? new Unknown('internet_fallback_protocols is known only after apply')
      : fallback.includes('PCOIP'),
    ipGroups: a.links('ip_group_ids').map((link, i) => ({
      link,
      prov: ctx.partProv(a.itemPosition('ip_group_ids', i), `${a.field}.ip_group_ids.${i}`),
    })),
    encryption: cannot('endpoint encryption mode'),
    globalAccelerator: cannot('streaming_properties (Global Accelerator)'),
    preferredProtocol: cannot('streaming_properties (preferred protocol)'),
    deniedDeviceTypes: DEVICE_TYPES.filter(([attr]) => access?.str(attr) === 'DENY').map(([, t]) => t),
  });
}

function adDirectory(ctx: TfContext): void {
  const settings = ctx.attrs.block('vpc_settings') ?? ctx.attrs.block('connect_settings');
  const vpc = settings?.link('vpc_id');
  if (!settings || !vpc) return;
  const id = ctx.attrs.str('id');
  ctx.emit({
    kind: 'ad-directory',
    adType: textOf(ctx.attrs.str('type'), 'SimpleAD'),
    vpc,
    subnets: settings.links('subnet_ids'),
    ...(id !== undefined ? { directoryId: id } : {}),
  });
}

export const EDGE_ADAPTERS: Record<string, TfAdapter> = {
  aws_vpc_endpoint: endpoint,
  aws_vpc_endpoint_subnet_association: links2('endpoint-subnet', 'subnet_id'),
  aws_vpc_endpoint_security_group_association: links2('endpoint-security-group', 'security_group_id'),
  aws_vpc_peering_connection: (ctx) => {
    const requester = ctx.attrs.link('vpc_id');
    const accepter = ctx.attrs.link('peer_vpc_id');
    if (requester && accepter) ctx.emit({ kind: 'peering', requester, accepter });
  },
  aws_ec2_transit_gateway: (ctx) => {
    const enabled = (attr: string) => ctx.attrs.str(attr) !== 'disable';
    ctx.emit({
      kind: 'tgw',
      defaultAssociation: enabled('default_route_table_association'),
      defaultPropagation: enabled('default_route_table_propagation'),
    });
  },
  aws_ec2_transit_gateway_vpc_attachment: (ctx) => {
    const a = ctx.attrs;
    const tgw = a.link('transit_gateway_id');
    const vpc = a.link('vpc_id');
    if (!tgw || !vpc) return;
    const assoc = a.bool('transit_gateway_default_route_table_association');
    const prop = a.bool('transit_gateway_default_route_table_propagation');
    ctx.emit({
      kind: 'tgw-vpc-attachment',
      tgw,
      vpc,
      subnets: a.links('subnet_ids'),
      ...(typeof assoc === 'boolean' ? { defaultAssociation: assoc } : {}),
      ...(typeof prop === 'boolean' ? { defaultPropagation: prop } : {}),
    });
  },
  aws_ec2_transit_gateway_route_table: (ctx) => {
    const tgw = ctx.attrs.link('transit_gateway_id');
    if (tgw) ctx.emit({ kind: 'tgw-route-table', tgw });
  },
  aws_ec2_transit_gateway_route: (ctx) => {
    const a = ctx.attrs;
    const table = a.link('transit_gateway_route_table_id');
    const destination = a.str('destination_cidr_block');
    if (!table || destination === undefined) return;
    const attachment = a.link('transit_gateway_attachment_id');
    ctx.emit({
      kind: 'tgw-route',
      table,
      destination,
      ...(attachment ? { attachment } : {}),
      blackhole: a.bool('blackhole') === true,
    });
  },
  aws_ec2_transit_gateway_route_table_association: tgwLink('tgw-association'),
  aws_ec2_transit_gateway_route_table_propagation: tgwLink('tgw-propagation'),
  aws_customer_gateway: (ctx) => {
    const ip = ctx.attrs.str('ip_address');
    ctx.emit({ kind: 'customer-gateway', ...(ip !== undefined ? { ip } : {}) });
  },
  aws_vpn_connection: (ctx) => {
    const cgw = ctx.attrs.link('customer_gateway_id');
    const vgw = ctx.attrs.link('vpn_gateway_id');
    const tgw = ctx.attrs.link('transit_gateway_id');
    const gateway = vgw ?? tgw;
    if (cgw && gateway)
      ctx.emit({ kind: 'vpn', gateway, via: vgw ? 'vgw' : 'tgw', customerGateway: cgw, staticRoutes: [] });
  },
  aws_vpn_connection_route: (ctx) => {
    const vpn = ctx.attrs.link('vpn_connection_id');
    const cidr = ctx.attrs.str('destination_cidr_block');
    if (vpn && cidr !== undefined) ctx.emit({ kind: 'vpn-route', vpn, cidr });
  },
  aws_ec2_managed_prefix_list: (ctx) => {
    ctx.emit({ kind: 'prefix-list', cidrs: ctx.attrs.blocks('entry').flatMap((e) => e.str('cidr') ?? []) });
  },
  aws_vpc_dhcp_options: (ctx) => ctx.emit({ kind: 'dhcp-options', servers: ctx.attrs.strings('domain_name_servers') }),
  aws_vpc_dhcp_options_association: (ctx) => {
    const vpc = ctx.attrs.link('vpc_id');
    const options = ctx.attrs.link('dhcp_options_id');
    if (vpc && options) ctx.emit({ kind: 'dhcp-association', vpc, options });
  },
  aws_route53_resolver_endpoint: (ctx) => {
    const a = ctx.attrs;
    const addresses = a.blocks('ip_address').flatMap((b) => {
      const subnet = b.link('subnet_id');
      const ip = b.str('ip');
      return subnet ? [{ subnet, ...(typeof ip === 'string' ? { ip } : {}) }] : [];
    });
    ctx.emit({
      kind: 'resolver-endpoint',
      direction: textOf(a.str('direction'), 'INBOUND').toUpperCase() === 'OUTBOUND' ? 'outbound' : 'inbound',
      addresses,
      securityGroups: a.links('security_group_ids'),
    });
  },
  aws_route53_resolver_rule: (ctx) => {
    const a = ctx.attrs;
    const domain = a.str('domain_name');
    if (domain === undefined) return;
    const endpointLink = a.link('resolver_endpoint_id');
    ctx.emit({
      kind: 'resolver-rule',
      ruleType: textOf(a.str('rule_type'), 'FORWARD'),
      domain,
      targets: a.blocks('target_ip').flatMap((t) => t.str('ip') ?? []),
      ...(endpointLink ? { endpoint: endpointLink } : {}),
    });
  },
  aws_route53_resolver_rule_association: (ctx) => {
    const rule = ctx.attrs.link('resolver_rule_id');
    const vpc = ctx.attrs.link('vpc_id');
    if (rule && vpc) ctx.emit({ kind: 'resolver-rule-association', rule, vpc });
  },
  aws_directory_service_directory: adDirectory,
  aws_workspaces_directory: directory,
  aws_workspaces_ip_group: (ctx) =>
    ctx.emit({ kind: 'ip-group', cidrs: ctx.attrs.blocks('rules').flatMap((r) => r.str('source') ?? []) }),
  aws_workspaces_workspace: (ctx) => {
    const dir = ctx.attrs.link('directory_id');
    if (dir) ctx.emit({ kind: 'workspace', directory: dir });
  },
};
