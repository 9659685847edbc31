// Intents from a file of their own (`--expect FILE`): a YAML list of `{ client, workspace, outcome, path?,
// transport? }`, or a map whose `expect:` holds that list (so a design file's or an overlay's section can be copied
// as it is). They are added after the source's own intents. Errors name the file, line and field, exit 2.
import type { Diagnostic } from '../diagnostics.js';
import { decodeInput } from '../input/decode.js';
import { readInputBytes } from '../input/read.js';
import { isPlainMap, parseYamlInput, typeName } from '../input/yaml.js';
import type { Model } from '../model/types.js';
import { DesignContext } from './design/context.js';
import { convertExpectations } from './design/convert-expect.js';
import { expectSectionSchema, type DesignExpectation } from './design/schema.js';
import type { LoadResult } from './loader.js';

const FORM =
  'an expectations file is a YAML list of { client, workspace, outcome, path?, transport? } (or a map with expect: holding that list)';

/** Checks the shape of an `expect:` list, reporting each problem at its line; undefined when absent or broken. */
export function readExpectSection(
  ctx: DesignContext,
  raw: unknown,
  at: (string | number)[],
): DesignExpectation[] | undefined {
  if (raw === undefined) return undefined;
  const parsed = expectSectionSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) {
    const path = [...at, ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))];
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) ctx.error('unknown-key', [...path, key], `unknown field "${key}"`);
    } else if (issue.code === 'invalid_type' && issue.expected === 'array' && issue.path.length === 0) {
      ctx.error('wrong-type', path, `expected a list of intents, found ${typeName(raw)}`);
    } else ctx.error('bad-value', path, issue.message);
  }
  return undefined;
}

/** Adds the intents of `file` to the model. */
export function applyExpectFile(model: Model, file: string): LoadResult {
  const fail = (diagnostics: Diagnostic[]): LoadResult => ({ ok: false, diagnostics });
  const read = readInputBytes(file, undefined, 'an expectations file');
  if ('diagnostic' in read) return fail([read.diagnostic]);
  const decoded = decodeInput(read.bytes, file, 'an expectations file');
  if ('diagnostic' in decoded) return fail([decoded.diagnostic]);
  const parsed = parseYamlInput(decoded.text, file);
  if ('diagnostics' in parsed) return fail(parsed.diagnostics);
  const ctx = new DesignContext(file, parsed.parsed.locate);
  ctx.diagnostics.push(...parsed.parsed.warnings);
  const value = parsed.parsed.value;
  const inMap = isPlainMap(value);
  if (inMap) {
    for (const key of Object.keys(value))
      if (key !== 'expect') ctx.error('unknown-key', [key], `unknown field "${key}": ${FORM}`);
  } else if (!Array.isArray(value)) {
    ctx.error('wrong-type', [], `${FORM}; found ${typeName(value)}`);
    return fail(ctx.diagnostics);
  }
  const list = readExpectSection(ctx, inMap ? value.expect : value, inMap ? ['expect'] : []);
  const out: Model = { ...model, expectations: [...(model.expectations ?? [])] };
  if (list) convertExpectations(ctx, list, out, inMap ? ['expect'] : []);
  if (ctx.diagnostics.some((d) => d.severity === 'error')) return fail(ctx.diagnostics);
  return { ok: true, model: out, diagnostics: ctx.diagnostics };
}
