// What the user decided about the rules: a preset plus overrides. Each override must say why (`reason`), may be
// limited to some resources, and either changes the severity or turns the rule off. A finding turned off stays in
// the result, marked suppressed with its reason, so reviews can see what was waived.
import { PRESETS, applyPreset, type PresetName } from './presets.js';
import type { RuleMeta, Severity } from './types.js';

export interface Override {
  rule: string;
  severity: Severity | 'off';
  /** Resource ids the override is limited to; absent means every resource. */
  resources?: string[];
  /** Why: required when the override lowers or silences the rule (config.ts), optional when it raises it. */
  reason?: string;
}

export interface CheckPolicy {
  preset: PresetName;
  overrides: Override[];
}

export const DEFAULT_POLICY: CheckPolicy = { preset: 'recommended', overrides: [] };

export type Decision = { severity: Severity } | { off: true; reason: string };

function matches(o: Override, rule: string, resource: string | undefined): boolean {
  if (o.rule !== rule) return false;
  if (!o.resources) return true;
  return resource !== undefined && o.resources.includes(resource);
}

/** The last matching override wins, so a file can set a rule-wide value and then refine it per resource. */
export function decide(policy: CheckPolicy, meta: RuleMeta, messageId: string, resource: string): Decision {
  let decision: Decision = {
    severity: applyPreset(
      PRESETS[policy.preset],
      (meta.messageSeverity as Record<string, Severity> | undefined)?.[messageId] ?? meta.severity,
    ),
  };
  for (const o of policy.overrides) {
    if (!matches(o, meta.id, resource)) continue;
    decision = o.severity === 'off' ? { off: true, reason: o.reason ?? '' } : { severity: o.severity };
  }
  return decision;
}

/** A rule switched off for every resource is not run at all. */
export function ruleIsOff(policy: CheckPolicy, ruleId: string): string | undefined {
  let reason: string | undefined;
  for (const o of policy.overrides) {
    if (o.rule !== ruleId || o.resources) continue;
    reason = o.severity === 'off' ? o.reason : undefined;
  }
  return reason;
}
