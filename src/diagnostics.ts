// Bad input is a value, not an exception: every source reports what it could not read as diagnostics that name the
// file, the line and the field. The CLI prints them and exits 2.
import { terminalSafe } from './input/terminal.js';

export interface Diagnostic {
  severity: 'error' | 'warning';
  /** Stable machine-readable code, e.g. "bad-cidr", "unknown-reference", "yaml-syntax". */
  code: string;
  file: string;
  line?: number;
  /** 1-based column, where the source knows it (templates and plans). */
  column?: number;
  /** Dotted path of the offending field in the source, e.g. "vpcs.vpc1.subnets.public-a.cidr". */
  field?: string;
  message: string;
}

/** Longest message printed whole: a message quoting a 50 KB value would bury the file, line and code. */
const MAX_MESSAGE = 400;

function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 120)} … ${text.slice(-100)}`;
}

/**
 * One line, `FILE[:LINE]: SEVERITY: [FIELD:] MESSAGE [CODE]`. The file name, field and message come from the input
 * (a key, a value, a path): control characters in them are shown escaped, so they can neither act on the terminal
 * nor break the line.
 */
export function formatDiagnostic(d: Diagnostic): string {
  const file = terminalSafe(shorten(d.file, 300));
  const where = d.line !== undefined ? `${file}:${d.line}${d.column !== undefined ? `:${d.column}` : ''}` : file;
  const field = d.field ? ` ${terminalSafe(shorten(d.field, 200))}:` : '';
  return `${where}: ${d.severity}:${field} ${terminalSafe(shorten(d.message, MAX_MESSAGE))} [${terminalSafe(d.code)}]`;
}

/** A public error with a stable code that the CLI turns into exit code 2 (bad usage or unreadable input). */
export class InputError extends Error {
  constructor(
    message: string,
    readonly diagnostics: Diagnostic[] = [],
    readonly code: string = 'bad-input',
  ) {
    super(message);
    this.name = 'InputError';
  }
}
