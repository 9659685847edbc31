// The lines a session or diagnosis rests on, as the text output writes them: runs of consecutive lines, "1-6, 9-12"
// (one file) or "a.log:1-6, b.log:2" (several). A large log has a hundred thousand sessions of a few runs each; a
// string per line number made there is kept by V8's number-to-string cache past the next young-generation collection,
// which made the young generation grow fourfold. So where the output takes bytes, the numbers are written as digits.
import type { LineRef } from '../logs/types.js';
import { isIndex, type BlockOutput } from './block-output.js';

const COMMA = Buffer.from(', ');
const DASH = Buffer.from('-');

/** Calls `visit` with the first and last line of each run of consecutive lines in one file, in order. */
function lineRuns(refs: readonly LineRef[], visit: (first: LineRef, last: LineRef) => void): void {
  // Indexes, not an object per run: from refs[first] to refs[i - 1], visited as each closes.
  let first = 0;
  for (let i = 1; i <= refs.length; i++) {
    const start = refs[first];
    const prev = refs[i - 1];
    const ref = refs[i];
    if (start === undefined || prev === undefined) break;
    if (ref !== undefined && ref.file === start.file && ref.line === prev.line + 1) continue;
    visit(start, prev);
    first = i;
  }
}

/** "1-6, 9-12" (one file) or "a.log:1-6, b.log:2" (several). */
export function lineRanges(refs: readonly LineRef[], manyFiles: boolean): string {
  let text = '';
  let lastFile: string | null = null;
  lineRuns(refs, (start, end) => {
    const range = end.line === start.line ? `${start.line}` : `${start.line}-${end.line}`;
    text += (text === '' ? '' : ', ') + (manyFiles && start.file !== lastFile ? `${start.file}:${range}` : range);
    lastFile = start.file;
  });
  return text;
}

function digits(n: number): number {
  let count = 1;
  for (let rest = n; rest >= 10; rest = (rest / 10) | 0) count++;
  return count;
}

/**
 * The length of lineRanges(refs, manyFiles) with each file name as `label` has it (`labelLength` gives its length;
 * without it, one file: no names), or -1 when a line is not a whole number from 0 to 2^31 - 1 (then only the string
 * says how it prints).
 */
export function lineRangesLength(refs: readonly LineRef[], labelLength?: (file: string) => number): number {
  // One object for what the visits add up (a flag set inside a callback reads as never set to the type checker).
  const sum = { length: 0, plain: true, file: null as string | null };
  lineRuns(refs, (start, end) => {
    if (!isIndex(start.line) || !isIndex(end.line)) sum.plain = false;
    else {
      const label = labelLength && start.file !== sum.file ? labelLength(start.file) + 1 : 0;
      const range = digits(start.line) + (end.line === start.line ? 0 : 1 + digits(end.line));
      sum.length += (sum.length === 0 ? 0 : 2) + label + range;
      sum.file = start.file;
    }
  });
  return sum.plain ? sum.length : -1;
}

/**
 * lineRanges(refs, manyFiles) written into `out` (which takes bytes), for refs whose lineRangesLength is not -1;
 * `label` gives a file's name as printed, with the colon after it (without it, one file: no names).
 */
export function putLineRanges(out: BlockOutput, refs: readonly LineRef[], label?: (file: string) => Uint8Array): void {
  let first = true;
  let file: string | null = null;
  lineRuns(refs, (start, end) => {
    if (!first) out.put(COMMA);
    first = false;
    if (label && start.file !== file) out.put(label(start.file));
    file = start.file;
    out.putIndex(start.line);
    if (end.line !== start.line) {
      out.put(DASH);
      out.putIndex(end.line);
    }
  });
}
