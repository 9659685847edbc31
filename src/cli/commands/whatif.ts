import { Option } from '@commander-js/extra-typings';
import { loadSource } from '../../sources/index.js';
import { applyChange } from '../../sources/design/change.js';
import { designToYaml, exportDesign } from '../../sources/design/export.js';
import { loadDesignText } from '../../sources/design/load.js';
import { requireModel } from '../../sources/load.js';
import { renderWhatifText } from '../../report/whatif-text.js';
import { whatif } from '../../workspaces/lifecycle.js';
import { EXIT_FINDINGS } from '../main.js';
import type { RegisterCommand } from './index.js';

export const registerWhatif: RegisterCommand = (program, io, state) => {
  program
    .command('whatif')
    .description('the fate of a running session and of a new one after each change, in order (seed 4-5)')
    .argument('<source>', 'design file (or another source)')
    .requiredOption('--client <name>', 'client name')
    .requiredOption('--workspace <name>', 'WorkSpace name')
    .requiredOption('--change <change...>', 'set:PATH=VALUE or delete:PATH on the design form (see wspl export)')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json'] as const).default('text' as const))
    .action((source, opts) => {
      const model = loadSource(source);
      // Changes apply to the design-file form of the model, so paths are those `wspl export` prints.
      let doc: object = exportDesign(model);
      const apply = (_m: unknown, change: string) => {
        doc = applyChange(doc, change);
        const label = `${source} after ${change}`;
        return requireModel(loadDesignText(designToYaml(doc), label), label);
      };
      const result = whatif(model, opts.client, opts.workspace, opts.change, apply);
      io.out(opts.format === 'json' ? JSON.stringify(result, null, 2) + '\n' : renderWhatifText(result));
      if (result.initial.outcome !== 'CONNECTED') state.exitCode = EXIT_FINDINGS;
    });
};
