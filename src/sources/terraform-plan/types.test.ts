// Every aws_* type the Terraform source reads, in one plan of resources that exist already (no-op changes with
// known ids, linked by those ids), and what each becomes in the model.
import { describe, expect, it } from 'vitest';
import { read } from '../iac/fixtures.test-helpers.js';
import { MODELLED_TF_TYPES } from './load.js';

type R = [type: string, name: string, after: Record<string, unknown>];

const block = (x: Record<string, unknown>) => [x];
const sgRule = (protocol: string, port: number, cidrs: string[], extra: Record<string, unknown> = {}) => ({
  protocol,
  from_port: port,
  to_port: port,
  cidr_blocks: cidrs,
  ipv6_cidr_blocks: [],
  prefix_list_ids: [],
  security_groups: [],
  self: false,
  description: '',
  ...extra,
});

const RESOURCES: R[] = [
  [
    'aws_vpc',
    'main',
    {
      id: 'vpc-1',
      cidr_block: '10.0.0.0/16',
      enable_dns_support: true,
      enable_dns_hostnames: true,
      default_route_table_id: 'rtb-main',
      default_network_acl_id: 'acl-main',
      owner_id: '111122223333',
    },
  ],
  ['aws_vpc_ipv4_cidr_block_association', 'extra', { id: 'x-1', vpc_id: 'vpc-1', cidr_block: '10.9.0.0/16' }],
  [
    'aws_vpc',
    'peer',
    { id: 'vpc-2', cidr_block: '10.1.0.0/16', enable_dns_support: true, enable_dns_hostnames: false },
  ],
  [
    'aws_subnet',
    'a',
    {
      id: 'subnet-a',
      vpc_id: 'vpc-1',
      cidr_block: '10.0.1.0/24',
      availability_zone: 'eu-west-1a',
      map_public_ip_on_launch: true,
    },
  ],
  ['aws_subnet', 'b', { id: 'subnet-b', vpc_id: 'vpc-1', cidr_block: '10.9.1.0/24', availability_zone: 'eu-west-1b' }],
  ['aws_subnet', 'p', { id: 'subnet-p', vpc_id: 'vpc-2', cidr_block: '10.1.1.0/24', availability_zone: 'eu-west-1a' }],
  ['aws_internet_gateway', 'igw', { id: 'igw-1' }],
  ['aws_internet_gateway_attachment', 'igw', { id: 'igw-1:vpc-1', internet_gateway_id: 'igw-1', vpc_id: 'vpc-1' }],
  ['aws_vpn_gateway', 'vgw', { id: 'vgw-1', vpc_id: 'vpc-1' }],
  ['aws_vpn_gateway_attachment', 'vgw2', { id: 'vpn-attachment-1', vpn_gateway_id: 'vgw-1', vpc_id: 'vpc-1' }],
  ['aws_customer_gateway', 'office', { id: 'cgw-1', ip_address: '198.51.100.9' }],
  [
    'aws_vpn_connection',
    'office',
    { id: 'vpn-1', customer_gateway_id: 'cgw-1', vpn_gateway_id: 'vgw-1', static_routes_only: true },
  ],
  [
    'aws_vpn_connection_route',
    'office',
    { id: 'r-1', vpn_connection_id: 'vpn-1', destination_cidr_block: '192.168.0.0/16' },
  ],
  [
    'aws_default_route_table',
    'main',
    { id: 'rtb-main', default_route_table_id: 'rtb-main', route: [{ cidr_block: '0.0.0.0/0', gateway_id: 'igw-1' }] },
  ],
  ['aws_route_table', 'rt', { id: 'rtb-1', vpc_id: 'vpc-1', route: [] }],
  [
    'aws_route',
    'peer',
    { id: 'r-2', route_table_id: 'rtb-1', destination_cidr_block: '10.1.0.0/16', vpc_peering_connection_id: 'pcx-1' },
  ],
  [
    'aws_route',
    'list',
    { id: 'r-3', route_table_id: 'rtb-1', destination_prefix_list_id: 'pl-1', gateway_id: 'vgw-1' },
  ],
  ['aws_route_table_association', 'b', { id: 'a-1', subnet_id: 'subnet-b', route_table_id: 'rtb-1' }],
  ['aws_main_route_table_association', 'peer', { id: 'a-2', vpc_id: 'vpc-2', route_table_id: 'rtb-p' }],
  ['aws_route_table', 'prt', { id: 'rtb-p', vpc_id: 'vpc-2', route: [] }],
  ['aws_vpn_gateway_route_propagation', 'rt', { id: 'p-1', vpn_gateway_id: 'vgw-1', route_table_id: 'rtb-1' }],
  ['aws_ec2_managed_prefix_list', 'office', { id: 'pl-1', entry: [{ cidr: '192.168.0.0/16' }] }],
  ['aws_vpc_peering_connection', 'link', { id: 'pcx-1', vpc_id: 'vpc-1', peer_vpc_id: 'vpc-2' }],
  ['aws_eip', 'nat', { id: 'eipalloc-1' }],
  [
    'aws_nat_gateway',
    'nat',
    { id: 'nat-1', subnet_id: 'subnet-a', connectivity_type: 'public', public_ip: '203.0.113.5' },
  ],
  [
    'aws_security_group',
    'sg',
    {
      id: 'sg-1',
      vpc_id: 'vpc-1',
      ingress: [sgRule('tcp', 443, ['10.0.0.0/16'])],
      egress: [sgRule('-1', 0, [], { self: true })],
    },
  ],
  [
    'aws_security_group_rule',
    'legacy',
    {
      id: 'r-4',
      type: 'ingress',
      security_group_id: 'sg-1',
      protocol: 'udp',
      from_port: 4195,
      to_port: 4195,
      cidr_blocks: ['10.0.0.0/16', '10.9.0.0/16'],
    },
  ],
  [
    'aws_vpc_security_group_ingress_rule',
    'list',
    {
      id: 'r-5',
      security_group_id: 'sg-1',
      ip_protocol: 'tcp',
      from_port: 4195,
      to_port: 4195,
      prefix_list_id: 'pl-1',
    },
  ],
  [
    'aws_vpc_security_group_egress_rule',
    'out',
    { id: 'r-6', security_group_id: 'sg-1', ip_protocol: '-1', cidr_ipv4: '0.0.0.0/0' },
  ],
  [
    'aws_instance',
    'box',
    {
      id: 'i-1',
      subnet_id: 'subnet-a',
      vpc_security_group_ids: ['sg-1'],
      private_ip: '10.0.1.10',
      source_dest_check: true,
      instance_state: 'stopped',
    },
  ],
  ['aws_eip_association', 'box', { id: 'eipassoc-1', instance_id: 'i-1' }],
  [
    'aws_network_acl',
    'acl',
    {
      id: 'acl-1',
      vpc_id: 'vpc-1',
      subnet_ids: ['subnet-b'],
      ingress: [
        { rule_no: 100, action: 'allow', protocol: 'tcp', from_port: 443, to_port: 443, cidr_block: '0.0.0.0/0' },
      ],
      egress: [],
    },
  ],
  [
    'aws_network_acl_rule',
    'out',
    {
      id: 'r-7',
      network_acl_id: 'acl-1',
      rule_number: 100,
      egress: true,
      protocol: '-1',
      rule_action: 'deny',
      cidr_block: '0.0.0.0/0',
    },
  ],
  ['aws_default_network_acl', 'main', { id: 'acl-main', default_network_acl_id: 'acl-main', ingress: [], egress: [] }],
  ['aws_network_acl_association', 'a', { id: 'aclassoc-1', network_acl_id: 'acl-main', subnet_id: 'subnet-a' }],
  [
    'aws_vpc_endpoint',
    'ws',
    {
      id: 'vpce-1',
      vpc_id: 'vpc-1',
      service_name: 'com.amazonaws.eu-west-1.highlander',
      vpc_endpoint_type: 'Interface',
      private_dns_enabled: true,
      subnet_ids: ['subnet-a'],
      security_group_ids: [],
      dns_options: block({ dns_record_ip_type: 'ipv4' }),
      ip_address_type: 'ipv4',
    },
  ],
  ['aws_vpc_endpoint_subnet_association', 'b', { id: 'x-2', vpc_endpoint_id: 'vpce-1', subnet_id: 'subnet-b' }],
  [
    'aws_vpc_endpoint_security_group_association',
    'sg',
    { id: 'x-3', vpc_endpoint_id: 'vpce-1', security_group_id: 'sg-1' },
  ],
  [
    'aws_ec2_transit_gateway',
    'tgw',
    { id: 'tgw-1', default_route_table_association: 'disable', default_route_table_propagation: 'disable' },
  ],
  ['aws_ec2_transit_gateway_route_table', 'rt', { id: 'tgw-rtb-1', transit_gateway_id: 'tgw-1' }],
  [
    'aws_ec2_transit_gateway_vpc_attachment',
    'peer',
    { id: 'tgw-attach-1', transit_gateway_id: 'tgw-1', vpc_id: 'vpc-2', subnet_ids: ['subnet-p'] },
  ],
  [
    'aws_ec2_transit_gateway_route_table_association',
    'peer',
    { id: 'x-4', transit_gateway_route_table_id: 'tgw-rtb-1', transit_gateway_attachment_id: 'tgw-attach-1' },
  ],
  [
    'aws_ec2_transit_gateway_route_table_propagation',
    'peer',
    { id: 'x-5', transit_gateway_route_table_id: 'tgw-rtb-1', transit_gateway_attachment_id: 'tgw-attach-1' },
  ],
  [
    'aws_ec2_transit_gateway_route',
    'hole',
    { id: 'x-6', transit_gateway_route_table_id: 'tgw-rtb-1', destination_cidr_block: '10.99.0.0/16', blackhole: true },
  ],
  ['aws_vpc_dhcp_options', 'dns', { id: 'dopt-1', domain_name_servers: ['AmazonProvidedDNS'] }],
  ['aws_vpc_dhcp_options_association', 'peer', { id: 'x-7', vpc_id: 'vpc-2', dhcp_options_id: 'dopt-1' }],
  [
    'aws_route53_resolver_endpoint',
    'out',
    {
      id: 'rslvr-out-1',
      direction: 'OUTBOUND',
      security_group_ids: ['sg-1'],
      ip_address: [{ subnet_id: 'subnet-a', ip: '10.0.1.20' }, { subnet_id: 'subnet-b' }],
    },
  ],
  [
    'aws_route53_resolver_rule',
    'corp',
    {
      id: 'rslvr-rr-1',
      domain_name: 'corp.example',
      rule_type: 'FORWARD',
      resolver_endpoint_id: 'rslvr-out-1',
      target_ip: [{ ip: '192.168.0.53', port: 53 }],
    },
  ],
  [
    'aws_route53_resolver_rule_association',
    'corp',
    { id: 'rslvr-rrassoc-1', resolver_rule_id: 'rslvr-rr-1', vpc_id: 'vpc-1' },
  ],
  [
    'aws_directory_service_directory',
    'ad',
    {
      id: 'd-1234567890',
      type: 'SimpleAD',
      vpc_settings: block({ vpc_id: 'vpc-1', subnet_ids: ['subnet-a', 'subnet-b'] }),
    },
  ],
  ['aws_workspaces_ip_group', 'office', { id: 'wsipg-1', rules: [{ source: '192.0.2.0/24' }] }],
  [
    'aws_workspaces_directory',
    'corp',
    {
      id: 'd-1234567890',
      directory_id: 'd-1234567890',
      subnet_ids: [],
      ip_group_ids: ['wsipg-1'],
      workspace_type: 'PERSONAL',
      workspace_access_properties: block({
        device_type_web: 'DENY',
        access_endpoint_config: block({
          access_endpoints: [{ access_endpoint_type: 'STREAMING_WSP', vpc_endpoint_id: 'vpce-1' }],
          internet_fallback_protocols: ['PCOIP'],
        }),
      }),
    },
  ],
  ['aws_workspaces_workspace', 'desk', { id: 'ws-1', directory_id: 'd-1234567890' }],
];

function plan(): string {
  return JSON.stringify({
    format_version: '1.2',
    terraform_version: '1.9.8',
    resource_changes: RESOURCES.map(([type, name, after]) => ({
      address: `${type}.${name}`,
      mode: 'managed',
      type,
      name,
      change: { actions: ['no-op'], before: after, after: { region: 'eu-west-1', ...after }, after_unknown: {} },
    })),
  });
}

describe('every aws_* type the Terraform source reads', () => {
  it('is in one plan, and each becomes what AWS makes of it', async () => {
    for (const t of MODELLED_TF_TYPES)
      expect(
        RESOURCES.map(([type]) => type),
        t,
      ).toContain(t);
    const r = await read({ 'p.json': plan() });
    expect(r.ok, JSON.stringify(r.diagnostics)).toBe(true);
    if (!r.ok) return;
    const m = r.model;
    expect(m.account).toBe('111122223333');
    expect(r.diagnostics.map((d) => d.code)).toEqual(['unknown-value', 'unknown-value', 'unknown-value']);
    expect(m.vpcs.find((v) => v.id === 'main')).toMatchObject({
      cidrs: ['10.0.0.0/16', '10.9.0.0/16'],
      internetGateway: 'igw',
      mainRouteTable: 'main/main',
    });
    expect(
      m.routeTables.find((t) => t.id === 'main/main')?.routes.map((x) => `${x.destination}>${x.target.kind}`),
    ).toEqual(['10.0.0.0/16>local', '10.9.0.0/16>local', '0.0.0.0/0>igw']);
    expect(
      m.routeTables.find((t) => t.id === 'main/rt')?.routes.map((x) => `${x.destination}>${x.target.kind}`),
    ).toEqual([
      '10.0.0.0/16>local',
      '10.9.0.0/16>local',
      '10.1.0.0/16>peering',
      'ec2_managed_prefix_list.office>vgw', // three types named office share the top level: each carries its type
      '192.168.0.0/16>vgw',
    ]);
    expect(m.vpcs.find((v) => v.id === 'peer')).toMatchObject({
      mainRouteTable: 'peer/prt',
      dhcpOptions: { domainNameServers: ['AmazonProvidedDNS'] },
    });
    expect(m.subnets.find((s) => s.id === 'main/b')?.routeTable).toBe('main/rt');
    expect(m.onPremises).toMatchObject([
      { cidrs: ['192.168.0.0/16'], connections: [{ kind: 'vpn', via: 'vgw', vpc: 'main' }] },
    ]);
    expect(m.peerings).toMatchObject([{ requesterVpc: 'main', accepterVpc: 'peer' }]);
    expect(m.natGateways).toMatchObject([{ id: 'main/nat', publicIp: '203.0.113.5' }]);
    const sg = m.securityGroups.find((g) => g.id === 'main/sg');
    expect(sg?.ingress.map((x) => `${x.protocol}:${x.fromPort} ${JSON.stringify(x.peer)}`)).toEqual([
      'tcp:443 {"kind":"cidr","cidr":"10.0.0.0/16"}',
      'udp:4195 {"kind":"cidr","cidr":"10.0.0.0/16"}',
      'udp:4195 {"kind":"cidr","cidr":"10.9.0.0/16"}',
      'tcp:4195 {"kind":"prefix-list","id":"ec2_managed_prefix_list.office"}',
    ]);
    expect(sg?.egress.map((x) => JSON.stringify(x.peer))).toEqual([
      '{"kind":"sg","id":"main/sg"}',
      '{"kind":"cidr","cidr":"0.0.0.0/0"}',
    ]);
    expect(m.instances).toMatchObject([
      { id: 'main/box', state: 'stopped', privateIp: '10.0.1.10', publicIpPending: true },
    ]);
    // main's default ACL is managed (and emptied) by aws_default_network_acl; peer's is AWS's allow-all.
    expect(m.networkAcls.map((n) => [n.id, n.subnets, n.ingress.length, n.egress.length])).toEqual([
      ['main/acl', ['main/b'], 1, 1],
      ['main/default', ['main/a'], 0, 0],
      ['peer/default', ['peer/p'], 1, 1],
    ]);
    expect(m.endpoints[0]).toMatchObject({
      subnets: ['main/a', 'main/b'],
      securityGroups: ['main/sg'],
      awsId: 'vpce-1',
    });
    expect(m.transitGateways[0]).toMatchObject({
      routeTables: [
        {
          id: 'tgw/rt',
          routes: [
            { destination: '10.99.0.0/16' },
            { destination: '10.1.0.0/16', attachment: 'tgw/peer', propagated: true },
          ],
        },
      ],
      attachments: [{ id: 'tgw/peer', routeTable: 'tgw/rt' }],
    });
    expect(m.resolverEndpoints).toMatchObject([
      { id: 'main/out', direction: 'outbound', addresses: [{ ip: '10.0.1.20' }] },
    ]);
    expect(m.vpcs.find((v) => v.id === 'main')?.resolverRules).toMatchObject([
      { domain: 'corp.example', to: ['192.168.0.53'], via: 'main/out' },
    ]);
    // The directory registers the AD directory: its id, and the AD's subnets when it names none.
    expect(m.directories[0]).toMatchObject({
      directoryId: 'd-1234567890',
      subnets: ['main/a', 'main/b'],
      streamingEndpoint: 'main/ws',
      pcoipOverInternet: true,
      ipGroups: ['workspaces_ip_group.office'],
      deniedDeviceTypes: ['web'],
    });
    expect(m.directories[0]?.encryption).toBeUndefined();
    expect(m.workspaces).toMatchObject([{ id: 'desk', directory: 'corp' }]);
  });
});
