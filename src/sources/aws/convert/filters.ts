// Security groups and their rules, network ACLs, managed prefix lists.
import type { NaclRule, Peer, Protocol, SgRule } from '../../../model/types.js';
import { bool, num, obj, objs, str, type Obj, type ScopeIndex } from './raw-index.js';
import { localName, type ConvertContext } from './context.js';
import { scopeOf, validCidr } from './network.js';

const PROTOCOL: Record<string, Protocol> = {
  '-1': 'all',
  all: 'all',
  tcp: 'tcp',
  '6': 'tcp',
  udp: 'udp',
  '17': 'udp',
  icmp: 'icmp',
  '1': 'icmp',
};

/** Ports of a TCP or UDP rule; every other protocol is the whole range (ICMP types do not matter to TCP/UDP flows). */
function ports(protocol: Protocol, from: number | undefined, to: number | undefined): [number, number] {
  if (protocol !== 'tcp' && protocol !== 'udp') return [0, 65535];
  if (from === undefined || to === undefined || from < 0 || to < 0) return [0, 65535];
  return [from, to];
}

function rulesOf(ctx: ConvertContext, permissions: Obj[], skipped: { n: number }): Omit<SgRule, 'prov'>[] {
  const out: Omit<SgRule, 'prov'>[] = [];
  for (const p of permissions) {
    const protocol = PROTOCOL[str(p, 'IpProtocol') ?? ''];
    if (!protocol) {
      // ESP, GRE, ICMPv6 and the like: they cannot carry the TCP and UDP flows wspl predicts.
      skipped.n++;
      continue;
    }
    const [fromPort, toPort] = ports(protocol, num(p, 'FromPort'), num(p, 'ToPort'));
    const add = (peer: Peer, description: string | undefined) =>
      out.push({ protocol, fromPort, toPort, peer, ...(description !== undefined ? { description } : {}) });
    for (const r of objs(p, 'IpRanges')) {
      const cidr = str(r, 'CidrIp');
      if (validCidr(cidr)) add({ kind: 'cidr', cidr }, str(r, 'Description'));
    }
    for (const r of objs(p, 'Ipv6Ranges')) {
      const cidr = str(r, 'CidrIpv6');
      if (validCidr(cidr)) add({ kind: 'cidr', cidr }, str(r, 'Description'));
    }
    for (const r of objs(p, 'PrefixListIds')) {
      const id = str(r, 'PrefixListId');
      if (id) add({ kind: 'prefix-list', id: ctx.ids.ref('pl', id) }, str(r, 'Description'));
    }
    for (const r of objs(p, 'UserIdGroupPairs')) {
      const id = str(r, 'GroupId');
      if (id) add({ kind: 'sg', id: ctx.ids.ref('sg', id) }, str(r, 'Description'));
    }
  }
  return out;
}

export function convertSecurityGroups(ctx: ConvertContext, idx: ScopeIndex, seen: Set<string>): void {
  const scope = scopeOf(idx);
  const skipped = { n: 0 };
  for (const g of idx.items('ec2:DescribeSecurityGroups', 'SecurityGroups')) {
    const awsId = str(g, 'GroupId');
    const vpc = str(g, 'VpcId');
    if (awsId === undefined || vpc === undefined || seen.has(awsId)) continue;
    seen.add(awsId);
    const id = ctx.ids.ref('sg', awsId);
    const prov = ctx.prov(scope, awsId);
    ctx.model.securityGroups.push({
      id,
      name: localName(id),
      vpc: ctx.ids.ref('vpc', vpc),
      ...scope,
      ingress: rulesOf(ctx, objs(g, 'IpPermissions'), skipped).map((r) => ({ ...r, prov })),
      egress: rulesOf(ctx, objs(g, 'IpPermissionsEgress'), skipped).map((r) => ({ ...r, prov })),
      prov,
    });
  }
  if (skipped.n > 0)
    ctx.warn(
      scope,
      'aws-rules-left-out',
      `${skipped.n} security-group rule(s) of protocols other than TCP, UDP and ICMP were left out; they cannot carry streaming traffic`,
    );
}

/** AWS ends every ACL with numbered catch-alls (32767, and 32768 for IPv6): the model's implicit final deny. */
const CATCH_ALL = 32767;

export function convertNetworkAcls(ctx: ConvertContext, idx: ScopeIndex, seen: Set<string>): void {
  const scope = scopeOf(idx);
  const failed = idx.failure('ec2:DescribeNetworkAcls');
  if (failed) {
    // Without the ACLs every subnet's would read "allow all": mark them unknown instead, one per VPC of the scope.
    const reason = `the network ACLs of this VPC could not be read (${failed.code})`;
    for (const v of ctx.model.vpcs.filter((x) => x.account === scope.account && x.region === scope.region)) {
      const id = `${v.id}/(network ACLs not read)`;
      ctx.model.networkAcls.push({
        id,
        name: localName(id),
        vpc: v.id,
        ...scope,
        subnets: ctx.model.subnets.filter((s) => s.vpc === v.id).map((s) => s.id),
        ingress: [],
        egress: [],
        rulesUnknown: reason,
        prov: ctx.prov(scope, undefined),
      });
    }
    return;
  }
  for (const a of idx.items('ec2:DescribeNetworkAcls', 'NetworkAcls')) {
    const awsId = str(a, 'NetworkAclId');
    const vpc = str(a, 'VpcId');
    if (awsId === undefined || vpc === undefined || seen.has(awsId)) continue;
    seen.add(awsId);
    const id = ctx.ids.ref('acl', awsId);
    const prov = ctx.prov(scope, awsId);
    const rules = (egress: boolean): NaclRule[] =>
      objs(a, 'Entries').flatMap((e: Obj) => {
        const number = num(e, 'RuleNumber');
        const protocol = PROTOCOL[str(e, 'Protocol') ?? ''];
        const action = str(e, 'RuleAction');
        const cidr = str(e, 'CidrBlock') ?? str(e, 'Ipv6CidrBlock');
        if (bool(e, 'Egress') !== egress || number === undefined || number >= CATCH_ALL) return [];
        if (!protocol || (action !== 'allow' && action !== 'deny') || !validCidr(cidr)) return [];
        const range = obj(e, 'PortRange');
        const [fromPort, toPort] = ports(protocol, num(range, 'From'), num(range, 'To'));
        return [{ number, action, protocol, fromPort, toPort, cidr, prov }];
      });
    ctx.model.networkAcls.push({
      id,
      name: localName(id),
      vpc: ctx.ids.ref('vpc', vpc),
      ...scope,
      subnets: objs(a, 'Associations').flatMap((x) => {
        const s = str(x, 'SubnetId');
        return s ? [ctx.ids.ref('subnet', s)] : [];
      }),
      ingress: rules(false),
      egress: rules(true),
      prov,
    });
  }
}

/** Prefix lists the rules and routes of the read name (AWS-managed lists are kept only when something uses them). */
export function referencedPrefixLists(idx: ScopeIndex): Set<string> {
  const used = new Set<string>();
  for (const g of idx.items('ec2:DescribeSecurityGroups', 'SecurityGroups'))
    for (const p of [...objs(g, 'IpPermissions'), ...objs(g, 'IpPermissionsEgress')])
      for (const r of objs(p, 'PrefixListIds')) used.add(str(r, 'PrefixListId') ?? '');
  for (const t of idx.items('ec2:DescribeRouteTables', 'RouteTables'))
    for (const r of objs(t, 'Routes')) used.add(str(r, 'DestinationPrefixListId') ?? '');
  return used;
}

export function convertPrefixLists(ctx: ConvertContext, idx: ScopeIndex, seen: Set<string>): void {
  const scope = scopeOf(idx);
  const used = referencedPrefixLists(idx);
  for (const p of idx.items('ec2:DescribeManagedPrefixLists', 'PrefixLists')) {
    const awsId = str(p, 'PrefixListId');
    if (awsId === undefined || seen.has(awsId)) continue;
    if (str(p, 'OwnerId') === 'AWS' && !used.has(awsId)) continue;
    seen.add(awsId);
    const match = { PrefixListId: awsId };
    const failed = idx.failure('ec2:GetManagedPrefixListEntries', match);
    if (failed) {
      ctx.unread(scope, 'ec2:GetManagedPrefixListEntries', failed, `the entries of ${awsId} are unknown`);
      continue;
    }
    const cidrs = idx
      .items('ec2:GetManagedPrefixListEntries', 'Entries', match)
      .flatMap((e) => str(e, 'Cidr') ?? [])
      .filter(validCidr);
    const id = ctx.ids.ref('pl', awsId);
    ctx.model.prefixLists.push({ id, name: id, ...scope, cidrs, prov: ctx.prov(scope, awsId) });
  }
}
