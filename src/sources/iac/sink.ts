// Diagnostics for a document read with positions (a template, a plan): each names the file, the line and column of
// the key or item at fault, and the field as a dotted path, so the user can go straight to it.
import type { Diagnostic } from '../../diagnostics.js';
import type { SourcePosition } from '../../model/types.js';
import type { Positions } from './positions.js';

/** Where in a parsed document a diagnostic points: a key or item of a container, and its dotted path. */
export interface Place {
  container?: unknown;
  key?: string | number;
  field?: string;
  /** A position known already (from a provenance), used when container/key give none. */
  position?: SourcePosition;
}

export class DocSink {
  constructor(
    readonly file: string,
    readonly positions: Positions,
    readonly diagnostics: Diagnostic[] = [],
  ) {}

  report(severity: Diagnostic['severity'], code: string, message: string, place: Place = {}): void {
    const pos = this.positions.at(place.container, place.key) ?? place.position;
    this.diagnostics.push({
      severity,
      code,
      file: this.file,
      ...(pos ? { line: pos.line, ...(pos.column !== undefined ? { column: pos.column } : {}) } : {}),
      ...(place.field ? { field: place.field } : {}),
      message,
    });
  }

  error(code: string, message: string, place?: Place): void {
    this.report('error', code, message, place);
  }

  warn(code: string, message: string, place?: Place): void {
    this.report('warning', code, message, place);
  }

  get failed(): boolean {
    return this.diagnostics.some((d) => d.severity === 'error');
  }
}

/** Plain map test for parsed JSON/YAML values. */
export function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** What a parsed value is, in a user's words. */
export function kindOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a map';
  return `${typeof v} ${JSON.stringify(v)}`;
}
