import { InputError } from '../../diagnostics.js';
import type { RegisterCommand } from './index.js';

/**
 * Commands of the contract that are not built yet. They exist so that `wspl --help` lists them and calling one
 * says plainly that it is missing (exit 2), instead of "unknown command" or, worse, a pretend result.
 */
const MISSING: [string, string, string][] = [
  ['snapshot', 'read an account (read-only) into a replayable snapshot file', 'aws:REGION [--profile P] -o FILE'],
];

export const registerNotBuilt: RegisterCommand = (program) => {
  for (const [name, job, usage] of MISSING) {
    program
      .command(name)
      .description(`${job} (not built yet)`)
      .usage(usage)
      .allowUnknownOption()
      .allowExcessArguments()
      .action(() => {
        throw new InputError(`wspl ${name} is not built yet: ${job}. Nothing was run.`, [], 'not-built');
      });
  }
};
