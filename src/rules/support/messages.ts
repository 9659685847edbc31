import type { ReportData, ReportValue, Wording } from '../types.js';
// Fills `{{name}}` placeholders. A placeholder without data is a bug in the rule, so it throws (ESLint does the
// same for an unknown messageId); the runner turns that into an internal-error finding.

/** Without the report's words, an engine fact is named by its code: terse, but never invented. */
export const CODES_ONLY: Wording = {
  blocker: (b) => `[${b.reason.code}] ${b.resource}`,
  warning: (w) => `[${w.code}]`,
};

export function valueText(value: ReportValue, wording: Wording = CODES_ONLY): string {
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  if ('blockers' in value) return value.blockers.map((b) => `${b.resource}: ${wording.blocker(b)}`).join('; ');
  return 'blocker' in value ? wording.blocker(value.blocker) : wording.warning(value.warning);
}

export function formatMessage(template: string, data: ReportData = {}, rule = '?', wording?: Wording): string {
  return template.replace(/\{\{\s*([\w-]+)\s*\}\}/g, (_, name: string) => {
    const value = data[name];
    if (value === undefined) throw new Error(`rule ${rule}: message placeholder {{${name}}} has no data`);
    return valueText(value, wording);
  });
}

export function placeholders(template: string): string[] {
  return [...template.matchAll(/\{\{\s*([\w-]+)\s*\}\}/g)].map((m) => m[1] ?? '');
}
