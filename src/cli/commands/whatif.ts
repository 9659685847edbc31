import { Option } from '@commander-js/extra-typings';
import { InputError, type Diagnostic } from '../../diagnostics.js';
import type { Model } from '../../model/types.js';
import { loadSource } from '../../sources/index.js';
import { applyChange } from '../../sources/design/change.js';
import { designToYaml, exportDesign } from '../../sources/design/export.js';
import { loadDesignText } from '../../sources/design/load.js';
import { renderWhatifText } from '../../report/whatif-text.js';
import { whatif, whatifBreaksSomething } from '../../workspaces/lifecycle.js';
import { renderWhatifJson } from '../../report/whatif-json.js';
import { EXIT_FINDINGS } from '../main.js';
import { clientsOption, loadOptionsOf, overlayOption } from '../source-options.js';
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
    .action(async (source, opts) => {
      const model = await loadSource(source, loadOptionsOf(opts, io));
      // Changes apply to the design-file form of the model, so paths are those `wspl export` prints.
      let doc: object = exportDesign(model);
      const apply = (_m: unknown, change: string) => {
        doc = applyChange(doc, change);
        return loadChanged(designToYaml(doc), source, change, opts.client, opts.workspace);
      };
      const result = whatif(model, opts.client, opts.workspace, opts.change, apply);
      io.out(opts.format === 'json' ? renderWhatifJson(result) : renderWhatifText(result));
      // For CI gates: a change that drops a running session or breaks a working new one fails the run.
      if (whatifBreaksSomething(result)) state.exitCode = EXIT_FINDINGS;
    });
};

/**
 * The design after a change, or exit 2 saying why the change cannot be applied. The changed design is text wspl
 * wrote, so its line numbers would mislead: diagnostics keep the field and drop the line. A field the design file
 * does not have (the loader would ignore it with a warning) is refused too, since the change would do nothing.
 */
function loadChanged(text: string, source: string, change: string, client: string, workspace: string): Model {
  const label = `${source} after ${change}`;
  const result = loadDesignText(text, label);
  const problems: Diagnostic[] = result.diagnostics
    .filter((d) => d.severity === 'error' || d.code === 'unknown-key')
    .map(({ line: _generated, ...d }) =>
      d.code === 'unknown-key' && d.severity === 'warning'
        ? {
            ...d,
            severity: 'error',
            message: `"${d.field ?? ''}" is not a field of the design file (\`wspl export\` shows the paths)`,
          }
        : d,
    );
  if (problems.length > 0 || !result.ok) {
    throw new InputError(
      `bad change "${change}": the design is no longer valid`,
      problems.length > 0 ? problems : result.diagnostics,
      'bad-change',
    );
  }
  const model = result.model;
  for (const [kind, name, list] of [
    ['client', client, model.clients],
    ['WorkSpace', workspace, model.workspaces],
  ] as const) {
    if (!list.some((x) => x.id === name)) {
      throw new InputError(
        `bad change "${change}": it removes the ${kind} "${name}" whose session is being followed`,
        [],
        'bad-change',
      );
    }
  }
  return model;
}
