// The shape of a rule (ESLint-style): declarative `meta` plus a `check` that reports data, never text.
// Policy (how severe, whether on at all) lives in presets and config, not in the rule.
import type { Model, Provenance } from '../model/types.js';
import type { Blocker, Trace, TraceWarning } from '../workspaces/types.js';
import type { RuleId } from '../workspaces/rule-ids.js';
import type { MatrixEntry } from '../workspaces/matrix.js';

export type Severity = 'error' | 'warning' | 'info';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/** Where a rule's fact comes from: the seed article, an AWS page, or our own deduction. */
export type RuleSource = 'seed' | 'inferred' | `https://${string}`;

export interface RuleMeta<M extends string = string> {
  id: RuleId;
  description: string;
  /** Default severity (contract.md). */
  severity: Severity;
  /** Messages keyed by messageId; `{{name}}` placeholders are filled from the report's data. */
  messages: Record<M, string>;
  /**
   * Messages whose default severity differs from the rule's (streaming-endpoint-ports is error when nothing passes,
   * warning when only UDP or only 4195 is missing). A config override replaces both.
   */
  messageSeverity?: Partial<Record<M, Severity>>;
  sources: RuleSource[];
  /** Relative docs path, always `docs/rules/<id>.md` (derived by defineRule so it cannot drift). */
  docs: string;
  /** True when the rule asks the connection engine (reachability), false for model-only rules. */
  usesEngine: boolean;
}

/** A message value: plain, or an engine fact whose words the report layer makes (see Wording). */
export type ReportValue =
  string | number | { blocker: Blocker } | { blockers: readonly Blocker[] } | { warning: TraceWarning };
export type ReportData = Record<string, ReportValue>;

/**
 * How engine facts become words in messages. The words live in src/report/ (prose is made there only); the caller of
 * the runner passes them in, and without them a fact is shown by its code.
 */
export interface Wording {
  blocker(b: Blocker): string;
  warning(w: TraceWarning): string;
}

export interface ReportDescriptor<M extends string> {
  /** Model id of the resource to change ("vpc1/endpoint-sg", "corp"); its provenance becomes the location. */
  resource: string;
  messageId: M;
  data?: ReportData;
  /** True when the finding rests on an inferred (not documented or observed) fact. */
  inferred?: boolean;
}

export interface UnknownDescriptor {
  resource: string;
  /** What the input lacks for a decision: field paths or short phrases ("vpc1.dnsSupport"). */
  missing: string[];
}

/** Lazily computed, shared per run: every client × WorkSpace prediction of the connection engine. */
export interface EngineAccess {
  /**
   * Every cell (client, WorkSpace, trace), WorkSpaces of one directory and protocol sharing one trace object; or
   * `undefined` when the engine is not available in this build. The cheap way to read the engine.
   */
  cells(): readonly MatrixEntry[] | undefined;
  /** One trace per cell, each naming its own WorkSpace (made from the cells when first asked); or `undefined`. */
  traces(): readonly Trace[] | undefined;
}

export interface RuleContext<M extends string> {
  report(descriptor: ReportDescriptor<M>): void;
  unknown(descriptor: UnknownDescriptor): void;
  /** Marks a resource as checked and fine (JUnit shows one passing testcase for it). */
  pass(resource: string): void;
  engine: EngineAccess;
}

export interface Rule<M extends string = string> {
  meta: RuleMeta<M>;
  check(model: Readonly<Model>, ctx: RuleContext<M>): void;
}

/** Any rule, with its message ids erased (for the registry). */
export type AnyRule = Rule;

export interface RuleDefinition<M extends string> {
  meta: Omit<RuleMeta<M>, 'docs'>;
  check: (model: Readonly<Model>, ctx: RuleContext<M>) => void;
}

/** Binds the docs path to the id so the two cannot disagree. */
export function defineRule<M extends string>(def: RuleDefinition<M>): Rule<M> {
  return { meta: { ...def.meta, docs: `docs/rules/${def.meta.id}.md` }, check: def.check };
}

export type RuleStatus = 'pass' | 'findings' | 'not-applicable' | 'unknown' | 'internal-error' | 'off';

export interface Location {
  file: string;
  line?: number;
  column?: number;
  /** JSON pointer or dotted design path. */
  path?: string;
  /** The resource's CDK construct path (cdk.out) or Terraform address (plans), to name it as the user wrote it. */
  constructPath?: string;
  address?: string;
}

export interface Finding {
  rule: string;
  severity: Severity;
  resource: string;
  message: string;
  messageId: string;
  location?: Location;
  inferred?: boolean;
  /** Set when a config entry switched the finding off; kept so reports can show it as suppressed. */
  suppressed?: { reason: string };
  /** The report's data (engine facts included), for reporters that need more than the words (fixes). */
  data?: ReportData;
}

export interface UnknownResult {
  rule: string;
  resource: string;
  missing: string[];
  location?: Location;
}

export interface RuleResult {
  rule: string;
  status: RuleStatus;
  /** Resources checked and fine. */
  passed: string[];
  findings: Finding[];
  unknowns: UnknownResult[];
}

export function locationOf(prov: Provenance | undefined): Location | undefined {
  if (!prov) return undefined;
  const loc: Location = { file: prov.file };
  if (prov.line !== undefined) loc.line = prov.line;
  if (prov.line !== undefined && prov.column !== undefined) loc.column = prov.column;
  if (prov.path !== undefined) loc.path = prov.path;
  if (prov.constructPath !== undefined) loc.constructPath = prov.constructPath;
  if (prov.address !== undefined) loc.address = prov.address;
  return loc;
}

/** The rule id of the finding that stands for a rule that threw. */
export const INTERNAL_ERROR = 'internal-error';
