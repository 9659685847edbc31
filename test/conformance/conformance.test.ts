// One suite for every source (docs/architecture, lesson 5): each form of an environment must load, normalise to the
// same model as the reference design file, and give the same matrix and the same findings. Broken inputs of every
// kind must fail as values, naming file and line.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Model } from '../../src/model/types.js';
import { REPORT_WORDING } from '../../src/report/wording.js';
import { runCheck } from '../../src/rules/runner.js';
import { detectSource, loadSource, readSource } from '../../src/sources/index.js';
import { predictMatrixEntries } from '../../src/workspaces/matrix.js';
import { BROKEN, CASES, type SourceForm } from './cases.js';

/** The model without where each fact came from, and without what the form cannot express. */
function normalise(model: Model, form?: SourceForm): unknown {
  const drop = new Map<string, Set<string>>();
  for (const c of [...(form?.cannotExpress ?? []), ...(form?.statesMore ?? [])])
    drop.set(c.collection, (drop.get(c.collection) ?? new Set()).add(c.field));
  const plain = JSON.parse(
    JSON.stringify(model, (k, v: unknown) => (k === 'prov' || k === 'origin' ? undefined : v)),
  ) as Record<string, unknown>;
  for (const [collection, fields] of drop) {
    const list = plain[collection];
    if (!Array.isArray(list)) continue;
    for (const item of list as Record<string, unknown>[]) for (const f of fields) Reflect.deleteProperty(item, f);
  }
  return plain;
}

function matrixOf(model: Model) {
  return predictMatrixEntries(model).map(({ client, workspace, trace: t }) => ({
    client,
    workspace,
    outcome: t.outcome,
    path: t.path,
    transport: t.endpoint?.transport ?? null,
    port: t.endpoint?.port ?? null,
    blockers: t.blockers.map((b) => `${b.ruleId ?? b.kind} ${b.resource}`).sort(),
  }));
}

function findingsOf(model: Model) {
  return runCheck(model, { wording: REPORT_WORDING })
    .findings.map((f) => `${f.severity} ${f.rule} ${f.resource}`)
    .sort();
}

describe.each(CASES)('$name', ({ reference, forms }) => {
  it.each(forms.map((f) => [`${f.kind}: ${f.spec}`, f] as const))('%s', async (_label, form) => {
    const prepared = await form.setup?.(reference);
    try {
      const spec = prepared?.spec ?? form.spec;
      expect(detectSource(spec)).toBe(form.kind);
      const expected = await loadSource(reference);
      const warnings: unknown[] = [];
      const model = await loadSource(spec, {
        ...form.options,
        ...prepared?.options,
        onWarning: (w) => warnings.push(w),
      });
      expect(warnings).toEqual([]);
      expect(normalise(model, form)).toEqual(normalise(expected, form));
      expect(matrixOf(model)).toEqual(matrixOf(expected));
      expect(findingsOf(model)).toEqual(findingsOf(expected));
    } finally {
      await prepared?.close();
    }
  });
});

describe('broken inputs fail as values, naming file and line', () => {
  const dir = mkdtempSync(join(tmpdir(), 'wspl-conformance-'));
  it.each(BROKEN.map((b) => [`${b.kind}: ${b.name} (${b.code})`, b] as const))('%s', async (_label, b) => {
    const file = join(dir, b.name);
    writeFileSync(file, b.text);
    expect(detectSource(file)).toBe(b.kind);
    const result = await readSource(file);
    expect(result.ok).toBe(false);
    const d = result.diagnostics.find((x) => x.code === b.code);
    expect(d).toMatchObject({ severity: 'error', file });
    if (b.line !== undefined) expect(d?.line).toBe(b.line);
  });
});
