// The custom resources of wspl-cdk (the construct library in cdk/), which make the settings CloudFormation cannot:
// registering a Directory Service directory with WorkSpaces, a directory's streaming endpoint where
// AWS::WorkSpaces::Directory is not offered, and an instance kept stopped. Their properties are the API's inputs
// (cdk/handler/index.js), so a template made with the library states these settings as plainly as a native type.
import { accessEndpointConfig } from './resources-workspaces.js';
import type { ResourceContext } from './resource-context.js';

/** The resource types, as cdk/src/provider.ts names them. */
export const WSPL_CDK_TYPES = {
  access: 'Custom::WorkSpacesAccessEndpoint',
  registration: 'Custom::WorkSpacesDirectoryRegistration',
  instanceState: 'Custom::EC2InstanceState',
} as const;

/** RegisterWorkspaceDirectory: a Personal directory with AWS's defaults, its access endpoint set apart (below). */
function registration(ctx: ResourceContext): void {
  const p = ctx.props;
  const registers = p.link('DirectoryId');
  if (!registers) {
    p.wrongType('DirectoryId', 'a Directory Service directory id', null);
    return;
  }
  p.note('subnets', 'SubnetIds');
  for (const field of ['type', 'encryption', 'globalAccelerator', 'pcoipOverInternet']) ctx.defaulted(field);
  ctx.emit({
    kind: 'ws-directory',
    registers,
    subnets: p.links('SubnetIds'),
    workspaceType: 'personal',
    pcoipFallback: false,
    ipGroups: [],
    encryption: 'standard-tls',
    globalAccelerator: false,
    deniedDeviceTypes: [],
  });
}

/** ModifyWorkspaceAccessProperties on the directory named by DirectoryId. */
function access(ctx: ResourceContext): void {
  const p = ctx.props;
  const directory = p.link('DirectoryId');
  if (!directory) {
    p.wrongType('DirectoryId', 'a WorkSpaces directory id', null);
    return;
  }
  p.note('streamingEndpoint', 'AccessEndpointConfig');
  const { accessEndpoints, pcoipFallback } = accessEndpointConfig(ctx, p.sub('AccessEndpointConfig'));
  ctx.emit({ kind: 'directory-access', directory, accessEndpoints: accessEndpoints ?? [], pcoipFallback });
}

function instanceState(ctx: ResourceContext): void {
  const p = ctx.props;
  const instance = p.link('InstanceId');
  const state = p.str('State');
  if (!instance) {
    p.wrongType('InstanceId', 'an instance id', null);
    return;
  }
  if (state !== 'running' && state !== 'stopped') {
    // An unknown state is refused too: the model cannot hold an instance whose state is not known.
    p.wrongType('State', 'running or stopped, known before deployment', p.get('State') ?? null);
    return;
  }
  ctx.emit({ kind: 'instance-state', instance, state });
}

export const WSPL_CDK_ADAPTERS: Record<string, (ctx: ResourceContext) => void> = {
  [WSPL_CDK_TYPES.registration]: registration,
  [WSPL_CDK_TYPES.access]: access,
  [WSPL_CDK_TYPES.instanceState]: instanceState,
};
