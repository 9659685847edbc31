import { Option } from '@commander-js/extra-typings';
import { matrixJsonChunks, matrixTextChunks } from '../../report/matrix.js';
import { writeChunks } from '../io.js';
import { loadSource } from '../../sources/index.js';
import { predictMatrixEntries } from '../../workspaces/matrix.js';
import { clientsOption, loadOptionsOf, overlayOption, profileOption, roleArnOption } from '../source-options.js';
import type { RegisterCommand } from './index.js';

export const registerMatrix: RegisterCommand = (program, io) => {
  program
    .command('matrix')
    .description('every client × WorkSpace outcome in one table')
    .argument('<source>', 'design file (or another source)')
    .addOption(
      new Option('--format <format>', 'output format').choices(['text', 'json'] as const).default('text' as const),
    )
    .addOption(overlayOption)
    .addOption(clientsOption)
    .addOption(profileOption)
    .addOption(roleArnOption)
    .action(async (source, opts) => {
      const traces = predictMatrixEntries(await loadSource(source, loadOptionsOf(opts, io)));
      writeChunks(io, opts.format === 'json' ? matrixJsonChunks(traces) : matrixTextChunks(traces));
    });
};
