// A run of sessions read and rendered elsewhere (a worker of the parallel reader, read-parallel.ts), handed to a
// writer whole: the rendered bytes in the writer's own form, and the counts its summary needs.
import type { LogDiagnosis } from '../logs/types.js';

/** How the writer renders: what the worker needs to render sessions exactly as the writer would. */
export interface RenderSpec {
  format: 'json' | 'text';
  manyFiles: boolean;
  color: boolean;
  width: number;
  quiet: boolean;
}

export interface RenderedSegment {
  sessions: number;
  /** The sessions as the writer prints them, one after the other (JSON: joined by its separator), in pieces. */
  sessionBytes: Uint8Array[];
  /** Sessions per outcome, in the order each outcome first appears. */
  outcomes: [string, number][];
  /**
   * The diagnoses of those sessions, held compactly as the worker found them (its list moved, not copied): the writer
   * holds them with its own until the end, where it renders them all.
   */
  diagnoses: DiagnosisRun;
}

/** Diagnoses handed over in order, one by one. */
export interface DiagnosisRun {
  forEach(visit: (d: LogDiagnosis) => void): void;
}

/** Adds `n` to `key` in a count map, keeping first-appearance order (the summary lists outcomes in that order). */
export function addCount(counts: Map<string, number>, key: string, n: number): void {
  counts.set(key, (counts.get(key) ?? 0) + n);
}

/** The bytes [start, end) of a run of pieces, as pieces (no copy). */
export function byteRange(pieces: readonly Uint8Array[], start: number, end: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  let at = 0;
  for (const p of pieces) {
    const from = Math.max(start - at, 0);
    const to = Math.min(end - at, p.length);
    if (to > from) out.push(from === 0 && to === p.length ? p : p.subarray(from, to));
    at += p.length;
    if (at >= end) break;
  }
  return out;
}
