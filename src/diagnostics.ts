// Bad input is a value, not an exception: every source reports what it could not read as diagnostics that name the
// file, the line and the field. The CLI prints them and exits 2.

export interface Diagnostic {
  severity: 'error' | 'warning';
  /** Stable machine-readable code, e.g. "bad-cidr", "unknown-reference", "yaml-syntax". */
  code: string;
  file: string;
  line?: number;
  /** Dotted path of the offending field in the source, e.g. "vpcs.vpc1.subnets.public-a.cidr". */
  field?: string;
  message: string;
}

export function formatDiagnostic(d: Diagnostic): string {
  const where = d.line !== undefined ? `${d.file}:${d.line}` : d.file;
  const field = d.field ? ` ${d.field}:` : '';
  return `${where}: ${d.severity}:${field} ${d.message} [${d.code}]`;
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
