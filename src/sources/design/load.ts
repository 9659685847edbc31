// Reads a design file (`wspl: 1`) into the model. Three passes, each reporting every problem it finds: YAML
// syntax, then shape (the zod schema), then meaning (CIDRs, rule strings, references). A pass that fails stops
// the next, so one mistake is not reported again as a cascade of bogus follow-on errors.
import type { z } from 'zod';
import { emptyModel } from '../../model/types.js';
import { finishLoad } from '../check-model.js';
import { loadFailure, type LoadResult } from '../loader.js';
import { decodeInput } from '../../input/decode.js';
import { readInputBytes } from '../../input/read.js';
import { EXPECTED, isPlainMap, parseYamlInput, typeName, valueAt } from '../../input/yaml.js';
import { DesignContext, entries } from './context.js';
import { convertCidrLists, convertOnPremises, convertPeerings, convertTransitGateways } from './convert-global.js';
import { convertVpc } from './convert-vpc.js';
import { convertExpectations } from './convert-expect.js';
import { convertWorkspacesSide } from './convert-workspaces.js';
import { designSchema, TOP_LEVEL_KEYS, type DesignDoc } from './schema.js';
import { suggestField } from './suggest.js';

/** Turns zod's issues into diagnostics with codes that name the kind of mistake. */
function reportShapeIssues(ctx: DesignContext, root: unknown, issues: z.core.$ZodIssue[]): void {
  for (const issue of issues) {
    const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
    const value = valueAt(root, issue.path);
    if (path.length === 1 && path[0] === 'wspl') {
      if (value === undefined)
        ctx.error('missing-version', [], 'not a wspl design file: the first line should be `wspl: 1`');
      else
        ctx.error(
          'unsupported-version',
          path,
          `wspl: ${JSON.stringify(value)} is not supported; this version reads wspl: 1`,
        );
    } else if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const meant = suggestField(path, key);
        ctx.error('unknown-key', [...path, key], `unknown field "${key}"${meant ? `; did you mean "${meant}"?` : ''}`);
      }
    } else if ((issue.code === 'invalid_type' || issue.code === 'invalid_union') && value === undefined) {
      ctx.error('missing-field', path, `${String(path[path.length - 1])} is required`);
    } else if (issue.code === 'invalid_type') {
      ctx.error('wrong-type', path, `expected ${EXPECTED[issue.expected] ?? issue.expected}, found ${typeName(value)}`);
    } else if (issue.code === 'invalid_value') {
      const allowed = issue.values.map((v) => String(v)).join(', ');
      ctx.error('unknown-value', path, `${JSON.stringify(value)} is not one of: ${allowed}`);
    } else if (issue.code === 'invalid_union') {
      ctx.error('wrong-type', path, `${typeName(value)} does not fit here (see \`wspl schema\` for the allowed forms)`);
    } else {
      ctx.error('bad-value', path, issue.message);
    }
  }
}

function convert(ctx: DesignContext, doc: DesignDoc): LoadResult {
  const model = emptyModel(ctx.account(doc.account, ['account']), ctx.region(doc.region, ['region']));
  model.origin = { source: 'design', file: ctx.file, line: 1 };
  for (const key of Object.keys(doc)) {
    if (!TOP_LEVEL_KEYS.includes(key)) ctx.warn('unknown-key', [key], `unknown top-level key "${key}" (ignored)`);
  }
  convertCidrLists(ctx, doc, model);
  for (const [name, vpc] of entries(doc.vpcs)) convertVpc(ctx, doc, name, vpc, model);
  convertPeerings(ctx, doc, model);
  convertTransitGateways(ctx, doc, model);
  convertOnPremises(ctx, doc, model);
  convertWorkspacesSide(ctx, doc, model);
  if (doc.expect) convertExpectations(ctx, doc.expect, model);
  const hasErrors = ctx.diagnostics.some((d) => d.severity === 'error');
  if (hasErrors) return { ok: false, diagnostics: ctx.diagnostics };
  return { ok: true, model, diagnostics: ctx.diagnostics, locate: (path) => ctx.locateField(path) };
}

const WHAT = 'a YAML design file';

/**
 * Loads a design file from its text, meaning checks included. `file` is only used to name the source in diagnostics
 * and provenance.
 */
export function loadDesignText(text: string, file: string): LoadResult {
  return finishLoad(convertDesignText(text, file));
}

function convertDesignText(text: string, file: string): LoadResult {
  const decoded = text.includes('\u0000')
    ? decodeInput(new TextEncoder().encode(text), file, WHAT)
    : { text: text.replace(/^\uFEFF/, '') };
  if ('diagnostic' in decoded) return { ok: false, diagnostics: [decoded.diagnostic] };
  if (decoded.text.trim() === '')
    return loadFailure(
      file,
      'not-a-design-file',
      'the file is empty; a design file is a YAML map starting with `wspl: 1`',
      1,
    );
  const read = parseYamlInput(decoded.text, file);
  if ('diagnostics' in read) return { ok: false, diagnostics: read.diagnostics };
  const { locate, value: root, warnings } = read.parsed;
  if (!isPlainMap(root)) {
    const found = root === null ? 'it holds no value' : `found ${typeName(root)}`;
    return loadFailure(file, 'not-a-design-file', `a design file is a YAML map starting with \`wspl: 1\`; ${found}`, 1);
  }
  const ctx = new DesignContext(file, locate);
  ctx.diagnostics.push(...warnings);
  const parsed = designSchema.safeParse(root);
  if (!parsed.success) {
    reportShapeIssues(ctx, root, parsed.error.issues);
    return { ok: false, diagnostics: ctx.diagnostics };
  }
  return convert(ctx, parsed.data);
}

/**
 * Reads and loads a design file (or `contents`, its bytes read already from a pipe). Never writes to it. An
 * unreadable or non-text file is an error diagnostic.
 */
export function loadDesignFile(path: string, contents?: Uint8Array): LoadResult {
  const read = contents ? { bytes: contents } : readInputBytes(path, undefined, WHAT);
  if ('diagnostic' in read) return { ok: false, diagnostics: [read.diagnostic] };
  const decoded = decodeInput(read.bytes, path, WHAT);
  if ('diagnostic' in decoded) return { ok: false, diagnostics: [decoded.diagnostic] };
  return loadDesignText(decoded.text, path);
}
