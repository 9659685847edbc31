// The SDK command behind each read-only action (actions.ts). Only clients.ts constructs them, after checking the
// action; `satisfies` makes the table complete, so an action without its command fails the type check.
import {
  DescribeDhcpOptionsCommand,
  DescribeInstancesCommand,
  DescribeInternetGatewaysCommand,
  DescribeManagedPrefixListsCommand,
  DescribeNatGatewaysCommand,
  DescribeNetworkAclsCommand,
  DescribeNetworkInterfacesCommand,
  DescribeRouteTablesCommand,
  DescribeSecurityGroupsCommand,
  DescribeSubnetsCommand,
  DescribeTransitGatewayAttachmentsCommand,
  DescribeTransitGatewayRouteTablesCommand,
  DescribeTransitGatewaysCommand,
  DescribeTransitGatewayVpcAttachmentsCommand,
  DescribeVpcAttributeCommand,
  DescribeVpcEndpointServicesCommand,
  DescribeVpcEndpointsCommand,
  DescribeVpcPeeringConnectionsCommand,
  DescribeVpcsCommand,
  DescribeVpnConnectionsCommand,
  DescribeVpnGatewaysCommand,
  GetManagedPrefixListEntriesCommand,
  GetTransitGatewayRouteTableAssociationsCommand,
  GetTransitGatewayRouteTablePropagationsCommand,
  SearchTransitGatewayRoutesCommand,
} from '@aws-sdk/client-ec2';
import {
  ListResolverEndpointIpAddressesCommand,
  ListResolverEndpointsCommand,
  ListResolverRuleAssociationsCommand,
  ListResolverRulesCommand,
} from '@aws-sdk/client-route53resolver';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import {
  DescribeIpGroupsCommand,
  DescribeWorkspaceDirectoriesCommand,
  DescribeWorkspacesCommand,
  DescribeWorkspacesPoolsCommand,
} from '@aws-sdk/client-workspaces';

import type { Action } from './actions.js';

export type CommandClass = new (input: never) => unknown;

export const COMMANDS = {
  'ec2:DescribeVpcs': DescribeVpcsCommand,
  'ec2:DescribeVpcAttribute': DescribeVpcAttributeCommand,
  'ec2:DescribeSubnets': DescribeSubnetsCommand,
  'ec2:DescribeRouteTables': DescribeRouteTablesCommand,
  'ec2:DescribeInternetGateways': DescribeInternetGatewaysCommand,
  'ec2:DescribeNatGateways': DescribeNatGatewaysCommand,
  'ec2:DescribeInstances': DescribeInstancesCommand,
  'ec2:DescribeSecurityGroups': DescribeSecurityGroupsCommand,
  'ec2:DescribeNetworkAcls': DescribeNetworkAclsCommand,
  'ec2:DescribeManagedPrefixLists': DescribeManagedPrefixListsCommand,
  'ec2:GetManagedPrefixListEntries': GetManagedPrefixListEntriesCommand,
  'ec2:DescribeVpcPeeringConnections': DescribeVpcPeeringConnectionsCommand,
  'ec2:DescribeTransitGateways': DescribeTransitGatewaysCommand,
  'ec2:DescribeTransitGatewayAttachments': DescribeTransitGatewayAttachmentsCommand,
  'ec2:DescribeTransitGatewayVpcAttachments': DescribeTransitGatewayVpcAttachmentsCommand,
  'ec2:DescribeTransitGatewayRouteTables': DescribeTransitGatewayRouteTablesCommand,
  'ec2:SearchTransitGatewayRoutes': SearchTransitGatewayRoutesCommand,
  'ec2:GetTransitGatewayRouteTableAssociations': GetTransitGatewayRouteTableAssociationsCommand,
  'ec2:GetTransitGatewayRouteTablePropagations': GetTransitGatewayRouteTablePropagationsCommand,
  'ec2:DescribeVpnConnections': DescribeVpnConnectionsCommand,
  'ec2:DescribeVpnGateways': DescribeVpnGatewaysCommand,
  'ec2:DescribeVpcEndpoints': DescribeVpcEndpointsCommand,
  'ec2:DescribeVpcEndpointServices': DescribeVpcEndpointServicesCommand,
  'ec2:DescribeNetworkInterfaces': DescribeNetworkInterfacesCommand,
  'ec2:DescribeDhcpOptions': DescribeDhcpOptionsCommand,
  'workspaces:DescribeWorkspaceDirectories': DescribeWorkspaceDirectoriesCommand,
  'workspaces:DescribeWorkspaces': DescribeWorkspacesCommand,
  'workspaces:DescribeIpGroups': DescribeIpGroupsCommand,
  'workspaces:DescribeWorkspacesPools': DescribeWorkspacesPoolsCommand,
  'route53resolver:ListResolverEndpoints': ListResolverEndpointsCommand,
  'route53resolver:ListResolverEndpointIpAddresses': ListResolverEndpointIpAddressesCommand,
  'route53resolver:ListResolverRules': ListResolverRulesCommand,
  'route53resolver:ListResolverRuleAssociations': ListResolverRuleAssociationsCommand,
  'sts:GetCallerIdentity': GetCallerIdentityCommand,
} satisfies Record<Action, CommandClass>;
