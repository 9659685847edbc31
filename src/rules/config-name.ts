// The name of the rule configuration looked for next to a source; the CLI names it in its help before the
// configuration's reader (config.ts, with its schema) loads.
export const CONFIG_FILE_NAME = 'wspl.config.yaml';
