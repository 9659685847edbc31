// A CDK cloud assembly (`cdk.out`), read as `cdk synth` writes it (next-round §B.2): manifest.json lists artifacts;
// each `aws:cloudformation:stack` names its template, its environment (aws://ACCOUNT/REGION) and its metadata (in
// `<Stack>.metadata.json` since aws-cdk-lib 2.27x, in the manifest before), which maps construct paths to logical
// ids. Nested stacks are AWS::CloudFormation::Stack resources whose `aws:asset:path` names their template in the
// folder; stages are nested assemblies (`cdk:cloud-assembly`). Assets, the tree and reports are not read.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../../diagnostics.js';
import { decodeInput } from '../../input/decode.js';
import { readInputBytes } from '../../input/read.js';
import { parseJsonWithPositions } from '../iac/json.js';
import { isRecord } from '../iac/sink.js';
import type { StackInput } from '../cloudformation/stacks.js';
import { readTemplate, type Template } from '../cloudformation/template.js';

const MAX_ASSEMBLY_DEPTH = 8;

function readJson(file: string, what: string): { value: unknown } | { diagnostic: Diagnostic } {
  const read = readInputBytes(file);
  if ('diagnostic' in read) return read;
  const decoded = decodeInput(read.bytes, file, what);
  if ('diagnostic' in decoded) return decoded;
  const parsed = parseJsonWithPositions(decoded.text);
  if ('problem' in parsed) {
    const { message, line, column } = parsed.problem;
    return { diagnostic: { severity: 'error', code: 'json-syntax', file, line, column, message } };
  }
  return { value: parsed.value };
}

/** The environment of a stack artifact: `aws://ACCOUNT/REGION`, where "unknown-account"/"unknown-region" say none. */
function environment(env: unknown): { account?: string; region?: string } {
  const m = typeof env === 'string' ? /^aws:\/\/([^/]+)\/(.+)$/.exec(env) : null;
  if (!m) return {};
  const [, account = '', region = ''] = m;
  return {
    ...(/^\d{12}$/.test(account) ? { account } : {}),
    ...(region !== 'unknown-region' ? { region } : {}),
  };
}

/** Construct path → logical id, from metadata entries `{type: "aws:cdk:logicalId", data}`. */
function logicalIds(metadata: unknown): Map<string, string> {
  const out = new Map<string, string>();
  if (!isRecord(metadata)) return out;
  for (const [constructPath, entries] of Object.entries(metadata)) {
    if (!Array.isArray(entries)) continue;
    for (const e of entries) {
      if (isRecord(e) && e.type === 'aws:cdk:logicalId' && typeof e.data === 'string')
        out.set(constructPath.replace(/^\//, ''), e.data);
    }
  }
  return out;
}

interface ReadState {
  stacks: StackInput[];
  diagnostics: Diagnostic[];
}

/** Construct paths of a template's resources: their own aws:cdk:path metadata, else the stack's metadata. */
function constructPaths(template: Template, fromMetadata: Map<string, string>, prefix: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const [p, id] of fromMetadata) {
    const inside = p.startsWith(`${prefix}/`) && !p.slice(prefix.length + 1).includes('.NestedStack/');
    if (inside && !out.has(id)) out.set(id, p);
  }
  for (const r of template.resources) {
    const md = r.node.Metadata;
    if (isRecord(md) && typeof md['aws:cdk:path'] === 'string') out.set(r.logicalId, md['aws:cdk:path']);
  }
  return out;
}

function addStack(
  state: ReadState,
  dir: string,
  file: string,
  stackName: string,
  env: { account?: string; region?: string },
  metadata: Map<string, string>,
  pathPrefix: string,
  parent?: { stack: number; logicalId: string },
): void {
  const read = readTemplate(path.join(dir, file), stackName);
  state.diagnostics.push(...read.diagnostics);
  if (!('template' in read)) return;
  const index = state.stacks.length;
  state.stacks.push({
    template: read.template,
    kind: 'cdk',
    constructPaths: constructPaths(read.template, metadata, pathPrefix),
    ...env,
    ...(parent ? { parent } : {}),
  });
  // Nested stacks: the template of each AWS::CloudFormation::Stack is the asset its metadata names.
  for (const r of read.template.resources) {
    if (r.type !== 'AWS::CloudFormation::Stack') continue;
    const md = isRecord(r.node.Metadata) ? r.node.Metadata : {};
    const asset = md['aws:asset:path'];
    if (typeof asset !== 'string' || !existsSync(path.join(dir, asset))) continue;
    const cdkPath = typeof md['aws:cdk:path'] === 'string' ? md['aws:cdk:path'] : `${pathPrefix}/${r.logicalId}`;
    // "Stack/Name.NestedStack/Name.NestedStackResource" → the nested stack's own path "Stack/Name".
    const nestedPrefix = cdkPath.replace(/\.NestedStack\/.*$/, '');
    const nestedName = asset.replace(/\.nested\.template\.json$/, '');
    addStack(state, dir, asset, nestedName, env, metadata, nestedPrefix, { stack: index, logicalId: r.logicalId });
  }
}

function readAssembly(state: ReadState, dir: string, depth: number): void {
  const manifestFile = path.join(dir, 'manifest.json');
  const manifest = readJson(manifestFile, 'a cloud assembly manifest (manifest.json)');
  if ('diagnostic' in manifest) {
    state.diagnostics.push(manifest.diagnostic);
    return;
  }
  const artifacts = isRecord(manifest.value) ? manifest.value.artifacts : undefined;
  if (!isRecord(manifest.value) || typeof manifest.value.version !== 'string' || !isRecord(artifacts)) {
    state.diagnostics.push({
      severity: 'error',
      code: 'not-a-cloud-assembly',
      file: manifestFile,
      line: 1,
      message: 'manifest.json of a cdk.out folder is a map with "version" and "artifacts"',
    });
    return;
  }
  for (const [id, artifact] of Object.entries(artifacts)) {
    if (!isRecord(artifact)) continue;
    const props = isRecord(artifact.properties) ? artifact.properties : {};
    if (artifact.type === 'cdk:cloud-assembly' && typeof props.directoryName === 'string') {
      if (depth >= MAX_ASSEMBLY_DEPTH) continue;
      readAssembly(state, path.join(dir, props.directoryName), depth + 1);
      continue;
    }
    if (artifact.type !== 'aws:cloudformation:stack' || typeof props.templateFile !== 'string') continue;
    let metadata = logicalIds(artifact.metadata);
    if (typeof artifact.additionalMetadataFile === 'string') {
      const extra = readJson(path.join(dir, artifact.additionalMetadataFile), 'a stack metadata file');
      if ('diagnostic' in extra) state.diagnostics.push(extra.diagnostic);
      else metadata = new Map([...metadata, ...logicalIds(extra.value)]);
    }
    const stackName = typeof props.stackName === 'string' ? props.stackName : id;
    // The stack's construct path: displayName ("Prod/App" in a stage), else the artifact id.
    const stackPath = typeof artifact.displayName === 'string' ? artifact.displayName : id;
    addStack(state, dir, props.templateFile, stackName, environment(artifact.environment), metadata, stackPath);
  }
}

/** Every stack of a cdk.out folder (stages and nested stacks included), or the diagnostics why not. */
export function readCloudAssembly(dir: string): ReadState {
  const state: ReadState = { stacks: [], diagnostics: [] };
  readAssembly(state, dir, 0);
  if (state.stacks.length === 0 && !state.diagnostics.some((d) => d.severity === 'error')) {
    state.diagnostics.push({
      severity: 'error',
      code: 'no-stacks',
      file: path.join(dir, 'manifest.json'),
      message: 'the cloud assembly holds no CloudFormation stack',
    });
  }
  return state;
}
