// The reporters by format name; the CLI's --format choices come from these keys.
import { jsonReporter } from './check-json.js';
import { junitReporter } from './check-junit.js';
import { sarifReporter } from './check-sarif.js';
import { textReporter } from './check-text.js';
import type { Reporter } from './check-types.js';

export const reporters = {
  text: textReporter,
  json: jsonReporter,
  sarif: sarifReporter,
  junit: junitReporter,
} as const satisfies Record<string, Reporter>;

export type ReporterName = keyof typeof reporters;
export const REPORTER_NAMES = Object.keys(reporters) as ReporterName[];
export type { CheckReport, ReportOptions, SourceRun } from './check-types.js';
