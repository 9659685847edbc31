import { Option } from '@commander-js/extra-typings';
import { toDesignYaml } from '../../sources/design/export.js';
import { loadSource } from '../../sources/index.js';
import { clientsOption, loadOptionsOf, overlayOption } from '../source-options.js';
import type { RegisterCommand } from './index.js';

/** `wspl export <source> --format design`: any source written out as a design file. */
export const registerExport: RegisterCommand = (program, io) => {
  program
    .command('export')
    .description('write any source out as a design file (the readable form of the model)')
    .argument('<source>', 'design file (or another source)')
    .addOption(new Option('--format <format>', 'output format').choices(['design'] as const).default('design' as const))
    .addOption(overlayOption)
    .addOption(clientsOption)
    .action(async (source, opts) => {
      io.out(toDesignYaml(await loadSource(source, loadOptionsOf(opts, io))));
    });
};
