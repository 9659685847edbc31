// The check configuration file (`wspl.config.yaml` next to the source, or --config): a preset and per-rule
// overrides, each optionally limited to resources, with a reason whenever it lowers or silences a rule (raising
// one needs none). Bad input is reported as diagnostics with the line, like every other source.
//
//   preset: recommended            # or strict
//   rules:
//     directory-ip-groups-bypassed:
//       - severity: off
//         resources: [corp]
//         reason: kept for the planned switch back to internet streaming
import { z } from 'zod';
import type { Diagnostic } from '../diagnostics.js';
import { EXPECTED, isPlainMap, parseYamlInput, typeName, valueAt } from '../input/yaml.js';
import { RULE_IDS, rules as allRules } from './index.js';
import type { CheckPolicy, Override } from './policy.js';
import type { Severity } from './types.js';
import { PRESET_NAMES, isPresetName } from './presets.js';

import { CONFIG_FILE_NAME } from './config-name.js';

export { CONFIG_FILE_NAME };

const RANK: Record<Severity | 'off', number> = { off: 0, info: 1, warning: 2, error: 3 };

const REASON_REQUIRED = 'a reason is required: say why the rule is changed';

const overrideSchema = z.strictObject({
  severity: z.enum(['error', 'warning', 'info', 'off']),
  // Raising a severity needs no reason; lowering or silencing one does (checked below, against the rule's default).
  reason: z.string({ error: REASON_REQUIRED }).trim().min(1, REASON_REQUIRED).optional(),
  resources: z.array(z.string().min(1)).min(1).optional(),
});

const configSchema = z.strictObject({
  preset: z.string().optional(),
  // One override or a list of them; a single one is read as a list of one.
  rules: z
    .record(
      z.string(),
      z.preprocess((v): unknown[] => (Array.isArray(v) ? (v as unknown[]) : [v]), z.array(overrideSchema)),
    )
    .optional(),
});

export interface ConfigResult {
  policy?: CheckPolicy;
  diagnostics: Diagnostic[];
}

/** zod's issue in the words of a YAML file; custom messages (the missing reason) are kept as written. */
function issueMessage(issue: z.core.$ZodIssue, value: unknown): string {
  if (!/^Invalid /.test(issue.message)) return issue.message;
  if (issue.code === 'invalid_type') {
    return value === undefined
      ? `${String(issue.path[issue.path.length - 1] ?? 'value')} is required`
      : `expected ${EXPECTED[issue.expected] ?? issue.expected}, found ${typeName(value)}`;
  }
  if (issue.code === 'invalid_value')
    return `${JSON.stringify(value)} is not one of: ${issue.values.map((v) => String(v)).join(', ')}`;
  if (issue.code === 'too_small' && Array.isArray(value)) return 'the list is empty; leave the field out instead';
  return issue.message;
}

const CONFIG_FORM = 'a check configuration is a YAML map with `preset:` and `rules:` (see wspl check --help)';

export function parseCheckConfig(text: string, file: string): ConfigResult {
  const diagnostics: Diagnostic[] = [];
  const read = parseYamlInput(text.replace(/^\uFEFF/, ''), file);
  if ('diagnostics' in read) return { diagnostics: read.diagnostics };
  const lineOf = read.parsed.locate;
  const error = (code: string, path: readonly (string | number)[], message: string) => {
    const line = lineOf(path);
    diagnostics.push({
      severity: 'error',
      code,
      file,
      ...(line !== undefined ? { line } : {}),
      ...(path.length > 0 ? { field: path.join('.') } : {}),
      message,
    });
  };
  // An empty file is the defaults; anything else must be a map (not a list, a set, binary data …).
  const raw: unknown = read.parsed.value ?? {};
  if (!isPlainMap(raw)) {
    error('bad-config', [], `${CONFIG_FORM}; found ${typeName(raw)}`);
    return { diagnostics };
  }
  const rawRules = isPlainMap(raw.rules) ? raw.rules : {};
  for (const rule of Object.keys(rawRules)) {
    if (!RULE_IDS.includes(rule))
      error('unknown-rule', ['rules', rule], `unknown rule id "${rule}" (see wspl explain)`);
  }
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
      // A single override has no list index in the file: point at the map the user wrote.
      const single = path[0] === 'rules' && typeof path[1] === 'string' && !Array.isArray(rawRules[path[1]]);
      const at = single ? [...path.slice(0, 2), ...path.slice(3)] : path;
      // Unknown rule ids are already reported above with their own code.
      if (path[0] === 'rules' && typeof path[1] === 'string' && !RULE_IDS.includes(path[1])) continue;
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys) error('bad-config', [...at, key], `unknown field "${key}"`);
        continue;
      }
      const value = valueAt(raw, single ? [...path.slice(0, 2), ...path.slice(3)] : path);
      error('bad-config', at, issueMessage(issue, value));
    }
    return { diagnostics };
  }
  const preset = parsed.data.preset ?? 'recommended';
  if (!isPresetName(preset))
    error('unknown-preset', ['preset'], `unknown preset "${preset}" (known: ${PRESET_NAMES.join(', ')})`);
  const overrides: Override[] = [];
  for (const [rule, value] of Object.entries(parsed.data.rules ?? {})) {
    if (!RULE_IDS.includes(rule)) continue;
    const byDefault = allRules.find((r) => r.meta.id === rule)?.meta.severity ?? 'error';
    for (const [i, o] of value.entries()) {
      if (o.reason === undefined && RANK[o.severity] < RANK[byDefault]) {
        const at = [...(Array.isArray(rawRules[rule]) ? ['rules', rule, i] : ['rules', rule]), 'reason'];
        error('bad-config', at, `${REASON_REQUIRED} (lowering ${rule} from ${byDefault} to ${o.severity})`);
        continue;
      }
      overrides.push({
        rule,
        severity: o.severity,
        ...(o.reason !== undefined ? { reason: o.reason } : {}),
        ...(o.resources ? { resources: o.resources } : {}),
      });
    }
  }
  if (diagnostics.length > 0 || !isPresetName(preset)) return { diagnostics };
  return { policy: { preset, overrides }, diagnostics };
}
