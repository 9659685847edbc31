// Fills `{{name}}` placeholders. A placeholder without data is a bug in the rule, so it throws (ESLint does the
// same for an unknown messageId); the runner turns that into an internal-error finding.

export function formatMessage(template: string, data: Record<string, string | number> = {}, rule = '?'): string {
  return template.replace(/\{\{\s*([\w-]+)\s*\}\}/g, (_, name: string) => {
    const value = data[name];
    if (value === undefined) throw new Error(`rule ${rule}: message placeholder {{${name}}} has no data`);
    return String(value);
  });
}

export function placeholders(template: string): string[] {
  return [...template.matchAll(/\{\{\s*([\w-]+)\s*\}\}/g)].map((m) => m[1] ?? '');
}
