// The Lambda providers of this library's custom resources (handler/index.js): one per resource type in a stack,
// shared by the resources of that type. Each resource adds only the IAM statements its own calls need, scoped to its
// own directory or instance where the action allows a resource ARN. One provider per type, not one for all: a role
// that names the directory a registration creates, shared with that registration, would be a dependency cycle.
import { fileURLToPath } from 'node:url';
import { CustomResourceProvider, CustomResourceProviderRuntime, Duration, Stack } from 'aws-cdk-lib';
import type { Construct } from 'constructs';

const HANDLER_DIRECTORY = fileURLToPath(new URL('../handler', import.meta.url));

/** The resource types the handler serves (handler/index.js). */
export const RESOURCE_TYPE = {
  access: 'Custom::WorkSpacesAccessEndpoint',
  registration: 'Custom::WorkSpacesDirectoryRegistration',
  instanceState: 'Custom::EC2InstanceState',
} as const;

export type ResourceType = (typeof RESOURCE_TYPE)[keyof typeof RESOURCE_TYPE];

export interface IamStatement {
  Effect: 'Allow';
  Action: string[];
  Resource: string | string[];
}

const PROVIDER_ID: Record<ResourceType, string> = {
  [RESOURCE_TYPE.access]: 'WsplAccessEndpointProvider',
  [RESOURCE_TYPE.registration]: 'WsplDirectoryRegistrationProvider',
  [RESOURCE_TYPE.instanceState]: 'WsplInstanceStateProvider',
};

/** The stack's provider for `type` (created once), with `statements` added to its role's inline policy. */
export function settingsProvider(
  scope: Construct,
  type: ResourceType,
  statements: IamStatement[],
): CustomResourceProvider {
  const provider = CustomResourceProvider.getOrCreateProvider(scope, PROVIDER_ID[type], {
    codeDirectory: HANDLER_DIRECTORY,
    runtime: CustomResourceProviderRuntime.NODEJS_22_X,
    // Registering a directory and stopping an instance are polled to the end; both take minutes.
    timeout: Duration.minutes(15),
    description: `wspl-cdk: ${type}, a setting CloudFormation cannot make`,
  });
  for (const s of statements) provider.addToRolePolicy(s);
  return provider;
}

/** arn:…:workspaces:REGION:ACCOUNT:directory/ID, in the stack's partition, Region and account. */
export function directoryArn(scope: Construct, directoryId: string): string {
  return Stack.of(scope).formatArn({ service: 'workspaces', resource: 'directory', resourceName: directoryId });
}

export function instanceArn(scope: Construct, instanceId: string): string {
  return Stack.of(scope).formatArn({ service: 'ec2', resource: 'instance', resourceName: instanceId });
}
