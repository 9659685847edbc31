// JUnit XML for CI test tabs: one suite per source × rule, one testcase per rule × resource. Findings are
// failures, an undecided check is skipped (never a pass), a rule that crashed is an error.
import type { RuleResult } from '../rules/types.js';
import type { Reporter } from './check-types.js';
import { escapeXml as x } from './xml.js';

/** A testcase; its XML is made only when written, so a report of 500,000 cases is never held as text. */
interface Case {
  name: string;
  body: () => string;
  failures: number;
  errors: number;
  skipped: number;
}

function casesOf(r: RuleResult): Case[] {
  const cases: Case[] = [];
  const open = (name: string) => `<testcase classname="${x(r.rule)}" name="${x(name)}"`;
  if (r.status === 'internal-error') {
    const f = r.findings[0];
    return [
      {
        name: r.rule,
        body: () => `${open(r.rule)}><error message="${x(f?.message ?? 'rule failed')}"/></testcase>`,
        failures: 0,
        errors: 1,
        skipped: 0,
      },
    ];
  }
  const byResource = new Map<string, RuleResult['findings']>();
  for (const f of r.findings) {
    const list = byResource.get(f.resource);
    if (list) list.push(f);
    else byResource.set(f.resource, [f]);
  }
  for (const [resource, findings] of byResource) {
    const active = findings.filter((f) => !f.suppressed);
    if (active.length === 0) {
      const reason = findings[0]?.suppressed?.reason ?? '';
      cases.push({
        name: resource,
        body: () => `${open(resource)}><skipped message="${x(`suppressed: ${reason}`)}"/></testcase>`,
        failures: 0,
        errors: 0,
        skipped: 1,
      });
      continue;
    }
    const failures = () =>
      active
        .map((f) => {
          const at = f.location
            ? `${f.location.file}${f.location.line !== undefined ? `:${f.location.line}` : ''}: `
            : '';
          return `<failure type="${f.severity}" message="${x(f.message)}">${x(`${at}${f.severity}: ${f.message}`)}</failure>`;
        })
        .join('');
    cases.push({
      name: resource,
      body: () => `${open(resource)}>${failures()}</testcase>`,
      failures: 1,
      errors: 0,
      skipped: 0,
    });
  }
  for (const u of r.unknowns) {
    if (byResource.has(u.resource)) continue;
    cases.push({
      name: u.resource,
      body: () =>
        `${open(u.resource)}><skipped message="${x(`undecided: missing ${u.missing.join('; ')}`)}"/></testcase>`,
      failures: 0,
      errors: 0,
      skipped: 1,
    });
  }
  for (const resource of r.passed)
    cases.push({ name: resource, body: () => `${open(resource)}/>`, failures: 0, errors: 0, skipped: 0 });
  if (cases.length === 0) {
    const why = r.status === 'off' ? 'turned off by configuration' : 'not applicable to this environment';
    cases.push({
      name: r.rule,
      body: () => `${open(r.rule)}><skipped message="${why}"/></testcase>`,
      failures: 0,
      errors: 0,
      skipped: 1,
    });
  }
  return cases;
}

export const junitReporter: Reporter = function* (report) {
  // The totals head the file, so the cases are counted first and written after.
  const suites: { name: string; cases: Case[]; failures: number; errors: number; skipped: number }[] = [];
  const total = { tests: 0, failures: 0, errors: 0, skipped: 0 };
  for (const { source, result } of report.runs) {
    for (const r of result.results) {
      const cases = casesOf(r);
      const t = { failures: 0, errors: 0, skipped: 0 };
      for (const c of cases) {
        t.failures += c.failures;
        t.errors += c.errors;
        t.skipped += c.skipped;
      }
      total.tests += cases.length;
      total.failures += t.failures;
      total.errors += t.errors;
      total.skipped += t.skipped;
      suites.push({ name: `${source} ${r.rule}`, cases, ...t });
    }
  }
  yield (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<testsuites name="wspl check" tests="${total.tests}" failures="${total.failures}" errors="${total.errors}" skipped="${total.skipped}">\n`
  );
  for (const s of suites) {
    yield `  <testsuite name="${x(s.name)}" tests="${s.cases.length}" failures="${s.failures}" errors="${s.errors}" skipped="${s.skipped}">\n`;
    for (const c of s.cases) yield `    ${c.body()}\n`;
    yield '  </testsuite>\n';
  }
  yield '</testsuites>\n';
};
