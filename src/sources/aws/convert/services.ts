// VPC endpoints (with their network interfaces' addresses and the service's private DNS name) and Route 53
// Resolver endpoints and forwarding rules.
import type { DnsRecordIpType, EndpointAddress, EndpointState, VpcEndpoint } from '../../../model/types.js';
import { bool, obj, objs, str, strs, type Obj, type ScopeIndex } from './raw-index.js';
import { localName, type ConvertContext } from './context.js';
import { scopeOf, validIp } from './network.js';

const ENDPOINT_TYPES = new Set(['Interface', 'Gateway', 'GatewayLoadBalancer', 'Resource', 'ServiceNetwork']);
const DNS_RECORD_TYPES = new Set(['ipv4', 'ipv6', 'dualstack', 'service-defined']);
const IP_TYPES = new Set(['ipv4', 'ipv6', 'dualstack']);

/**
 * EC2 writes endpoint states in lower case (the SDK's enum says PascalCase). States the model has no word for
 * become the nearest one that carries no traffic.
 */
const STATES: Record<string, EndpointState> = {
  available: 'available',
  pending: 'pending',
  pendingacceptance: 'pending',
  deleting: 'deleting',
  deleted: 'deleted',
  rejected: 'rejected',
  expired: 'rejected',
  failed: 'failed',
  partial: 'failed',
};

function addressesOf(ctx: ConvertContext, enis: Obj[], ids: string[]): EndpointAddress[] {
  const out: EndpointAddress[] = [];
  for (const eniId of ids) {
    const eni = enis.find((n) => str(n, 'NetworkInterfaceId') === eniId);
    const subnetAws = str(eni, 'SubnetId');
    if (!eni || subnetAws === undefined) continue;
    const subnet = ctx.ids.ref('subnet', subnetAws);
    const v4 = objs(eni, 'PrivateIpAddresses').flatMap((a) => str(a, 'PrivateIpAddress') ?? []);
    const primary = str(eni, 'PrivateIpAddress');
    const ips = [...(v4.length > 0 ? v4 : primary !== undefined ? [primary] : [])];
    for (const a of objs(eni, 'Ipv6Addresses')) ips.push(str(a, 'Ipv6Address') ?? '');
    for (const ip of ips.filter(validIp)) out.push({ subnet, ip });
  }
  return out;
}

export function convertEndpoints(ctx: ConvertContext, idx: ScopeIndex, seen: Set<string>): void {
  const scope = scopeOf(idx);
  const enisFailed = idx.failure('ec2:DescribeNetworkInterfaces');
  const enis = idx.items('ec2:DescribeNetworkInterfaces', 'NetworkInterfaces');
  const services = idx.items('ec2:DescribeVpcEndpointServices', 'ServiceDetails');
  let warnedEnis = false;
  for (const e of idx.items('ec2:DescribeVpcEndpoints', 'VpcEndpoints')) {
    const awsId = str(e, 'VpcEndpointId');
    const vpc = str(e, 'VpcId');
    const service = str(e, 'ServiceName');
    const type = str(e, 'VpcEndpointType');
    if (awsId === undefined || vpc === undefined || service === undefined || seen.has(awsId)) continue;
    seen.add(awsId);
    if (type === undefined || !ENDPOINT_TYPES.has(type)) {
      ctx.warn(scope, 'aws-not-modelled', `endpoint ${awsId} is of type ${type ?? '(none)'}, which is not modelled`);
      continue;
    }
    const id = ctx.ids.ref('vpce', awsId);
    const rawState = str(e, 'State')?.toLowerCase() ?? '';
    const state = STATES[rawState];
    if (!state || (rawState !== state && rawState !== 'pendingacceptance'))
      ctx.warn(
        scope,
        'aws-endpoint-state',
        `endpoint ${id} is ${rawState || '(no state)'}: taken as ${state ?? 'failed'}`,
      );
    const eniIds = strs(e, 'NetworkInterfaceIds');
    if (enisFailed && eniIds.length > 0 && !warnedEnis) {
      warnedEnis = true;
      ctx.unread(
        scope,
        'ec2:DescribeNetworkInterfaces',
        enisFailed,
        'endpoint addresses are unknown, and so is whether their private name answers',
      );
    }
    const dnsRecordIpType = str(obj(e, 'DnsOptions'), 'DnsRecordIpType');
    const ipAddressType = str(e, 'IpAddressType');
    const privateDns = bool(e, 'PrivateDnsEnabled');
    const servicePrivateDnsName = str(
      services.find((d) => str(d, 'ServiceName') === service),
      'PrivateDnsName',
    );
    ctx.model.endpoints.push({
      id,
      name: localName(id),
      vpc: ctx.ids.ref('vpc', vpc),
      ...scope,
      awsId,
      service,
      type: type as VpcEndpoint['type'],
      subnets: strs(e, 'SubnetIds').map((s) => ctx.ids.ref('subnet', s)),
      securityGroups: objs(e, 'Groups').flatMap((g) => {
        const gid = str(g, 'GroupId');
        return gid ? [ctx.ids.ref('sg', gid)] : [];
      }),
      ...(privateDns !== undefined ? { privateDns } : {}),
      ...(dnsRecordIpType !== undefined && DNS_RECORD_TYPES.has(dnsRecordIpType)
        ? { dnsRecordIpType: dnsRecordIpType as DnsRecordIpType }
        : {}),
      ...(ipAddressType !== undefined && IP_TYPES.has(ipAddressType) ? { ipAddressType: ipAddressType as 'ipv4' } : {}),
      addresses: enisFailed ? [] : addressesOf(ctx, enis, eniIds),
      ...(servicePrivateDnsName !== undefined ? { servicePrivateDnsName } : {}),
      owner: str(e, 'OwnerId') ?? scope.account,
      state: state ?? 'failed',
      prov: ctx.prov(scope, awsId),
    });
  }
}

export function convertResolverEndpoints(ctx: ConvertContext, idx: ScopeIndex, seen: Set<string>): void {
  const scope = scopeOf(idx);
  for (const r of idx.items('route53resolver:ListResolverEndpoints', 'ResolverEndpoints')) {
    const awsId = str(r, 'Id');
    const vpc = str(r, 'HostVPCId');
    const direction = str(r, 'Direction');
    if (awsId === undefined || vpc === undefined || seen.has(awsId)) continue;
    if (direction !== 'INBOUND' && direction !== 'OUTBOUND') continue;
    seen.add(awsId);
    const match = { ResolverEndpointId: awsId };
    const failed = idx.failure('route53resolver:ListResolverEndpointIpAddresses', match);
    if (failed)
      ctx.unread(
        scope,
        'route53resolver:ListResolverEndpointIpAddresses',
        failed,
        `the addresses of ${awsId} are unknown`,
      );
    const ips = failed ? [] : idx.items('route53resolver:ListResolverEndpointIpAddresses', 'IpAddresses', match);
    const subnets: string[] = [];
    const addresses: EndpointAddress[] = [];
    for (const ip of ips) {
      const subnetAws = str(ip, 'SubnetId');
      if (subnetAws === undefined) continue;
      const subnet = ctx.ids.ref('subnet', subnetAws);
      if (!subnets.includes(subnet)) subnets.push(subnet);
      const addr = str(ip, 'Ip') ?? str(ip, 'Ipv6');
      if (validIp(addr)) addresses.push({ subnet, ip: addr });
    }
    const id = ctx.ids.ref('rslvr', awsId);
    ctx.model.resolverEndpoints.push({
      id,
      name: localName(id),
      vpc: ctx.ids.ref('vpc', vpc),
      ...scope,
      direction: direction === 'INBOUND' ? 'inbound' : 'outbound',
      subnets,
      addresses,
      securityGroups: strs(r, 'SecurityGroupIds').map((g) => ctx.ids.ref('sg', g)),
      prov: ctx.prov(scope, awsId),
    });
  }
}

/** Forwarding rules associated with each VPC become the VPC's `resolverRules`. */
export function convertResolverRules(ctx: ConvertContext, idx: ScopeIndex): void {
  const scope = scopeOf(idx);
  for (const action of ['route53resolver:ListResolverRules', 'route53resolver:ListResolverRuleAssociations'] as const) {
    const failed = idx.failure(action);
    // A scope that could not be read at all was reported once already.
    if (failed && !idx.scope.error && failed.code !== 'NotRead')
      ctx.unread(scope, action, failed, 'forwarding rules are unknown; DNS is predicted as if the VPCs had none');
  }
  const rules = idx.items('route53resolver:ListResolverRules', 'ResolverRules');
  for (const a of idx.items('route53resolver:ListResolverRuleAssociations', 'ResolverRuleAssociations')) {
    const status = str(a, 'Status');
    if (status === 'FAILED' || status === 'DELETING') continue;
    const rule = rules.find((r) => str(r, 'Id') === str(a, 'ResolverRuleId'));
    const vpcAws = str(a, 'VPCId');
    const vpc = ctx.model.vpcs.find((v) => v.id === ctx.ids.ref('vpc', vpcAws ?? ''));
    if (!rule || !vpc) continue;
    const type = str(rule, 'RuleType');
    const domain = str(rule, 'DomainName')?.replace(/\.$/, '');
    const via = str(rule, 'ResolverEndpointId');
    if (type === 'RECURSIVE') continue;
    if (type !== 'FORWARD' || domain === undefined || via === undefined) {
      ctx.warn(
        scope,
        'aws-not-modelled',
        `resolver rule ${str(rule, 'Id') ?? '?'} (${type ?? '?'}) on ${vpc.id} is not modelled`,
      );
      continue;
    }
    const to = objs(rule, 'TargetIps')
      .flatMap((t) => str(t, 'Ip') ?? str(t, 'Ipv6') ?? [])
      .filter(validIp);
    vpc.resolverRules = [
      ...(vpc.resolverRules ?? []),
      { domain, to, via: ctx.ids.ref('rslvr', via), prov: ctx.prov(scope, str(rule, 'Id')) },
    ];
  }
}
