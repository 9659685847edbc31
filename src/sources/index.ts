// One entry point for every `<source>` of the contract. A registry of loaders (loader.ts): the first whose `detect`
// claims the spec reads it, asynchronously; the meaning checks then run on the model whatever the source. Kinds that
// are not built yet say so plainly instead of half-reading the input.
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { InputError, type Diagnostic } from '../diagnostics.js';
import { describeReadError } from '../input/yaml.js';
import type { Model, SourceKind } from '../model/types.js';
import { finishLoad } from './check-model.js';
import { designLoader } from './design/loader.js';
import type { LoadOptions, LoadResult, SourceLoader, SourceProbe } from './loader.js';
import { applyOverlay } from './overlay.js';

/** Recognised but not readable yet: named so the message can say what the file is. */
const NOT_BUILT: { kind: SourceKind; label: string; detect: (p: SourceProbe) => boolean }[] = [
  { kind: 'aws', label: 'live AWS accounts (aws:REGION)', detect: (p) => p.spec.startsWith('aws:') },
  {
    kind: 'cdk',
    label: 'CDK output folders (cdk.out)',
    detect: (p) => p.isDirectory && existsSync(`${p.spec}/manifest.json`),
  },
  {
    kind: 'cloudformation',
    label: 'CloudFormation templates',
    detect: (p) => p.isFile && /["']?(AWSTemplateFormatVersion|Resources)["']?\s*:/.test(p.head),
  },
  {
    kind: 'terraform-plan',
    label: 'Terraform plans',
    detect: (p) =>
      p.isFile &&
      /"(format_version|terraform_version)"\s*:/.test(p.head) &&
      /"(planned_values|resource_changes)"/.test(p.head),
  },
  {
    kind: 'snapshot',
    label: 'snapshot files',
    detect: (p) => p.isFile && /"(wsplSnapshot|snapshot)"\s*:/.test(p.head),
  },
];

/** The loaders, asked in this order. Sources register here as they are built. */
export const loaders: SourceLoader[] = [designLoader];

const HEAD_BYTES = 64 * 1024;

/** The first 64 KiB as text: enough to tell the kind of source, without reading a large file twice. */
function readHead(path: string): string {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const buf = Buffer.alloc(HEAD_BYTES);
    const n = readSync(fd, buf, 0, HEAD_BYTES, null);
    return buf.toString('utf8', 0, n);
  } catch (e) {
    const d: Diagnostic = {
      severity: 'error',
      code: 'unreadable',
      file: path,
      message: `cannot read it: ${describeReadError(e)}`,
    };
    throw new InputError(`cannot read ${path}`, [d], 'unreadable');
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function probe(spec: string): SourceProbe {
  if (spec.startsWith('aws:')) return { spec, isFile: false, isDirectory: false, head: '' };
  if (!existsSync(spec)) throw new InputError(`${spec}: no such file or directory`, [], 'unreadable');
  const isDirectory = statSync(spec).isDirectory();
  return { spec, isFile: !isDirectory, isDirectory, head: isDirectory ? '' : readHead(spec) };
}

const EXPECTED_KINDS =
  'expected a design file with `wspl: 1`, a CloudFormation template, a Terraform plan, a snapshot, a cdk.out folder or aws:REGION';

/** The loader that reads a spec; throws InputError (exit 2) when none does. */
export function findLoader(spec: string): SourceLoader {
  const p = probe(spec);
  const loader = loaders.find((l) => l.detect(p));
  if (loader) return loader;
  const known = NOT_BUILT.find((k) => k.detect(p));
  if (known) {
    throw new InputError(
      `${spec}: reading ${known.label} is not built yet; only ${loaders.map((l) => l.label).join(', ')} can be read so far`,
      [],
      'source-not-built',
    );
  }
  if (p.isDirectory) {
    throw new InputError(`${spec} is a directory but not a CDK output folder (no manifest.json)`, [], 'unknown-source');
  }
  throw new InputError(`${spec}: cannot tell what kind of source this is (${EXPECTED_KINDS})`, [], 'unknown-source');
}

/** Decides the kind of a source from its spec, its file name and its first bytes. */
export function detectSource(spec: string): SourceKind {
  return findLoader(spec).kind;
}

/** Reads any source: the loader's result with the meaning checks applied. Bad input is a failed result, not a throw. */
export async function readSource(spec: string, options: LoadOptions = {}): Promise<LoadResult> {
  const loaded = await findLoader(spec).load(spec, options);
  if (!loaded.ok || options.overlay === undefined) return finishLoad(loaded);
  const overlaid = applyOverlay(loaded.model, options.overlay);
  if (!overlaid.ok) return overlaid;
  return finishLoad({ ...overlaid, diagnostics: [...loaded.diagnostics, ...overlaid.diagnostics] });
}

export interface LoadSourceOptions extends LoadOptions {
  /** Receives the warnings of a source that loaded (unknown keys, unquoted numbers, …); errors throw instead. */
  onWarning?: (warning: Diagnostic) => void;
}

/** Loads any source into the model; throws InputError (exit 2) naming every problem when it cannot be read. */
export async function loadSource(spec: string, options: LoadSourceOptions = {}): Promise<Model> {
  const result = await readSource(spec, options);
  if (!result.ok) {
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    throw new InputError(`cannot read ${spec}`, errors.length > 0 ? errors : result.diagnostics);
  }
  for (const d of result.diagnostics) if (d.severity === 'warning') options.onWarning?.(d);
  return result.model;
}
