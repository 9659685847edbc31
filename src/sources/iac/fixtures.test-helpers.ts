// Writes inline templates and plans to a temporary folder and reads them through the source registry, as the CLI
// would, so tests see the same diagnostics and meaning checks a user gets.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Diagnostic } from '../../diagnostics.js';
import type { Model } from '../../model/types.js';
import { readSources } from '../index.js';
import type { LoadOptions, LoadResult } from '../loader.js';

const dir = mkdtempSync(join(tmpdir(), 'wspl-iac-'));
let n = 0;

/** Writes files (name → text) into a fresh folder and returns their paths in the same order. */
export function writeFiles(files: Record<string, string>): string[] {
  const base = join(dir, String(n++));
  return Object.entries(files).map(([name, text]) => {
    const file = join(base, name);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
    return file;
  });
}

export const TOKYO: LoadOptions = { region: 'ap-northeast-1', account: '111122223333' };

export async function read(files: Record<string, string>, options: LoadOptions = TOKYO): Promise<LoadResult> {
  return readSources(writeFiles(files), options);
}

export async function model(files: Record<string, string>, options: LoadOptions = TOKYO): Promise<Model> {
  const r = await read(files, options);
  if (!r.ok)
    throw new Error(r.diagnostics.map((d) => `${d.line ?? ''}:${d.column ?? ''} ${d.code} ${d.message}`).join('\n'));
  return r.model;
}

export async function problems(files: Record<string, string>, options: LoadOptions = TOKYO): Promise<Diagnostic[]> {
  const r = await read(files, options);
  return r.diagnostics;
}

/** "LINE:COLUMN code" of each diagnostic, to assert on compactly. */
export function brief(ds: Diagnostic[], severity?: Diagnostic['severity']): string[] {
  return ds
    .filter((d) => !severity || d.severity === severity)
    .map((d) => `${d.line ?? '-'}:${d.column ?? '-'} ${d.code}`);
}

/** A minimal template with one VPC, to which a test adds resources (YAML, indented as under Resources:). */
export function template(resources: string, head = ''): string {
  return `${head}Resources:\n  Vpc:\n    Type: AWS::EC2::VPC\n    Properties: { CidrBlock: 10.0.0.0/16 }\n${resources}`;
}
