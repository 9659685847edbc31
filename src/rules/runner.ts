// Runs every rule in isolation on a frozen copy of the model (cdk-nag's applyRule, ESLint's linter): a rule that
// throws becomes an `internal-error` finding naming it, and the others still run. Severity and suppression are
// applied here, from the policy, so rules stay free of policy.
import type { Model } from '../model/types.js';
import { tracesOf, type MatrixEntry } from '../workspaces/matrix.js';
import { cellsOfTraces, cellsWithEngine, type CellsAll, type TraceAll } from './engine.js';
import { rules as registry } from './index.js';
import { DEFAULT_POLICY, decide, ruleIsOff, type CheckPolicy } from './policy.js';
import { deepFreeze, frozenCopy } from './support/freeze.js';
import { formatMessage } from './support/messages.js';
import { provenanceIndex, type ProvenanceIndex } from './support/provenance.js';
import {
  INTERNAL_ERROR,
  locationOf,
  type AnyRule,
  type EngineAccess,
  type Finding,
  type RuleContext,
  type RuleMeta,
  type RuleResult,
  type RuleStatus,
  type UnknownResult,
  type Wording,
} from './types.js';

export interface CheckOptions {
  policy?: CheckPolicy;
  rules?: readonly AnyRule[];
  /** Replaces the connection engine (tests, benchmarks): one trace per cell. */
  traceAll?: TraceAll;
  /** Cells the caller has predicted already (the dashboard), used instead of predicting them again. */
  cells?: CellsAll;
  /** The words for engine facts in messages (src/report/wording.ts); without them, facts show their codes. */
  wording?: Wording;
  /** Called after each rule (the CLI shows progress on a terminal for a long run). */
  onProgress?: (done: number, total: number) => void;
  /**
   * The caller hands the model over and will only read it afterwards (the CLI): it is frozen where it is instead of
   * copied first, which for a large estate saves a copy of every resource. Otherwise the caller's model stays as it was.
   */
  freezeModel?: boolean;
}

export interface CheckSummary {
  rules: number;
  byStatus: Record<RuleStatus, number>;
  error: number;
  warning: number;
  info: number;
  unknown: number;
  suppressed: number;
}

export interface CheckResult {
  /** The meta of every rule that was considered (reporters build rule descriptors from it). */
  rules: RuleMeta[];
  results: RuleResult[];
  /** Every finding of every rule, suppressed ones included (marked), in rule order. */
  findings: Finding[];
  unknowns: UnknownResult[];
  summary: CheckSummary;
}

function lazyEngine(model: Readonly<Model>, options: Pick<CheckOptions, 'traceAll' | 'cells'>): EngineAccess {
  // The engine runs once per check; a failure is remembered so every rule that needs it reports the same error.
  type Outcome<T> = { value: T } | { error: unknown };
  const once = <T>(make: () => T): (() => T) => {
    let done: Outcome<T> | undefined;
    return () => {
      if (!done) {
        try {
          done = { value: make() };
        } catch (error) {
          done = { error };
        }
      }
      if ('error' in done) throw done.error;
      return done.value;
    };
  };
  const replaced = options.traceAll;
  const replacedTraces = replaced ? once(() => replaced(model)) : undefined;
  const cells = once((): readonly MatrixEntry[] | undefined => {
    if (replacedTraces) {
      const traces = replacedTraces();
      return traces && cellsOfTraces(traces);
    }
    return (options.cells ?? cellsWithEngine)(model);
  });
  // One trace per cell only when a rule asks for it: half a million copies that name their own WorkSpace.
  const traces =
    replacedTraces ??
    once(() => {
      const all = cells();
      return all && tracesOf(all);
    });
  return { cells, traces };
}

function runOne(
  rule: AnyRule,
  model: Readonly<Model>,
  engine: EngineAccess,
  policy: CheckPolicy,
  index: ProvenanceIndex,
  wording: Wording | undefined,
): RuleResult {
  const meta = rule.meta;
  const offReason = ruleIsOff(policy, meta.id);
  if (offReason !== undefined) return { rule: meta.id, status: 'off', passed: [], findings: [], unknowns: [] };

  const findings: Finding[] = [];
  const unknowns: UnknownResult[] = [];
  const passed = new Set<string>();
  const seen = new Set<string>();
  const ctx: RuleContext<string> = {
    engine,
    pass: (resource) => void passed.add(resource),
    unknown: ({ resource, missing }) => {
      const u: UnknownResult = { rule: meta.id, resource, missing: [...missing] };
      const location = locationOf(index.get(resource));
      if (location) u.location = location;
      unknowns.push(u);
    },
    report: ({ resource, messageId, data, inferred }) => {
      const template = meta.messages[messageId];
      if (template === undefined) {
        throw new Error(`rule ${meta.id} reported messageId '${messageId}', which is not in meta.messages`);
      }
      const message = formatMessage(template, data, meta.id, wording);
      // The same fact found twice (e.g. once per WorkSpace of one client) is one finding.
      const key = `${resource}\u0000${message}`;
      if (seen.has(key)) return;
      seen.add(key);
      const decision = decide(policy, meta, messageId, resource);
      const finding: Finding = {
        rule: meta.id,
        severity: 'severity' in decision ? decision.severity : meta.severity,
        resource,
        message,
        messageId,
      };
      const location = locationOf(index.get(resource));
      if (location) finding.location = location;
      if (inferred) finding.inferred = true;
      if (data) finding.data = data;
      if ('off' in decision) finding.suppressed = { reason: decision.reason };
      findings.push(finding);
    },
  };

  try {
    rule.check(model, ctx);
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    return {
      rule: meta.id,
      status: 'internal-error',
      passed: [],
      findings: [
        {
          rule: INTERNAL_ERROR,
          severity: 'error',
          resource: meta.id,
          message: `rule ${meta.id} failed and could not check this model: ${reason}`,
          messageId: 'internalError',
        },
      ],
      unknowns: [],
    };
  }
  const failing = new Set([...findings.map((f) => f.resource), ...unknowns.map((u) => u.resource)]);
  const status: RuleStatus = findings.some((f) => !f.suppressed)
    ? 'findings'
    : unknowns.length > 0
      ? 'unknown'
      : passed.size > 0 || findings.length > 0
        ? 'pass'
        : 'not-applicable';
  return { rule: meta.id, status, passed: [...passed].filter((r) => !failing.has(r)), findings, unknowns };
}

export function summarize(results: readonly RuleResult[]): CheckSummary {
  const byStatus: Record<RuleStatus, number> = {
    pass: 0,
    findings: 0,
    'not-applicable': 0,
    unknown: 0,
    'internal-error': 0,
    off: 0,
  };
  const summary: CheckSummary = {
    rules: results.length,
    byStatus,
    error: 0,
    warning: 0,
    info: 0,
    unknown: 0,
    suppressed: 0,
  };
  for (const r of results) {
    byStatus[r.status] += 1;
    summary.unknown += r.unknowns.length;
    for (const f of r.findings) {
      if (f.suppressed) summary.suppressed += 1;
      else summary[f.severity] += 1;
    }
  }
  return summary;
}

/** Runs all rules (or `options.rules`) on the model. Exported for the CLI, the dashboard and the benchmark. */
export function runCheck(model: Model, options: CheckOptions = {}): CheckResult {
  const frozen = options.freezeModel === true ? deepFreeze(model) : frozenCopy(model);
  const policy = options.policy ?? DEFAULT_POLICY;
  const selected = options.rules ?? registry;
  const engine = lazyEngine(frozen, options);
  const index = provenanceIndex(frozen);
  const results = selected.map((rule, i) => {
    const result = runOne(rule, frozen, engine, policy, index, options.wording);
    options.onProgress?.(i + 1, selected.length);
    return result;
  });
  return {
    rules: selected.map((r) => r.meta),
    results,
    findings: results.flatMap((r) => r.findings),
    unknowns: results.flatMap((r) => r.unknowns),
    summary: summarize(results),
  };
}
