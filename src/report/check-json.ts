// `wspl check --format json`: { findings: [{ rule, severity, resource, message, location? }], summary } as the
// contract fixes, plus what a script may want next to it: undecided checks, waived findings, per-rule status.
import { summarizeReport } from './check-summary.js';
import type { Reporter } from './check-types.js';

export const jsonReporter: Reporter = (report) => {
  const findings = [];
  const suppressed = [];
  const unknown = [];
  const rules = [];
  for (const { source, result } of report.runs) {
    for (const f of result.findings) {
      const out = {
        rule: f.rule,
        severity: f.severity,
        resource: f.resource,
        message: f.message,
        ...(f.location ? { location: f.location } : {}),
        ...(f.inferred ? { inferred: true } : {}),
        source,
      };
      if (f.suppressed) suppressed.push({ ...out, reason: f.suppressed.reason });
      else findings.push(out);
    }
    for (const u of result.unknowns) unknown.push({ ...u, source });
    for (const r of result.results) rules.push({ rule: r.rule, status: r.status, source });
  }
  return JSON.stringify({ findings, unknown, suppressed, rules, summary: summarizeReport(report) }, null, 2) + '\n';
};
