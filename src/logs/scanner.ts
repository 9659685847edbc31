// The streaming API: feed the bytes of one or more files in any chunks, get events, sessions and diagnoses.
// Nothing here touches the file system, so the same code reads files, stdin or test buffers.
import { diagnoseSession } from './diagnose.js';
import { EntryParser } from './entries.js';
import type { LogEvent } from './events.js';
import { DEFAULT_MAX_LINE_BYTES, LineSplitter } from './lines.js';
import { SessionAssembler, type SessionEvidence } from './sessions.js';
import type { LogDiagnosis, LogFileStats, LogSession } from './types.js';

export interface LogScannerOptions {
  /** Lines longer than this are counted and skipped (default 1 MiB). */
  maxLineBytes?: number;
  /** Every recognised entry, in log order. */
  onEvent?: (event: LogEvent) => void;
  /** Every session once it is complete (or the input ends), with its diagnoses. */
  onSession?: (session: LogSession, diagnoses: LogDiagnosis[], evidence: SessionEvidence) => void;
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
  }

  /** Starts a file: line numbers restart at 1; open sessions carry on (the client rotates its log mid-session). */
  beginFile(name: string): void {
    if (this.splitter) this.endFile();
    this.assembler.beginFile(name);
    this.parser.resetContext();
    this.splitter = new LineSplitter(this.parser, this.maxLineBytes);
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
