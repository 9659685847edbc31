// The flags every command that reads a `<source>` shares, declared once, and how they become the loaders' options.
import { Option } from '@commander-js/extra-typings';
import { InputError, formatDiagnostic } from '../diagnostics.js';
import type { LoadSourceOptions } from '../sources/index.js';
import type { Io } from './io.js';

export const overlayOption = new Option(
  '--overlay <file>',
  'what the source cannot state: clients, on-premises networks, WorkSpace protocols, console settings (a design-file fragment)',
);
export const clientsOption = new Option('--clients <file>', 'alias of --overlay');

export interface SourceFlags {
  overlay?: string;
  clients?: string;
}

/** The loaders' options from the parsed flags; warnings of the source go to stderr. */
export function loadOptionsOf(flags: SourceFlags, io: Io): LoadSourceOptions {
  if (flags.overlay !== undefined && flags.clients !== undefined && flags.overlay !== flags.clients) {
    throw new InputError('--clients is an alias of --overlay: give one of them', [], 'bad-usage');
  }
  const overlay = flags.overlay ?? flags.clients;
  return {
    onWarning: (d) => io.err(formatDiagnostic(d) + '\n'),
    ...(overlay !== undefined ? { overlay } : {}),
  };
}
