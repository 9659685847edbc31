// Raw AWS answers → the model: a pure function shared by the live read and the snapshot file. Every account and
// Region lands in one model; each resource keeps its scope and its AWS id (provenance). A call that failed leaves
// its facts unknown and says so in a warning: the engine then answers UNKNOWN where they matter, never a guess.
import type { Diagnostic } from '../../../diagnostics.js';
import { emptyModel, type Model } from '../../../model/types.js';
import type { Action } from '../actions.js';
import { describeError, diagnosticCode } from '../errors.js';
import type { RawScope } from '../raw.js';
import { ConvertContext, scopeLabel, type Origin } from './context.js';
import { convertNetworkAcls, convertPrefixLists, convertSecurityGroups } from './filters.js';
import { convertGatewaysAndInstances, convertRouteTables, convertSubnets, convertVpcs } from './network.js';
import { nameTag, objs, str, type Obj, ScopeIndex } from './raw-index.js';
import { settleReferences } from './references.js';
import { convertEndpoints, convertResolverEndpoints, convertResolverRules } from './services.js';
import { convertPeerings, convertSites, convertTransitGateways } from './transit.js';
import { convertDirectories, convertIpGroups, convertWorkspaces, directoryName } from './workspaces.js';

/** What a failed list call costs, for its warning. Per-resource calls say it where they are converted. */
const CONSEQUENCE: Partial<Record<Action, string>> = {
  'ec2:DescribeVpcs': 'its VPCs are missing, so whatever sits in them is UNKNOWN',
  'ec2:DescribeSubnets': 'its subnets are missing, so flows from or to them are UNKNOWN',
  'ec2:DescribeRouteTables': 'routing in its VPCs is UNKNOWN',
  'ec2:DescribeInternetGateways': 'internet gateways are taken from the active routes that use them',
  'ec2:DescribeNatGateways': 'routes through NAT gateways are UNKNOWN',
  'ec2:DescribeInstances': 'instances (NAT instances, client instances) are missing',
  'ec2:DescribeSecurityGroups': 'security-group checks are UNKNOWN',
  'ec2:DescribeNetworkAcls': 'network ACL checks are UNKNOWN',
  'ec2:DescribeManagedPrefixLists': 'rules and routes that use prefix lists are UNKNOWN',
  'ec2:DescribeVpcPeeringConnections': 'routes through peerings are UNKNOWN',
  'ec2:DescribeTransitGateways': 'routes through transit gateways are UNKNOWN',
  'ec2:DescribeTransitGatewayVpcAttachments': 'transit gateway attachment subnets are unknown',
  'ec2:DescribeTransitGatewayRouteTables': 'transit gateway routing is UNKNOWN',
  'ec2:GetTransitGatewayRouteTableAssociations': 'associations are taken from the attachments alone',
  'ec2:GetTransitGatewayRouteTablePropagations': 'propagation is taken from the routes alone',
  'ec2:DescribeVpnConnections': 'on-premises sites behind VPN connections are missing',
  'ec2:DescribeVpnGateways': 'VPN connections to virtual private gateways are missing',
  'ec2:DescribeVpcEndpoints': 'its endpoints are missing, so directories that name one are UNKNOWN',
  'ec2:DescribeVpcEndpointServices': "the services' private DNS names are not known",
  'ec2:DescribeDhcpOptions': 'DHCP option sets are taken as the default (the VPC resolver)',
  'workspaces:DescribeWorkspaceDirectories': 'its directories and their WorkSpaces are missing',
  'workspaces:DescribeIpGroups': 'IP access control groups are missing',
  'workspaces:DescribeWorkspacesPools': 'Pools are missing',
  'route53resolver:ListResolverEndpoints': 'resolver endpoints are missing, so forwarding through them is UNKNOWN',
};

/** The calls every read makes, whatever the account holds (the others depend on what these return). */
const TOP_LEVEL: Action[] = [
  ...(Object.keys(CONSEQUENCE) as Action[]).filter(
    (a) =>
      a !== 'ec2:GetTransitGatewayRouteTableAssociations' &&
      a !== 'ec2:GetTransitGatewayRouteTablePropagations' &&
      a !== 'ec2:DescribeVpcEndpointServices',
  ),
  'route53resolver:ListResolverRules',
  'route53resolver:ListResolverRuleAssociations',
];

function registerNames(ctx: ConvertContext, indexes: ScopeIndex[]): void {
  const ids = ctx.ids;
  const top: [Action, string, string, (o: Obj) => string | undefined][] = [
    ['ec2:DescribeVpcs', 'Vpcs', 'VpcId', nameTag],
    ['ec2:DescribeInternetGateways', 'InternetGateways', 'InternetGatewayId', nameTag],
    ['ec2:DescribeManagedPrefixLists', 'PrefixLists', 'PrefixListId', (o) => str(o, 'PrefixListName')],
    ['ec2:DescribeVpcPeeringConnections', 'VpcPeeringConnections', 'VpcPeeringConnectionId', nameTag],
    ['ec2:DescribeTransitGateways', 'TransitGateways', 'TransitGatewayId', nameTag],
    ['ec2:DescribeVpnGateways', 'VpnGateways', 'VpnGatewayId', nameTag],
    ['workspaces:DescribeIpGroups', 'Result', 'groupId', (o) => str(o, 'groupName')],
    ['workspaces:DescribeWorkspaceDirectories', 'Directories', 'DirectoryId', directoryName],
  ];
  const kinds: Record<string, string> = {
    VpcId: 'vpc',
    InternetGatewayId: 'igw',
    PrefixListId: 'pl',
    VpcPeeringConnectionId: 'pcx',
    TransitGatewayId: 'tgw',
    VpnGatewayId: 'vgw',
    groupId: 'ipg',
    DirectoryId: 'dir',
  };
  for (const idx of indexes) {
    for (const [action, key, idKey, name] of top)
      for (const o of idx.items(action, key)) {
        const id = str(o, idKey);
        if (id !== undefined) ids.add(kinds[idKey] ?? idKey, '', id, name(o));
      }
    for (const w of idx.items('workspaces:DescribeWorkspaces', 'Workspaces')) {
      const id = str(w, 'WorkspaceId');
      if (id !== undefined) ids.add('ws', '', id, str(w, 'WorkspaceName'));
    }
    for (const p of idx.items('workspaces:DescribeWorkspacesPools', 'WorkspacesPools')) {
      const id = str(p, 'PoolId');
      if (id !== undefined) ids.add('ws', '', id, str(p, 'PoolName'));
    }
  }
  ids.resolve();
  const children: [Action, string, string, string, string, (o: Obj) => string | undefined][] = [
    ['ec2:DescribeSubnets', 'Subnets', 'subnet', 'SubnetId', 'VpcId', nameTag],
    ['ec2:DescribeRouteTables', 'RouteTables', 'rtb', 'RouteTableId', 'VpcId', nameTag],
    ['ec2:DescribeNatGateways', 'NatGateways', 'nat', 'NatGatewayId', 'VpcId', nameTag],
    ['ec2:DescribeSecurityGroups', 'SecurityGroups', 'sg', 'GroupId', 'VpcId', (o) => str(o, 'GroupName')],
    [
      'ec2:DescribeNetworkAcls',
      'NetworkAcls',
      'acl',
      'NetworkAclId',
      'VpcId',
      (o) => (o.IsDefault === true ? 'default' : nameTag(o)),
    ],
    ['ec2:DescribeVpcEndpoints', 'VpcEndpoints', 'vpce', 'VpcEndpointId', 'VpcId', nameTag],
    ['route53resolver:ListResolverEndpoints', 'ResolverEndpoints', 'rslvr', 'Id', 'HostVPCId', (o) => str(o, 'Name')],
  ];
  for (const idx of indexes) {
    for (const [action, key, kind, idKey, parentKey, name] of children)
      for (const o of idx.items(action, key)) {
        const id = str(o, idKey);
        const parent = str(o, parentKey);
        if (id !== undefined && parent !== undefined) ids.add(kind, ids.ref('vpc', parent), id, name(o));
      }
    for (const r of idx.items('ec2:DescribeInstances', 'Reservations'))
      for (const i of objs(r, 'Instances')) {
        const id = str(i, 'InstanceId');
        const parent = str(i, 'VpcId');
        if (id !== undefined && parent !== undefined) ids.add('instance', ids.ref('vpc', parent), id, nameTag(i));
      }
    for (const [action, key, kind, idKey] of [
      ['ec2:DescribeTransitGatewayRouteTables', 'TransitGatewayRouteTables', 'tgw-rtb', 'TransitGatewayRouteTableId'],
      [
        'ec2:DescribeTransitGatewayAttachments',
        'TransitGatewayAttachments',
        'tgw-attach',
        'TransitGatewayAttachmentId',
      ],
    ] as const)
      for (const o of idx.items(action, key)) {
        const id = str(o, idKey);
        const parent = str(o, 'TransitGatewayId');
        if (id !== undefined && parent !== undefined) ids.add(kind, ids.ref('tgw', parent), id, nameTag(o));
      }
  }
  ids.resolve();
}

/** One warning per failed list call; a scope where everything failed the same way gets one warning in all. */
function reportFailures(ctx: ConvertContext, idx: ScopeIndex): void {
  const s = idx.scope;
  if (s.error) {
    ctx.warn(
      s,
      diagnosticCode(s.error),
      `could not read ${scopeLabel(s)}: ${s.error.action !== undefined ? `${s.error.action} ` : ''}${describeError(s.error)}; nothing of it is in the model`,
    );
    return;
  }
  const calls = Array.isArray(s.calls) ? s.calls : [];
  const failed = calls.filter((c) => c.error);
  const codes = new Set(failed.map((c) => c.error?.code));
  const first = failed[0]?.error;
  if (first && failed.length === calls.length && codes.size === 1) {
    ctx.warn(
      s,
      diagnosticCode(first),
      `could not read ${scopeLabel(s)}: every call ${describeError(first)}; nothing of it is in the model`,
    );
    return;
  }
  const seen = new Set<string>();
  for (const c of failed) {
    const consequence = CONSEQUENCE[c.action];
    if (consequence === undefined || seen.has(c.action) || !c.error) continue;
    seen.add(c.action);
    ctx.unread(s, c.action, c.error, consequence);
  }
  // A snapshot from another version, or edited by hand, may lack whole calls: their facts are unknown too.
  const absent = TOP_LEVEL.filter((a) => idx.calls(a).length === 0);
  if (absent.length > 0) ctx.warn(s, 'aws-not-read', `not read: ${absent.join(', ')}; what they would tell is unknown`);
  const attrs = failed.filter((c) => c.action === 'ec2:DescribeVpcAttribute');
  if (attrs.length > 0 && attrs[0]?.error)
    ctx.unread(s, 'ec2:DescribeVpcAttribute', attrs[0].error, `${attrs.length} DNS attribute(s) of VPCs are UNKNOWN`);
}

export interface Converted {
  model: Model;
  diagnostics: Diagnostic[];
  /** True when not one account and Region could be read: there is no model to speak of. */
  nothingRead: boolean;
}

export function convertScopes(scopes: readonly RawScope[], origin: Origin, label: string): Converted {
  const readable = scopes.find((s) => !s.error) ?? scopes[0];
  const model = emptyModel(readable?.account ?? '', readable?.region ?? '');
  model.origin = { source: origin.source, file: origin.file ?? label };
  const ctx = new ConvertContext(model, origin);
  const indexes = scopes.map((s) => new ScopeIndex(s));
  registerNames(ctx, indexes);
  const seen = new Set<string>();
  for (const idx of indexes) reportFailures(ctx, idx);
  const steps = [
    convertVpcs,
    convertSubnets,
    convertRouteTables,
    convertGatewaysAndInstances,
    convertSecurityGroups,
    convertNetworkAcls,
    convertPrefixLists,
    convertPeerings,
    convertTransitGateways,
    convertEndpoints,
    convertResolverEndpoints,
    convertIpGroups,
    convertDirectories,
    convertWorkspaces,
  ];
  for (const step of steps) for (const idx of indexes) step(ctx, idx, seen);
  for (const idx of indexes) convertResolverRules(ctx, idx);
  convertSites(ctx, indexes);
  settleReferences(ctx);
  const nothingRead = indexes.every(
    (i) => i.scope.error !== undefined || (Array.isArray(i.scope.calls) && i.scope.calls.every((c) => c.error)),
  );
  return { model, diagnostics: ctx.diagnostics, nothingRead };
}
