// What every reporter renders: one check result per source. Reporters are pure: (report, options) => string.
import type { CheckResult } from '../rules/runner.js';

export interface SourceRun {
  /** The source as the user named it (file path or aws:REGION). */
  source: string;
  result: CheckResult;
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
}

export type Reporter = (report: CheckReport, options?: ReportOptions) => string;
