import { Command, CommanderError } from '@commander-js/extra-typings';
import { InputError, formatDiagnostic } from '../diagnostics.js';
import { commands } from './commands/index.js';
import { processIo, type Io } from './io.js';
import { terminalSafe, terminalSafeLines } from '../input/terminal.js';
import { packageVersion } from '../input/package-root.js';

import { EXIT_BAD_INPUT, EXIT_OK, type RunState } from './exit-codes.js';

export function buildProgram(io: Io, state: RunState): Command {
  const program = new Command()
    .name('wspl')
    .description('Check, predict and diagnose Amazon WorkSpaces Personal streaming over AWS PrivateLink')
    .version(packageVersion())
    .option('--no-color', 'no colours (also NO_COLOR=1; FORCE_COLOR=1 forces them into a pipe)')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) })
    .showHelpAfterError();
  for (const register of commands) register(program, io, state);
  return program;
}

export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  const state: RunState = { exitCode: EXIT_OK };
  // --no-color may come anywhere on the line, as with the AWS CLI; it only changes how the output looks.
  if (argv.includes('--no-color')) {
    io = { ...io, isTty: false };
    argv = argv.filter((a) => a !== '--no-color');
  }
  const program = buildProgram(io, state);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return state.exitCode;
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version end with code 0 through the same path as usage errors.
      return e.exitCode === 0 ? EXIT_OK : EXIT_BAD_INPUT;
    }
    if (e instanceof InputError) {
      for (const d of e.diagnostics) io.err(formatDiagnostic(d) + '\n');
      // Messages may quote names from the input; their own line breaks are meant (a list of folders looked in).
      if (e.diagnostics.length === 0) io.err(`wspl: ${terminalSafeLines(e.message)}\n`);
      return EXIT_BAD_INPUT;
    }
    return internalError(e, io);
  }
}

/**
 * Anything else is a bug in wspl, not the user's mistake: say so plainly instead of a Node stack trace, ask for a
 * report, and keep to the contract's exit codes (2: the command could not do its job on this input). The stack is
 * printed with WSPL_DEBUG=1. Tests assert that bad input never reaches this path.
 */
function internalError(e: unknown, io: Io): number {
  const message = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  io.err(
    `wspl: internal error: ${terminalSafe(message.split('\n')[0] ?? '')}\n` +
      'This is a bug in wspl, not a problem with your setup. Please report it with the command line and the input file.\n' +
      (process.env.WSPL_DEBUG
        ? `${e instanceof Error ? (e.stack ?? '') : ''}\n`
        : 'Run again with WSPL_DEBUG=1 to print the stack trace.\n'),
  );
  return EXIT_BAD_INPUT;
}
