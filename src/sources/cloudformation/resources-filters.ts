// Security groups (inline rules and SecurityGroupIngress/Egress resources) and network ACLs (NetworkAcl,
// NetworkAclEntry, SubnetNetworkAclAssociation). A group that lists no SecurityGroupEgress keeps AWS's default
// allow-all egress; CDK's `allowAllOutbound: false` writes a sentinel rule that matches nothing, which means "none".
import type { Protocol } from '../../model/types.js';
import type { RawNaclEntry, RawRule } from '../iac/graph.js';
import { Unknown } from '../iac/values.js';
import type { Props } from './props.js';
import type { ResourceContext } from './resource-context.js';

type Adapter = (ctx: ResourceContext) => void;

const PROTOCOLS: Record<string, Protocol> = {
  '-1': 'all',
  all: 'all',
  tcp: 'tcp',
  '6': 'tcp',
  udp: 'udp',
  '17': 'udp',
  icmp: 'icmp',
  '1': 'icmp',
};

/** CDK's stand-in for "no egress": ICMP type 252 code 86 to 255.255.255.255/32, which no packet matches. */
export function isCdkNoEgressSentinel(rule: Props): boolean {
  return (
    rule.str('CidrIp') === '255.255.255.255/32' &&
    rule.get('IpProtocol') === 'icmp' &&
    Number(rule.get('FromPort')) === 252 &&
    Number(rule.get('ToPort')) === 86
  );
}

function ports(
  protocol: Protocol,
  from: number | Unknown | undefined,
  to: number | Unknown | undefined,
): [number, number] {
  if (protocol === 'all') return [0, 65535];
  const f = typeof from === 'number' ? from : -1;
  const t = typeof to === 'number' ? to : -1;
  // ICMP: FromPort is the type, -1 every type.
  if (protocol === 'icmp') return f < 0 ? [0, 65535] : [f, f];
  return f < 0 ? [0, 65535] : [f, t < 0 ? 65535 : t];
}

function rule(
  ctx: ResourceContext,
  p: Props,
  direction: 'ingress' | 'egress',
  position = p.position('IpProtocol'),
  path = p.field,
): RawRule | undefined {
  const protoText = p.str('IpProtocol');
  const prov = ctx.partProv(position, path);
  if (protoText instanceof Unknown || protoText === undefined) {
    ctx.sink.error('missing-field', 'a security group rule needs IpProtocol', { position, field: path });
    return undefined;
  }
  const protocol = PROTOCOLS[protoText.toLowerCase()];
  if (!protocol) {
    ctx.sink.warn(
      'not-modelled',
      `IP protocol ${protoText} is not modelled (only tcp, udp, icmp and -1); the rule is left out`,
      { position, field: path },
    );
    return undefined;
  }
  const [fromPort, toPort] = ports(protocol, p.int('FromPort'), p.int('ToPort'));
  const side = direction === 'ingress' ? 'Source' : 'Destination';
  const cidr = p.str('CidrIp') ?? p.str('CidrIpv6');
  const group = p.link(`${side}SecurityGroupId`);
  const list = p.link(`${side}PrefixListId`);
  const peer = cidr !== undefined ? { cidr } : group ? { sg: group } : list ? { prefixList: list } : undefined;
  if (!peer) {
    ctx.sink.error(
      'missing-field',
      `a security group rule needs CidrIp, CidrIpv6, ${side}SecurityGroupId or ${side}PrefixListId`,
      { position, field: path },
    );
    return undefined;
  }
  const description = p.str('Description');
  return { protocol, fromPort, toPort, peer, ...(typeof description === 'string' ? { description } : {}), prov };
}

function securityGroup(ctx: ResourceContext): void {
  const p = ctx.props;
  const vpcLink = p.link('VpcId');
  if (!vpcLink) {
    ctx.sink.warn(
      'outside-input',
      `security group ${ctx.resource.logicalId} has no VpcId (the default VPC); it is left out`,
      { position: p.position('GroupDescription'), field: p.field },
    );
    return;
  }
  const ingress = p
    .maps('SecurityGroupIngress')
    .flatMap((r, i) => rule(ctx, r, 'ingress', p.itemPosition('SecurityGroupIngress', i)) ?? []);
  let egress: RawRule[] | 'aws-default' = 'aws-default';
  if (p.has('SecurityGroupEgress')) {
    egress = p
      .maps('SecurityGroupEgress')
      .filter((r) => !isCdkNoEgressSentinel(r))
      .flatMap((r, i) => rule(ctx, r, 'egress', p.itemPosition('SecurityGroupEgress', i)) ?? []);
  } else ctx.defaulted('egress');
  ctx.emit({ kind: 'security-group', vpc: vpcLink, ingress, egress });
}

function standaloneRule(direction: 'ingress' | 'egress'): Adapter {
  return (ctx) => {
    const group = ctx.props.link('GroupId');
    if (!group) {
      ctx.props.wrongType('GroupId', 'a security group id', null);
      return;
    }
    if (direction === 'egress' && isCdkNoEgressSentinel(ctx.props)) return;
    const r = rule(ctx, ctx.props, direction);
    if (r) ctx.emit({ kind: 'sg-rule', group, direction, rule: r });
  };
}

function naclEntry(ctx: ResourceContext): void {
  const p = ctx.props;
  const nacl = p.link('NetworkAclId');
  if (!nacl) {
    p.wrongType('NetworkAclId', 'a network ACL id', null);
    return;
  }
  const number = p.int('RuleNumber');
  const protoText = p.str('Protocol');
  const action = p.choice('RuleAction', { allow: 'allow', deny: 'deny' } as const);
  if (typeof number !== 'number' || typeof protoText !== 'string' || (action !== 'allow' && action !== 'deny')) {
    ctx.sink.error('missing-field', 'a network ACL entry needs RuleNumber, Protocol and RuleAction', {
      position: p.position('RuleNumber'),
      field: p.field,
    });
    return;
  }
  const protocol = PROTOCOLS[protoText.toLowerCase()];
  if (!protocol) {
    ctx.sink.warn('not-modelled', `protocol ${protoText} is not modelled; the entry is left out`, {
      position: p.position('Protocol'),
      field: p.field,
    });
    return;
  }
  const range = p.sub('PortRange');
  const icmp = p.sub('Icmp');
  const [fromPort, toPort] =
    protocol === 'icmp'
      ? ports(protocol, icmp?.int('Type'), undefined)
      : ports(protocol, range?.int('From') ?? -1, range?.int('To') ?? -1);
  const cidr = p.str('CidrBlock') ?? p.str('Ipv6CidrBlock');
  if (cidr === undefined) {
    p.wrongType('CidrBlock', 'a CIDR block', null);
    return;
  }
  const entry: RawNaclEntry = {
    number,
    action,
    protocol,
    fromPort,
    toPort,
    cidr,
    egress: p.bool('Egress') === true,
    prov: ctx.prov,
  };
  ctx.emit({ kind: 'nacl-entry', nacl, entry });
}

export const FILTER_ADAPTERS: Record<string, Adapter> = {
  'AWS::EC2::SecurityGroup': securityGroup,
  'AWS::EC2::SecurityGroupIngress': standaloneRule('ingress'),
  'AWS::EC2::SecurityGroupEgress': standaloneRule('egress'),
  'AWS::EC2::NetworkAcl': (ctx) => {
    const vpcLink = ctx.props.link('VpcId');
    if (!vpcLink) {
      ctx.props.wrongType('VpcId', 'a VPC id', null);
      return;
    }
    ctx.emit({ kind: 'nacl', vpc: vpcLink, entries: [], subnets: [] });
  },
  'AWS::EC2::NetworkAclEntry': naclEntry,
  'AWS::EC2::SubnetNetworkAclAssociation': (ctx) => {
    const nacl = ctx.props.link('NetworkAclId');
    const subnet = ctx.props.link('SubnetId');
    if (!nacl || !subnet) {
      ctx.props.wrongType(nacl ? 'SubnetId' : 'NetworkAclId', 'a resource id', null);
      return;
    }
    ctx.emit({ kind: 'nacl-association', nacl, subnet });
  },
};
