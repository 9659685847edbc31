// AWS::DirectoryService::SimpleAD / MicrosoftAD and the WorkSpaces types: Directory (which has no DirectoryId input:
// it cannot register an existing directory, next-round §0 item 2), WorkspaceIpGroup (Ref gives its ARN, GetAtt
// GroupId its id), Workspace (no protocol: it stays unknown) and WorkspacesPool.
import type { DeviceType } from '../../model/types.js';
import type { RawOf, V } from '../iac/graph.js';
import { Unknown } from '../iac/values.js';
import type { Props } from './props.js';
import type { ResourceContext } from './resource-context.js';

type Adapter = (ctx: ResourceContext) => void;

const DEVICE_TYPES: [string, DeviceType][] = [
  ['DeviceTypeWindows', 'windows'],
  ['DeviceTypeOsx', 'macos'],
  ['DeviceTypeLinux', 'linux'],
  ['DeviceTypeWeb', 'web'],
  ['DeviceTypeIos', 'ios'],
  ['DeviceTypeAndroid', 'android'],
  ['DeviceTypeChromeOs', 'chromeos'],
  ['DeviceTypeZeroClient', 'zeroclient'],
];

function adDirectory(ctx: ResourceContext): void {
  const settings = ctx.props.sub('VpcSettings');
  const vpc = settings?.link('VpcId');
  if (!settings || !vpc) {
    ctx.props.wrongType('VpcSettings', 'a map with VpcId and SubnetIds', null);
    return;
  }
  ctx.emit({
    kind: 'ad-directory',
    adType: ctx.resource.type.replace(/^.*::/, ''),
    vpc,
    subnets: settings.links('SubnetIds'),
    directoryId: new Unknown(`the id of ${ctx.resource.logicalId}, assigned at deployment`),
  });
}

/** An AccessEndpointConfig as AWS::WorkSpaces::Directory and ModifyWorkspaceAccessProperties both write it. */
export function accessEndpointConfig(
  ctx: ResourceContext,
  config: Props | undefined,
): { accessEndpoints?: RawOf<'directory-access'>['accessEndpoints']; pcoipFallback: V<boolean> } {
  const accessEndpoints = config?.maps('AccessEndpoints').map((e) => {
    const type = e.str('AccessEndpointType');
    const endpoint = e.link('VpcEndpointId');
    return {
      ...(type !== undefined ? { type } : {}),
      ...(endpoint ? { endpoint } : {}),
      prov: ctx.partProv(e.position('VpcEndpointId'), e.field),
    };
  });
  const fallback = config?.strings('InternetFallbackProtocols');
  const pcoipFallback =
    fallback === undefined
      ? false
      : fallback.some((f) => f instanceof Unknown)
        ? new Unknown('InternetFallbackProtocols is not known before deployment')
        : fallback.includes('PCOIP');
  if (fallback === undefined) ctx.defaulted('pcoipOverInternet');
  return { ...(accessEndpoints !== undefined ? { accessEndpoints } : {}), pcoipFallback };
}

function directory(ctx: ResourceContext): void {
  const p = ctx.props;
  const access = p.sub('WorkspaceAccessProperties');
  const { accessEndpoints, pcoipFallback } = accessEndpointConfig(ctx, access?.sub('AccessEndpointConfig'));
  const encryption = p.choice('EndpointEncryptionMode', {
    standard_tls: 'standard-tls',
    fips_validated: 'fips-validated',
  } as const);
  if (encryption === undefined) ctx.defaulted('encryption');
  const streaming = p.sub('StreamingProperties');
  const mode = streaming
    ?.sub('GlobalAccelerator')
    ?.choice('Mode', { enabled_auto: 'on', disabled: 'off', inherited: 'off' } as const);
  if (mode === undefined) ctx.defaulted('globalAccelerator');
  const preferred = streaming?.choice('StreamingExperiencePreferredProtocol', { tcp: 'tcp', udp: 'udp' } as const);
  const workspaceType = p.choice('WorkspaceType', { personal: 'personal', pools: 'pools' } as const);
  if (workspaceType === undefined) ctx.defaulted('type');
  const denied = DEVICE_TYPES.filter(([prop]) => access?.str(prop) === 'DENY').map(([, t]) => t);
  const ipGroups = p
    .links('IpGroupIds')
    .map((link, i) => ({ link, prov: ctx.partProv(p.itemPosition('IpGroupIds', i), `${p.field}.IpGroupIds.${i}`) }));
  p.note('subnets', 'SubnetIds');
  p.note('ipGroups', 'IpGroupIds');
  p.note('encryption', 'EndpointEncryptionMode');
  p.note('type', 'WorkspaceType');
  p.note('streamingEndpoint', 'WorkspaceAccessProperties');
  ctx.emit({
    kind: 'ws-directory',
    subnets: p.links('SubnetIds'),
    workspaceType: workspaceType ?? 'personal',
    ...(accessEndpoints !== undefined ? { accessEndpoints } : {}),
    pcoipFallback,
    ipGroups,
    encryption: encryption ?? 'standard-tls',
    globalAccelerator: mode instanceof Unknown ? mode : mode === 'on',
    ...(preferred !== undefined ? { preferredProtocol: preferred } : {}),
    deniedDeviceTypes: denied,
  });
}

function ipGroup(ctx: ResourceContext): void {
  ctx.emit({ kind: 'ip-group', cidrs: ctx.props.maps('UserRules').flatMap((r) => r.str('IpRule') ?? []) });
}

function workspace(kind: 'workspace' | 'pool'): Adapter {
  return (ctx) => {
    const directoryLink = ctx.props.link('DirectoryId');
    if (!directoryLink) {
      ctx.props.wrongType('DirectoryId', 'a directory id', null);
      return;
    }
    ctx.emit({ kind, directory: directoryLink });
  };
}

export const WORKSPACES_ADAPTERS: Record<string, Adapter> = {
  'AWS::DirectoryService::SimpleAD': adDirectory,
  'AWS::DirectoryService::MicrosoftAD': adDirectory,
  'AWS::WorkSpaces::Directory': directory,
  'AWS::WorkSpaces::WorkspaceIpGroup': ipGroup,
  'AWS::WorkSpaces::Workspace': workspace('workspace'),
  'AWS::WorkSpaces::WorkspacesPool': workspace('pool'),
};
