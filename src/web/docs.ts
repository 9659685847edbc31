// The rule and outcome pages the dashboard links to. Reading them is the caller's job (the server reads the
// package's docs folder, the HTML report embeds them), so this file stays free of the file system.
export interface DocSource {
  rule(id: string): string | undefined;
  outcome(id: string): string | undefined;
}

/** The numbered steps of a rule page's "How to fix" section, without the per-tool recipes under it. */
export function fixSection(markdown: string): string | undefined {
  const m = /^## How to fix[^\n]*\n([\s\S]*?)(?=^#{2,3} |(?![\s\S]))/m.exec(markdown);
  const text = m?.[1]?.trim();
  return text ? text : undefined;
}
