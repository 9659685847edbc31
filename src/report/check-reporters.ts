// The reporters by format name; the CLI's --format choices come from these keys.
import { jsonReporter } from './check-json.js';
import { junitReporter } from './check-junit.js';
import { sarifReporter } from './check-sarif.js';
import { textReporter } from './check-text.js';
import type { Reporter } from './check-types.js';
import type { ReporterName } from './check-reporter-names.js';

export const reporters: Record<ReporterName, Reporter> = {
  text: textReporter,
  json: jsonReporter,
  sarif: sarifReporter,
  junit: junitReporter,
};

export { REPORTER_NAMES, type ReporterName } from './check-reporter-names.js';
export type { CheckReport, ReportOptions, SourceRun } from './check-types.js';
