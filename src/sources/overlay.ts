// `--overlay FILE` (alias `--clients`): a design-file fragment that adds to any source what it cannot state. Clients
// and on-premises networks are added (a same-named one is replaced); WorkSpaces and directories that the source
// holds get the fields the overlay states (a WorkSpace's protocol, settings made in the console) and keep every
// other fact as the source gave it, unknowns included. Resources are named by model id, by the id they have in
// their source (logical id, vpc-…), by CDK construct path or by Terraform address.
import type { z } from 'zod';
import type { Diagnostic } from '../diagnostics.js';
import { decodeInput } from '../input/decode.js';
import { readInputBytes } from '../input/read.js';
import { isPlainMap, parseYamlInput, typeName } from '../input/yaml.js';
import type { Directory, Model, Provenance, Workspace } from '../model/types.js';
import { DesignContext } from './design/context.js';
import { convertOnPrem } from './design/convert-global.js';
import { convertClient, convertDirectory } from './design/convert-workspaces.js';
import { exportDesign } from './design/export.js';
import { yamlLocator } from '../input/yaml-locate.js';
import { convertExpectations } from './design/convert-expect.js';
import { readExpectSection } from './expect-file.js';
import { clientSchema, directorySchema, onPremisesSchema, workspaceSchema, type DesignDoc } from './design/schema.js';
import type { LoadResult } from './loader.js';

const FORM =
  'an overlay is a YAML map with any of clients:, onPremises:, workspaces:, directories:, expect: in the design-file form';

const overlaySchema = {
  clients: clientSchema,
  onPremises: onPremisesSchema,
  workspaces: workspaceSchema.partial(),
  directories: directorySchema.partial(),
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
  const ctx = new DesignContext(file, yamlLocator(parsed.parsed.doc, parsed.parsed.lines));
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
  for (const [written, raw] of Object.entries(entries)) {
    const patch = raw as Partial<z.infer<typeof workspaceSchema>>;
    const name = aliases.get(written) ?? written;
    const path = ['workspaces', written];
    const index = out.findIndex((w) => w.id === name);
    const base = out[index];
    if (patch.directory !== undefined && !directories.some((d) => d.id === patch.directory)) {
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
