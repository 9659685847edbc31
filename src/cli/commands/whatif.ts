import { Option } from '@commander-js/extra-typings';
import { EXIT_FINDINGS } from '../exit-codes.js';
import {
  accountOption,
  clientsOption,
  loadOptionsOf,
  overlayOption,
  parameterOption,
  profileOption,
  regionOption,
  roleArnOption,
} from '../source-options.js';
import { InputError } from '../../diagnostics.js';
import { textWidth } from '../io.js';
import { ofTotal, ProgressLine } from '../progress.js';
import type { RegisterCommand } from './index.js';

export const registerWhatif: RegisterCommand = (program, io, state) => {
  program
    .command('whatif')
    .description(
      'the fate of a running session and of a new one after each change, in order (seed 4-5); without --client and --workspace, what changes across the whole matrix',
    )
    .argument('<source...>', 'a source (several CloudFormation templates are read together)')
    .option('--client <name>', 'client name (with --workspace; without both: the whole estate)')
    .option('--workspace <name>', 'WorkSpace name (with --client)')
    .requiredOption('--change <change...>', 'set:PATH=VALUE or delete:PATH on the design form (see wspl export)')
    .addOption(
      new Option('--format <format>', 'output format').choices(['text', 'json'] as const).default('text' as const),
    )
    .option('--quiet', 'text: only the changes that change an outcome or drop a session, and the cells they change')
    .addOption(overlayOption)
    .addOption(clientsOption)
    .addOption(profileOption)
    .addOption(roleArnOption)
    .addOption(parameterOption)
    .addOption(regionOption)
    .addOption(accountOption)
    .action(async (source, opts) => {
      if ((opts.client === undefined) !== (opts.workspace === undefined)) {
        throw new InputError(
          'give --client and --workspace together (one session), or neither (the whole estate)',
          [],
          'bad-usage',
        );
      }
      const [
        { loadSources },
        { changeApplier },
        { estateBreaksSomething, whatifEstate },
        { renderWhatifEstateJson, renderWhatifEstateText },
        { whatif, whatifBreaksSomething },
        { FixFinder },
        { renderWhatifJson },
        { renderWhatifText },
      ] = await Promise.all([
        import('../../sources/index.js'),
        import('../../sources/changes.js'),
        import('../../workspaces/estate-whatif.js'),
        import('../../report/whatif-estate.js'),
        import('../../workspaces/lifecycle.js'),
        import('../../report/fixes.js'),
        import('../../report/whatif-json.js'),
        import('../../report/whatif-text.js'),
      ]);
      const progress = new ProgressLine(io);
      const model = await loadSources(source, loadOptionsOf(opts, io, progress));
      if (opts.client === undefined || opts.workspace === undefined) {
        const apply = changeApplier(model, source.join(', '));
        const estate = whatifEstate(
          model,
          opts.change,
          (_m, change) => apply(change),
          (done, total) => progress.show(() => `whatif over the whole estate: ${ofTotal(done, total)} changes applied`),
        );
        progress.end();
        io.out(
          opts.format === 'json'
            ? renderWhatifEstateJson(estate)
            : renderWhatifEstateText(estate, textWidth(io), { quiet: opts.quiet === true }),
        );
        if (estateBreaksSomething(estate)) state.exitCode = EXIT_FINDINGS;
        return;
      }
      const apply = changeApplier(model, source.join(', '), { client: opts.client, workspace: opts.workspace });
      const result = whatif(model, opts.client, opts.workspace, opts.change, (_m, change) => apply(change));
      io.out(
        opts.format === 'json'
          ? renderWhatifJson(result, new FixFinder(model))
          : renderWhatifText(result, textWidth(io), { quiet: opts.quiet === true, fixes: new FixFinder(model) }),
      );
      // For CI gates: a change that drops a running session or breaks a working new one fails the run.
      if (whatifBreaksSomething(result)) state.exitCode = EXIT_FINDINGS;
    });
};
