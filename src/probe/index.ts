// Live checks from this machine (docs/probe.md): plan what the client needs for a Region, run every probe at once,
// and explain the outcomes. The CLI calls `probe`; tests pass their own ProbeDeps to stay on 127.0.0.1.
import { assess } from './assess.js';
import { liveDeps, planProbe, type PlanOptions, type ProbeDeps } from './plan.js';
import { runProbe } from './run.js';
import type { ProbeReport } from './types.js';

export { compareWithPrediction } from './compare.js';
export { parseDnsServer } from './dns.js';
export { DEFAULT_TIMEOUT_MS, liveDeps, planProbe, type PlanOptions, type ProbeDeps, type ProbePlan } from './plan.js';
export { renderProbeText, type ProbeStyle } from './render.js';
export { probeReportSchema, type ProbeReport } from './types.js';

export async function probe(options: PlanOptions, deps: Partial<ProbeDeps> = {}): Promise<ProbeReport> {
  const plan = planProbe(options);
  return assess(plan, await runProbe(plan, { ...liveDeps, ...deps }));
}
