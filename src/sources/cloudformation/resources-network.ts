// AWS::EC2 types that make and route a VPC: VPC, VPCCidrBlock, Subnet, RouteTable, Route, SubnetRouteTableAssociation,
// InternetGateway, VPNGateway, VPCGatewayAttachment, VPNGatewayRoutePropagation, NatGateway, EIP(Association), Instance.
// Defaults are CloudFormation's (= the EC2 API's): DNS support on, DNS hostnames off, source/destination check on.
import type { RawRouteTarget } from '../iac/graph.js';
import { Unknown, type Link } from '../iac/values.js';
import type { ResourceContext } from './resource-context.js';

type Adapter = (ctx: ResourceContext) => void;

function vpc(ctx: ResourceContext): void {
  const p = ctx.props;
  const cidr =
    p.str('CidrBlock') ??
    (p.has('Ipv4IpamPoolId') ? new Unknown('the CIDR block an IPAM pool allocates at deployment') : undefined);
  if (cidr === undefined) p.wrongType('CidrBlock', 'a CIDR block (or Ipv4IpamPoolId)', null);
  const dnsSupport = p.bool('EnableDnsSupport');
  const dnsHostnames = p.bool('EnableDnsHostnames');
  if (dnsSupport === undefined) ctx.defaulted('dnsSupport');
  if (dnsHostnames === undefined) ctx.defaulted('dnsHostnames');
  p.note('cidrs', 'CidrBlock');
  p.note('dnsSupport', 'EnableDnsSupport');
  p.note('dnsHostnames', 'EnableDnsHostnames');
  ctx.emit({
    kind: 'vpc',
    cidrs: cidr !== undefined ? [cidr] : [],
    ipv6Cidrs: [],
    dnsSupport: dnsSupport ?? true,
    dnsHostnames: dnsHostnames ?? false,
  });
}

function vpcCidrBlock(ctx: ResourceContext): void {
  const p = ctx.props;
  const vpcLink = p.link('VpcId');
  if (!vpcLink) {
    p.wrongType('VpcId', 'a VPC id', null);
    return;
  }
  const cidr = p.str('CidrBlock');
  const ipv6 =
    p.str('Ipv6CidrBlock') ??
    (p.bool('AmazonProvidedIpv6CidrBlock') === true
      ? new Unknown('the IPv6 block Amazon assigns at deployment')
      : undefined);
  ctx.emit({
    kind: 'vpc-cidr',
    vpc: vpcLink,
    ...(cidr !== undefined ? { cidr } : {}),
    ...(ipv6 !== undefined ? { ipv6Cidr: ipv6 } : {}),
  });
}

function subnet(ctx: ResourceContext): void {
  const p = ctx.props;
  const vpcLink = p.link('VpcId');
  if (!vpcLink) {
    p.wrongType('VpcId', 'a VPC id', null);
    return;
  }
  const cidr =
    p.str('CidrBlock') ??
    (p.has('Ipv4IpamPoolId') ? new Unknown('the CIDR block an IPAM pool allocates at deployment') : undefined);
  if (cidr === undefined) {
    p.wrongType('CidrBlock', 'a CIDR block', null);
    return;
  }
  const az =
    p.str('AvailabilityZone') ??
    p.str('AvailabilityZoneId') ??
    new Unknown('the zone EC2 picks at deployment (no AvailabilityZone given)');
  const ipv6 = p.str('Ipv6CidrBlock');
  const mapPublicIp = p.bool('MapPublicIpOnLaunch') === true;
  p.note('cidr', 'CidrBlock');
  p.note('az', p.has('AvailabilityZone') ? 'AvailabilityZone' : 'AvailabilityZoneId');
  p.note('ipv6Cidr', 'Ipv6CidrBlock');
  ctx.emit({
    kind: 'subnet',
    vpc: vpcLink,
    cidr,
    az,
    ...(ipv6 !== undefined ? { ipv6Cidr: ipv6 } : {}),
    ...(mapPublicIp ? { mapPublicIp } : {}),
  });
}

function routeTable(ctx: ResourceContext): void {
  const vpcLink = ctx.props.link('VpcId');
  if (!vpcLink) {
    ctx.props.wrongType('VpcId', 'a VPC id', null);
    return;
  }
  ctx.emit({ kind: 'route-table', vpc: vpcLink, routes: [] });
}

const TARGETS: [string, RawRouteTarget['kind']][] = [
  ['GatewayId', 'igw'],
  ['NatGatewayId', 'nat-gateway'],
  ['InstanceId', 'instance'],
  ['VpcPeeringConnectionId', 'peering'],
  ['TransitGatewayId', 'tgw'],
  ['NetworkInterfaceId', 'eni'],
  ['EgressOnlyInternetGatewayId', 'eni'],
  ['VpcEndpointId', 'eni'],
  ['CarrierGatewayId', 'eni'],
  ['LocalGatewayId', 'eni'],
  ['CoreNetworkArn', 'eni'],
];

function route(ctx: ResourceContext): void {
  const p = ctx.props;
  const table = p.link('RouteTableId');
  if (!table) {
    p.wrongType('RouteTableId', 'a route table id', null);
    return;
  }
  const prefixList = p.link('DestinationPrefixListId');
  const destination = prefixList
    ? { prefixList }
    : (p.str('DestinationCidrBlock') ?? p.str('DestinationIpv6CidrBlock'));
  if (destination === undefined) {
    p.wrongType('DestinationCidrBlock', 'a CIDR block', null);
    return;
  }
  const found = TARGETS.filter(([prop]) => p.has(prop));
  const first = found[0];
  if (found.length !== 1 || !first) {
    ctx.sink.error(
      'bad-route',
      `a route needs exactly one target (${TARGETS.map(([t]) => t)
        .slice(0, 5)
        .join(', ')} …), found ${found.length}`,
      {
        position: ctx.props.position('RouteTableId'),
        field: ctx.props.field,
      },
    );
    return;
  }
  const [prop, kind] = first;
  const link = p.link(prop) as Link;
  ctx.emit({ kind: 'route', table, route: { destination, target: { kind, link }, prov: ctx.prov } });
}

function subnetRouteTable(ctx: ResourceContext): void {
  const subnetLink = ctx.props.link('SubnetId');
  const table = ctx.props.link('RouteTableId');
  if (!subnetLink || !table) {
    ctx.props.wrongType(subnetLink ? 'RouteTableId' : 'SubnetId', 'a resource id', null);
    return;
  }
  ctx.emit({ kind: 'subnet-route-table', subnet: subnetLink, table });
}

function gatewayAttachment(ctx: ResourceContext): void {
  const p = ctx.props;
  const vpcLink = p.link('VpcId');
  if (!vpcLink) {
    p.wrongType('VpcId', 'a VPC id', null);
    return;
  }
  const igw = p.link('InternetGatewayId');
  const vgw = p.link('VpnGatewayId');
  if (igw) ctx.emit({ kind: 'igw-attach', gateway: igw, vpc: vpcLink });
  else if (vgw) ctx.emit({ kind: 'vgw-attach', gateway: vgw, vpc: vpcLink });
  else p.wrongType('InternetGatewayId', 'an internet gateway id (or VpnGatewayId)', null);
}

function natGateway(ctx: ResourceContext): void {
  const p = ctx.props;
  const subnetLink = p.link('SubnetId');
  if (!subnetLink) {
    p.wrongType('SubnetId', 'a subnet id', null);
    return;
  }
  const connectivity = p.choice('ConnectivityType', { public: 'public', private: 'private' } as const);
  const allocation = p.link('AllocationId');
  ctx.emit({
    kind: 'nat-gateway',
    subnet: subnetLink,
    connectivity: connectivity instanceof Unknown || connectivity === undefined ? 'public' : connectivity,
    ...(allocation ? { allocation } : {}),
  });
}

function instance(ctx: ResourceContext): void {
  const p = ctx.props;
  // The primary interface may be given instead of SubnetId (NetworkInterfaces with DeviceIndex 0).
  const primary = p.maps('NetworkInterfaces').find((n) => n.int('DeviceIndex') === 0);
  const subnetLink = p.link('SubnetId') ?? primary?.link('SubnetId');
  if (!subnetLink) {
    ctx.sink.warn('outside-input', `instance ${ctx.resource.logicalId} names no subnet (default VPC); it is left out`, {
      position:
        ctx.prov.line !== undefined
          ? { line: ctx.prov.line, ...(ctx.prov.column !== undefined ? { column: ctx.prov.column } : {}) }
          : undefined,
      field: ctx.props.field,
    });
    return;
  }
  const groups = p.has('SecurityGroupIds') ? p.links('SecurityGroupIds') : (primary?.links('GroupSet') ?? []);
  const privateIp = p.str('PrivateIpAddress') ?? primary?.str('PrivateIpAddress');
  const sourceDestCheck = p.bool('SourceDestCheck');
  if (sourceDestCheck === undefined) ctx.defaulted('sourceDestCheck');
  p.note('subnet', 'SubnetId');
  p.note('securityGroups', 'SecurityGroupIds');
  p.note('privateIp', 'PrivateIpAddress');
  p.note('sourceDestCheck', 'SourceDestCheck');
  ctx.emit({
    kind: 'instance',
    subnet: subnetLink,
    securityGroups: groups,
    ...(privateIp !== undefined ? { privateIp } : {}),
    sourceDestCheck: sourceDestCheck ?? true,
    ...(primary?.bool('AssociatePublicIpAddress') === true ? { publicIpPending: true } : {}),
  });
}

function eip(ctx: ResourceContext): void {
  const instanceLink = ctx.props.link('InstanceId');
  const address = ctx.props.str('Address');
  ctx.emit({
    kind: 'eip',
    ...(address !== undefined ? { address } : {}),
    ...(instanceLink ? { instance: instanceLink } : {}),
  });
}

function vgwPropagation(ctx: ResourceContext): void {
  const gateway = ctx.props.link('VpnGatewayId');
  if (!gateway) {
    ctx.props.wrongType('VpnGatewayId', 'a VPN gateway id', null);
    return;
  }
  ctx.emit({ kind: 'vgw-propagation', gateway, tables: ctx.props.links('RouteTableIds') });
}

export const NETWORK_ADAPTERS: Record<string, Adapter> = {
  'AWS::EC2::VPC': vpc,
  'AWS::EC2::VPCCidrBlock': vpcCidrBlock,
  'AWS::EC2::Subnet': subnet,
  'AWS::EC2::RouteTable': routeTable,
  'AWS::EC2::Route': route,
  'AWS::EC2::SubnetRouteTableAssociation': subnetRouteTable,
  'AWS::EC2::InternetGateway': (ctx) => ctx.emit({ kind: 'igw' }),
  'AWS::EC2::VPNGateway': (ctx) => ctx.emit({ kind: 'vgw' }),
  'AWS::EC2::VPCGatewayAttachment': gatewayAttachment,
  'AWS::EC2::VPNGatewayRoutePropagation': vgwPropagation,
  'AWS::EC2::NatGateway': natGateway,
  'AWS::EC2::EIP': eip,
  // The address an association gives is assigned at deployment: the instance has one, value unknown.
  'AWS::EC2::EIPAssociation': (ctx) => {
    const instanceLink = ctx.props.link('InstanceId');
    if (instanceLink) ctx.emit({ kind: 'eip-association', instance: instanceLink });
  },
  'AWS::EC2::Instance': instance,
};
