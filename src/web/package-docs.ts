// The rule and outcome pages of the installed package, for the server and the report. Only ids the registry knows
// are read, so a request cannot name another file.
import { readOutcomeDoc, readRuleDoc } from '../rules/docs.js';
import { rules } from '../rules/index.js';
import { OUTCOMES } from '../workspaces/types.js';
import type { DocSource } from './docs.js';

const RULE_IDS: ReadonlySet<string> = new Set(rules.map((r) => r.meta.id));
const OUTCOME_IDS: ReadonlySet<string> = new Set(OUTCOMES);

function attempt(read: () => string): string | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}

export const packageDocs: DocSource = {
  rule: (id) => (RULE_IDS.has(id) ? attempt(() => readRuleDoc(id)) : undefined),
  outcome: (id) => (OUTCOME_IDS.has(id) ? attempt(() => readOutcomeDoc(id)) : undefined),
};

/** Every page, for the report, which has no server to ask. */
export function allDocs(): { rules: Record<string, string>; outcomes: Record<string, string> } {
  const out = { rules: {} as Record<string, string>, outcomes: {} as Record<string, string> };
  for (const id of RULE_IDS) {
    const page = packageDocs.rule(id);
    if (page !== undefined) out.rules[id] = page;
  }
  for (const id of OUTCOME_IDS) {
    const page = packageDocs.outcome(id);
    if (page !== undefined) out.outcomes[id] = page;
  }
  return out;
}
