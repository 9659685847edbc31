// Byte-level line splitting for client logs. Works on whatever chunks arrive (1 MiB from the file reader, or single
// bytes in the property tests) and produces the same lines for any split: a partial line is carried to the next
// chunk, CR before LF is dropped, a UTF-8 BOM at the start of the file is skipped, and a line longer than the cap is
// counted and skipped without being buffered, so memory stays bounded by the cap, not by the file.
import { isUtf8 } from 'node:buffer';

export const DEFAULT_MAX_LINE_BYTES = 1024 * 1024;

const LF = 10;
const CR = 13;

/**
 * Receives one complete line: `buf[start, end)` without the line break. `clean` is false when the line holds
 * invalid UTF-8 or a NUL byte. The buffer is only valid during the call.
 */
export interface LineHandler {
  line(buf: Buffer, start: number, end: number, lineNo: number, clean: boolean): void;
}

export interface SplitStats {
  bytes: number;
  lines: number;
  longLines: number;
  firstLongLine: number | null;
  bom: boolean;
  utf16: boolean;
  cutLastLine: boolean;
}

/** The line counts of a section of a file (a part the parallel reader lets someone else read). */
export interface LineCounts {
  lines: number;
  longLines: number;
  firstLongLine: number | null;
}

export class LineSplitter {
  private carried: Buffer[] = [];
  private carriedBytes = 0;
  /** The carried line already exceeds the cap: drop bytes until the next LF. */
  private overflowing = false;
  private lineNo: number;
  /** The file offset of the next chunk's first byte. */
  private offset: number;
  /** The file offset of the buffer the current line is handed out in. */
  private bufferOffset = 0;
  /**
   * Where the line being handed out starts and ends in the file (the end after its LF), and whether it has one:
   * the parallel reader (read-parallel.ts) cuts a file at a line it can name by byte offset.
   */
  lineStart = 0;
  lineEnd = 0;
  lineHasBreak = false;
  /** The carried line being handed out ended at an LF (which the joined buffer leaves out). */
  private carriedBreak = false;
  /** Where the current section began (takeSection): its line counts are those since. */
  private sectionLines = 0;
  private sectionLong = 0;
  private sectionFirstLong: number | null = null;
  readonly stats: SplitStats = {
    bytes: 0,
    lines: 0,
    longLines: 0,
    firstLongLine: null,
    bom: false,
    utf16: false,
    cutLastLine: false,
  };

  /** `from` resumes a file mid-way: the first byte pushed is at this offset and follows line `from.line`. */
  constructor(
    private readonly handler: LineHandler,
    private readonly maxLineBytes: number = DEFAULT_MAX_LINE_BYTES,
    from: { line: number; offset: number } = { line: 0, offset: 0 },
  ) {
    this.lineNo = from.line;
    this.offset = from.offset;
  }

  push(chunk: Buffer): void {
    const len = chunk.length;
    if (len === 0) return;
    this.stats.bytes += len;
    const base = this.offset;
    this.offset += len;
    let nl = chunk.indexOf(LF);
    if (nl === -1) {
      this.carry(chunk);
      return;
    }
    // The line that started in an earlier chunk ends here.
    if (this.carriedBytes > 0 || this.overflowing) {
      this.bufferOffset = base - this.carriedBytes;
      this.carriedBreak = true;
      this.finishCarried(chunk, nl);
      this.carriedBreak = false;
    } else {
      this.bufferOffset = base;
      this.emitChecked(chunk, 0, nl);
    }
    this.bufferOffset = base;
    let start = nl + 1;
    const lastNl = chunk.lastIndexOf(LF);
    if (lastNl >= start) {
      // One native check for all the complete lines of this chunk; only a dirty region is checked line by line.
      // Splitting at LF never cuts a UTF-8 sequence, so a clean region means clean lines.
      const region = chunk.subarray(start, lastNl);
      const regionClean = isUtf8(region) && region.indexOf(0) === -1;
      while (start <= lastNl) {
        nl = chunk.indexOf(LF, start);
        // A line over the cap is skipped wherever it lies (a cap below the chunk size fits one in a clean region).
        if (regionClean && nl - start <= this.maxLineBytes) this.emit(chunk, start, nl, true);
        else this.emitChecked(chunk, start, nl);
        start = nl + 1;
      }
    }
    if (start < len) this.carry(chunk.subarray(start));
  }

  /** Flushes a last line that has no newline. */
  end(): void {
    if (this.carriedBytes > 0 || this.overflowing) {
      this.bufferOffset = this.offset - this.carriedBytes;
      this.stats.cutLastLine = true;
      const rest = Buffer.alloc(0);
      this.finishCarried(rest, 0);
    }
  }

  /** The counts since the last takeSection (or the start). */
  sectionCounts(): LineCounts {
    return {
      lines: this.stats.lines - this.sectionLines,
      longLines: this.stats.longLines - this.sectionLong,
      firstLongLine: this.sectionFirstLong,
    };
  }

  /** The counts since the last call (or the start), and a new section from here. */
  takeSection(): LineCounts {
    const counts = this.sectionCounts();
    this.sectionLines = this.stats.lines;
    this.sectionLong = this.stats.longLines;
    this.sectionFirstLong = null;
    return counts;
  }

  /**
   * Jumps to byte `to.offset`, the start of line `to.line`, counting the lines in between as `skipped` (someone else
   * read them). Only at a line start: the last byte pushed was an LF.
   */
  skipTo(to: { line: number; offset: number }, skipped: LineCounts): void {
    if (this.carriedBytes > 0 || this.overflowing || to.offset < this.offset) {
      throw new Error('LineSplitter.skipTo: not at a line start, or backwards');
    }
    if (skipped.lines !== to.line - 1 - this.lineNo) {
      throw new Error(`LineSplitter.skipTo: ${skipped.lines} lines skipped from ${this.lineNo} to ${to.line}`);
    }
    this.stats.bytes += to.offset - this.offset;
    this.stats.lines += skipped.lines;
    this.stats.longLines += skipped.longLines;
    this.stats.firstLongLine ??= skipped.firstLongLine;
    this.lineNo = to.line - 1;
    this.offset = to.offset;
  }

  private carry(part: Buffer): void {
    if (this.overflowing) return;
    if (this.carriedBytes + part.length > this.maxLineBytes) {
      this.overflowing = true;
      this.carried = [];
      this.carriedBytes = 0;
      return;
    }
    // Copy: the reader may reuse or release the chunk; a copy keeps only the partial line alive.
    this.carried.push(Buffer.from(part));
    this.carriedBytes += part.length;
  }

  private finishCarried(chunk: Buffer, nl: number): void {
    if (this.overflowing || this.carriedBytes + nl > this.maxLineBytes) {
      this.overflowing = false;
      this.carried = [];
      this.carriedBytes = 0;
      this.skipLong();
      return;
    }
    this.carried.push(chunk.subarray(0, nl));
    const line = Buffer.concat(this.carried, this.carriedBytes + nl);
    this.carried = [];
    this.carriedBytes = 0;
    this.emitChecked(line, 0, line.length);
  }

  private emitChecked(buf: Buffer, start: number, end: number): void {
    if (end - start > this.maxLineBytes) {
      this.skipLong();
      return;
    }
    const slice = buf.subarray(start, end);
    this.emit(buf, start, end, isUtf8(slice) && slice.indexOf(0) === -1);
  }

  private skipLong(): void {
    this.lineNo++;
    this.stats.lines++;
    this.stats.longLines++;
    if (this.stats.firstLongLine === null) this.stats.firstLongLine = this.lineNo;
    if (this.sectionFirstLong === null) this.sectionFirstLong = this.lineNo;
  }

  private emit(buf: Buffer, start: number, end: number, clean: boolean): void {
    this.lineNo++;
    this.stats.lines++;
    this.lineStart = this.bufferOffset + start;
    this.lineHasBreak = this.carriedBreak || buf[end] === LF;
    this.lineEnd = this.bufferOffset + end + (this.lineHasBreak ? 1 : 0);
    if (this.lineNo === 1) start = this.skipByteOrderMark(buf, start, end);
    if (end > start && buf[end - 1] === CR) end--;
    this.handler.line(buf, start, end, this.lineNo, clean);
  }

  private skipByteOrderMark(buf: Buffer, start: number, end: number): number {
    if (end - start >= 3 && buf[start] === 0xef && buf[start + 1] === 0xbb && buf[start + 2] === 0xbf) {
      this.stats.bom = true;
      return start + 3;
    }
    const b0 = buf[start];
    const b1 = buf[start + 1];
    if (end - start >= 2 && ((b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff))) this.stats.utf16 = true;
    return start;
  }
}
