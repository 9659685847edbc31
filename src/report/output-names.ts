// The commands whose JSON output has a schema (`wspl schema NAME`): the CLI offers them before the schemas (zod) load;
// output-schemas.ts holds one schema for each, checked by its type.
export const OUTPUT_NAMES = ['trace', 'matrix', 'check', 'logs', 'whatif', 'probe'] as const;
export type OutputName = (typeof OUTPUT_NAMES)[number];
