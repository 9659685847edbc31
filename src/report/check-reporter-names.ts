// The names of `wspl check --format`: the CLI offers them before any reporter is loaded (check-reporters.ts holds
// one reporter for each, checked by its type).
export const REPORTER_NAMES = ['text', 'json', 'sarif', 'junit'] as const;
export type ReporterName = (typeof REPORTER_NAMES)[number];
