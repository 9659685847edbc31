import rule from './iac-endpoint-type-default.js';
import { seed } from './testing/design.js';
import { ruleTester } from './testing/rule-tester.js';
import { cfn, tfPlan } from './testing/template.js';

function endpoint(service: string, extra = ''): string {
  return `Resources:
  Vpc: { Type: AWS::EC2::VPC, Properties: { CidrBlock: 10.0.0.0/16 } }
  Ep:
    Type: AWS::EC2::VPCEndpoint
    Properties:
      VpcId: !Ref Vpc
      ServiceName: ${service}
${extra}`;
}

/** A plan whose endpoint sets vpc_endpoint_type only when `written` (the provider fills Gateway otherwise). */
function plan(written: boolean) {
  const change = (address: string, type: string, after: Record<string, unknown>, unknown: Record<string, unknown>) => ({
    address,
    mode: 'managed',
    type,
    name: address.split('.')[1],
    change: {
      actions: ['create'],
      before: null,
      after: { region: 'ap-northeast-1', ...after },
      after_unknown: unknown,
    },
  });
  return {
    format_version: '1.2',
    resource_changes: [
      change('aws_vpc.main', 'aws_vpc', { cidr_block: '10.0.0.0/16' }, { id: true }),
      change(
        'aws_vpc_endpoint.ws',
        'aws_vpc_endpoint',
        {
          service_name: 'com.amazonaws.ap-northeast-1.highlander',
          vpc_endpoint_type: written ? 'Interface' : 'Gateway',
        },
        { vpc_id: true },
      ),
    ],
    configuration: {
      root_module: {
        resources: [
          { address: 'aws_vpc.main', type: 'aws_vpc', name: 'main', expressions: {} },
          {
            address: 'aws_vpc_endpoint.ws',
            type: 'aws_vpc_endpoint',
            name: 'ws',
            expressions: {
              vpc_id: { references: ['aws_vpc.main.id', 'aws_vpc.main'] },
              ...(written ? { vpc_endpoint_type: { constant_value: 'Interface' } } : {}),
            },
          },
        ],
      },
    },
  };
}

const HIGHLANDER = 'com.amazonaws.ap-northeast-1.highlander';

ruleTester(rule, {
  valid: [
    { name: 'a design file says Interface by default', model: seed() },
    {
      name: 'VpcEndpointType: Interface written',
      model: () => cfn(endpoint(HIGHLANDER, '      VpcEndpointType: Interface\n')),
    },
    {
      name: 'an S3 endpoint left as CloudFormation default Gateway',
      model: () => cfn(endpoint('com.amazonaws.ap-northeast-1.s3')),
    },
    { name: 'Terraform with vpc_endpoint_type = "Interface"', model: () => tfPlan(plan(true)) },
  ],
  invalid: [
    {
      name: 'CloudFormation: highlander without VpcEndpointType',
      model: () => cfn(endpoint(HIGHLANDER)),
      errors: [
        {
          messageId: 'gatewayByDefault',
          resource: 'Vpc/Ep',
          data: { property: 'VpcEndpointType', tool: 'CloudFormation' },
        },
      ],
    },
    {
      name: 'CloudFormation: the WorkSpaces API endpoint without VpcEndpointType',
      model: () => cfn(endpoint('com.amazonaws.ap-northeast-1.workspaces')),
      errors: [{ messageId: 'gatewayByDefault', resource: 'Vpc/Ep' }],
    },
    {
      name: 'Terraform: highlander without vpc_endpoint_type',
      model: () => tfPlan(plan(false)),
      errors: [
        {
          messageId: 'gatewayByDefault',
          resource: 'main/ws',
          data: { property: 'vpc_endpoint_type', tool: 'Terraform' },
        },
      ],
    },
  ],
});
