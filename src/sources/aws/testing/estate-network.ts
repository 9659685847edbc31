// The VPC side of the fake estate: VPCs and their attributes and DHCP options, subnets, route tables, gateways,
// instances, security groups, network ACLs and prefix lists.
import type { IpPermission, NetworkAclEntry, Route as AwsRoute } from '@aws-sdk/client-ec2';
import type { Model, NaclRule, Protocol, Route, SgRule } from '../../../model/types.js';
import { nameTag, type EstateBuild } from './estate.js';

const NUMBER_OF: Record<Protocol, string> = { all: '-1', tcp: '6', udp: '17', icmp: '1' };

function isV6(cidr: string): boolean {
  return cidr.includes(':');
}

export function vpcOf(model: Model, id: string) {
  return model.vpcs.find((v) => v.id === id);
}

/** The account that owns a VPC's resources: the sharer's for a shared VPC. */
function ownerOf(model: Model, vpcId: string): string | undefined {
  const v = vpcOf(model, vpcId);
  return v ? (v.sharedFrom ?? v.account) : undefined;
}

function permission(b: EstateBuild, r: SgRule): IpPermission {
  const p: IpPermission = { IpProtocol: r.protocol === 'all' ? '-1' : r.protocol };
  if (r.protocol === 'tcp' || r.protocol === 'udp') {
    p.FromPort = r.fromPort;
    p.ToPort = r.toPort;
  } else if (r.protocol === 'icmp') {
    p.FromPort = -1;
    p.ToPort = -1;
  }
  const description = r.description !== undefined ? { Description: r.description } : {};
  if (r.peer.kind === 'cidr') {
    if (isV6(r.peer.cidr)) p.Ipv6Ranges = [{ CidrIpv6: r.peer.cidr, ...description }];
    else p.IpRanges = [{ CidrIp: r.peer.cidr, ...description }];
  } else if (r.peer.kind === 'sg') {
    const peerId = r.peer.id;
    const peer = b.model.securityGroups.find((g) => g.id === peerId);
    p.UserIdGroupPairs = [
      { GroupId: b.ids.of('sg', 'sg', peerId), ...(peer ? { UserId: peer.account } : {}), ...description },
    ];
  } else {
    p.PrefixListIds = [{ PrefixListId: b.ids.of('pl', 'pl', r.peer.id), ...description }];
  }
  return p;
}

function naclEntry(r: NaclRule, egress: boolean): NetworkAclEntry {
  const e: NetworkAclEntry = {
    RuleNumber: r.number,
    Protocol: NUMBER_OF[r.protocol],
    RuleAction: r.action,
    Egress: egress,
    ...(isV6(r.cidr) ? { Ipv6CidrBlock: r.cidr } : { CidrBlock: r.cidr }),
  };
  if (r.protocol === 'tcp' || r.protocol === 'udp') e.PortRange = { From: r.fromPort, To: r.toPort };
  if (r.protocol === 'icmp') e.IcmpTypeCode = { Type: -1, Code: -1 };
  return e;
}

/** The implicit last rules AWS lists in every ACL (rule number 32767, and 32768 for IPv6). */
function denyAll(egress: boolean, ipv6: boolean): NetworkAclEntry[] {
  const rule = (n: number, cidr: string): NetworkAclEntry => ({
    RuleNumber: n,
    Protocol: '-1',
    RuleAction: 'deny',
    Egress: egress,
    ...(isV6(cidr) ? { Ipv6CidrBlock: cidr } : { CidrBlock: cidr }),
  });
  return ipv6 ? [rule(32767, '0.0.0.0/0'), rule(32768, '::/0')] : [rule(32767, '0.0.0.0/0')];
}

function awsRoute(b: EstateBuild, vpcScope: string, r: Route): AwsRoute {
  const dest: AwsRoute = r.prefixList
    ? { DestinationPrefixListId: b.ids.of('pl', 'pl', r.destination) }
    : isV6(r.destination)
      ? { DestinationIpv6CidrBlock: r.destination }
      : { DestinationCidrBlock: r.destination };
  const t = r.target;
  const active = { State: 'active' as const, Origin: 'CreateRoute' as const };
  switch (t.kind) {
    case 'local':
      return { ...dest, GatewayId: 'local', State: 'active', Origin: 'CreateRouteTable' };
    case 'igw':
      return { ...dest, GatewayId: b.ids.of('igw', 'igw', `${vpcScope}/${t.id}`), ...active };
    case 'vgw':
      return { ...dest, GatewayId: b.ids.of('vgw', 'vgw', `${vpcScope}/${t.id}`), ...active };
    case 'nat-gateway':
      return { ...dest, NatGatewayId: b.ids.of('nat', 'nat', t.id), ...active };
    case 'instance':
      return { ...dest, InstanceId: b.ids.of('instance', 'i', t.id), ...active };
    case 'peering':
      return { ...dest, VpcPeeringConnectionId: b.ids.of('pcx', 'pcx', t.id), ...active };
    case 'tgw':
      return { ...dest, TransitGatewayId: b.ids.of('tgw', 'tgw', t.id), ...active };
    case 'blackhole':
      // A VPC route is a blackhole when its target is gone: here a NAT gateway that was deleted.
      return { ...dest, NatGatewayId: b.ids.of('nat', 'nat', `deleted/${r.destination}`), State: 'blackhole' };
  }
}

function addVpcs(b: EstateBuild): void {
  const { model, estate, ids } = b;
  for (const v of model.vpcs) {
    const s = estate.scope(v.account, v.region);
    const vpcId = ids.of('vpc', 'vpc', v.id);
    const dopt = v.dhcpOptions;
    const doptId = dopt?.id ?? ids.of('dopt', 'dopt', dopt ? v.id : `${v.account}/${v.region}/default`);
    if (!s.dhcpOptions.some((d) => d.DhcpOptionsId === doptId)) {
      const servers = dopt ? dopt.domainNameServers : ['AmazonProvidedDNS'];
      s.dhcpOptions.push({
        DhcpOptionsId: doptId,
        OwnerId: v.account,
        DhcpConfigurations: [
          { Key: 'domain-name-servers', Values: servers.map((Value) => ({ Value })) },
          { Key: 'domain-name', Values: [{ Value: `${v.region}.compute.internal` }] },
        ],
      });
    }
    s.vpcs.push({
      VpcId: vpcId,
      OwnerId: v.sharedFrom ?? v.account,
      State: 'available',
      IsDefault: false,
      CidrBlock: v.cidrs[0],
      CidrBlockAssociationSet: v.cidrs.map((c, i) => ({
        AssociationId: ids.of('vpc-cidr', 'vpc-cidr-assoc', `${v.id}/${i}`),
        CidrBlock: c,
        CidrBlockState: { State: 'associated' },
      })),
      Ipv6CidrBlockAssociationSet: v.ipv6Cidrs.map((c, i) => ({
        AssociationId: ids.of('vpc-cidr6', 'vpc-cidr-assoc', `${v.id}/${i}`),
        Ipv6CidrBlock: c,
        Ipv6CidrBlockState: { State: 'associated' },
      })),
      DhcpOptionsId: doptId,
      Tags: nameTag(v.id),
    });
    s.vpcAttributes.set(vpcId, {
      ...(v.dnsSupport !== undefined ? { enableDnsSupport: v.dnsSupport } : {}),
      ...(v.dnsHostnames !== undefined ? { enableDnsHostnames: v.dnsHostnames } : {}),
    });
  }
}

function addGateways(b: EstateBuild): void {
  const { model, estate, ids } = b;
  // Internet and virtual private gateways are named per VPC in the model; an unattached one a route names still
  // exists in AWS (its routes would then be blackholes, which the model says separately).
  for (const v of model.vpcs) {
    const s = estate.scope(v.account, v.region);
    const vpcScope = `${v.account}/${v.region}`;
    const tables = model.routeTables.filter((t) => t.vpc === v.id);
    const igws = new Set([...(v.internetGateway ? [v.internetGateway] : [])]);
    const vgws = new Set<string>();
    for (const t of tables)
      for (const r of t.routes) {
        if (r.target.kind === 'igw') igws.add(r.target.id);
        if (r.target.kind === 'vgw') vgws.add(r.target.id);
      }
    for (const name of igws) {
      const id = ids.of('igw', 'igw', `${vpcScope}/${name}`);
      const existing = s.internetGateways.find((g) => g.InternetGatewayId === id);
      // EC2 reports an attached internet gateway's attachment state as "available" (not in the SDK's enum).
      const attach =
        v.internetGateway === name ? [{ VpcId: ids.of('vpc', 'vpc', v.id), State: 'available' as never }] : [];
      if (existing) existing.Attachments = [...(existing.Attachments ?? []), ...attach];
      else
        s.internetGateways.push({
          InternetGatewayId: id,
          OwnerId: v.account,
          Attachments: attach,
          Tags: nameTag(name),
        });
    }
    for (const name of vgws) {
      const id = ids.of('vgw', 'vgw', `${vpcScope}/${name}`);
      if (s.vpnGateways.some((g) => g.VpnGatewayId === id)) continue;
      s.vpnGateways.push({
        VpnGatewayId: id,
        State: 'available',
        Type: 'ipsec.1',
        VpcAttachments: [{ VpcId: ids.of('vpc', 'vpc', v.id), State: 'attached' }],
        Tags: nameTag(name),
      });
    }
  }
  for (const g of model.natGateways) {
    estate.scope(g.account, g.region).natGateways.push({
      NatGatewayId: ids.of('nat', 'nat', g.id),
      VpcId: ids.of('vpc', 'vpc', g.vpc),
      SubnetId: ids.of('subnet', 'subnet', g.subnet),
      State: g.state,
      ConnectivityType: g.connectivity,
      NatGatewayAddresses: g.publicIp !== undefined ? [{ PublicIp: g.publicIp, IsPrimary: true }] : [],
      Tags: nameTag(g.name),
    });
  }
}

function addSubnetsAndTables(b: EstateBuild): void {
  const { model, estate, ids } = b;
  for (const sn of model.subnets) {
    estate.scope(sn.account, sn.region).subnets.push({
      SubnetId: ids.of('subnet', 'subnet', sn.id),
      VpcId: ids.of('vpc', 'vpc', sn.vpc),
      OwnerId: ownerOf(model, sn.vpc) ?? sn.account,
      CidrBlock: sn.cidr,
      ...(sn.ipv6Cidr !== undefined ? { Ipv6CidrBlockAssociationSet: [{ Ipv6CidrBlock: sn.ipv6Cidr }] } : {}),
      AvailabilityZone: sn.az,
      State: 'available',
      Tags: nameTag(sn.name),
    });
  }
  for (const t of model.routeTables) {
    const vpc = vpcOf(model, t.vpc);
    const rtbId = ids.of('rtb', 'rtb', t.id);
    const assoc = (extra: { Main: boolean; SubnetId?: string }, key: string) => ({
      RouteTableAssociationId: ids.of('rtbassoc', 'rtbassoc', `${t.id}/${key}`),
      RouteTableId: rtbId,
      AssociationState: { State: 'associated' as const },
      ...extra,
    });
    const associations = [
      ...(vpc?.mainRouteTable === t.id ? [assoc({ Main: true }, 'main')] : []),
      ...model.subnets
        .filter((sn) => sn.routeTable === t.id)
        .map((sn) => assoc({ Main: false, SubnetId: ids.of('subnet', 'subnet', sn.id) }, sn.id)),
    ];
    estate.scope(t.account, t.region).routeTables.push({
      RouteTableId: rtbId,
      VpcId: ids.of('vpc', 'vpc', t.vpc),
      OwnerId: t.account,
      Associations: associations,
      Routes: t.routes.map((r) => awsRoute(b, `${t.account}/${t.region}`, r)),
      Tags: nameTag(t.name),
    });
  }
}

function addInstancesAndFilters(b: EstateBuild): void {
  const { model, estate, ids } = b;
  for (const i of model.instances) {
    const groups = i.securityGroups.map((g) => ({
      GroupId: ids.of('sg', 'sg', g),
      GroupName: model.securityGroups.find((x) => x.id === g)?.name ?? g,
    }));
    estate.scope(i.account, i.region).reservations.push({
      ReservationId: ids.of('reservation', 'r', i.id),
      OwnerId: i.account,
      Instances: [
        {
          InstanceId: ids.of('instance', 'i', i.id),
          VpcId: ids.of('vpc', 'vpc', i.vpc),
          SubnetId: ids.of('subnet', 'subnet', i.subnet),
          ...(i.privateIp !== undefined ? { PrivateIpAddress: i.privateIp } : {}),
          ...(i.publicIp !== undefined ? { PublicIpAddress: i.publicIp } : {}),
          SecurityGroups: groups,
          ...(i.sourceDestCheck !== undefined ? { SourceDestCheck: i.sourceDestCheck } : {}),
          State: i.state === 'running' ? { Name: 'running', Code: 16 } : { Name: 'stopped', Code: 80 },
          InstanceType: 't3.micro',
          Tags: nameTag(i.name),
        },
      ],
    });
  }
  for (const g of model.securityGroups) {
    estate.scope(g.account, g.region).securityGroups.push({
      GroupId: ids.of('sg', 'sg', g.id),
      GroupName: g.name,
      Description: `${g.name} (fake)`,
      VpcId: ids.of('vpc', 'vpc', g.vpc),
      OwnerId: g.account,
      IpPermissions: g.ingress.map((r) => permission(b, r)),
      IpPermissionsEgress: g.egress.map((r) => permission(b, r)),
    });
  }
  for (const a of model.networkAcls) {
    const aclId = ids.of('acl', 'acl', a.id);
    const ipv6 = (vpcOf(model, a.vpc)?.ipv6Cidrs.length ?? 0) > 0;
    estate.scope(a.account, a.region).networkAcls.push({
      NetworkAclId: aclId,
      VpcId: ids.of('vpc', 'vpc', a.vpc),
      OwnerId: a.account,
      IsDefault: a.name === 'default',
      Associations: a.subnets.map((sn) => ({
        NetworkAclAssociationId: ids.of('aclassoc', 'aclassoc', sn),
        NetworkAclId: aclId,
        SubnetId: ids.of('subnet', 'subnet', sn),
      })),
      Entries: [
        ...a.ingress.map((r) => naclEntry(r, false)),
        ...denyAll(false, ipv6),
        ...a.egress.map((r) => naclEntry(r, true)),
        ...denyAll(true, ipv6),
      ],
      Tags: nameTag(a.name),
    });
  }
  for (const p of model.prefixLists) {
    const s = estate.scope(p.account, p.region);
    const id = ids.of('pl', 'pl', p.id);
    s.prefixLists.push({
      PrefixListId: id,
      PrefixListName: p.name,
      AddressFamily: p.cidrs.some(isV6) ? 'IPv6' : 'IPv4',
      State: 'create-complete',
      OwnerId: p.account,
      MaxEntries: Math.max(5, p.cidrs.length),
      Version: 1,
    });
    s.prefixListEntries.set(
      id,
      p.cidrs.map((Cidr) => ({ Cidr })),
    );
  }
}

export function addNetwork(b: EstateBuild): void {
  for (const e of b.model.endpoints) if (e.awsId !== undefined) b.ids.set('vpce', e.id, e.awsId);
  addVpcs(b);
  addGateways(b);
  addSubnetsAndTables(b);
  addInstancesAndFilters(b);
}
