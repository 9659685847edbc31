// The intents of an `expect:` section as `wspl matrix` reports them: which hold, and for each unmet one the cells
// that break it with what they are predicted to do instead (the blockers are in the rows and in `wspl check`).
import { terminalSafe } from '../input/terminal.js';
import { intentText, namesText, predictedText } from '../rules/support/intent-text.js';
import { intentHolds, type IntentResult } from '../workspaces/expectations.js';
import { blockerText } from './reason-text.js';
import { where } from './trace-text.js';
import { DEFAULT_WIDTH, wrapLine } from './wrap.js';

export interface IntentJson {
  id: string;
  client: string;
  workspace: string;
  outcome: string[];
  path?: string;
  transport?: string;
  holds: boolean;
  /** Cells checked; 0 when a glob matches nothing (which does not hold). */
  checked: number;
  unmet: { client: string; workspace: string; outcome: string; path: string | null; transport: string | null }[];
}

export function intentsJson(results: readonly IntentResult[]): IntentJson[] {
  return results.map((r) => {
    const e = r.expectation;
    return {
      id: e.id,
      client: e.client,
      workspace: e.workspace,
      outcome: e.outcome,
      ...(e.path !== undefined ? { path: e.path } : {}),
      ...(e.transport !== undefined ? { transport: e.transport } : {}),
      holds: intentHolds(r),
      checked: r.checked,
      unmet: r.unmet.map((c) => ({
        client: c.client,
        workspace: c.workspace,
        outcome: c.trace.outcome,
        path: c.trace.path,
        transport: c.trace.endpoint?.transport ?? null,
      })),
    };
  });
}

/** One line per intent, and under an unmet one a line per client and prediction (WorkSpaces that share it joined). */
export function renderIntentsText(
  results: readonly IntentResult[],
  width = DEFAULT_WIDTH,
  options: { onlyUnmet?: boolean } = {},
): string {
  const held = results.filter(intentHolds).length;
  // --quiet lists only the unmet intents, but the count is still of them all ("1 of 2 hold", not "0 of 1").
  const listed = options.onlyUnmet === true ? results.filter((r) => !intentHolds(r)) : results;
  if (listed.length === 0) return '';
  const out = ['', `Intents: ${held} of ${results.length} hold`];
  for (const r of listed) {
    const e = r.expectation;
    const at = where(e.prov);
    out.push(`  ${intentHolds(r) ? '✓' : '✗'} ${e.id} ${intentText(e)}${at ? ` (${at})` : ''}`);
    if (r.clients === 0 || r.workspaces === 0) {
      out.push(`      matches no ${r.clients === 0 ? `client: "${e.client}"` : `WorkSpace: "${e.workspace}"`}`);
      continue;
    }
    const groups = new Map<string, { client: string; text: string; workspaces: string[] }>();
    for (const c of r.unmet) {
      const b = c.trace.blockers[0];
      const cause = b
        ? `; ${b.resource}: ${blockerText(b)}`
        : c.trace.missing[0]
          ? `; missing: ${c.trace.missing[0]}`
          : '';
      const key = `${c.client}\u0000${predictedText(c.trace)}\u0000${cause}`;
      const g = groups.get(key);
      if (g) g.workspaces.push(c.workspace);
      else groups.set(key, { client: c.client, text: `${predictedText(c.trace)}${cause}`, workspaces: [c.workspace] });
    }
    for (const g of groups.values()) {
      out.push(`      ${g.client} → ${namesText(g.workspaces)}: ${g.text}`);
    }
  }
  return out.map((line) => wrapLine(terminalSafe(line), width)).join('\n') + '\n';
}
