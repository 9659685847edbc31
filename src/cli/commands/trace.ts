import { Option } from '@commander-js/extra-typings';
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
import { OUTCOMES } from '../../model/outcomes.js';
import { EXIT_FINDINGS } from '../exit-codes.js';
import { textWidth } from '../io.js';
import type { RegisterCommand } from './index.js';

export const registerTrace: RegisterCommand = (program, io, state) => {
  program
    .command('trace')
    .description('predict one connection, step by step, with every setting that blocks it')
    .argument('<source...>', 'a source (several CloudFormation templates are read together)')
    .requiredOption('--client <name>', 'client name')
    .requiredOption('--workspace <name>', 'WorkSpace name')
    .addOption(
      new Option('--format <format>', 'output format')
        .choices(['text', 'json', 'log'] as const)
        .default('text' as const),
    )
    .addOption(
      new Option('--expect <outcome>', 'exit 1 unless the predicted outcome is this one (for CI)').choices(OUTCOMES),
    )
    .option('--quiet', 'text: the outcome line only')
    .addOption(overlayOption)
    .addOption(clientsOption)
    .addOption(profileOption)
    .addOption(roleArnOption)
    .addOption(parameterOption)
    .addOption(regionOption)
    .addOption(accountOption)
    .action(async (source, { expect, ...opts }) => {
      // What the command needs loads when it runs (index.ts says why).
      const [
        { loadSources },
        { traceConnection },
        { FixFinder },
        { renderTraceJson },
        { renderTraceHeadline, renderTraceText },
        { formatTraceAsLog },
        { styleFor },
      ] = await Promise.all([
        import('../../sources/index.js'),
        import('../../workspaces/trace.js'),
        import('../../report/fixes.js'),
        import('../../report/trace-json.js'),
        import('../../report/trace-text.js'),
        import('../../logs/write.js'),
        import('../style.js'),
      ]);
      // Here --expect names an outcome, not a file of intents as for check and matrix: it is not a load option.
      const model = await loadSources(source, loadOptionsOf(opts, io));
      const trace = traceConnection(model, opts.client, opts.workspace);
      const fixes = new FixFinder(model);
      if (opts.format === 'json') io.out(renderTraceJson(trace, fixes));
      else if (opts.format === 'log') {
        // The WorkSpace's protocol decides the lines a client logs (a PCoIP session is not a DCV one).
        const protocol = model.workspaces.find((w) => w.id === opts.workspace)?.protocol;
        // The client's own version heads each line, as its real log would (none stated: the seed's client).
        const version = model.clients.find((c) => c.id === opts.client)?.version;
        io.out(
          formatTraceAsLog(trace, {
            ...(protocol ? { protocol: protocol === 'pcoip' ? 'PCOIP' : 'WSP' } : {}),
            ...(version !== undefined ? { clientVersion: version } : {}),
          }),
        );
      } else
        io.out(
          opts.quiet === true ? renderTraceHeadline(trace) : renderTraceText(trace, styleFor(io), fixes, textWidth(io)),
        );
      if (expect !== undefined && trace.outcome !== expect) {
        io.err(`wspl: expected ${expect}, predicted ${trace.outcome}\n`);
        state.exitCode = EXIT_FINDINGS;
      }
    });
};
