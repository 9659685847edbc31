// Every AWS operation the live source may call, and nothing else, with how each one pages. The reader sends
// commands only through `sendAction` (clients.ts), which builds them from commands.ts and refuses any action
// missing here; docs/iam-policy.json grants exactly these actions (a test compares the two and scans this folder
// for imported commands). This file imports no SDK, so sources that only read snapshots stay light.

export type Service = 'ec2' | 'workspaces' | 'route53resolver' | 'sts';

/** How an operation pages: the request field that sizes a page, and the largest size the API accepts. */
export interface Paging {
  sizeField: 'MaxResults' | 'Limit';
  max: number;
}

export interface OperationSpec {
  service: Service;
  /** Undefined: the operation does not page (one call answers everything). */
  paging?: Paging;
}

const ec2 = (max?: number): OperationSpec => ({
  service: 'ec2',
  ...(max !== undefined ? { paging: { sizeField: 'MaxResults', max } } : {}),
});
// The WorkSpaces API caps every page at 25 items.
const ws = (sizeField: Paging['sizeField']): OperationSpec => ({
  service: 'workspaces',
  paging: { sizeField, max: 25 },
});
const r53: OperationSpec = { service: 'route53resolver', paging: { sizeField: 'MaxResults', max: 100 } };

/** Keyed by IAM action name (`service:Operation`); page maxima from the API references. */
export const OPERATIONS = {
  'ec2:DescribeVpcs': ec2(1000),
  'ec2:DescribeVpcAttribute': ec2(),
  'ec2:DescribeSubnets': ec2(1000),
  'ec2:DescribeRouteTables': ec2(100),
  'ec2:DescribeInternetGateways': ec2(1000),
  'ec2:DescribeNatGateways': ec2(1000),
  'ec2:DescribeInstances': ec2(1000),
  'ec2:DescribeSecurityGroups': ec2(1000),
  'ec2:DescribeNetworkAcls': ec2(100),
  'ec2:DescribeManagedPrefixLists': ec2(100),
  'ec2:GetManagedPrefixListEntries': ec2(100),
  'ec2:DescribeVpcPeeringConnections': ec2(1000),
  'ec2:DescribeTransitGateways': ec2(1000),
  'ec2:DescribeTransitGatewayAttachments': ec2(1000),
  'ec2:DescribeTransitGatewayVpcAttachments': ec2(1000),
  'ec2:DescribeTransitGatewayRouteTables': ec2(1000),
  'ec2:SearchTransitGatewayRoutes': ec2(1000),
  'ec2:GetTransitGatewayRouteTableAssociations': ec2(1000),
  'ec2:GetTransitGatewayRouteTablePropagations': ec2(1000),
  'ec2:DescribeVpnConnections': ec2(),
  'ec2:DescribeVpnGateways': ec2(),
  'ec2:DescribeVpcEndpoints': ec2(1000),
  'ec2:DescribeVpcEndpointServices': ec2(1000),
  'ec2:DescribeNetworkInterfaces': ec2(1000),
  'ec2:DescribeDhcpOptions': ec2(1000),
  'workspaces:DescribeWorkspaceDirectories': ws('Limit'),
  'workspaces:DescribeWorkspaces': ws('Limit'),
  'workspaces:DescribeIpGroups': ws('MaxResults'),
  'workspaces:DescribeWorkspacesPools': ws('Limit'),
  'route53resolver:ListResolverEndpoints': r53,
  'route53resolver:ListResolverEndpointIpAddresses': r53,
  'route53resolver:ListResolverRules': r53,
  'route53resolver:ListResolverRuleAssociations': r53,
  'sts:GetCallerIdentity': { service: 'sts' },
} satisfies Record<string, OperationSpec>;

export type Action = keyof typeof OPERATIONS;

export const READ_ACTIONS = Object.keys(OPERATIONS) as Action[];

/** Read-only by name: every action the reader may call is a Describe, List, Get or Search. */
export const READ_ONLY_VERB = /^[a-z0-9]+:(Describe|List|Get|Search)[A-Z]/;

export function isAction(name: string): name is Action {
  return Object.prototype.hasOwnProperty.call(OPERATIONS, name);
}

export function pagingOf(action: Action): Paging | undefined {
  const spec: OperationSpec = OPERATIONS[action];
  return spec.paging;
}
