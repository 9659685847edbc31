// `wspl check --format json`: { findings: [{ rule, severity, resource, message, location? }], summary } as the
// contract fixes, plus what a script may want next to it: undecided checks, waived findings, per-rule status.
// Written as JSON.stringify(…, null, 2) would print it, with the long arrays made item by item as they are written.
import { summarizeReport } from './check-summary.js';
import type { CheckReport, Reporter, SourceRun } from './check-types.js';
import { prettyJsonChunks, streamedSlot } from './chunks.js';
import type { Finding } from '../rules/types.js';

function findingJson(f: Finding, source: string, fixes: SourceRun['fixes']) {
  const fix = fixes?.get(f);
  return {
    rule: f.rule,
    severity: f.severity,
    resource: f.resource,
    message: f.message,
    ...(f.location ? { location: f.location } : {}),
    ...(f.inferred ? { inferred: true } : {}),
    ...(fix ? { fix } : {}),
    source,
  };
}

function* findings({ runs }: CheckReport) {
  for (const { source, result, fixes } of runs)
    for (const f of result.findings) if (!f.suppressed) yield findingJson(f, source, fixes);
}

function* suppressed({ runs }: CheckReport) {
  for (const { source, result, fixes } of runs)
    for (const f of result.findings)
      if (f.suppressed) yield { ...findingJson(f, source, fixes), reason: f.suppressed.reason };
}

function* unknown({ runs }: CheckReport) {
  for (const { source, result } of runs) for (const u of result.unknowns) yield { ...u, source };
}

function* rules({ runs }: CheckReport) {
  for (const { source, result } of runs)
    for (const r of result.results) yield { rule: r.rule, status: r.status, source };
}

export const jsonReporter: Reporter = (report) => {
  const arrays = { findings, unknown, suppressed, rules };
  const shape = Object.fromEntries(Object.keys(arrays).map((k) => [k, streamedSlot(k)]));
  return prettyJsonChunks(
    { ...shape, summary: summarizeReport(report) },
    new Map(Object.entries(arrays).map(([k, items]) => [k, items(report)])),
  );
};
