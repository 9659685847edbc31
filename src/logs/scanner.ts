// The streaming API: feed the bytes of one or more files in any chunks, get events, sessions and diagnoses.
// Nothing here touches the file system, so the same code reads files, stdin or test buffers.
import { diagnoseSession } from './diagnose.js';
import { EntryParser, type EntryStats } from './entries.js';
import type { LogEvent } from './events.js';
import { DEFAULT_MAX_LINE_BYTES, LineSplitter, type LineCounts } from './lines.js';
import { SessionAssembler, type SessionEvidence } from './sessions.js';
import type { LogDiagnosis, LogFileStats, LogSession } from './types.js';

export interface LogScannerOptions {
  /** Lines longer than this are counted and skipped (default 1 MiB). */
  maxLineBytes?: number;
  /** Every recognised entry, in log order. */
  onEvent?: (event: LogEvent) => void;
  /** Every session once it is complete (or the input ends), with its diagnoses. */
  onSession?: (session: LogSession, diagnoses: LogDiagnosis[], evidence: SessionEvidence) => void;
  /** Every line after which the reading starts afresh (see SessionAssembler.freshAfter), with its byte range. */
  onFreshStart?: (point: FreshStart) => void;
}

/** A line that started a session while every earlier one had ended: a place where a file may be cut. */
export interface FreshStart {
  /** The order of the session it started (0 for the first session of this scanner). */
  order: number;
  line: number;
  /** The line's first byte in the file, and the byte after its line break. */
  start: number;
  end: number;
}

/** A section's share of a file's counts (LogFileStats less what only the whole file has: bytes, BOM, cut end). */
export type SectionCounts = EntryStats & LineCounts;

/** The counts of two sections, `a` then `b`. */
export function addCounts(a: SectionCounts, b: SectionCounts): SectionCounts {
  return {
    lines: a.lines + b.lines,
    longLines: a.longLines + b.longLines,
    firstLongLine: a.firstLongLine ?? b.firstLongLine,
    entries: a.entries + b.entries,
    continuation: a.continuation + b.continuation,
    unknown: a.unknown + b.unknown,
    blank: a.blank + b.blank,
    garbage: a.garbage + b.garbage,
    firstGarbageLine: a.firstGarbageLine ?? b.firstGarbageLine,
    unparsed: a.unparsed + b.unparsed,
  };
}

export class LogScanner {
  private readonly assembler: SessionAssembler;
  private readonly parser: EntryParser;
  private splitter: LineSplitter | null = null;
  private readonly maxLineBytes: number;

  constructor(options: LogScannerOptions = {}) {
    this.maxLineBytes = options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
    const onSession = options.onSession;
    this.assembler = new SessionAssembler((session, evidence) => {
      onSession?.(session, diagnoseSession(session, evidence), evidence);
    });
    const onEvent = options.onEvent;
    const assembler = this.assembler;
    this.parser = new EntryParser(
      onEvent
        ? {
            event(e) {
              onEvent(e);
              assembler.event(e);
            },
          }
        : assembler,
    );
    const onFresh = options.onFreshStart;
    if (onFresh) {
      this.assembler.onFreshStart = (order, line) => {
        const splitter = this.splitter;
        // Only a complete line can be cut after; the last line of a file without its break cannot.
        if (splitter?.lineHasBreak) onFresh({ order, line, start: splitter.lineStart, end: splitter.lineEnd });
      };
    }
  }

  /** Whether everything after the entry on `line` of this file reads as if the reading had started there. */
  freshAfter(line: number): boolean {
    return this.assembler.freshAfter(line);
  }

  /**
   * Continues this file at byte `to.offset`, the start of line `to.line` (an entry that starts a session, so the
   * parser's context does not matter), after `sessions` sessions read by someone else since freshAfter held at the
   * last line written (which ended with its line break). `skipped` are the counts of the lines in between, which
   * the file's stats then include as if they had been read here.
   */
  resumeAfter(sessions: number, to: { line: number; offset: number }, skipped: SectionCounts): void {
    const splitter = this.splitter;
    if (!splitter) throw new Error('resumeAfter() without beginFile()');
    this.assembler.skipSessions(sessions);
    this.parser.resetContext();
    this.parser.addStats(skipped);
    splitter.skipTo(to, skipped);
  }

  /**
   * The counts since the last call (or the file's start), and a new section from here: the parallel reader's worker
   * takes them at each fresh start (called from onFreshStart, they include that line). The file's stats at endFile
   * are then those of its last section only.
   */
  takeSection(): SectionCounts {
    const splitter = this.splitter;
    if (!splitter) throw new Error('takeSection() without beginFile()');
    const counts = this.peekSection();
    this.parser.takeFileStats();
    splitter.takeSection();
    return counts;
  }

  /** The counts since the last takeSection (or the file's start), without starting a new section. */
  peekSection(): SectionCounts {
    const splitter = this.splitter;
    if (!splitter) throw new Error('peekSection() without beginFile()');
    const p = this.parser.statsSoFar;
    const l = splitter.sectionCounts();
    // Written out, not spread: the worker calls this once per session.
    return {
      lines: l.lines,
      longLines: l.longLines,
      firstLongLine: l.firstLongLine,
      entries: p.entries,
      continuation: p.continuation,
      unknown: p.unknown,
      blank: p.blank,
      garbage: p.garbage,
      firstGarbageLine: p.firstGarbageLine,
      unparsed: p.unparsed,
    };
  }

  /**
   * Starts a file: line numbers restart at 1; open sessions carry on (the client rotates its log mid-session).
   * `from` starts reading mid-file instead: the first byte written is at `from.offset` and follows line `from.line`
   * (a line start; the parallel reader's worker reads a range of a large file).
   */
  beginFile(name: string, from?: { line: number; offset: number }): void {
    if (this.splitter) this.endFile();
    this.assembler.beginFile(name);
    this.parser.resetContext();
    this.splitter = new LineSplitter(this.parser, this.maxLineBytes, from);
  }

  /** Client entries seen so far in the current file. */
  get entriesInFile(): number {
    return this.parser.entriesSoFar;
  }

  write(chunk: Buffer): void {
    if (!this.splitter) this.beginFile('<input>');
    this.splitter!.push(chunk);
  }

  /** Ends the current file and returns how its bytes were read. */
  endFile(): LogFileStats {
    const splitter = this.splitter;
    if (!splitter) throw new Error('endFile() without beginFile()');
    splitter.end();
    this.splitter = null;
    const counts = this.parser.takeFileStats();
    return {
      bytes: splitter.stats.bytes,
      lines: splitter.stats.lines,
      ...counts,
      longLines: splitter.stats.longLines,
      firstLongLine: splitter.stats.firstLongLine,
      bom: splitter.stats.bom,
      cutLastLine: splitter.stats.cutLastLine,
      utf16: splitter.stats.utf16,
    };
  }

  /** Ends the input: every open session is closed (INCOMPLETE when it has no result). */
  finish(): void {
    if (this.splitter) this.endFile();
    this.assembler.finish();
  }
}

export interface ScanResult {
  sessions: LogSession[];
  diagnoses: LogDiagnosis[];
  stats: LogFileStats;
}

/** Reads one in-memory log given as chunks (tests, `formatTraceAsLog` round trips). */
export function scanChunks(chunks: Iterable<Buffer>, name = '<input>', options: LogScannerOptions = {}): ScanResult {
  const collector = new SessionCollector(options.onSession);
  const scanner = new LogScanner({ ...options, onSession: collector.add });
  scanner.beginFile(name);
  for (const c of chunks) scanner.write(c);
  const stats = scanner.endFile();
  scanner.finish();
  return { ...collector.result(), stats };
}

/** Keeps sessions and diagnoses, and puts them back in log order (sessions complete out of order). */
export class SessionCollector {
  private readonly found: { order: number; session: LogSession; diagnoses: LogDiagnosis[] }[] = [];

  constructor(private readonly also?: LogScannerOptions['onSession']) {}

  readonly add = (session: LogSession, diagnoses: LogDiagnosis[], evidence: SessionEvidence): void => {
    this.found.push({ order: evidence.order, session, diagnoses });
    this.also?.(session, diagnoses, evidence);
  };

  result(): { sessions: LogSession[]; diagnoses: LogDiagnosis[] } {
    const sorted = [...this.found].sort((a, b) => a.order - b.order);
    return { sessions: sorted.map((f) => f.session), diagnoses: sorted.flatMap((f) => f.diagnoses) };
  }
}
