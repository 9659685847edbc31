import { Option } from '@commander-js/extra-typings';
import { formatDiagnostic } from '../../diagnostics.js';
import { toDesignYaml } from '../../sources/design/export.js';
import { loadSource } from '../../sources/index.js';
import type { RegisterCommand } from './index.js';

/** `wspl export <source> --format design`: any source written out as a design file. */
export const registerExport: RegisterCommand = (program, io) => {
  program
    .command('export')
    .description('write any source out as a design file (the readable form of the model)')
    .argument('<source>', 'design file (or another source)')
    .addOption(new Option('--format <format>', 'output format').choices(['design'] as const).default('design' as const))
    .action(async (source) => {
      io.out(toDesignYaml(await loadSource(source, { onWarning: (d) => io.err(formatDiagnostic(d) + '\n') })));
    });
};
