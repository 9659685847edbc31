// Registers an AWS Directory Service directory (Simple AD, AD Connector, Managed AD) with WorkSpaces. CloudFormation
// has no way to do it: AWS::WorkSpaces::Directory takes no DirectoryId (wspl research notes, next-round §0 item 2).
// Deleting the resource deregisters the directory (after the stack's WorkSpaces are gone: they depend on it).
import { CustomResource, Token } from 'aws-cdk-lib';
import type * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct } from 'constructs';
import { RESOURCE_TYPE, directoryArn, settingsProvider } from './provider.js';

export interface WorkspacesDirectoryRegistrationProps {
  /** The directory id (`d-…`), e.g. `CfnSimpleAD.ref`. */
  readonly directoryId: string;
  /** Two subnets in different zones for the WorkSpaces' network interfaces. */
  readonly subnets: readonly ec2.ISubnet[];
  /** @default 'SHARED' */
  readonly tenancy?: 'SHARED' | 'DEDICATED';
}

export class WorkspacesDirectoryRegistration extends Construct {
  /** The registered directory's id; depend on it (CfnWorkspace.directoryId) so WorkSpaces wait for registration. */
  readonly directoryId: string;

  constructor(scope: Construct, id: string, props: WorkspacesDirectoryRegistrationProps) {
    super(scope, id);
    if (props.subnets.length !== 2) {
      this.node.addValidation({
        validate: () => [
          `a directory is registered with exactly two subnets (in two zones); ${props.subnets.length} given`,
        ],
      });
    }
    // Registration acts for the caller on the directory and the VPC. The WorkSpaces guide does not list the calls it
    // makes; these are the Directory Service and EC2 actions WorkSpaces' own admin policies grant for it [unverified].
    const provider = settingsProvider(this, RESOURCE_TYPE.registration, [
      { Effect: 'Allow', Action: ['workspaces:DescribeWorkspaceDirectories'], Resource: '*' },
      {
        Effect: 'Allow',
        Action: ['workspaces:RegisterWorkspaceDirectory', 'workspaces:DeregisterWorkspaceDirectory'],
        Resource: directoryArn(this, props.directoryId),
      },
      {
        Effect: 'Allow',
        Action: ['ds:DescribeDirectories', 'ds:AuthorizeApplication', 'ds:UnauthorizeApplication'],
        Resource: '*',
      },
      {
        Effect: 'Allow',
        Action: [
          'ec2:DescribeSubnets',
          'ec2:DescribeVpcs',
          'ec2:DescribeSecurityGroups',
          'ec2:CreateSecurityGroup',
          'ec2:DeleteSecurityGroup',
          'ec2:AuthorizeSecurityGroupIngress',
          'ec2:AuthorizeSecurityGroupEgress',
          'ec2:RevokeSecurityGroupEgress',
          'ec2:CreateTags',
        ],
        Resource: '*',
      },
    ]);
    const resource = new CustomResource(this, 'Resource', {
      serviceToken: provider.serviceToken,
      resourceType: RESOURCE_TYPE.registration,
      properties: {
        DirectoryId: props.directoryId,
        SubnetIds: props.subnets.map((s) => s.subnetId),
        Tenancy: props.tenancy ?? 'SHARED',
      },
    });
    // The attribute, not the input: a WorkSpace that takes it waits for the registration to finish.
    this.directoryId = Token.asString(resource.getAtt('DirectoryId'));
  }
}
