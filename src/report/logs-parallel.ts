// `wspl logs` on every core: worker threads read and render ranges of the files (a small file is one range, a large
// one is cut into ranges of about 16 MiB at line breaks, log-ranges.ts), the main thread stitches them in reading
// order, and the output is byte for byte what the one-thread reader writes.
//
// Why the stitching is exact: the ranges are one stream (a session may go on past a cut, or into the next file after
// the client rotated its log), so a range read from a fresh start may differ from the same range read after the one
// before — but only until a "fresh start": an entry that starts a session while every earlier session has ended
// (SessionAssembler.isFresh). After such a line the reader's whole state is that one new session, made of that line
// alone, whatever came before; the parser's context is that line's own (an entry). So:
//   - a worker reads range k alone, told the number of the line before it (the main thread counts line breaks as it
//     plans the ranges), and renders the sessions between its first fresh start A and its last one B, with the
//     counts of the lines between each two fresh starts;
//   - the main thread, with the true state carried from range k-1, reads range k's head up to and including line A,
//     and checks that its state is then fresh at A too (freshAfter). If so, both readings agree from A on: it drops
//     its copy of A's session, takes the worker's rendered sessions from A up to B and the counts of the lines in
//     between, and goes on reading at line B (where the worker's reading, from the same state, closed every session
//     and started B's afresh). If not, it reads the rest of the range itself. Either way the result is the sequential
//     one. The main thread reads every line but those between A and B, so the file's first line (a BOM) and its last
//     (cut without a line break) are its own; no line crosses a cut.
// The main thread is a reader too: a range no worker has claimed by the time the main thread reaches it, it reads itself,
// rendering straight into the output (log-range-pool.ts: a worker takes the furthest range open, so neither waits for
// the other while there is work). On two cores that makes one worker and the main thread.
import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { readPlanned, readUnit, streamFile, type FileReader, type LogInput } from '../logs/read.js';
import type { LogScanner } from '../logs/scanner.js';
import type { LogDiagnosis, LogFileReport, LogSession } from '../logs/types.js';
import type { BlockOutput } from './block-output.js';
import { segmentFrom, type FileSegment } from './log-file-segment.js';
import { RangePool, workerEntry } from './log-range-pool.js';
import { RangePlanner } from './log-ranges.js';
import type { RenderSpec, RenderedSegment } from './log-segments.js';

/** A writer that takes sessions one by one, or rendered by a worker. */
export interface SegmentWriter {
  session(s: LogSession): void;
  diagnoses(list: readonly LogDiagnosis[]): void;
  /** Writes the segment's session bytes before it returns (their blocks are then reused); may keep the rest. */
  segment(seg: RenderedSegment): void;
}

export interface WriteLogsOptions {
  maxLineBytes?: number;
  /** Told how many sessions have been read (progress). */
  onSessions?: (count: number) => void;
  /** Sees every session as an object (`--topology` compares them); one thread reads then. */
  inspect?: (session: LogSession) => void;
  /** Below this many bytes in all, one thread reads (starting workers costs more than it saves). */
  minParallelBytes?: number;
  /** Worker threads to start (default: one less than the cores, at most 3). */
  workers?: number;
  /**
   * Whether the main thread reads a range itself when it reaches one no worker has claimed yet (default true);
   * false leaves every range to the workers (tests; the main thread then only stitches).
   */
  mainReads?: boolean;
  /** The size of a range (default RANGE_BYTES; tests cut small files into many). */
  rangeBytes?: number;
  /** The writer's output: session bytes it has finished with go back to the workers for reuse. */
  output?: BlockOutput;
  /** Starts a worker (tests: one that fails); by default logs-worker beside this module. */
  startWorker?: () => Worker;
  /** Told when a worker failed and one thread reads on. */
  onWarning?: (text: string) => void;
  /** Told how many ranges of each file were stitched around a worker's segment (tests). */
  onFile?: (path: string, byWorker: number) => void;
}

/**
 * Where the parallel reader is worth it, as measured on 2 shared cores (docs/benchmarks.md, issue #15): from 1 GiB
 * of input it was faster in each of three interleaved rounds, on one file and on a folder of 16, in JSON and text
 * (by 3–15%); at 512 MiB and below it lost (a worker's start and JIT warm-up, and a second core that V8's helper
 * threads already use, cost more than the worker reads). WSPL_LOGS_PARALLEL_MIN_BYTES sets another size.
 */
export const MIN_PARALLEL_BYTES = 2 ** 30;

function minParallelBytes(): number {
  const set = Number(process.env.WSPL_LOGS_PARALLEL_MIN_BYTES);
  return Number.isFinite(set) && process.env.WSPL_LOGS_PARALLEL_MIN_BYTES !== '' ? set : MIN_PARALLEL_BYTES;
}

/** A whole number from the environment (benchmarks try other shapes), else `fallback`. */
function fromEnv(name: string, fallback: number): number {
  const set = Number(process.env[name]);
  return process.env[name] !== undefined && process.env[name] !== '' && Number.isInteger(set) ? set : fallback;
}

/**
 * Reads what `planLogs` listed into `writer`, in parallel where it pays, and returns the files read. The writer
 * gets exactly what the one-thread reader would give it.
 */
export async function writeLogs(
  plan: readonly LogInput[],
  writer: SegmentWriter,
  spec: RenderSpec,
  options: WriteLogsOptions = {},
): Promise<LogFileReport[]> {
  const onSession = (s: LogSession, diagnoses: LogDiagnosis[]) => {
    writer.session(s);
    writer.diagnoses(diagnoses);
    options.onSessions?.(1);
    options.inspect?.(s);
  };
  const readOptions = { maxLineBytes: options.maxLineBytes, keepSessions: false, onSession };
  const files = plan.flatMap((input) => (input.contents ? [] : input.files));
  const cores = availableParallelism();
  const workers = options.workers ?? fromEnv('WSPL_LOGS_WORKERS', Math.min(Math.max(cores - 1, 1), 3));
  const entry = options.startWorker ?? workerEntry();
  const limit = options.minParallelBytes ?? minParallelBytes();
  const small = limit === Infinity || totalBytes(files) < limit;
  if (workers < 1 || cores < 2 || entry === null || small || options.inspect) {
    return (await readPlanned(plan, readOptions)).files;
  }
  const rangeBytes = options.rangeBytes ?? fromEnv('WSPL_LOGS_RANGE_BYTES', 0);
  const planner = new RangePlanner(files, rangeBytes > 0 ? rangeBytes : undefined);
  const pool = new RangePool(entry, planner, {
    workers,
    mainReads: options.mainReads ?? true,
    spec,
    maxLineBytes: options.maxLineBytes,
    onWarning: options.onWarning,
  });
  const stitcher = new Stitcher(pool, writer, options);
  try {
    const reports: LogFileReport[] = [];
    for (const input of plan) {
      const readFile: FileReader = async (scanner, path) => {
        const byWorker = await stitcher.file(scanner, path);
        options.onFile?.(path, byWorker);
        return scanner.endFile();
      };
      const report = await readUnit(input, readOptions, readFile);
      for (const f of report.files) reports.push(f);
    }
    return reports;
  } finally {
    await pool.close();
  }
}

/** Reads files into the main thread's scanner, range by range, around the workers' segments. */
class Stitcher {
  constructor(
    private readonly pool: RangePool,
    private readonly writer: SegmentWriter,
    private readonly options: WriteLogsOptions,
  ) {}

  /** Reads file `path` (beginFile done); returns how many of its ranges came from a worker. */
  async file(scanner: LogScanner, path: string): Promise<number> {
    const write = (chunk: Buffer) => scanner.write(chunk);
    let read = 0;
    let byWorker = 0;
    for (;;) {
      const job = this.pool.next(path);
      if (job === null) {
        // Not planned as read (cannot happen unless the files changed under us): the rest is read here.
        await streamFile(path, write, read);
        return byWorker;
      }
      const segment = job.segment ? await job.segment : null;
      let written: ArrayBuffer[] = [];
      if (segment) {
        const stitched = await this.stitch(scanner, path, read, segment);
        read = stitched.read;
        written = stitched.written;
        if (stitched.byWorker) byWorker++;
      }
      this.pool.taken(job, written);
      const end = job.range.end;
      await streamFile(path, write, read, end);
      read = end;
      if (job.range.last) return byWorker;
    }
  }

  /**
   * Reads the range's head from `from` up to the first fresh start where the main thread's state is fresh too, and
   * takes the worker's segment from there; returns the offset to read on from (the segment's last mark, or where
   * the head reading stopped if no mark would do).
   */
  private async stitch(
    scanner: LogScanner,
    path: string,
    from: number,
    segment: FileSegment,
  ): Promise<{ read: number; byWorker: boolean; written: ArrayBuffer[] }> {
    const write = (chunk: Buffer) => scanner.write(chunk);
    const last = segment.marks.at(-1);
    let read = from;
    for (const mark of segment.marks) {
      if (!last || mark === last) break;
      await streamFile(path, write, read, mark.end);
      read = mark.end;
      if (!scanner.freshAfter(mark.line)) continue;
      const { rendered, skipped } = segmentFrom(segment, mark);
      const output = this.options.output;
      const kept = output?.keptPieces;
      this.writer.segment(rendered);
      // The session bytes are written: unless the output kept a reference, their blocks go back to the worker.
      const written = output && output.keptPieces === kept ? blocksOf(segment.sessionBytes) : [];
      this.options.onSessions?.(rendered.sessions);
      scanner.resumeAfter(rendered.sessions, { line: last.line, offset: last.start }, skipped);
      return { read: last.start, byWorker: true, written };
    }
    return { read, byWorker: false, written: [] };
  }
}

/** The whole blocks behind `pieces` (each once). */
function blocksOf(pieces: readonly Uint8Array[]): ArrayBuffer[] {
  const blocks = new Set<ArrayBuffer>();
  for (const p of pieces) if (p.buffer instanceof ArrayBuffer) blocks.add(p.buffer);
  return [...blocks];
}

function totalBytes(files: readonly string[]): number {
  let n = 0;
  for (const f of files) {
    try {
      n += statSync(f).size;
    } catch {
      // An unreadable file is reported by the reader.
    }
  }
  return n;
}
