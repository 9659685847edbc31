// ESLint's RuleTester, for our rules: each rule's test lists environments that must pass (valid), that must
// produce named findings (invalid) and that must stay undecided (unknown), side by side. The tester also keeps the
// suite honest: duplicate cases fail, unknown messageIds fail, a rule that throws fails, and the model is frozen
// while the rule runs (any write throws).
import { describe, expect, it } from 'vitest';
import type { Model } from '../../model/types.js';
import type { TraceAll } from '../engine.js';
import { REPORT_WORDING } from '../../report/wording.js';
import { runCheck } from '../runner.js';
import type { AnyRule, ReportData } from '../types.js';

export interface TestCase {
  /** What the environment shows; also the test title, so it must be unique within the rule. */
  name: string;
  model: Model | (() => Model);
  /** Replaces the connection engine for this case. */
  traceAll?: TraceAll;
}

export interface ExpectedFinding {
  messageId: string;
  resource: string;
  /** Placeholder values to compare (only the ones listed). */
  data?: ReportData;
}

export interface InvalidCase extends TestCase {
  errors: ExpectedFinding[];
}

export interface UnknownCase extends TestCase {
  /** Resources the rule must report as undecided. */
  unknown: string[];
}

export interface RuleTestSuite {
  valid: TestCase[];
  invalid: InvalidCase[];
  unknown?: UnknownCase[];
}

function modelOf(c: TestCase): Model {
  return typeof c.model === 'function' ? c.model() : c.model;
}

function runCase(rule: AnyRule, c: TestCase) {
  const result = runCheck(modelOf(c), {
    rules: [rule],
    wording: REPORT_WORDING,
    ...(c.traceAll ? { traceAll: c.traceAll } : {}),
  });
  const ruleResult = result.results[0];
  if (!ruleResult) throw new Error('runner returned no result');
  if (ruleResult.status === 'internal-error') {
    throw new Error(`rule ${rule.meta.id} threw: ${ruleResult.findings[0]?.message ?? '?'}`);
  }
  return ruleResult;
}

function assertNoDuplicates(rule: AnyRule, suite: RuleTestSuite): void {
  const all: TestCase[] = [...suite.valid, ...suite.invalid, ...(suite.unknown ?? [])];
  const names = new Set<string>();
  const bodies = new Set<string>();
  for (const c of all) {
    if (names.has(c.name)) throw new Error(`rule ${rule.meta.id}: duplicate test case name "${c.name}"`);
    names.add(c.name);
    const body =
      JSON.stringify(modelOf(c)) + JSON.stringify('errors' in c ? c.errors : 'unknown' in c ? c.unknown : null);
    if (bodies.has(body)) throw new Error(`rule ${rule.meta.id}: test case "${c.name}" duplicates another case`);
    bodies.add(body);
  }
}

function assertKnownMessageIds(rule: AnyRule, suite: RuleTestSuite): void {
  for (const c of suite.invalid) {
    if (c.errors.length === 0) throw new Error(`rule ${rule.meta.id}: invalid case "${c.name}" lists no errors`);
    for (const e of c.errors) {
      if (!Object.hasOwn(rule.meta.messages, e.messageId)) {
        throw new Error(
          `rule ${rule.meta.id}: case "${c.name}" expects messageId '${e.messageId}', not in meta.messages`,
        );
      }
    }
  }
}

/** Validates the suite at once (so a bad suite fails even when filtered), then registers one vitest test per case. */
export function ruleTester(rule: AnyRule, suite: RuleTestSuite): void {
  assertNoDuplicates(rule, suite);
  assertKnownMessageIds(rule, suite);
  const id = rule.meta.id;
  describe(id, () => {
    for (const c of suite.valid) {
      it(`valid: ${c.name}`, () => {
        const r = runCase(rule, c);
        expect(
          r.findings.map((f) => `${f.resource}: ${f.message}`),
          'valid case must have no findings',
        ).toEqual([]);
        expect(
          r.unknowns.map((u) => `${u.resource}: ${u.missing.join(', ')}`),
          'valid case must be decided',
        ).toEqual([]);
      });
    }
    for (const c of suite.invalid) {
      it(`invalid: ${c.name}`, () => {
        const r = runCase(rule, c);
        const key = (x: { resource: string; messageId: string }) => `${x.resource} ${x.messageId}`;
        const actual = r.findings.map(key).sort();
        expect(actual, 'findings (resource messageId)').toEqual(c.errors.map(key).sort());
        for (const e of c.errors) {
          if (!e.data) continue;
          const f = r.findings.find((x) => key(x) === key(e));
          const text = f?.message ?? '';
          for (const value of Object.values(e.data)) expect(text, `message of ${key(e)}`).toContain(String(value));
        }
      });
    }
    for (const c of suite.unknown ?? []) {
      it(`unknown: ${c.name}`, () => {
        const r = runCase(rule, c);
        expect(r.findings.map((f) => f.message)).toEqual([]);
        expect([...new Set(r.unknowns.map((u) => u.resource))].sort()).toEqual([...c.unknown].sort());
        expect(r.status).toBe('unknown');
      });
    }
  });
}
