import type { Command } from '@commander-js/extra-typings';
import type { Io } from '../io.js';
import type { RunState } from '../main.js';

/** Each command lives in its own file and registers itself on the program. Add one line per command here. */
export type RegisterCommand = (program: Command, io: Io, state: RunState) => void;

export const commands: RegisterCommand[] = [];
