import { designJsonSchema } from '../../sources/design/schema.js';
import type { RegisterCommand } from './index.js';

/** `wspl schema`: the JSON Schema of the design file, made from the same zod schema the loader checks with. */
export const registerSchema: RegisterCommand = (program, io) => {
  program
    .command('schema')
    .description('print the JSON Schema (draft 2020-12) of the design file, for editors')
    .action(() => {
      io.out(JSON.stringify(designJsonSchema(), null, 2) + '\n');
    });
};
