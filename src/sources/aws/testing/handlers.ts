// What each operation answers from the fake estate, before paging: the full list under its result member, or a
// whole answer for the operations that do not page. Requests arrive as plain objects (the EC2 query form already
// unflattened, JSON bodies as sent).
import type { Filter } from '@aws-sdk/client-ec2';
import type { ScopeState } from './estate.js';

export type Request = Record<string, unknown>;

export type Answer =
  | { kind: 'list'; member: string; items: unknown[]; extra?: Record<string, unknown> }
  | { kind: 'whole'; output: Record<string, unknown> }
  | { kind: 'error'; status: number; code: string; message: string };

type Handler = (s: ScopeState, req: Request) => Answer;

const list = (member: string, items: unknown[]): Answer => ({ kind: 'list', member, items });
const notFound = (code: string, what: string): Answer => ({
  kind: 'error',
  status: 400,
  code,
  message: `The ${what} does not exist`,
});

/** EC2's query form lists `Filter.1.Name`/`Filter.1.Value.1`; the JSON services send `Filters`. */
function filters(req: Request): Filter[] {
  const raw = (req.Filter ?? req.Filters) as { Name?: string; Value?: string[]; Values?: string[] }[] | undefined;
  return (raw ?? []).map((f) => ({ Name: f.Name, Values: f.Value ?? f.Values ?? [] }));
}

function filterValues(req: Request, name: string): string[] | undefined {
  return filters(req).find((f) => f.Name === name)?.Values;
}

function strings(req: Request, ...keys: string[]): string[] | undefined {
  for (const k of keys) {
    const v = req[k];
    if (Array.isArray(v)) return v as string[];
  }
  return undefined;
}

const EC2: Record<string, Handler> = {
  DescribeVpcs: (s) => list('Vpcs', s.vpcs),
  DescribeVpcAttribute: (s, req) => {
    const vpcId = req.VpcId as string;
    const attrs = s.vpcAttributes.get(vpcId);
    if (!attrs) return notFound('InvalidVpcID.NotFound', `vpc ID '${vpcId}'`);
    const attribute = req.Attribute as string;
    const value = attribute === 'enableDnsSupport' ? attrs.enableDnsSupport : attrs.enableDnsHostnames;
    const member = attribute === 'enableDnsSupport' ? 'EnableDnsSupport' : 'EnableDnsHostnames';
    return { kind: 'whole', output: { VpcId: vpcId, ...(value !== undefined ? { [member]: { Value: value } } : {}) } };
  },
  DescribeSubnets: (s) => list('Subnets', s.subnets),
  DescribeRouteTables: (s) => list('RouteTables', s.routeTables),
  DescribeInternetGateways: (s) => list('InternetGateways', s.internetGateways),
  DescribeNatGateways: (s) => list('NatGateways', s.natGateways),
  DescribeInstances: (s) => list('Reservations', s.reservations),
  DescribeSecurityGroups: (s) => list('SecurityGroups', s.securityGroups),
  DescribeNetworkAcls: (s) => list('NetworkAcls', s.networkAcls),
  DescribeManagedPrefixLists: (s) => list('PrefixLists', s.prefixLists),
  GetManagedPrefixListEntries: (s, req) => {
    const entries = s.prefixListEntries.get(req.PrefixListId as string);
    return entries ? list('Entries', entries) : notFound('InvalidPrefixListID.NotFound', 'prefix list');
  },
  DescribeVpcPeeringConnections: (s) => list('VpcPeeringConnections', s.peerings),
  DescribeTransitGateways: (s) => list('TransitGateways', s.transitGateways),
  DescribeTransitGatewayAttachments: (s) => list('TransitGatewayAttachments', s.tgwAttachments),
  DescribeTransitGatewayVpcAttachments: (s) => list('TransitGatewayVpcAttachments', s.tgwVpcAttachments),
  DescribeTransitGatewayRouteTables: (s) => list('TransitGatewayRouteTables', s.tgwRouteTables),
  SearchTransitGatewayRoutes: (s, req) => {
    const routes = s.tgwRoutes.get(req.TransitGatewayRouteTableId as string);
    if (!routes) return notFound('InvalidRouteTableID.NotFound', 'transit gateway route table');
    if (filters(req).length === 0)
      return { kind: 'error', status: 400, code: 'MissingParameter', message: 'The request must contain Filters' };
    const types = filterValues(req, 'type');
    const states = filterValues(req, 'state');
    return list(
      'Routes',
      routes.filter((r) => (!types || types.includes(r.Type ?? '')) && (!states || states.includes(r.State ?? ''))),
    );
  },
  GetTransitGatewayRouteTableAssociations: (s, req) => {
    const a = s.tgwAssociations.get(req.TransitGatewayRouteTableId as string);
    return a ? list('Associations', a) : notFound('InvalidRouteTableID.NotFound', 'transit gateway route table');
  },
  GetTransitGatewayRouteTablePropagations: (s, req) => {
    const p = s.tgwPropagations.get(req.TransitGatewayRouteTableId as string);
    return p
      ? list('TransitGatewayRouteTablePropagations', p)
      : notFound('InvalidRouteTableID.NotFound', 'transit gateway route table');
  },
  DescribeVpnConnections: (s) => ({ kind: 'whole', output: { VpnConnections: s.vpnConnections } }),
  DescribeVpnGateways: (s) => ({ kind: 'whole', output: { VpnGateways: s.vpnGateways } }),
  DescribeVpcEndpoints: (s) => list('VpcEndpoints', s.vpcEndpoints),
  DescribeVpcEndpointServices: (s, req) => {
    const names = strings(req, 'ServiceName', 'ServiceNames');
    const details = s.endpointServices.filter((d) => !names || names.includes(d.ServiceName ?? ''));
    return {
      kind: 'list',
      member: 'ServiceDetails',
      items: details,
      extra: { ServiceNames: details.map((d) => d.ServiceName) },
    };
  },
  DescribeNetworkInterfaces: (s, req) => {
    const types = filterValues(req, 'interface-type');
    const ids = strings(req, 'NetworkInterfaceId', 'NetworkInterfaceIds');
    return list(
      'NetworkInterfaces',
      s.networkInterfaces.filter(
        (n) => (!types || types.includes(n.InterfaceType ?? '')) && (!ids || ids.includes(n.NetworkInterfaceId ?? '')),
      ),
    );
  },
  DescribeDhcpOptions: (s) => list('DhcpOptions', s.dhcpOptions),
};

const WORKSPACES: Record<string, Handler> = {
  DescribeWorkspaceDirectories: (s) => list('Directories', s.directories),
  DescribeWorkspaces: (s, req) => {
    const dir = req.DirectoryId as string | undefined;
    return list(
      'Workspaces',
      s.workspaces.filter((w) => dir === undefined || w.DirectoryId === dir),
    );
  },
  DescribeIpGroups: (s) => list('Result', s.ipGroups),
  DescribeWorkspacesPools: (s) => list('WorkspacesPools', s.pools),
};

const RESOLVER: Record<string, Handler> = {
  ListResolverEndpoints: (s) => list('ResolverEndpoints', s.resolverEndpoints),
  ListResolverEndpointIpAddresses: (s, req) => {
    const ips = s.resolverIps.get(req.ResolverEndpointId as string);
    if (!ips)
      return { kind: 'error', status: 400, code: 'ResourceNotFoundException', message: 'Resolver endpoint not found' };
    return list('IpAddresses', ips);
  },
  ListResolverRules: (s) => list('ResolverRules', s.resolverRules),
  ListResolverRuleAssociations: (s) => list('ResolverRuleAssociations', s.resolverAssociations),
};

export const HANDLERS: Record<string, Record<string, Handler>> = {
  ec2: EC2,
  workspaces: WORKSPACES,
  route53resolver: RESOLVER,
};
