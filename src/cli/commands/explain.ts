// `wspl explain <rule-id|OUTCOME>`: prints the docs page (what, why, how to fix with the AWS CLI, CloudFormation,
// Terraform and CDK). An unknown name exits 2 and lists the valid ones.
import { readOutcomeDoc, readRuleDoc } from '../../rules/docs.js';
import { RULE_IDS } from '../../rules/index.js';
import { OUTCOMES } from '../../workspaces/types.js';
import { EXIT_BAD_INPUT } from '../exit-codes.js';
import type { RegisterCommand } from './index.js';

export const registerExplain: RegisterCommand = (program, io, state) => {
  program
    .command('explain')
    .description('explain a rule id or a trace outcome: what it means, why, how to fix')
    .argument('<name>', 'a rule id (e.g. streaming-endpoint-private-dns) or an outcome (e.g. NO_REACHABLE_ENDPOINT)')
    .action((name) => {
      if (RULE_IDS.includes(name)) {
        io.out(readRuleDoc(name));
        return;
      }
      const outcome = OUTCOMES.find((o) => o === name.toUpperCase());
      if (outcome) {
        io.out(readOutcomeDoc(outcome));
        return;
      }
      io.err(
        `wspl explain: unknown rule id or outcome "${name}"\n` +
          `rule ids:\n${RULE_IDS.map((id) => `  ${id}\n`).join('')}` +
          `outcomes:\n${OUTCOMES.map((o) => `  ${o}\n`).join('')}`,
      );
      state.exitCode = EXIT_BAD_INPUT;
    });
};
