// What every reporter renders: one check result per source. Reporters are pure: (report, options) => the
// output in pieces (Chunks), written as they are made.
import type { CheckResult } from '../rules/runner.js';
import type { Chunks } from './chunks.js';
import type { Finding } from '../rules/types.js';
import type { Fix } from './fixes.js';

export interface SourceRun {
  /** The source as the user named it (file path or aws:REGION). */
  source: string;
  result: CheckResult;
  /** The fixes for this setup of each finding that has one (fixes.ts); absent when the caller did not ask. */
  fixes?: ReadonlyMap<Finding, readonly Fix[]>;
}

export interface CheckReport {
  runs: SourceRun[];
}

export interface ReportOptions {
  /** ANSI colours (text only); the CLI sets it from io.isTty. */
  color?: boolean;
  /** Base for relative artifact paths (SARIF). */
  cwd?: string;
  /** Prefix that makes docs paths absolute URLs (e.g. a repository's blob URL); relative paths otherwise. */
  docsBaseUrl?: string;
  toolVersion?: string;
  /** Text: the line width to fit (the terminal's columns, or 100). */
  width?: number;
  /** Text: the findings only (no undecided checks, no suppressed list, no totals). */
  quiet?: boolean;
}

export type Reporter = (report: CheckReport, options?: ReportOptions) => Chunks;
