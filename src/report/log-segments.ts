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
  diagnoses: number;
  diagnosisBytes: Uint8Array[];
  /** Diagnoses per severity. */
  severities: [string, number][];
}

/** What a writer keeps for the end: diagnoses it got as objects, or rendered ones from a segment. */
export type HeldDiagnoses = LogDiagnosis | RenderedSegment;

export function isSegment(d: HeldDiagnoses): d is RenderedSegment {
  return 'diagnosisBytes' in d;
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
