// The pages rules cite (research/domain.md sections 0, 1, 3). `seed` is the hands-on article the project starts
// from; `inferred` marks our own deduction.

export const STREAMING_ENDPOINTS_GUIDE =
  'https://docs.aws.amazon.com/workspaces/latest/adminguide/creating-streaming-vpc-endpoints.html';
export const PRIVATELINK_SERVICES =
  'https://docs.aws.amazon.com/vpc/latest/privatelink/aws-services-privatelink-support.html';
export const API_ENDPOINT_GUIDE =
  'https://docs.aws.amazon.com/workspaces/latest/adminguide/interface-vpc-endpoint.html';
export const PORT_REQUIREMENTS =
  'https://docs.aws.amazon.com/workspaces/latest/adminguide/workspaces-port-requirements.html';
export const ACCESS_ENDPOINT_API = 'https://docs.aws.amazon.com/workspaces/latest/api/API_AccessEndpoint.html';
export const ACCESS_ENDPOINT_CONFIG_API =
  'https://docs.aws.amazon.com/workspaces/latest/api/API_AccessEndpointConfig.html';
export const WORKSPACE_DIRECTORY_API = 'https://docs.aws.amazon.com/workspaces/latest/api/API_WorkspaceDirectory.html';
export const GLOBAL_ACCELERATOR_API =
  'https://docs.aws.amazon.com/workspaces/latest/api/API_GlobalAcceleratorForDirectory.html';
export const VPC_ENDPOINT_API = 'https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_VpcEndpoint.html';
export const DNS_OPTIONS_API = 'https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DnsOptions.html';
export const WORKSPACE_PROPERTIES_API =
  'https://docs.aws.amazon.com/workspaces/latest/api/API_WorkspaceProperties.html';
export const IP_GROUPS_API = 'https://docs.aws.amazon.com/workspaces/latest/api/API_DescribeIpGroups.html';
export const TROUBLESHOOTING_GUIDE =
  'https://docs.aws.amazon.com/workspaces/latest/adminguide/amazon-workspaces-troubleshooting.html';
export const RESOLVER_INBOUND_GUIDE =
  'https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/resolver-forwarding-inbound-queries.html';
export const CFN_DIRECTORY_RESOURCE =
  'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-workspaces-directory.html';
export const CFN_VPC_ENDPOINT_RESOURCE =
  'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-vpcendpoint.html';
