// The WorkSpaces side: IP access control groups, directories (type, access endpoint, fallback, device types,
// encryption, streaming properties), WorkSpaces with their protocol, and Pools (which stream with DCV only).
import type { DeviceType, Directory, Workspace } from '../../../model/types.js';
import { DEVICE_TYPE_FIELDS } from '../device-types.js';
import { obj, objs, str, strs, type Obj, type ScopeIndex } from './raw-index.js';
import type { ConvertContext } from './context.js';
import { scopeOf, validCidr } from './network.js';

export function directoryName(d: Obj): string | undefined {
  const id = str(d, 'DirectoryId');
  const alias = str(d, 'Alias');
  return str(d, 'WorkspaceDirectoryName') ?? (alias !== undefined && alias !== id ? alias : undefined);
}

export function convertIpGroups(ctx: ConvertContext, idx: ScopeIndex, seen: Set<string>): void {
  const scope = scopeOf(idx);
  for (const g of idx.items('workspaces:DescribeIpGroups', 'Result')) {
    const awsId = str(g, 'groupId');
    if (awsId === undefined || seen.has(awsId)) continue;
    seen.add(awsId);
    const id = ctx.ids.ref('ipg', awsId);
    const cidrs = objs(g, 'userRules')
      .flatMap((r) => str(r, 'ipRule') ?? [])
      .map((c) => (c.includes('/') ? c : `${c}/32`))
      .filter(validCidr);
    ctx.model.ipGroups.push({ id, name: id, ...scope, cidrs, prov: ctx.prov(scope, awsId) });
  }
}

type Access = Pick<
  Directory,
  'streamingEndpoint' | 'streamingEndpointAwsId' | 'accessEndpointType' | 'pcoipOverInternet'
>;

function accessOf(ctx: ConvertContext, scope: ReturnType<typeof scopeOf>, id: string, props: Obj | undefined): Access {
  if (!props) {
    ctx.warn(
      scope,
      'aws-access-properties-unknown',
      `directory ${id} came without its access properties: whether it streams through an endpoint is UNKNOWN`,
    );
    return { pcoipOverInternet: false };
  }
  const config = obj(props, 'AccessEndpointConfig');
  const endpoints = objs(config, 'AccessEndpoints');
  const pcoipOverInternet = strs(config, 'InternetFallbackProtocols').includes('PCOIP');
  const first = endpoints[0];
  if (!first) return { streamingEndpoint: null, pcoipOverInternet };
  if (endpoints.length > 1)
    ctx.warn(
      scope,
      'aws-not-modelled',
      `directory ${id} lists ${endpoints.length} access endpoints; the first is used`,
    );
  const vpce = str(first, 'VpcEndpointId');
  const type = str(first, 'AccessEndpointType');
  const endpoint = vpce !== undefined ? ctx.model.endpoints.find((e) => e.awsId === vpce) : undefined;
  return {
    streamingEndpoint: endpoint?.id ?? null,
    ...(vpce !== undefined && !endpoint ? { streamingEndpointAwsId: vpce } : {}),
    ...(type !== undefined ? { accessEndpointType: type } : {}),
    pcoipOverInternet,
  };
}

export function convertDirectories(ctx: ConvertContext, idx: ScopeIndex, seen: Set<string>): void {
  const scope = scopeOf(idx);
  for (const d of idx.items('workspaces:DescribeWorkspaceDirectories', 'Directories')) {
    const awsId = str(d, 'DirectoryId');
    const state = str(d, 'State');
    if (awsId === undefined || seen.has(awsId) || state === 'DEREGISTERED') continue;
    seen.add(awsId);
    const id = ctx.ids.ref('dir', awsId);
    if (state !== undefined && state !== 'REGISTERED')
      ctx.warn(
        scope,
        'aws-directory-state',
        `directory ${id} is ${state}, not REGISTERED: its WorkSpaces may not connect`,
      );
    const subnets = strs(d, 'SubnetIds').map((s) => ctx.ids.ref('subnet', s));
    const vpc = ctx.model.subnets.find((s) => subnets.includes(s.id))?.vpc;
    const props = obj(d, 'WorkspaceAccessProperties');
    const denied: DeviceType[] = DEVICE_TYPE_FIELDS.filter(([, field]) => str(props, field) === 'DENY').map(
      ([type]) => type,
    );
    const streaming = obj(d, 'StreamingProperties');
    const preferred = str(streaming, 'StreamingExperiencePreferredProtocol');
    ctx.model.directories.push({
      id,
      directoryId: awsId,
      ...scope,
      // Directories from before Pools carry no WorkspaceType; they are Personal.
      type: str(d, 'WorkspaceType') === 'POOLS' ? 'pools' : 'personal',
      ...(vpc !== undefined ? { vpc } : {}),
      subnets,
      ...accessOf(ctx, scope, id, props),
      ipGroups: strs(d, 'ipGroupIds').map((g) => ctx.ids.ref('ipg', g)),
      // STANDARD_TLS is what a directory has until FIPS is chosen, and what the API omits.
      encryption: str(d, 'EndpointEncryptionMode') === 'FIPS_VALIDATED' ? 'fips-validated' : 'standard-tls',
      globalAccelerator: str(obj(streaming, 'GlobalAccelerator'), 'Mode') === 'ENABLED_AUTO',
      ...(preferred === 'TCP' || preferred === 'UDP'
        ? { preferredProtocol: preferred === 'TCP' ? ('tcp' as const) : ('udp' as const) }
        : {}),
      ...(denied.length > 0 ? { deniedDeviceTypes: denied } : {}),
      prov: ctx.prov(scope, awsId),
    });
  }
}

const GA_MODES: Record<string, Workspace['globalAccelerator']> = {
  INHERITED: 'inherited',
  ENABLED_AUTO: 'enabled',
  DISABLED: 'disabled',
};

export function convertWorkspaces(ctx: ConvertContext, idx: ScopeIndex, seen: Set<string>): void {
  const scope = scopeOf(idx);
  for (const d of idx.items('workspaces:DescribeWorkspaceDirectories', 'Directories')) {
    const dirAws = str(d, 'DirectoryId');
    if (dirAws === undefined || str(d, 'State') === 'DEREGISTERED') continue;
    const directory = ctx.ids.ref('dir', dirAws);
    const match = { DirectoryId: dirAws };
    const failed = idx.failure('workspaces:DescribeWorkspaces', match);
    if (failed) {
      ctx.unread(scope, 'workspaces:DescribeWorkspaces', failed, `the WorkSpaces of ${directory} are unknown`);
      continue;
    }
    for (const w of idx.items('workspaces:DescribeWorkspaces', 'Workspaces', match)) {
      const awsId = str(w, 'WorkspaceId');
      const state = str(w, 'State');
      if (awsId === undefined || seen.has(awsId) || state === 'TERMINATED' || state === 'TERMINATING') continue;
      seen.add(awsId);
      const id = ctx.ids.ref('ws', awsId);
      const props = obj(w, 'WorkspaceProperties');
      const protocols = strs(props, 'Protocols');
      const protocol = protocols[0] === 'WSP' ? 'dcv' : protocols[0] === 'PCOIP' ? 'pcoip' : undefined;
      if (!protocol)
        ctx.warn(scope, 'aws-protocol-unknown', `WorkSpace ${id} names no streaming protocol: its traces are UNKNOWN`);
      const ga = GA_MODES[str(obj(props, 'GlobalAccelerator'), 'Mode') ?? ''];
      ctx.model.workspaces.push({
        id,
        ...scope,
        directory,
        ...(protocol ? { protocol } : {}),
        ...(ga !== undefined ? { globalAccelerator: ga } : {}),
        prov: ctx.prov(scope, awsId),
      });
    }
  }
  for (const p of idx.items('workspaces:DescribeWorkspacesPools', 'WorkspacesPools')) {
    const awsId = str(p, 'PoolId');
    const dir = str(p, 'DirectoryId');
    if (awsId === undefined || dir === undefined || seen.has(awsId)) continue;
    seen.add(awsId);
    // A pool stands for its desktops: WorkSpaces Pools stream with DCV only.
    ctx.model.workspaces.push({
      id: ctx.ids.ref('ws', awsId),
      ...scope,
      directory: ctx.ids.ref('dir', dir),
      protocol: 'dcv',
      prov: ctx.prov(scope, awsId),
    });
  }
}
