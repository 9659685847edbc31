// The WorkSpaces side: directories, WorkSpaces and client devices.
import type { ClientLocation, Model } from '../../model/types.js';
import { entries, type DesignContext, type Path } from './context.js';
import { convertRules } from './convert-rules.js';
import { vpcRefs } from './convert-vpc.js';
import { DIRECTORY_DEFAULTS, STREAMING_ACCESS_ENDPOINT_TYPE } from './defaults.js';
import { get, has } from './names.js';
import { didYouMean } from '../did-you-mean.js';
import { vpcNames } from './suggest.js';
import type { DesignClient, DesignDirectory, DesignDoc } from './schema.js';

function resolveStreamingEndpoint(
  ctx: DesignContext,
  doc: DesignDoc,
  value: string,
  path: Path,
): { id: string | null; awsId?: string } {
  const [vpcName = '', endpointName] = value.split('/', 2);
  if (endpointName !== undefined) {
    if (has(get(doc.vpcs, vpcName)?.endpoints, endpointName)) return { id: value };
    ctx.error(
      'unknown-reference',
      path,
      `endpoint "${value}" not found (VPC/ENDPOINT)${didYouMean(value, vpcNames(doc, 'endpoints'))}`,
    );
    return { id: null };
  }
  if (value.startsWith('vpce-')) {
    for (const [vName, vpc] of entries(doc.vpcs)) {
      for (const [eName, ep] of entries(vpc.endpoints)) if (ep.id === value) return { id: `${vName}/${eName}` };
    }
    ctx.warn(
      'endpoint-not-described',
      path,
      `endpoint ${value} is not described in this file; its settings are unknown`,
    );
    return { id: null, awsId: value };
  }
  ctx.error(
    'unknown-reference',
    path,
    `streamingEndpoint "${value}" should read VPC/ENDPOINT${didYouMean(value, vpcNames(doc, 'endpoints'))}`,
  );
  return { id: null };
}

export function convertDirectory(
  ctx: DesignContext,
  doc: DesignDoc,
  name: string,
  d: DesignDirectory,
  model: Model,
): void {
  const path = ['directories', name];
  const vpc = d.vpc !== undefined ? get(doc.vpcs, d.vpc) : undefined;
  if (d.vpc !== undefined && !vpc) ctx.error('unknown-reference', [...path, 'vpc'], `VPC "${d.vpc}" not found`);
  let subnets: string[] = [];
  if (d.subnets !== undefined && d.subnets.length > 0) {
    if (d.vpc === undefined) ctx.error('missing-field', [...path, 'subnets'], 'subnets need the directory vpc');
    else if (vpc) subnets = vpcRefs(ctx, vpc, d.vpc, 'subnets', d.subnets, [...path, 'subnets']);
  }
  const endpoint =
    d.streamingEndpoint != null
      ? resolveStreamingEndpoint(ctx, doc, d.streamingEndpoint, [...path, 'streamingEndpoint'])
      : { id: null };
  const ipGroups: string[] = [];
  (d.ipGroups ?? []).forEach((g, i) => {
    if (has(doc.ipGroups, g)) ipGroups.push(g);
    else
      ctx.error('unknown-reference', [...path, 'ipGroups', i], `IP access control group "${g}" not found in ipGroups`);
  });
  const configured = d.streamingEndpoint != null;
  const accessEndpointType = d.accessEndpointType ?? (configured ? STREAMING_ACCESS_ENDPOINT_TYPE : undefined);
  model.directories.push({
    id: name,
    ...(d.id !== undefined ? { directoryId: d.id } : {}),
    account: d.account !== undefined ? ctx.account(d.account, [...path, 'account']) : model.account,
    region: d.region !== undefined ? ctx.region(d.region, [...path, 'region']) : model.region,
    type: d.type ?? DIRECTORY_DEFAULTS.type,
    ...(d.vpc !== undefined ? { vpc: d.vpc } : {}),
    subnets,
    streamingEndpoint: endpoint.id,
    ...(endpoint.awsId !== undefined ? { streamingEndpointAwsId: endpoint.awsId } : {}),
    ...(accessEndpointType !== undefined ? { accessEndpointType } : {}),
    pcoipOverInternet: d.pcoipOverInternet ?? DIRECTORY_DEFAULTS.pcoipOverInternet,
    ipGroups,
    encryption: d.encryption ?? DIRECTORY_DEFAULTS.encryption,
    globalAccelerator: d.globalAccelerator ?? DIRECTORY_DEFAULTS.globalAccelerator,
    ...(d.preferredProtocol !== undefined ? { preferredProtocol: d.preferredProtocol } : {}),
    ...(d.denyDeviceTypes !== undefined && d.denyDeviceTypes.length > 0
      ? { deniedDeviceTypes: d.denyDeviceTypes }
      : {}),
    prov: ctx.prov(path, name),
  });
}

/** Every place a client may sit, as `at:` names it: offered when a location is wrong. */
function locationNames(doc: DesignDoc): string[] {
  return [
    'internet',
    ...vpcNames(doc, 'instances', 'subnets'),
    ...Object.keys(doc.onPremises ?? {}).map((n) => `onprem/${n}`),
  ];
}

function resolveLocation(ctx: DesignContext, doc: DesignDoc, at: string, path: Path): ClientLocation | undefined {
  if (at === 'internet') return { kind: 'internet' };
  const [head = '', tail] = at.split('/', 2);
  if (tail === undefined) {
    const places = locationNames(doc);
    ctx.error(
      'bad-location',
      path,
      `"${at}" should read internet, VPC/INSTANCE, VPC/SUBNET or onprem/NAME${didYouMean(at, places)}`,
    );
    return undefined;
  }
  const vpc = get(doc.vpcs, head);
  const instance = get(vpc?.instances, tail);
  if (instance) return { kind: 'vpc', vpc: head, subnet: `${head}/${instance.subnet}`, instance: at };
  if (has(vpc?.subnets, tail)) return { kind: 'vpc', vpc: head, subnet: at };
  if (head === 'onprem' && has(doc.onPremises, tail)) return { kind: 'onprem', network: at };
  const what = head === 'onprem' ? 'on-premises network' : vpc ? `instance or subnet of VPC ${head}` : 'VPC';
  const places = locationNames(doc);
  ctx.error(
    'unknown-reference',
    path,
    `"${at}": ${what} "${head === 'onprem' || vpc ? tail : head}" not found${didYouMean(at, places)}`,
  );
  return undefined;
}

export function convertClient(ctx: DesignContext, doc: DesignDoc, name: string, c: DesignClient, model: Model): void {
  const path = ['clients', name];
  const at = resolveLocation(ctx, doc, c.at, [...path, 'at']);
  if (c.publicIp !== undefined) ctx.checkIp(c.publicIp, [...path, 'publicIp']);
  if (c.privateIp !== undefined) ctx.checkIp(c.privateIp, [...path, 'privateIp']);
  if (typeof c.version === 'number') {
    ctx.warn(
      'unquoted-version',
      [...path, 'version'],
      `version written as a number (${c.version}); quote it so YAML keeps it as written`,
    );
  }
  // The version decides the 443 fallback; one that cannot be compared would quietly read as "too old".
  if (!/^\d+(\.\d+)*$/.test(String(c.version ?? '0'))) {
    ctx.error(
      'bad-version',
      [...path, 'version'],
      `"${String(c.version)}" is not a client version such as 5.29.1 (Windows, macOS) or 2024.7 (Linux)`,
    );
  }
  if (!at) return;
  model.clients.push({
    id: name,
    at,
    ...(c.publicIp !== undefined ? { publicIp: c.publicIp } : {}),
    ...(c.privateIp !== undefined ? { privateIp: c.privateIp } : {}),
    ...(c.version !== undefined ? { version: String(c.version) } : {}),
    ...(c.os !== undefined ? { os: c.os } : {}),
    ...(c.egress !== undefined ? { egress: convertRules(ctx, { doc }, c.egress, 'egress', [...path, 'egress']) } : {}),
    prov: ctx.prov(path, name),
  });
}

export function convertWorkspacesSide(ctx: DesignContext, doc: DesignDoc, model: Model): void {
  for (const [name, d] of entries(doc.directories)) convertDirectory(ctx, doc, name, d, model);
  for (const [name, w] of entries(doc.workspaces)) {
    const path = ['workspaces', name];
    if (!has(doc.directories, w.directory))
      ctx.error(
        'unknown-reference',
        [...path, 'directory'],
        `directory "${w.directory}" not found${didYouMean(w.directory, Object.keys(doc.directories ?? {}))}`,
      );
    const dir = model.directories.find((d) => d.id === w.directory);
    model.workspaces.push({
      id: name,
      account: dir?.account ?? model.account,
      region: dir?.region ?? model.region,
      directory: w.directory,
      ...(w.protocol !== undefined ? { protocol: w.protocol } : {}),
      ...(w.globalAccelerator !== undefined ? { globalAccelerator: w.globalAccelerator } : {}),
      prov: ctx.prov(path, name),
    });
  }
  for (const [name, c] of entries(doc.clients)) convertClient(ctx, doc, name, c, model);
}
