import { Option } from '@commander-js/extra-typings';
import { loadSource } from '../../sources/index.js';
import { renderWhatifText } from '../../report/whatif-text.js';
import { whatif, whatifBreaksSomething } from '../../workspaces/lifecycle.js';
import { renderWhatifJson } from '../../report/whatif-json.js';
import { EXIT_FINDINGS } from '../exit-codes.js';
import { clientsOption, loadOptionsOf, overlayOption, profileOption, roleArnOption } from '../source-options.js';
import { changeApplier } from '../../sources/changes.js';
import type { RegisterCommand } from './index.js';

export const registerWhatif: RegisterCommand = (program, io, state) => {
  program
    .command('whatif')
    .description('the fate of a running session and of a new one after each change, in order (seed 4-5)')
    .argument('<source>', 'design file (or another source)')
    .requiredOption('--client <name>', 'client name')
    .requiredOption('--workspace <name>', 'WorkSpace name')
    .requiredOption('--change <change...>', 'set:PATH=VALUE or delete:PATH on the design form (see wspl export)')
    .addOption(
      new Option('--format <format>', 'output format').choices(['text', 'json'] as const).default('text' as const),
    )
    .addOption(overlayOption)
    .addOption(clientsOption)
    .addOption(profileOption)
    .addOption(roleArnOption)
    .action(async (source, opts) => {
      const model = await loadSource(source, loadOptionsOf(opts, io));
      const apply = changeApplier(model, source, { client: opts.client, workspace: opts.workspace });
      const result = whatif(model, opts.client, opts.workspace, opts.change, (_m, change) => apply(change));
      io.out(opts.format === 'json' ? renderWhatifJson(result) : renderWhatifText(result));
      // For CI gates: a change that drops a running session or breaks a working new one fails the run.
      if (whatifBreaksSomething(result)) state.exitCode = EXIT_FINDINGS;
    });
};
