import { Option } from '@commander-js/extra-typings';
import { formatDiagnostic } from '../../diagnostics.js';
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
import type { RegisterCommand } from './index.js';

/** `wspl export <source> --format design`: any source written out as a design file. */
export const registerExport: RegisterCommand = (program, io) => {
  program
    .command('export')
    .description('write any source out as a design file (the readable form of the model)')
    .argument('<source...>', 'a source (several CloudFormation templates are read together)')
    .addOption(new Option('--format <format>', 'output format').choices(['design'] as const).default('design' as const))
    .addOption(overlayOption)
    .addOption(clientsOption)
    .addOption(profileOption)
    .addOption(roleArnOption)
    .addOption(parameterOption)
    .addOption(regionOption)
    .addOption(accountOption)
    .action(async (source, opts) => {
      // What the command needs loads when it runs (index.ts says why).
      const [{ loadSources }, { exportLosses, toDesignYaml }] = await Promise.all([
        import('../../sources/index.js'),
        import('../../sources/design/export.js'),
      ]);
      const model = await loadSources(source, loadOptionsOf(opts, io));
      for (const loss of exportLosses(model))
        io.err(
          formatDiagnostic({
            severity: 'warning',
            code: 'export-loses-unknown',
            file: source.join(', '),
            message: loss,
          }) + '\n',
        );
      io.out(toDesignYaml(model));
    });
};
