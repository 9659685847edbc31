// Keeps an EC2 instance running or stopped: CloudFormation's AWS::EC2::Instance has no state. The seed environment
// stops its NAT instance this way (case 4-1). Deleting the resource leaves the instance as it is.
import { CustomResource } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { RESOURCE_TYPE, instanceArn, settingsProvider } from './provider.js';

export interface InstanceStateProps {
  readonly instanceId: string;
  readonly state: 'running' | 'stopped';
}

export class InstanceState extends Construct {
  constructor(scope: Construct, id: string, props: InstanceStateProps) {
    super(scope, id);
    const provider = settingsProvider(this, RESOURCE_TYPE.instanceState, [
      // DescribeInstances has no resource-level permission.
      { Effect: 'Allow', Action: ['ec2:DescribeInstances'], Resource: '*' },
      {
        Effect: 'Allow',
        Action: ['ec2:StartInstances', 'ec2:StopInstances'],
        Resource: instanceArn(this, props.instanceId),
      },
    ]);
    new CustomResource(this, 'Resource', {
      serviceToken: provider.serviceToken,
      resourceType: RESOURCE_TYPE.instanceState,
      properties: { InstanceId: props.instanceId, State: props.state },
    });
  }
}
