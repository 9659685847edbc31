// The benchmark estate (estate.ts, a design document) written as a CloudFormation template (JSON, as generators
// write large ones) and as a Terraform plan (`terraform show -json` shape: every id unknown, linked through the
// configuration's references), plus the overlay both need for what they cannot state: the WorkSpaces' protocols and
// the clients. On-premises sites reach the estate over transit gateway VPN attachments, which neither form creates by
// itself; they and their clients are left out of the IaC forms (the figures say so).

/* eslint-disable @typescript-eslint/no-explicit-any */
type Doc = any;
type Json = Record<string, unknown>;

const PROTOCOLS: Record<string, string> = { tcp: 'tcp', udp: 'udp', icmp: 'icmp', all: '-1' };

/** "tcp:443-445 from 10.0.0.0/16" → protocol, ports, peer. */
function parseRule(text: string): { protocol: string; from: number; to: number; peer: string } {
  const [proto = '', , peer = ''] = text.split(/\s+/);
  const [name = '', ports] = proto.split(':');
  const [from = '0', to = from] = (ports ?? '').split('-');
  return { protocol: PROTOCOLS[name] ?? name, from: ports ? Number(from) : 0, to: ports ? Number(to) : 65535, peer };
}

const id = (...parts: (string | number)[]) => parts.map((p) => String(p).replace(/[^A-Za-z0-9]/g, '')).join('');
const ref = (x: string) => ({ Ref: x });

export function toTemplate(doc: Doc): Json {
  const r: Json = {};
  const vpcIds = new Map<string, string>();
  for (const [name, v] of Object.entries<any>(doc.vpcs)) {
    const vpc = id(name);
    vpcIds.set(name, vpc);
    r[vpc] = {
      Type: 'AWS::EC2::VPC',
      Properties: { CidrBlock: v.cidr, EnableDnsSupport: true, EnableDnsHostnames: true },
    };
    r[`${vpc}Igw`] = { Type: 'AWS::EC2::InternetGateway' };
    r[`${vpc}IgwAttach`] = {
      Type: 'AWS::EC2::VPCGatewayAttachment',
      Properties: { VpcId: ref(vpc), InternetGatewayId: ref(`${vpc}Igw`) },
    };
    for (const [s, sub] of Object.entries<any>(v.subnets)) {
      r[id(vpc, s)] = {
        Type: 'AWS::EC2::Subnet',
        Properties: { VpcId: ref(vpc), CidrBlock: sub.cidr, AvailabilityZone: sub.az },
      };
      r[id(vpc, s, 'Assoc')] = {
        Type: 'AWS::EC2::SubnetRouteTableAssociation',
        Properties: { SubnetId: ref(id(vpc, s)), RouteTableId: ref(id(vpc, 'Rt', sub.routeTable)) },
      };
    }
    for (const [g, gw] of Object.entries<any>(v.natGateways ?? {})) {
      r[id(vpc, g)] = { Type: 'AWS::EC2::NatGateway', Properties: { SubnetId: ref(id(vpc, gw.subnet)) } };
    }
    for (const [t, routes] of Object.entries<any>(v.routeTables)) {
      r[id(vpc, 'Rt', t)] = { Type: 'AWS::EC2::RouteTable', Properties: { VpcId: ref(vpc) } };
      Object.entries<string>(routes).forEach(([dest, target], i) => {
        const key =
          target === `igw${name.slice(3)}`
            ? 'GatewayId'
            : target.startsWith('tgw')
              ? 'TransitGatewayId'
              : 'NatGatewayId';
        const value =
          key === 'GatewayId' ? ref(`${vpc}Igw`) : key === 'TransitGatewayId' ? ref('Tgw1') : ref(id(vpc, target));
        r[id(vpc, 'Rt', t, 'R', i)] = {
          Type: 'AWS::EC2::Route',
          Properties: { RouteTableId: ref(id(vpc, 'Rt', t)), DestinationCidrBlock: dest, [key]: value },
        };
      });
    }
    for (const [g, sg] of Object.entries<any>(v.securityGroups)) {
      const rules = (list: string[] | undefined) =>
        (list ?? []).map((text) => {
          const x = parseRule(text);
          return { IpProtocol: x.protocol, FromPort: x.from, ToPort: x.to, CidrIp: x.peer };
        });
      r[id(vpc, 'Sg', g)] = {
        Type: 'AWS::EC2::SecurityGroup',
        Properties: {
          GroupDescription: g,
          VpcId: ref(vpc),
          SecurityGroupIngress: rules(sg.ingress),
          ...(sg.egress ? { SecurityGroupEgress: rules(sg.egress) } : {}),
        },
      };
    }
    for (const [n, inst] of Object.entries<any>(v.instances ?? {})) {
      r[id(vpc, n)] = {
        Type: 'AWS::EC2::Instance',
        Properties: {
          SubnetId: ref(id(vpc, inst.subnet)),
          SecurityGroupIds: (inst.securityGroups ?? []).map((g: string) => ({
            'Fn::GetAtt': [id(vpc, 'Sg', g), 'GroupId'],
          })),
          PrivateIpAddress: inst.privateIp,
        },
      };
    }
    for (const [n, acl] of Object.entries<any>(v.networkAcls ?? {})) {
      const aclId = id(vpc, 'Acl', n);
      r[aclId] = { Type: 'AWS::EC2::NetworkAcl', Properties: { VpcId: ref(vpc) } };
      for (const [side, list] of [
        ['ingress', acl.ingress],
        ['egress', acl.egress],
      ] as const) {
        (list as string[]).forEach((text, i) => {
          const [num = '', action = '', ...rest] = text.split(/\s+/);
          const x = parseRule(rest.join(' '));
          r[id(aclId, side, i)] = {
            Type: 'AWS::EC2::NetworkAclEntry',
            Properties: {
              NetworkAclId: ref(aclId),
              RuleNumber: Number(num),
              RuleAction: action,
              Protocol: { '-1': -1, tcp: 6, udp: 17, icmp: 1 }[x.protocol],
              Egress: side === 'egress',
              CidrBlock: x.peer,
              PortRange: { From: x.from, To: x.to },
            },
          };
        });
      }
      for (const s of acl.subnets)
        r[id(aclId, s)] = {
          Type: 'AWS::EC2::SubnetNetworkAclAssociation',
          Properties: { NetworkAclId: ref(aclId), SubnetId: ref(id(vpc, s)) },
        };
    }
    for (const [n, ep] of Object.entries<any>(v.endpoints ?? {})) {
      r[id(vpc, n)] = {
        Type: 'AWS::EC2::VPCEndpoint',
        Properties: {
          VpcId: ref(vpc),
          ServiceName: ep.service,
          VpcEndpointType: 'Interface',
          PrivateDnsEnabled: true,
          DnsOptions: { DnsRecordIpType: 'ipv4' },
          SubnetIds: ep.subnets.map((s: string) => ref(id(vpc, s))),
          SecurityGroupIds: ep.securityGroups.map((g: string) => ({ 'Fn::GetAtt': [id(vpc, 'Sg', g), 'GroupId'] })),
        },
      };
    }
    for (const [n, re] of Object.entries<any>(v.resolverEndpoints ?? {})) {
      r[id(vpc, n)] = {
        Type: 'AWS::Route53Resolver::ResolverEndpoint',
        Properties: {
          Direction: 'INBOUND',
          IpAddresses: re.addresses.map((ip: string, i: number) => ({
            SubnetId: ref(id(vpc, re.subnets[i] ?? re.subnets[0])),
            Ip: ip,
          })),
          SecurityGroupIds: re.securityGroups.map((g: string) => ({ 'Fn::GetAtt': [id(vpc, 'Sg', g), 'GroupId'] })),
        },
      };
    }
  }
  r.Tgw1 = {
    Type: 'AWS::EC2::TransitGateway',
    Properties: { DefaultRouteTableAssociation: 'disable', DefaultRouteTablePropagation: 'disable' },
  };
  r.Tgw1Main = { Type: 'AWS::EC2::TransitGatewayRouteTable', Properties: { TransitGatewayId: ref('Tgw1') } };
  const tgw = doc.transitGateways.tgw1;
  for (const [n, att] of Object.entries<any>(tgw.attachments)) {
    if (!att.vpc) continue;
    const vpc = vpcIds.get(att.vpc) ?? '';
    r[id('Tgw1', n)] = {
      Type: 'AWS::EC2::TransitGatewayVpcAttachment',
      Properties: {
        TransitGatewayId: ref('Tgw1'),
        VpcId: ref(vpc),
        SubnetIds: att.subnets.map((s: string) => ref(id(vpc, s))),
      },
    };
    r[id('Tgw1', n, 'Assoc')] = {
      Type: 'AWS::EC2::TransitGatewayRouteTableAssociation',
      Properties: { TransitGatewayRouteTableId: ref('Tgw1Main'), TransitGatewayAttachmentId: ref(id('Tgw1', n)) },
    };
  }
  Object.entries<string>(tgw.routeTables.main).forEach(([dest, att], i) => {
    if (!att.startsWith('att')) return;
    r[id('Tgw1Route', i)] = {
      Type: 'AWS::EC2::TransitGatewayRoute',
      Properties: {
        TransitGatewayRouteTableId: ref('Tgw1Main'),
        DestinationCidrBlock: dest,
        TransitGatewayAttachmentId: ref(id('Tgw1', att)),
      },
    };
  });
  for (const [n, cidrs] of Object.entries<any>(doc.ipGroups)) {
    r[id('Ipg', n)] = {
      Type: 'AWS::WorkSpaces::WorkspaceIpGroup',
      Properties: { GroupName: n, UserRules: cidrs.map((c: string) => ({ IpRule: c })) },
    };
  }
  for (const [n, d] of Object.entries<any>(doc.directories)) {
    const vpc = vpcIds.get(d.vpc) ?? '';
    const [epVpc = '', ep = ''] = (d.streamingEndpoint ?? '').split('/');
    r[id(n)] = {
      Type: 'AWS::WorkSpaces::Directory',
      Properties: {
        SubnetIds: d.subnets.map((s: string) => ref(id(vpc, s))),
        IpGroupIds: d.ipGroups.map((g: string) => ({ 'Fn::GetAtt': [id('Ipg', g), 'GroupId'] })),
        ...(d.streamingEndpoint
          ? {
              WorkspaceAccessProperties: {
                AccessEndpointConfig: {
                  AccessEndpoints: [
                    { AccessEndpointType: 'STREAMING_WSP', VpcEndpointId: ref(id(vpcIds.get(epVpc) ?? '', ep)) },
                  ],
                  ...(d.pcoipOverInternet ? { InternetFallbackProtocols: ['PCOIP'] } : {}),
                },
              },
            }
          : {}),
      },
    };
  }
  for (const [n, w] of Object.entries<any>(doc.workspaces)) {
    r[id(n)] = {
      Type: 'AWS::WorkSpaces::Workspace',
      Properties: { DirectoryId: { 'Fn::GetAtt': [id(w.directory), 'DirectoryId'] }, BundleId: 'wsb-0', UserName: n },
    };
  }
  return { AWSTemplateFormatVersion: '2010-09-09', Resources: r };
}

/** The template's resources as a plan: one resource change each, ids unknown, links through references. */
export function toPlan(template: Json): Json {
  const resources = template.Resources as Record<string, { Type: string; Properties?: Record<string, unknown> }>;
  const changes: Json[] = [];
  const config: Json[] = [];
  const typeOf = new Map(Object.entries(resources).map(([k, v]) => [k, v.Type]));
  const tfType = (cfn: string) => TF_TYPES[cfn] ?? 'aws_unknown';
  const address = (logical: string) => `${tfType(typeOf.get(logical) ?? '')}.${logical}`;
  for (const [logical, res] of Object.entries(resources)) {
    const map = ATTRS[res.Type];
    if (!map) continue;
    const after: Json = { region: 'ap-northeast-1' };
    const unknown: Json = { id: true, arn: true };
    const expressions: Json = {};
    for (const [prop, value] of Object.entries(res.Properties ?? {})) {
      const attr = map[prop];
      if (!attr) continue;
      const conv = convert(value, address);
      if (conv.refs.length > 0) {
        unknown[attr] = Array.isArray(value) ? conv.value : true;
        if (!Array.isArray(value)) after[attr] = null;
        else after[attr] = conv.value.map(() => null);
        expressions[attr] = { references: conv.refs };
      } else {
        after[attr] = conv.value;
        expressions[attr] = { constant_value: conv.value };
      }
    }
    if (res.Type === 'AWS::EC2::NetworkAclEntry') {
      const range = res.Properties?.PortRange as Json | undefined;
      after.from_port = range?.From;
      after.to_port = range?.To;
    }
    if (res.Type === 'AWS::Route53Resolver::ResolverEndpoint') {
      const ips = (res.Properties?.IpAddresses ?? []) as Json[];
      after.direction = 'INBOUND';
      after.ip_address = ips.map((x) => ({ ip: x.Ip, subnet_id: null }));
      unknown.ip_address = ips.map(() => ({ subnet_id: true }));
      expressions.ip_address = ips.map((x) => ({ subnet_id: { references: convert(x.SubnetId, address).refs } }));
    }
    if (res.Type === 'AWS::EC2::TransitGatewayVpcAttachment') {
      after.transit_gateway_default_route_table_association = false;
      after.transit_gateway_default_route_table_propagation = false;
    }
    if (res.Type === 'AWS::EC2::TransitGateway') {
      after.default_route_table_association = 'disable';
      after.default_route_table_propagation = 'disable';
    }
    if (res.Type === 'AWS::EC2::SecurityGroup') {
      for (const side of ['ingress', 'egress'] as const) {
        const prop = side === 'ingress' ? 'SecurityGroupIngress' : 'SecurityGroupEgress';
        const list = (res.Properties?.[prop] ?? []) as Json[];
        after[side] = list.map((x) => ({
          protocol: x.IpProtocol,
          from_port: x.FromPort,
          to_port: x.ToPort,
          cidr_blocks: [x.CidrIp],
          ipv6_cidr_blocks: [],
          prefix_list_ids: [],
          security_groups: [],
          self: false,
          description: '',
        }));
      }
    }
    if (res.Type === 'AWS::WorkSpaces::Directory') {
      const access = (res.Properties?.WorkspaceAccessProperties as Json | undefined)?.AccessEndpointConfig as
        Json | undefined;
      if (access) {
        const entries = access.AccessEndpoints as Json[];
        after.workspace_access_properties = [
          {
            access_endpoint_config: [
              {
                access_endpoints: entries.map(() => ({ access_endpoint_type: 'STREAMING_WSP' })),
                internet_fallback_protocols: access.InternetFallbackProtocols ?? [],
              },
            ],
          },
        ];
        unknown.workspace_access_properties = [
          { access_endpoint_config: [{ access_endpoints: entries.map(() => ({ vpc_endpoint_id: true })) }] },
        ];
        expressions.workspace_access_properties = [
          {
            access_endpoint_config: [
              {
                access_endpoints: entries.map((e) => ({
                  vpc_endpoint_id: { references: convert(e.VpcEndpointId, address).refs },
                })),
              },
            ],
          },
        ];
      }
      after.directory_id = `d-${logical.toLowerCase()}`;
    }
    const a = address(logical);
    changes.push({
      address: a,
      mode: 'managed',
      type: tfType(res.Type),
      name: logical,
      change: { actions: ['create'], before: null, after, after_unknown: unknown },
    });
    config.push({ address: a, mode: 'managed', type: tfType(res.Type), name: logical, expressions });
  }
  return {
    format_version: '1.2',
    terraform_version: '1.9.8',
    resource_changes: changes,
    configuration: { root_module: { resources: config } },
  };
}

/** A CloudFormation value as a plan value: Ref/GetAtt become references (and an unknown value). */
function convert(value: unknown, address: (logical: string) => string): { value: any; refs: string[] } {
  if (Array.isArray(value)) {
    const parts = value.map((v) => convert(v, address));
    return { value: parts.map((p) => (p.refs.length > 0 ? true : p.value)), refs: parts.flatMap((p) => p.refs) };
  }
  if (value !== null && typeof value === 'object') {
    const o = value as Json;
    const target =
      typeof o.Ref === 'string'
        ? o.Ref
        : Array.isArray(o['Fn::GetAtt'])
          ? String((o['Fn::GetAtt'] as unknown[])[0])
          : undefined;
    if (target !== undefined) return { value: null, refs: [`${address(target)}.id`, address(target)] };
  }
  return { value, refs: [] };
}

const TF_TYPES: Record<string, string> = {
  'AWS::EC2::VPC': 'aws_vpc',
  'AWS::EC2::InternetGateway': 'aws_internet_gateway',
  'AWS::EC2::VPCGatewayAttachment': 'aws_internet_gateway_attachment',
  'AWS::EC2::Subnet': 'aws_subnet',
  'AWS::EC2::SubnetRouteTableAssociation': 'aws_route_table_association',
  'AWS::EC2::NatGateway': 'aws_nat_gateway',
  'AWS::EC2::RouteTable': 'aws_route_table',
  'AWS::EC2::Route': 'aws_route',
  'AWS::EC2::SecurityGroup': 'aws_security_group',
  'AWS::EC2::Instance': 'aws_instance',
  'AWS::EC2::NetworkAcl': 'aws_network_acl',
  'AWS::EC2::NetworkAclEntry': 'aws_network_acl_rule',
  'AWS::EC2::SubnetNetworkAclAssociation': 'aws_network_acl_association',
  'AWS::EC2::VPCEndpoint': 'aws_vpc_endpoint',
  'AWS::Route53Resolver::ResolverEndpoint': 'aws_route53_resolver_endpoint',
  'AWS::EC2::TransitGateway': 'aws_ec2_transit_gateway',
  'AWS::EC2::TransitGatewayRouteTable': 'aws_ec2_transit_gateway_route_table',
  'AWS::EC2::TransitGatewayVpcAttachment': 'aws_ec2_transit_gateway_vpc_attachment',
  'AWS::EC2::TransitGatewayRouteTableAssociation': 'aws_ec2_transit_gateway_route_table_association',
  'AWS::EC2::TransitGatewayRoute': 'aws_ec2_transit_gateway_route',
  'AWS::WorkSpaces::WorkspaceIpGroup': 'aws_workspaces_ip_group',
  'AWS::WorkSpaces::Directory': 'aws_workspaces_directory',
  'AWS::WorkSpaces::Workspace': 'aws_workspaces_workspace',
};

/** CloudFormation property → Terraform attribute, for the types the estate uses. */
const ATTRS: Record<string, Record<string, string>> = {
  'AWS::EC2::VPC': {
    CidrBlock: 'cidr_block',
    EnableDnsSupport: 'enable_dns_support',
    EnableDnsHostnames: 'enable_dns_hostnames',
  },
  'AWS::EC2::InternetGateway': {},
  'AWS::EC2::VPCGatewayAttachment': { VpcId: 'vpc_id', InternetGatewayId: 'internet_gateway_id' },
  'AWS::EC2::Subnet': { VpcId: 'vpc_id', CidrBlock: 'cidr_block', AvailabilityZone: 'availability_zone' },
  'AWS::EC2::SubnetRouteTableAssociation': { SubnetId: 'subnet_id', RouteTableId: 'route_table_id' },
  'AWS::EC2::NatGateway': { SubnetId: 'subnet_id' },
  'AWS::EC2::RouteTable': { VpcId: 'vpc_id' },
  'AWS::EC2::Route': {
    RouteTableId: 'route_table_id',
    DestinationCidrBlock: 'destination_cidr_block',
    GatewayId: 'gateway_id',
    NatGatewayId: 'nat_gateway_id',
    TransitGatewayId: 'transit_gateway_id',
  },
  'AWS::EC2::SecurityGroup': { VpcId: 'vpc_id' },
  'AWS::EC2::Instance': {
    SubnetId: 'subnet_id',
    SecurityGroupIds: 'vpc_security_group_ids',
    PrivateIpAddress: 'private_ip',
  },
  'AWS::EC2::NetworkAcl': { VpcId: 'vpc_id' },
  'AWS::EC2::NetworkAclEntry': {
    NetworkAclId: 'network_acl_id',
    RuleNumber: 'rule_number',
    RuleAction: 'rule_action',
    Protocol: 'protocol',
    Egress: 'egress',
    CidrBlock: 'cidr_block',
  },
  'AWS::EC2::SubnetNetworkAclAssociation': { NetworkAclId: 'network_acl_id', SubnetId: 'subnet_id' },
  'AWS::EC2::VPCEndpoint': {
    VpcId: 'vpc_id',
    ServiceName: 'service_name',
    VpcEndpointType: 'vpc_endpoint_type',
    PrivateDnsEnabled: 'private_dns_enabled',
    SubnetIds: 'subnet_ids',
    SecurityGroupIds: 'security_group_ids',
  },
  'AWS::Route53Resolver::ResolverEndpoint': { SecurityGroupIds: 'security_group_ids' },
  'AWS::EC2::TransitGateway': {},
  'AWS::EC2::TransitGatewayRouteTable': { TransitGatewayId: 'transit_gateway_id' },
  'AWS::EC2::TransitGatewayVpcAttachment': {
    TransitGatewayId: 'transit_gateway_id',
    VpcId: 'vpc_id',
    SubnetIds: 'subnet_ids',
  },
  'AWS::EC2::TransitGatewayRouteTableAssociation': {
    TransitGatewayRouteTableId: 'transit_gateway_route_table_id',
    TransitGatewayAttachmentId: 'transit_gateway_attachment_id',
  },
  'AWS::EC2::TransitGatewayRoute': {
    TransitGatewayRouteTableId: 'transit_gateway_route_table_id',
    DestinationCidrBlock: 'destination_cidr_block',
    TransitGatewayAttachmentId: 'transit_gateway_attachment_id',
  },
  'AWS::WorkSpaces::WorkspaceIpGroup': {},
  'AWS::WorkSpaces::Directory': { SubnetIds: 'subnet_ids', IpGroupIds: 'ip_group_ids' },
  'AWS::WorkSpaces::Workspace': { DirectoryId: 'directory_id' },
};

/** What both IaC forms take from an overlay: the WorkSpaces' protocols and the clients inside the VPCs and at home. */
export function overlayOf(
  doc: Doc,
  workspaceName: (n: string) => string,
  instanceName: (vpc: string, n: string) => string,
): Json {
  const workspaces: Json = {};
  for (const [n, w] of Object.entries<any>(doc.workspaces)) workspaces[workspaceName(n)] = { protocol: w.protocol };
  const clients: Json = {};
  for (const [n, c] of Object.entries<any>(doc.clients)) {
    if (String(c.at).startsWith('onprem/')) continue;
    const [vpc = '', inst = ''] = String(c.at).split('/');
    clients[n] = c.at === 'internet' ? c : { ...c, at: instanceName(vpc, inst) };
  }
  return { workspaces, clients };
}

export const templateIds = { workspace: (n: string) => id(n), instance: (vpc: string, n: string) => id(id(vpc), n) };
export const planIds = {
  workspace: (n: string) => `aws_workspaces_workspace.${id(n)}`,
  instance: (vpc: string, n: string) => `aws_instance.${id(id(vpc), n)}`,
};
