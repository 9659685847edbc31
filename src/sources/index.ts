// One entry point for every `<source>` of the contract. It decides what kind of source a path or spec is and
// hands it to that source's loader. Only the design file is built so far; the others say so plainly instead of
// half-reading the input.
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { InputError, type Diagnostic } from '../diagnostics.js';
import type { Model } from '../model/types.js';
import { loadDesignFile } from './design/load.js';
import { requireModel } from './load.js';
import { describeReadError } from '../input/yaml.js';

export type DetectedSource = 'design' | 'cloudformation' | 'cdk' | 'terraform-plan' | 'snapshot' | 'aws';

const NAMES: Record<Exclude<DetectedSource, 'design'>, string> = {
  cloudformation: 'CloudFormation templates',
  cdk: 'CDK output folders (cdk.out)',
  'terraform-plan': 'Terraform plans',
  snapshot: 'snapshot files',
  aws: 'live AWS accounts (aws:REGION)',
};

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

/** Decides the kind of a source from its spec, its file name and its first bytes. */
export function detectSource(pathOrSpec: string): DetectedSource {
  if (pathOrSpec.startsWith('aws:')) return 'aws';
  if (!existsSync(pathOrSpec)) {
    throw new InputError(`${pathOrSpec}: no such file or directory`, [], 'unreadable');
  }
  if (statSync(pathOrSpec).isDirectory()) {
    if (existsSync(join(pathOrSpec, 'manifest.json'))) return 'cdk';
    throw new InputError(
      `${pathOrSpec} is a directory but not a CDK output folder (no manifest.json)`,
      [],
      'unknown-source',
    );
  }
  const head = readHead(pathOrSpec);
  if (/(^|[{,])\s*["']?wspl["']?\s*:/m.test(head)) return 'design';
  if (/["']?(AWSTemplateFormatVersion|Resources)["']?\s*:/.test(head)) return 'cloudformation';
  if (/"(format_version|terraform_version)"\s*:/.test(head) && /"(planned_values|resource_changes)"/.test(head))
    return 'terraform-plan';
  if (/"(wsplSnapshot|snapshot)"\s*:/.test(head)) return 'snapshot';
  // A YAML file with no `wspl:` key is most likely a design file that forgot it: load it as one so the user
  // gets the missing-version diagnostic with a line number.
  if (/\.ya?ml$/i.test(pathOrSpec)) return 'design';
  throw new InputError(
    `${pathOrSpec}: cannot tell what kind of source this is (expected a design file with \`wspl: 1\`, a CloudFormation template, a Terraform plan, a snapshot, a cdk.out folder or aws:REGION)`,
    [],
    'unknown-source',
  );
}

export interface LoadSourceOptions {
  /** Receives the warnings of a source that loaded (unknown keys, unquoted numbers, …); errors throw instead. */
  onWarning?: (warning: Diagnostic) => void;
}

/** Loads any source into the model; throws InputError (exit 2) when the source cannot be read. */
export function loadSource(pathOrSpec: string, options: LoadSourceOptions = {}): Model {
  const kind = detectSource(pathOrSpec);
  if (kind === 'design') {
    const result = loadDesignFile(pathOrSpec);
    const model = requireModel(result, pathOrSpec);
    for (const d of result.diagnostics) if (d.severity === 'warning') options.onWarning?.(d);
    return model;
  }
  throw new InputError(
    `${pathOrSpec}: reading ${NAMES[kind]} is not built yet; only design files (wspl: 1) can be read so far`,
    [],
    'source-not-built',
  );
}
