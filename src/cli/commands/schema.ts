import { Argument } from '@commander-js/extra-typings';
import { OUTPUT_NAMES } from '../../report/output-names.js';
import type { RegisterCommand } from './index.js';

const NAMES = ['design', ...OUTPUT_NAMES] as const;

/**
 * `wspl schema [design|trace|matrix|check|logs|whatif]`: the JSON Schema (draft 2020-12) of the design file, made
 * from the zod schema the loader checks with, or of a command's JSON output, made from the schema tests hold the
 * real outputs to.
 */
export const registerSchema: RegisterCommand = (program, io) => {
  program
    .command('schema')
    .description("print the JSON Schema (draft 2020-12) of the design file or of a command's JSON output")
    .addArgument(
      new Argument('[what]', 'design (default) or a command: trace, matrix, check, logs, whatif').choices(NAMES),
    )
    .action(async (what) => {
      // The schemas (zod) load only for this command.
      const [{ designJsonSchema }, { outputJsonSchema }] = await Promise.all([
        import('../../sources/design/schema.js'),
        import('../../report/output-schemas.js'),
      ]);
      const schema = what === undefined || what === 'design' ? designJsonSchema() : outputJsonSchema(what);
      io.out(JSON.stringify(schema, null, 2) + '\n');
    });
};
