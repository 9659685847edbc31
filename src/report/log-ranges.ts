// Where the parallel reader (logs-parallel.ts) cuts the files it reads: a small file is one range, a large one is cut
// into ranges of about `rangeBytes`, each cut right after a line break, so no line (a long one, or a CR LF) is ever
// split, and each range knows the number of the line before it (the rendered output names lines by number). Counting
// the line breaks is the one pass the main thread makes over a range it does not read itself: a native indexOf over
// bytes the page cache holds, about 0.3 s/GB.
import { closeSync, openSync, readSync, statSync } from 'node:fs';

export interface LogRange {
  /** The file's index in the files given, and its path. */
  file: number;
  path: string;
  /** Bytes [start, end) of the file; end is Infinity for the file's last range (read to its end). */
  start: number;
  end: number;
  /** The number of the line before the range (0 for the first). */
  startLine: number;
  last: boolean;
}

/** The range size by default: large enough that a range's own costs (a message, the head read twice) do not show. */
export const RANGE_BYTES = 16 * 1024 * 1024;

const LF = 10;
const SCAN_BYTES = 1024 * 1024;

/** Hands out the ranges of `files` in reading order, planning each one only when asked. */
export class RangePlanner {
  private file = 0;
  private start = 0;
  private line = 0;
  private size: number | null = null;
  private readonly buffer = Buffer.allocUnsafe(SCAN_BYTES);

  constructor(
    private readonly files: readonly string[],
    private readonly rangeBytes: number = RANGE_BYTES,
  ) {}

  next(): LogRange | null {
    const path = this.files[this.file];
    if (path === undefined) return null;
    this.size ??= sizeOf(path);
    const base = { file: this.file, path, start: this.start, startLine: this.line };
    // The rest is one range when it is less than one and a half: no range much smaller than the others.
    const cut =
      this.size - this.start < this.rangeBytes * 1.5 ? null : this.cutAfter(path, this.start + this.rangeBytes);
    if (cut === null) {
      this.file++;
      this.start = 0;
      this.line = 0;
      this.size = null;
      return { ...base, end: Infinity, last: true };
    }
    this.start = cut.end;
    this.line += cut.lines;
    return { ...base, end: cut.end, last: false };
  }

  /**
   * The byte after the first line break at or after `target`, and the line breaks from the range's start up to it;
   * null when there is none (the rest of the file is one line) or the file cannot be read (the reader says why).
   */
  private cutAfter(path: string, target: number): { end: number; lines: number } | null {
    let fd: number;
    try {
      fd = openSync(path, 'r');
    } catch {
      return null;
    }
    try {
      let lines = 0;
      for (let at = this.start; ;) {
        const read = readSync(fd, this.buffer, 0, SCAN_BYTES, at);
        if (read === 0) return null;
        const bytes = read === SCAN_BYTES ? this.buffer : this.buffer.subarray(0, read);
        for (let nl = bytes.indexOf(LF); nl !== -1; nl = bytes.indexOf(LF, nl + 1)) {
          lines++;
          if (at + nl >= target) return { end: at + nl + 1, lines };
        }
        at += read;
      }
    } catch {
      return null;
    } finally {
      closeSync(fd);
    }
  }
}

function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}
