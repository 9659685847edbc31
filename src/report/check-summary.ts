// Totals across sources, shared by the text, JSON and JUnit reporters.
import type { RuleStatus } from '../rules/types.js';
import type { CheckReport } from './check-types.js';

export interface ReportSummary {
  sources: number;
  rules: number;
  findings: number;
  error: number;
  warning: number;
  info: number;
  unknown: number;
  suppressed: number;
  byStatus: Record<RuleStatus, number>;
}

export function summarizeReport(report: CheckReport): ReportSummary {
  const s: ReportSummary = {
    sources: report.runs.length,
    rules: 0,
    findings: 0,
    error: 0,
    warning: 0,
    info: 0,
    unknown: 0,
    suppressed: 0,
    byStatus: { pass: 0, findings: 0, 'not-applicable': 0, unknown: 0, 'internal-error': 0, off: 0 },
  };
  for (const { result } of report.runs) {
    const r = result.summary;
    s.rules = Math.max(s.rules, r.rules);
    s.error += r.error;
    s.warning += r.warning;
    s.info += r.info;
    s.unknown += r.unknown;
    s.suppressed += r.suppressed;
    for (const k of Object.keys(s.byStatus) as RuleStatus[]) s.byStatus[k] += r.byStatus[k];
  }
  s.findings = s.error + s.warning + s.info;
  return s;
}
