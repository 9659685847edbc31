// `--overlay FILE` (alias `--clients`): a design-file fragment that adds to any source what it cannot state. Clients
// and on-premises networks are added (a same-named one is replaced); WorkSpaces and directories that the source
// holds get the fields the overlay states (a WorkSpace's protocol, settings made in the console) and keep every
// other fact as the source gave it, unknowns included. Resources are named by model id, by the id they have in
// their source (logical id, vpc-…), by CDK construct path or by Terraform address.
import { z } from 'zod';
import type { Diagnostic } from '../diagnostics.js';
import { decodeInput } from '../input/decode.js';
import { readInputBytes } from '../input/read.js';
import { isPlainMap, parseYamlInput, typeName } from '../input/yaml.js';
import type {
  Directory,
  EndpointAddress,
  Instance,
  Model,
  Provenance,
  VpcEndpoint,
  Workspace,
} from '../model/types.js';
import { contains, parseAddress, parseRange } from '../net/cidr.js';
import { DesignContext } from './design/context.js';
import { PENDING_ADDRESS } from './design/defaults.js';
import { convertOnPrem } from './design/convert-global.js';
import { convertClient, convertDirectory } from './design/convert-workspaces.js';
import { exportDesign } from './design/export.js';
import { convertExpectations } from './design/convert-expect.js';
import { readExpectSection } from './expect-file.js';
import {
  clientSchema,
  directorySchema,
  instanceSchema,
  onPremisesSchema,
  workspaceSchema,
  type DesignDoc,
} from './design/schema.js';
import type { LoadResult } from './loader.js';

const FORM =
  'an overlay is a YAML map with any of clients:, onPremises:, workspaces:, directories:, vpcs:, expect: in the design-file form';

/** What an overlay may state about an instance a template cannot: that it is a NAT instance, its public address. */
const instanceFacts = instanceSchema.pick({ nat: true, publicIp: true, state: true, sourceDestCheck: true }).partial();

const overlaySchema = {
  clients: clientSchema,
  onPremises: onPremisesSchema,
  workspaces: workspaceSchema.partial(),
  directories: directorySchema.partial(),
  vpcs: z.strictObject({
    instances: z.record(z.string(), instanceFacts).optional(),
    endpoints: z
      .record(
        z.string(),
        z.strictObject({ addresses: z.array(z.string()).describe('ENI addresses, assigned at deployment') }),
      )
      .optional(),
  }),
} as const;
type Section = keyof typeof overlaySchema;
const SECTIONS = Object.keys(overlaySchema) as Section[];

/** Every name a resource answers to (its own id, its source id, construct path, address) → its model id. */
export function resourceAliases(model: Model): Map<string, string> {
  const out = new Map<string, string>();
  const add = (id: string, prov: Provenance | undefined) => {
    out.set(id, id);
    for (const alias of [prov?.originalId, prov?.constructPath, prov?.address]) {
      if (alias !== undefined && !out.has(alias)) out.set(alias, id);
    }
    // CDK paths end in "/Resource" for the L1 under an L2; users name the L2.
    if (prov?.constructPath?.endsWith('/Resource')) {
      const parent = prov.constructPath.slice(0, -'/Resource'.length);
      if (!out.has(parent)) out.set(parent, id);
    }
  };
  for (const list of [
    model.vpcs,
    model.subnets,
    model.instances,
    model.endpoints,
    model.transitGateways,
    model.onPremises,
    model.directories,
    model.workspaces,
    model.ipGroups,
  ] as { id: string; prov?: Provenance }[][]) {
    for (const x of list) add(x.id, x.prov);
  }
  for (const t of model.transitGateways) for (const a of t.attachments) add(a.id, a.prov);
  return out;
}

type Raw = Record<string, unknown>;

const isMapValue = isPlainMap;

/** Reads the overlay file; a failure is a list of diagnostics. */
function readOverlay(file: string): { value: Raw; ctx: DesignContext } | { diagnostics: Diagnostic[] } {
  const read = readInputBytes(file, undefined, 'an overlay');
  if ('diagnostic' in read) return { diagnostics: [read.diagnostic] };
  const decoded = decodeInput(read.bytes, file, 'an overlay');
  if ('diagnostic' in decoded) return { diagnostics: [decoded.diagnostic] };
  const parsed = parseYamlInput(decoded.text, file);
  if ('diagnostics' in parsed) return { diagnostics: parsed.diagnostics };
  const ctx = new DesignContext(file, parsed.parsed.locate);
  ctx.diagnostics.push(...parsed.parsed.warnings);
  const value = parsed.parsed.value;
  if (!isPlainMap(value)) {
    return {
      diagnostics: [
        { severity: 'error', code: 'bad-overlay', file, line: 1, message: `${FORM}; found ${typeName(value)}` },
      ],
    };
  }
  return { value, ctx };
}

function shapeErrors(ctx: DesignContext, section: Section, name: string, issues: z.core.$ZodIssue[]): void {
  for (const issue of issues) {
    const path = [section, name, ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))];
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) ctx.error('unknown-key', [...path, key], `unknown field "${key}"`);
    } else ctx.error('bad-value', path, issue.message);
  }
}

/** Renames references written as aliases to model ids, in place, so the design converters can resolve them. */
function resolveNames(value: Raw, aliases: Map<string, string>): void {
  const rename = (name: unknown) => (typeof name === 'string' ? (aliases.get(name) ?? name) : name);
  for (const c of Object.values(isMapValue(value.clients) ? value.clients : {})) {
    if (isMapValue(c) && typeof c.at === 'string' && c.at !== 'internet') c.at = rename(c.at);
  }
  for (const o of Object.values(isMapValue(value.onPremises) ? value.onPremises : {})) {
    if (!isMapValue(o) || !Array.isArray(o.connections)) continue;
    for (const conn of o.connections as unknown[]) {
      if (!isMapValue(conn)) continue;
      for (const key of ['vpc', 'tgw', 'attachment']) if (key in conn) conn[key] = rename(conn[key]);
    }
  }
  for (const w of Object.values(isMapValue(value.workspaces) ? value.workspaces : {})) {
    if (isMapValue(w) && typeof w.directory === 'string') w.directory = rename(w.directory);
  }
}

/** The fields a directory entry of the overlay states, taken from the converted directory. */
const DIRECTORY_FIELDS: Record<string, (keyof Directory)[]> = {
  id: ['directoryId'],
  type: ['type'],
  streamingEndpoint: ['streamingEndpoint', 'streamingEndpointAwsId'],
  accessEndpointType: ['accessEndpointType'],
  pcoipOverInternet: ['pcoipOverInternet'],
  ipGroups: ['ipGroups'],
  encryption: ['encryption'],
  globalAccelerator: ['globalAccelerator'],
  preferredProtocol: ['preferredProtocol'],
  denyDeviceTypes: ['deniedDeviceTypes'],
};

function stated(prov: Provenance, ctx: DesignContext, path: (string | number)[], fields: string[]): Provenance {
  const positions = { ...prov.fields };
  for (const f of fields) {
    const line = ctx.locate([...path, f]);
    if (line !== undefined) positions[f] = { line, file: ctx.file };
  }
  return { ...prov, fields: positions };
}

/** Applies an overlay file to a model. Errors name the overlay's file, line and field. */
export function applyOverlay(model: Model, file: string): LoadResult {
  const read = readOverlay(file);
  if ('diagnostics' in read) return { ok: false, diagnostics: read.diagnostics };
  const { value, ctx } = read;
  for (const key of Object.keys(value)) {
    if (!(SECTIONS as string[]).includes(key) && key !== 'expect')
      ctx.error('unknown-key', [key], `unknown field "${key}": ${FORM}`);
  }
  const intents = readExpectSection(ctx, value.expect, ['expect']);
  const aliases = resourceAliases(model);
  resolveNames(value, aliases);
  const doc = exportDesign(model) as unknown as DesignDoc;
  const parts: Partial<Record<Section, Record<string, unknown>>> = {};
  for (const section of SECTIONS) {
    const entries = value[section];
    if (entries === undefined) continue;
    if (!isMapValue(entries)) {
      ctx.error('wrong-type', [section], `expected a map of names, found ${typeName(entries)}`);
      continue;
    }
    const ok: Record<string, unknown> = {};
    for (const [name, raw] of Object.entries(entries)) {
      const parsed = overlaySchema[section].safeParse(raw);
      if (parsed.success) ok[name] = parsed.data;
      else shapeErrors(ctx, section, name, parsed.error.issues);
    }
    parts[section] = ok;
  }
  if (ctx.diagnostics.some((d) => d.severity === 'error')) return { ok: false, diagnostics: ctx.diagnostics };

  const refDoc: DesignDoc = {
    ...doc,
    onPremises: { ...doc.onPremises, ...(parts.onPremises as DesignDoc['onPremises']) },
  };
  const scratch: Model = { ...model, clients: [], onPremises: [], directories: [] };
  for (const [name, raw] of Object.entries(parts.onPremises ?? {})) {
    convertOnPrem(ctx, refDoc, name, raw as z.infer<typeof onPremisesSchema>, scratch);
  }
  for (const [name, raw] of Object.entries(parts.clients ?? {})) {
    convertClient(ctx, refDoc, name, raw as z.infer<typeof clientSchema>, scratch);
  }
  const directories = patchDirectories(ctx, model, refDoc, parts.directories ?? {}, aliases);
  const instances = patchInstances(ctx, model, parts.vpcs ?? {}, aliases);
  const endpoints = patchEndpoints(ctx, model, parts.vpcs ?? {}, aliases);
  const workspaces = patchWorkspaces(ctx, model, parts.workspaces ?? {}, directories, aliases);
  const withIntents: Model = { ...model, ...(model.expectations ? { expectations: [...model.expectations] } : {}) };
  if (intents) convertExpectations(ctx, intents, withIntents);
  if (ctx.diagnostics.some((d) => d.severity === 'error')) return { ok: false, diagnostics: ctx.diagnostics };

  const replaced = <T extends { id: string }>(base: T[], added: T[]) => [
    ...base.filter((x) => !added.some((a) => a.id === x.id)),
    ...added,
  ];
  return {
    ok: true,
    model: {
      ...model,
      onPremises: replaced(model.onPremises, scratch.onPremises),
      clients: replaced(model.clients, scratch.clients),
      directories,
      workspaces,
      ...(withIntents.expectations ? { expectations: withIntents.expectations } : {}),
      instances,
      endpoints,
    },
    diagnostics: ctx.diagnostics,
  };
}

function patchDirectories(
  ctx: DesignContext,
  model: Model,
  refDoc: DesignDoc,
  entries: Record<string, unknown>,
  aliases: Map<string, string>,
): Directory[] {
  const out = [...model.directories];
  for (const [written, raw] of Object.entries(entries)) {
    const patch = raw as z.infer<typeof directorySchema>;
    const name = aliases.get(written) ?? written;
    const index = out.findIndex((d) => d.id === name);
    const base = out[index];
    if (!base) {
      ctx.error('unknown-reference', ['directories', written], `directory "${written}" is not in the source`);
      continue;
    }
    // Convert the overlay's fields through the design converter (defaults and checks in one place), then keep only
    // what the overlay stated: the rest stays as the source said, unknowns included.
    const scratch: Model = { ...model, directories: [] };
    const merged = { ...(refDoc.directories?.[name] ?? {}), ...patch };
    convertDirectory(ctx, refDoc, name, merged, scratch);
    const converted = scratch.directories[0];
    if (!converted) continue;
    const next: Directory = { ...base };
    const keys = Object.keys(patch);
    for (const key of keys) {
      for (const field of DIRECTORY_FIELDS[key] ?? []) {
        const v = converted[field];
        if (v === undefined) Reflect.deleteProperty(next, field);
        else Object.assign(next, { [field]: v });
      }
    }
    next.prov = stated(base.prov, ctx, ['directories', written], keys);
    out[index] = next;
  }
  return out;
}

function patchWorkspaces(
  ctx: DesignContext,
  model: Model,
  entries: Record<string, unknown>,
  directories: Directory[],
  aliases: Map<string, string>,
): Workspace[] {
  const out = [...model.workspaces];
  // By id, so an overlay naming thousands of WorkSpaces stays linear.
  const positions = new Map(out.map((w, i) => [w.id, i]));
  const directoryIds = new Set(directories.map((d) => d.id));
  for (const [written, raw] of Object.entries(entries)) {
    const patch = raw as Partial<z.infer<typeof workspaceSchema>>;
    const name = aliases.get(written) ?? written;
    const path = ['workspaces', written];
    const index = positions.get(name) ?? -1;
    const base = out[index];
    if (patch.directory !== undefined && !directoryIds.has(patch.directory)) {
      ctx.error('unknown-reference', [...path, 'directory'], `directory "${patch.directory}" not found`);
      continue;
    }
    if (base) {
      out[index] = {
        ...base,
        ...(patch.directory !== undefined ? { directory: patch.directory } : {}),
        ...(patch.protocol !== undefined ? { protocol: patch.protocol } : {}),
        ...(patch.globalAccelerator !== undefined ? { globalAccelerator: patch.globalAccelerator } : {}),
        prov: stated(base.prov, ctx, path, Object.keys(patch)),
      };
      continue;
    }
    if (patch.directory === undefined || patch.protocol === undefined) {
      ctx.error(
        'missing-field',
        path,
        `WorkSpace "${name}" is not in the source: a new one needs directory and protocol`,
      );
      continue;
    }
    const dir = directories.find((d) => d.id === patch.directory);
    positions.set(name, out.length);
    out.push({
      id: name,
      account: dir?.account ?? model.account,
      region: dir?.region ?? model.region,
      directory: patch.directory,
      protocol: patch.protocol,
      ...(patch.globalAccelerator !== undefined ? { globalAccelerator: patch.globalAccelerator } : {}),
      prov: ctx.prov(path, name),
    });
  }
  return out;
}

/**
 * `vpcs: { VPC: { instances: { NAME: { nat: true } } } }`: facts about instances a template sets up inside them (a
 * NAT instance's translation) or that exist only once deployed (its public address). VPC and instance are named like
 * any resource (model id or name, logical id, construct path, address).
 */
function patchInstances(
  ctx: DesignContext,
  model: Model,
  entries: Record<string, unknown>,
  aliases: Map<string, string>,
): Instance[] {
  const out = [...model.instances];
  for (const [vpcWritten, raw] of Object.entries(entries)) {
    const vpc = aliases.get(vpcWritten) ?? vpcWritten;
    if (!model.vpcs.some((v) => v.id === vpc)) {
      ctx.error('unknown-reference', ['vpcs', vpcWritten], `VPC "${vpcWritten}" is not in the source`);
      continue;
    }
    const instances = (raw as { instances?: Record<string, z.infer<typeof instanceFacts>> }).instances ?? {};
    for (const [written, patch] of Object.entries(instances)) {
      const path = ['vpcs', vpcWritten, 'instances', written];
      const id = aliases.get(written) ?? aliases.get(`${vpc}/${written}`) ?? `${vpc}/${written}`;
      const index = out.findIndex((i) => i.id === id && i.vpc === vpc);
      const base = out[index];
      if (!base) {
        ctx.error('unknown-reference', path, `instance "${written}" is not in VPC ${vpcWritten} of the source`);
        continue;
      }
      // `publicIp: unknown` says it has one, assigned at deployment.
      const pending = patch.publicIp === PENDING_ADDRESS;
      if (patch.publicIp !== undefined && !pending) ctx.checkIp(patch.publicIp, [...path, 'publicIp']);
      const { publicIp, ...rest } = patch;
      const next: Instance = {
        ...base,
        ...rest,
        ...(publicIp !== undefined && !pending ? { publicIp } : {}),
        ...(pending ? { publicIpPending: true } : {}),
        prov: stated(base.prov, ctx, path, Object.keys(patch)),
      };
      // An address the overlay gives replaces "one assigned at deployment".
      if (publicIp !== undefined && !pending) Reflect.deleteProperty(next, 'publicIpPending');
      out[index] = next;
    }
  }
  return out;
}

/**
 * `vpcs: { VPC: { endpoints: { NAME: { addresses: [IP, …] } } } }`: the addresses EC2 gave an interface endpoint's
 * network interfaces, which no template can choose; each is placed in the endpoint subnet that holds it.
 */
function patchEndpoints(
  ctx: DesignContext,
  model: Model,
  entries: Record<string, unknown>,
  aliases: Map<string, string>,
): VpcEndpoint[] {
  const out = [...model.endpoints];
  const subnets = new Map(model.subnets.map((s) => [s.id, s]));
  for (const [vpcWritten, raw] of Object.entries(entries)) {
    const vpc = aliases.get(vpcWritten) ?? vpcWritten;
    const endpoints = (raw as { endpoints?: Record<string, { addresses: string[] }> }).endpoints ?? {};
    for (const [written, patch] of Object.entries(endpoints)) {
      const path = ['vpcs', vpcWritten, 'endpoints', written];
      const id = aliases.get(written) ?? aliases.get(`${vpc}/${written}`) ?? `${vpc}/${written}`;
      const index = out.findIndex((e) => e.id === id && e.vpc === vpc);
      const base = out[index];
      if (!base) {
        ctx.error('unknown-reference', path, `endpoint "${written}" is not in VPC ${vpcWritten} of the source`);
        continue;
      }
      const addresses: EndpointAddress[] = [];
      patch.addresses.forEach((ip, i) => {
        const at = [...path, 'addresses', i];
        const parsed = parseAddress(ip);
        if (!parsed.ok) {
          ctx.error('bad-ip', at, parsed.message);
          return;
        }
        const home = base.subnets.find((s) => {
          const r = parseRange(subnets.get(s)?.cidr ?? '');
          return r !== undefined && contains(r, parsed.value);
        });
        if (home === undefined) ctx.error('address-outside-subnets', at, `${ip} is not in any subnet of ${base.id}`);
        else addresses.push({ subnet: home, ip });
      });
      out[index] = { ...base, addresses, prov: stated(base.prov, ctx, path, ['addresses']) };
    }
  }
  return out;
}
