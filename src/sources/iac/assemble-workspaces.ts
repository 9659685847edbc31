// The WorkSpaces side: directories registered with WorkSpaces (their access endpoint, fallback, IP groups, encryption
// and streaming settings) and WorkSpaces. What a source cannot state stays undefined, so the engine answers UNKNOWN
// and names it: a WorkSpace's protocol always (no template or plan can say it), Terraform's encryption and streaming
// properties. A WorkSpace in a directory registered outside the input is left out with a warning.
import type { Directory } from '../../model/types.js';
import { scopeOf, type Assembly } from './assembly.js';
import type { RawOf } from './graph.js';
import { ResourceRef, Unknown } from './values.js';

function streamingEndpoint(
  a: Assembly,
  d: RawOf<'ws-directory'>,
): Pick<Directory, 'streamingEndpoint' | 'streamingEndpointAwsId' | 'accessEndpointType'> {
  const entries = d.accessEndpoints ?? [];
  if (entries.length === 0) return { streamingEndpoint: null };
  if (entries.length > 1) {
    a.warn(
      'several-access-endpoints',
      d.prov,
      `${a.label(d)} lists ${entries.length} access endpoints; the first is used`,
      'streamingEndpoint',
    );
  }
  const entry = entries[0];
  if (!entry) return { streamingEndpoint: null };
  const type = entry.type instanceof Unknown ? undefined : entry.type;
  const accessEndpointType = type ?? undefined;
  const typed = accessEndpointType !== undefined ? { accessEndpointType } : {};
  if (entry.endpoint === undefined) return { streamingEndpoint: null, ...typed };
  const target = a.resolve(entry.endpoint, ['endpoint'], d, 'streamingEndpoint');
  if (!target) return { streamingEndpoint: null, ...typed };
  if ('unknown' in target) {
    a.warn(
      'unknown-value',
      entry.prov,
      `the VpcEndpointId of ${a.label(d)} cannot be known before deployment: ${target.unknown}`,
    );
    return { streamingEndpoint: null, streamingEndpointAwsId: target.unknown, ...typed };
  }
  if ('external' in target) {
    const inModel = a.model.endpoints.find((e) => e.awsId === target.external);
    return inModel
      ? { streamingEndpoint: inModel.id, ...typed }
      : { streamingEndpoint: null, streamingEndpointAwsId: target.external, ...typed };
  }
  const id = a.ids.get(target.raw.key);
  const ref = entry.endpoint;
  if (ref instanceof ResourceRef && ref.attribute !== undefined && ref.attribute !== 'Id') {
    a.warn(
      'wrong-attribute',
      entry.prov,
      `VpcEndpointId of ${a.label(d)} takes ${ref.attribute} of ${a.label(target.raw)}; the endpoint id is its Ref (or Fn::GetAtt …Id)`,
    );
  }
  return id !== undefined && a.model.endpoints.some((e) => e.id === id)
    ? { streamingEndpoint: id, ...typed }
    : { streamingEndpoint: null, streamingEndpointAwsId: a.label(target.raw), ...typed };
}

function directoryId(a: Assembly, d: RawOf<'ws-directory'>): { id?: string; ad?: RawOf<'ad-directory'> } {
  if (d.registers === undefined) return {};
  const target = a.resolve(d.registers, ['ad-directory'], d, 'directoryId');
  if (!target || 'unknown' in target) return {};
  if ('external' in target) return { id: target.external };
  const id = target.raw.directoryId instanceof Unknown ? undefined : target.raw.directoryId;
  return { ...(id !== undefined ? { id } : {}), ad: target.raw };
}

/**
 * The directory with its access endpoint set by a resource of its own (wspl-cdk's Custom::WorkSpacesAccessEndpoint),
 * named by the directory or by the Directory Service directory it registers.
 */
function withAccessSetting(a: Assembly, d: RawOf<'ws-directory'>): RawOf<'ws-directory'> {
  const pick = (x: RawOf<'directory-access'>) => x.directory;
  const registered = d.registers instanceof ResourceRef ? d.registers.key : undefined;
  const settings = [
    ...a.linkedTo('directory-access', 'directory', pick, d.key),
    ...(registered !== undefined ? a.linkedTo('directory-access', 'directory', pick, registered) : []),
  ];
  const setting = settings.at(-1);
  if (!setting) return d;
  if (settings.length > 1 || d.accessEndpoints !== undefined) {
    a.warn(
      'several-access-settings',
      setting.prov,
      `the access endpoint of ${a.label(d)} is set in more than one place; ${a.label(setting)} is used`,
    );
  }
  return { ...d, accessEndpoints: setting.accessEndpoints, pcoipFallback: setting.pcoipFallback };
}

export function assembleDirectories(a: Assembly): void {
  for (const written of a.all('ws-directory')) {
    const d = withAccessSetting(a, written);
    const { id: directoryIdValue, ad } = directoryId(a, d);
    let subnetLinks = d.subnets;
    if (subnetLinks.length === 0 && ad) subnetLinks = ad.subnets;
    const subnets = subnetLinks.flatMap((s) => {
      const id = a.idOf(a.resolve(s, ['subnet'], d, 'subnets'));
      return id === undefined ? [] : [id];
    });
    const vpcs = [...new Set(subnets.map((s) => a.model.subnets.find((x) => x.id === s)?.vpc))];
    if (vpcs.length > 1)
      a.error(
        'subnets-in-several-vpcs',
        d.prov,
        `the subnets of ${a.label(d)} are in different VPCs (${vpcs.join(', ')})`,
        'subnets',
      );
    const ipGroups: string[] = [];
    d.ipGroups.forEach(({ link, prov }, index) => {
      const g = a.resolve(link, ['ip-group'], d, 'ipGroups');
      if (!g) return;
      if (!('raw' in g)) {
        a.warn(
          'outside-input',
          prov,
          `IP access control group ${'external' in g ? g.external : `(${g.unknown})`} of ${a.label(d)} is not in the input; it is left out`,
        );
        return;
      }
      ipGroups.push(g.raw.name);
      if (link instanceof ResourceRef) {
        a.noteReference(d, {
          field: 'ipGroups',
          index,
          target: g.raw.name,
          targetType: g.raw.prov.template?.resourceType ?? 'ip-group',
          form: link.attribute === undefined ? 'Ref' : 'GetAtt',
          ...(link.attribute !== undefined ? { attribute: link.attribute } : {}),
          ...(prov.line !== undefined
            ? { position: { line: prov.line, ...(prov.column !== undefined ? { column: prov.column } : {}) } }
            : {}),
        });
      }
    });
    const type = a.known(d.workspaceType, d, 'type', 'WorkspaceType', false) ?? 'personal';
    const pcoip = a.known(d.pcoipFallback, d, 'pcoipOverInternet', 'InternetFallbackProtocols', true);
    const encryption = a.known(d.encryption, d, 'encryption', 'EndpointEncryptionMode', false);
    const globalAccelerator = a.known(d.globalAccelerator, d, 'globalAccelerator', 'Global Accelerator mode', false);
    const preferredProtocol = a.known(
      d.preferredProtocol,
      d,
      'preferredProtocol',
      'StreamingExperiencePreferredProtocol',
      false,
    );
    const vpc = vpcs[0] ?? (ad ? a.idOf(a.resolve(ad.vpc, ['vpc'], ad, 'vpc')) : undefined);
    a.model.directories.push({
      id: d.name,
      ...(directoryIdValue !== undefined ? { directoryId: directoryIdValue } : {}),
      ...scopeOf(d),
      type,
      ...(vpc !== undefined ? { vpc } : {}),
      subnets,
      ...streamingEndpoint(a, d),
      pcoipOverInternet: pcoip ?? false,
      ipGroups,
      ...(encryption !== undefined ? { encryption } : {}),
      ...(globalAccelerator !== undefined ? { globalAccelerator } : {}),
      ...(preferredProtocol !== undefined ? { preferredProtocol } : {}),
      ...(d.deniedDeviceTypes.length > 0 ? { deniedDeviceTypes: d.deniedDeviceTypes } : {}),
      prov: d.prov,
    });
  }
}

/** The WorkSpaces directory a WorkSpace names: directly, through the directory it registers, or by its d-… id. */
function directoryOf(a: Assembly, w: RawOf<'workspace' | 'pool'>): { id?: string; why?: string } {
  const target = a.resolve(w.directory, ['ws-directory', 'ad-directory'], w, 'directory');
  if (!target) return { why: 'it names no directory' };
  if ('unknown' in target) return { why: `its directory cannot be known before deployment (${target.unknown})` };
  if ('external' in target) {
    const dir = a.model.directories.find((d) => d.directoryId === target.external);
    return dir ? { id: dir.id } : { why: `directory ${target.external} is not in the input` };
  }
  if (target.raw.kind === 'ws-directory') return { id: target.raw.name };
  const ad = target.raw;
  const registered = a.all('ws-directory').find((d) => {
    const r = d.registers !== undefined ? a.resolve(d.registers, ['ad-directory'], d, 'directoryId') : undefined;
    return r !== undefined && 'raw' in r && r.raw.key === ad.key;
  });
  return registered
    ? { id: registered.name }
    : { why: `${a.label(ad)} is registered with WorkSpaces outside the input, so its streaming settings are unknown` };
}

export function assembleWorkspaces(a: Assembly): void {
  const skipped: string[] = [];
  let why = '';
  for (const w of a.all('workspace')) {
    const dir = directoryOf(a, w);
    const model = a.model.directories.find((d) => d.id === dir.id);
    if (!model) {
      skipped.push(a.label(w));
      why = dir.why ?? why;
      continue;
    }
    // No template or plan can state the protocol (AWS::WorkSpaces::Workspace and aws_workspaces_workspace have no
    // Protocols): it stays undefined until an overlay says it.
    a.model.workspaces.push({ id: w.name, ...scopeOf(model), directory: model.id, prov: w.prov });
  }
  if (skipped.length > 0) {
    const first = a.all('workspace').find((w) => a.label(w) === skipped[0]);
    if (first) {
      a.warn(
        'workspaces-left-out',
        first.prov,
        `WorkSpaces ${skipped.join(', ')} are left out: ${why}; describe the directory and its WorkSpaces in an overlay (directories:, workspaces:) to include them`,
      );
    }
  }
}
