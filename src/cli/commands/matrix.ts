import { Option } from '@commander-js/extra-typings';
import { textWidth, writeChunks } from '../io.js';
import { ofTotal, ProgressLine } from '../progress.js';
import { EXIT_FINDINGS } from '../exit-codes.js';
import {
  clientsOption,
  collect,
  expectOption,
  loadOptionsOf,
  overlayOption,
  parameterOption,
  accountOption,
  regionOption,
  profileOption,
  roleArnOption,
} from '../source-options.js';
import type { RegisterCommand } from './index.js';

export const registerMatrix: RegisterCommand = (program, io, state) => {
  program
    .command('matrix')
    .description('every client × WorkSpace outcome in one table, with its first cause; exit 1 when an intent is unmet')
    .argument('<source...>', 'a source (several CloudFormation templates are read together)')
    .addOption(
      new Option('--format <format>', 'output format').choices(['text', 'json'] as const).default('text' as const),
    )
    .addOption(
      new Option('--client <name>', 'only these clients: names or globs (repeat, or separate with commas)').argParser(
        collect,
      ),
    )
    .addOption(
      new Option('--workspace <name>', 'only these WorkSpaces: names or globs (repeat, or commas)').argParser(collect),
    )
    .option('--fix', 'text: under the table, each blocker once with its fix for this setup (JSON rows always carry it)')
    .option('--quiet', 'only the rows that do not connect, and only the intents that are unmet')
    .addOption(expectOption)
    .addOption(overlayOption)
    .addOption(clientsOption)
    .addOption(profileOption)
    .addOption(roleArnOption)
    .addOption(parameterOption)
    .addOption(regionOption)
    .addOption(accountOption)
    .action(async (source, opts) => {
      // What the command needs loads when it runs (index.ts says why).
      const [
        { loadSources },
        { intentHolds, matrixWithIntents },
        { FixFinder },
        { matrixJsonChunks, matrixTextChunks },
        { matrixFixesChunks },
        { renderIntentsText },
      ] = await Promise.all([
        import('../../sources/index.js'),
        import('../../workspaces/expectations.js'),
        import('../../report/fixes.js'),
        import('../../report/matrix.js'),
        import('../../report/matrix-fixes.js'),
        import('../../report/intents.js'),
      ]);
      const progress = new ProgressLine(io);
      const model = await loadSources(source, loadOptionsOf(opts, io, progress));
      // A live account, template or plan states no clients: an empty table with no word would look like a clean bill.
      if (model.clients.length === 0 || model.workspaces.length === 0) {
        const missing = model.clients.length === 0 ? 'no client' : 'no WorkSpace';
        io.err(
          `wspl matrix: the source has ${missing}, so the table is empty` +
            (model.clients.length === 0 ? '; give the user networks with --clients FILE (see wspl schema)\n' : '\n'),
        );
      }
      const all = matrixWithIntents(
        model,
        { clients: opts.client ?? [], workspaces: opts.workspace ?? [] },
        (done, total) => progress.show(() => `predicting the matrix: ${ofTotal(done, total)} clients`),
      );
      const quiet = opts.quiet === true;
      const entries = quiet ? all.entries.filter((e) => e.trace.outcome !== 'CONNECTED') : all.entries;
      const intents = quiet ? all.intents.filter((r) => !intentHolds(r)) : all.intents;
      const fixes = new FixFinder(model);
      // While rows are written: progress only when they go to a file or a pipe, not onto the same terminal.
      const writing =
        io.columns === undefined
          ? (n: number) => progress.show(() => `writing: ${ofTotal(n, entries.length + 1)} rows`)
          : undefined;
      progress.end();
      if (opts.format === 'json') writeChunks(io, matrixJsonChunks(entries, intents, fixes), writing);
      else {
        if (!quiet || entries.length > 0) writeChunks(io, matrixTextChunks(entries, { width: textWidth(io) }), writing);
        if (opts.fix === true) writeChunks(io, matrixFixesChunks(entries, fixes, textWidth(io)));
        io.out(renderIntentsText(all.intents, textWidth(io), { onlyUnmet: quiet }));
      }
      progress.end();
      // For CI gates: an intent of the input (expect: section or --expect FILE) that does not hold fails the run.
      if (all.intents.some((r) => !intentHolds(r))) state.exitCode = EXIT_FINDINGS;
    });
};
