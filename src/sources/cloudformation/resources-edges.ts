// VPC endpoints, peering, transit gateways, VPN, customer gateways, prefix lists, DHCP options and Route 53 Resolver.
// CloudFormation's own defaults matter here (next-round §B.1): no VpcEndpointType means Gateway and no
// PrivateDnsEnabled means false, whatever the service. Transit gateways default to associating and propagating
// attachments with their default route table.
import type { DnsRecordIpType, VpcEndpoint } from '../../model/types.js';
import { interfaceTypesOrDefaults } from '../iac/endpoint-defaults.js';
import { Unknown } from '../iac/values.js';
import type { ResourceContext } from './resource-context.js';

type Adapter = (ctx: ResourceContext) => void;

const ENDPOINT_TYPES: Record<string, VpcEndpoint['type']> = {
  interface: 'Interface',
  gateway: 'Gateway',
  gatewayloadbalancer: 'GatewayLoadBalancer',
  resource: 'Resource',
  servicenetwork: 'ServiceNetwork',
};
const DNS_RECORD_TYPES: Record<string, DnsRecordIpType | 'not-specified'> = {
  ipv4: 'ipv4',
  ipv6: 'ipv6',
  dualstack: 'dualstack',
  'service-defined': 'service-defined',
  'not-specified': 'not-specified',
};
const IP_ADDRESS_TYPES = {
  ipv4: 'ipv4',
  ipv6: 'ipv6',
  dualstack: 'dualstack',
  'not-specified': 'not-specified',
} as const;

function vpcEndpoint(ctx: ResourceContext): void {
  const p = ctx.props;
  const vpcLink = p.link('VpcId');
  if (!vpcLink) {
    p.wrongType('VpcId', 'a VPC id', null);
    return;
  }
  const service = p.str('ServiceName');
  if (service === undefined) {
    p.wrongType('ServiceName', 'a service name such as com.amazonaws.<region>.highlander', null);
    return;
  }
  let type = p.choice('VpcEndpointType', ENDPOINT_TYPES);
  if (type === undefined && !p.has('VpcEndpointType')) {
    type = 'Gateway';
    ctx.defaulted('type');
  }
  let privateDns = p.bool('PrivateDnsEnabled');
  if (privateDns === undefined) {
    privateDns = false;
    ctx.defaulted('privateDns');
  }
  const dnsOptions = p.sub('DnsOptions');
  let dnsRecordIpType: DnsRecordIpType | Unknown | undefined;
  const written = dnsOptions?.choice('DnsRecordIpType', DNS_RECORD_TYPES);
  if (written !== undefined && written !== 'not-specified') dnsRecordIpType = written;
  let ipAddressType: 'ipv4' | 'ipv6' | 'dualstack' | Unknown | undefined;
  const writtenIp = p.choice('IpAddressType', IP_ADDRESS_TYPES);
  if (writtenIp !== undefined && writtenIp !== 'not-specified') ipAddressType = writtenIp;
  // Left out (or "not-specified"), EC2 creates an interface endpoint of an AWS service with IPv4 addresses and records.
  ({ dnsRecordIpType, ipAddressType } = interfaceTypesOrDefaults(type, { dnsRecordIpType, ipAddressType }, (field) =>
    ctx.defaulted(field),
  ));
  p.note('service', 'ServiceName');
  p.note('type', 'VpcEndpointType');
  p.note('subnets', 'SubnetIds');
  p.note('securityGroups', 'SecurityGroupIds');
  p.note('privateDns', 'PrivateDnsEnabled');
  p.note('ipAddressType', 'IpAddressType');
  if (dnsOptions?.has('DnsRecordIpType')) {
    const pos = dnsOptions.position('DnsRecordIpType');
    if (pos) (ctx.prov.fields ??= {}).dnsRecordIpType = pos;
  }
  ctx.emit({
    kind: 'endpoint',
    vpc: vpcLink,
    service,
    type: type ?? new Unknown('VpcEndpointType is not a known type'),
    subnets: p.links('SubnetIds'),
    securityGroups: p.links('SecurityGroupIds'),
    privateDns,
    ...(dnsRecordIpType !== undefined ? { dnsRecordIpType } : {}),
    ...(ipAddressType !== undefined ? { ipAddressType } : {}),
    addresses: [],
  });
}

function peering(ctx: ResourceContext): void {
  const p = ctx.props;
  const requester = p.link('VpcId');
  const accepter = p.link('PeerVpcId');
  if (!requester || !accepter) {
    p.wrongType(requester ? 'PeerVpcId' : 'VpcId', 'a VPC id', null);
    return;
  }
  const peerAccount = p.str('PeerOwnerId');
  const peerRegion = p.str('PeerRegion');
  ctx.emit({
    kind: 'peering',
    requester,
    accepter,
    ...(peerAccount !== undefined ? { peerAccount } : {}),
    ...(peerRegion !== undefined ? { peerRegion } : {}),
  });
}

function enabled(v: string | Unknown | undefined): boolean {
  return v === undefined || v instanceof Unknown || v.toLowerCase() === 'enable';
}

function transitGateway(ctx: ResourceContext): void {
  ctx.emit({
    kind: 'tgw',
    defaultAssociation: enabled(ctx.props.str('DefaultRouteTableAssociation')),
    defaultPropagation: enabled(ctx.props.str('DefaultRouteTablePropagation')),
  });
}

function tgwAttachment(ctx: ResourceContext): void {
  const p = ctx.props;
  const tgw = p.link('TransitGatewayId');
  const vpcLink = p.link('VpcId');
  if (!tgw || !vpcLink) {
    p.wrongType(tgw ? 'VpcId' : 'TransitGatewayId', 'a resource id', null);
    return;
  }
  ctx.emit({ kind: 'tgw-vpc-attachment', tgw, vpc: vpcLink, subnets: p.links('SubnetIds') });
}

function tgwRoute(ctx: ResourceContext): void {
  const p = ctx.props;
  const table = p.link('TransitGatewayRouteTableId');
  const destination = p.str('DestinationCidrBlock');
  if (!table || destination === undefined) {
    p.wrongType(table ? 'DestinationCidrBlock' : 'TransitGatewayRouteTableId', 'a value', null);
    return;
  }
  const attachment = p.link('TransitGatewayAttachmentId');
  ctx.emit({
    kind: 'tgw-route',
    table,
    destination,
    ...(attachment ? { attachment } : {}),
    blackhole: p.bool('Blackhole') === true,
  });
}

function tgwLink(kind: 'tgw-association' | 'tgw-propagation'): Adapter {
  return (ctx) => {
    const table = ctx.props.link('TransitGatewayRouteTableId');
    const attachment = ctx.props.link('TransitGatewayAttachmentId');
    if (!table || !attachment) {
      ctx.props.wrongType(table ? 'TransitGatewayAttachmentId' : 'TransitGatewayRouteTableId', 'a resource id', null);
      return;
    }
    ctx.emit({ kind, table, attachment });
  };
}

function vpnConnection(ctx: ResourceContext): void {
  const p = ctx.props;
  const cgw = p.link('CustomerGatewayId');
  const vgw = p.link('VpnGatewayId');
  const tgw = p.link('TransitGatewayId');
  const gateway = vgw ?? tgw;
  if (!cgw || !gateway) {
    p.wrongType(cgw ? 'VpnGatewayId' : 'CustomerGatewayId', 'a resource id', null);
    return;
  }
  ctx.emit({ kind: 'vpn', gateway, via: vgw ? 'vgw' : 'tgw', customerGateway: cgw, staticRoutes: [] });
}

function resolverEndpoint(ctx: ResourceContext): void {
  const p = ctx.props;
  const direction = p.choice('Direction', { inbound: 'inbound', outbound: 'outbound' } as const);
  const addresses = p.maps('IpAddresses').flatMap((a) => {
    const subnet = a.link('SubnetId');
    const ip = a.str('Ip');
    return subnet ? [{ subnet, ...(ip !== undefined ? { ip } : {}) }] : [];
  });
  ctx.emit({
    kind: 'resolver-endpoint',
    direction: direction === 'outbound' ? 'outbound' : 'inbound',
    addresses,
    securityGroups: p.links('SecurityGroupIds'),
  });
}

function resolverRule(ctx: ResourceContext): void {
  const p = ctx.props;
  const domain = p.str('DomainName');
  if (domain === undefined) {
    p.wrongType('DomainName', 'a domain name', null);
    return;
  }
  const ruleType = p.str('RuleType');
  const endpoint = p.link('ResolverEndpointId');
  ctx.emit({
    kind: 'resolver-rule',
    ruleType: typeof ruleType === 'string' ? ruleType : 'FORWARD',
    domain,
    targets: p.maps('TargetIps').flatMap((t) => t.str('Ip') ?? t.str('Ipv6') ?? []),
    ...(endpoint ? { endpoint } : {}),
  });
}

export const EDGE_ADAPTERS: Record<string, Adapter> = {
  'AWS::EC2::VPCEndpoint': vpcEndpoint,
  'AWS::EC2::VPCPeeringConnection': peering,
  'AWS::EC2::TransitGateway': transitGateway,
  'AWS::EC2::TransitGatewayAttachment': tgwAttachment,
  'AWS::EC2::TransitGatewayVpcAttachment': tgwAttachment,
  'AWS::EC2::TransitGatewayRouteTable': (ctx) => {
    const tgw = ctx.props.link('TransitGatewayId');
    if (!tgw) {
      ctx.props.wrongType('TransitGatewayId', 'a transit gateway id', null);
      return;
    }
    ctx.emit({ kind: 'tgw-route-table', tgw });
  },
  'AWS::EC2::TransitGatewayRoute': tgwRoute,
  'AWS::EC2::TransitGatewayRouteTableAssociation': tgwLink('tgw-association'),
  'AWS::EC2::TransitGatewayRouteTablePropagation': tgwLink('tgw-propagation'),
  'AWS::EC2::CustomerGateway': (ctx) => {
    const ip = ctx.props.str('IpAddress');
    ctx.emit({ kind: 'customer-gateway', ...(ip !== undefined ? { ip } : {}) });
  },
  'AWS::EC2::VPNConnection': vpnConnection,
  'AWS::EC2::VPNConnectionRoute': (ctx) => {
    const vpn = ctx.props.link('VpnConnectionId');
    const cidr = ctx.props.str('DestinationCidrBlock');
    if (!vpn || cidr === undefined) {
      ctx.props.wrongType(vpn ? 'DestinationCidrBlock' : 'VpnConnectionId', 'a value', null);
      return;
    }
    ctx.emit({ kind: 'vpn-route', vpn, cidr });
  },
  'AWS::EC2::PrefixList': (ctx) => {
    ctx.emit({ kind: 'prefix-list', cidrs: ctx.props.maps('Entries').flatMap((e) => e.str('Cidr') ?? []) });
  },
  'AWS::EC2::DHCPOptions': (ctx) => {
    ctx.emit({ kind: 'dhcp-options', servers: ctx.props.strings('DomainNameServers') });
  },
  'AWS::EC2::VPCDHCPOptionsAssociation': (ctx) => {
    const vpc = ctx.props.link('VpcId');
    const options = ctx.props.link('DhcpOptionsId');
    if (!vpc || !options) {
      ctx.props.wrongType(vpc ? 'DhcpOptionsId' : 'VpcId', 'a resource id', null);
      return;
    }
    ctx.emit({ kind: 'dhcp-association', vpc, options });
  },
  'AWS::Route53Resolver::ResolverEndpoint': resolverEndpoint,
  'AWS::Route53Resolver::ResolverRule': resolverRule,
  'AWS::Route53Resolver::ResolverRuleAssociation': (ctx) => {
    const rule = ctx.props.link('ResolverRuleId');
    const vpc = ctx.props.link('VPCId');
    if (!rule || !vpc) {
      ctx.props.wrongType(rule ? 'VPCId' : 'ResolverRuleId', 'a resource id', null);
      return;
    }
    ctx.emit({ kind: 'resolver-rule-association', rule, vpc });
  },
};
