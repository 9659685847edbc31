// One suite for every source (docs/architecture, lesson 5): each form of an environment must load, normalise to the
// same model as the reference design file, and give the same matrix and the same findings. Broken inputs of every
// kind must fail as values, naming file and line.
//
// Normalising: provenance is dropped (it says where a fact was written, which differs by nature); what a form cannot
// express (its `cannotExpress`, each with its reason) is dropped from both sides; ids are renamed through the form's
// explicit `ids` map, because a template names things by logical id (PublicA) where the design file says public-a,
// and that map is itself checked below so it cannot hide a difference; and top-level collections are compared in id
// order, since the order resources are written in a template means nothing.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics.js';
import type { Model } from '../../src/model/types.js';
import { REPORT_WORDING } from '../../src/report/wording.js';
import { runCheck } from '../../src/rules/runner.js';
import type { LoadOptions } from '../../src/sources/loader.js';
import { detectSource, loadSource, readSource } from '../../src/sources/index.js';
import { predictMatrixEntries } from '../../src/workspaces/matrix.js';
import { BROKEN, CASES, type SourceForm } from './cases.js';

function tail(id: string): string {
  return id.slice(id.lastIndexOf('/') + 1);
}

/** Renames every string equal to a mapped id; `name` fields take the mapped id's last part. */
function renamer(ids: Record<string, string> | undefined): (key: string, value: string) => string {
  if (!ids) return (_k, v) => v;
  const map = new Map(Object.entries(ids));
  const names = new Map(Object.entries(ids).map(([k, v]) => [tail(k), tail(v)]));
  return (key, value) => (key === 'name' ? (map.get(value) ?? names.get(value) ?? value) : (map.get(value) ?? value));
}

/** Every entity id of a model (what an `ids` map may rename). */
function entityIds(model: Model): string[] {
  const out: string[] = [];
  for (const [key, list] of Object.entries(model)) {
    if (!Array.isArray(list)) continue;
    for (const x of list as { id?: unknown }[]) if (typeof x.id === 'string') out.push(x.id);
    if (key === 'transitGateways')
      for (const t of model.transitGateways)
        out.push(...t.routeTables.map((r) => r.id), ...t.attachments.map((a) => a.id));
  }
  for (const v of model.vpcs) if (v.internetGateway) out.push(v.internetGateway);
  return out;
}

/** The model without where each fact came from, without what the form cannot express, in reference ids. */
function normalise(model: Model, form?: SourceForm, renaming = false): unknown {
  const drop = new Map<string, Set<string>>();
  for (const c of [...(form?.cannotExpress ?? []), ...(form?.statesMore ?? [])])
    drop.set(c.collection, (drop.get(c.collection) ?? new Set()).add(c.field));
  const rename = renamer(renaming ? form?.ids : undefined);
  const plain = JSON.parse(
    JSON.stringify(model, (k, v: unknown) =>
      k === 'prov' || k === 'origin' ? undefined : typeof v === 'string' ? rename(k, v) : v,
    ),
  ) as Record<string, unknown>;
  // A field may be a dotted path into lists of the item ("ingress.description").
  const dropPath = (node: unknown, path: string[]): void => {
    if (Array.isArray(node)) for (const x of node) dropPath(x, path);
    else if (node !== null && typeof node === 'object') {
      const [head = '', ...rest] = path;
      if (rest.length === 0) Reflect.deleteProperty(node, head);
      else dropPath((node as Record<string, unknown>)[head], rest);
    }
  };
  for (const [collection, fields] of drop) for (const f of fields) dropPath(plain[collection], f.split('.'));
  for (const list of Object.values(plain)) {
    if (Array.isArray(list)) (list as { id?: string }[]).sort((a, b) => String(a.id).localeCompare(String(b.id)));
  }
  return plain;
}

function matrixOf(model: Model, form?: SourceForm) {
  const rename = renamer(form?.ids);
  const id = (s: string) => rename('id', s);
  return predictMatrixEntries(model)
    .map(({ client, workspace, trace: t }) => ({
      client: id(client),
      workspace: id(workspace),
      outcome: t.outcome,
      path: t.path,
      transport: t.endpoint?.transport ?? null,
      port: t.endpoint?.port ?? null,
      blockers: t.blockers.map((b) => `${b.ruleId ?? b.kind} ${id(b.resource)}`).sort(),
    }))
    .sort((a, b) => `${a.client}|${a.workspace}`.localeCompare(`${b.client}|${b.workspace}`));
}

function findingsOf(model: Model, form?: SourceForm) {
  const rename = renamer(form?.ids);
  const own = new Set((form?.ownFindings ?? []).map((o) => o.rule));
  const findings = runCheck(model, { wording: REPORT_WORDING }).findings;
  for (const rule of own)
    expect(
      findings.map((f) => f.rule),
      `${rule} is raised`,
    ).toContain(rule);
  return findings
    .filter((f) => !own.has(f.rule))
    .map((f) => `${f.severity} ${f.rule} ${rename('id', f.resource)}`)
    .sort();
}

function optionsOf(form: SourceForm): LoadOptions {
  return { ...form.options, ...(form.overlay !== undefined ? { overlay: form.overlay } : {}) };
}

describe.each(CASES)('$name', ({ reference, forms }) => {
  it.each(forms.map((f) => [`${f.kind}: ${f.spec}`, f] as const))('%s', async (_label, form) => {
    const prepared = await form.setup?.(reference);
    try {
      const spec = prepared?.spec ?? form.spec;
      expect(detectSource(spec)).toBe(form.kind);
      const expected = await loadSource(reference);
      const warnings: Diagnostic[] = [];
      const model = await loadSource(spec, {
        ...optionsOf(form),
        ...prepared?.options,
        onWarning: (w) => warnings.push(w),
      });
      // Only the warnings the form declares, each given.
      expect([...new Set(warnings.map((w) => w.code))].sort()).toEqual((form.warnings ?? []).map((w) => w.code).sort());
      expect(normalise(model, form, true)).toEqual(normalise(expected, form));
      expect(matrixOf(model, form)).toEqual(matrixOf(expected));
      expect(findingsOf(model, form)).toEqual(findingsOf(expected));
    } finally {
      await prepared?.close();
    }
  });

  const mapped = forms.filter((f) => f.ids !== undefined);
  if (mapped.length > 0) {
    it.each(mapped.map((f) => [`${f.kind}: ${f.spec}`, f] as const))(
      'renames ids one to one, and only ids the two models hold (%s)',
      async (_label, form) => {
        const ids = form.ids ?? {};
        const source = entityIds(await loadSource(form.spec, optionsOf(form)));
        const target = entityIds(await loadSource(reference));
        expect(new Set(Object.values(ids)).size).toBe(Object.keys(ids).length);
        for (const [from, to] of Object.entries(ids)) {
          expect(source, `${from} is an id of the ${form.kind} model`).toContain(from);
          expect(target, `${to} is an id of the reference`).toContain(to);
        }
        // Every id of the source that the reference does not share is renamed: none slips through unmapped.
        for (const id of source) if (!target.includes(id)) expect(Object.keys(ids), id).toContain(id);
      },
    );
  }

  for (const form of forms) {
    for (const c of form.cannotExpress ?? []) {
      it(`${form.kind} cannot express ${c.collection}.${c.field}: says why`, () => {
        expect(c.why.length).toBeGreaterThan(20);
      });
    }
    for (const w of form.warnings ?? []) {
      it(`${form.kind} warns ${w.code}: says why`, () => {
        expect(w.why.length).toBeGreaterThan(20);
      });
    }
  }
});

describe('broken inputs fail as values, naming file and line', () => {
  const dir = mkdtempSync(join(tmpdir(), 'wspl-conformance-'));
  it.each(BROKEN.map((b) => [`${b.kind}: ${b.name} (${b.code})`, b] as const))('%s', async (_label, b) => {
    const file = join(dir, b.name);
    if (b.files) {
      // A source made of several files (a cdk.out folder): `name` is the folder, `files` its content.
      for (const [rel, text] of Object.entries(b.files)) {
        mkdirSync(join(file, rel, '..'), { recursive: true });
        writeFileSync(join(file, rel), text);
      }
    } else writeFileSync(file, b.text ?? '');
    expect(detectSource(file)).toBe(b.kind);
    const result = await readSource(file, b.options ?? { region: 'ap-northeast-1' });
    expect(result.ok).toBe(false);
    const d = result.diagnostics.find((x) => x.code === b.code);
    expect(d, JSON.stringify(result.diagnostics)).toMatchObject({ severity: 'error' });
    expect(d?.file.startsWith(file)).toBe(true);
    if (b.line !== undefined) expect(d?.line).toBe(b.line);
    if (b.column !== undefined) expect(d?.column).toBe(b.column);
  });
});
