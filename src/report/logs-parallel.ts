// `wspl logs` on several files, using every core: worker threads read and render whole files at once, the main
// thread stitches them in reading order, and the output is byte for byte what the one-thread reader writes.
//
// Why the stitching is exact: a folder's files are one stream (a session may continue after the client rotated its
// log), so a file read from a fresh start may differ from the same file read after the previous one — but only until
// a "fresh start": an entry that starts a session while every earlier session has ended (SessionAssembler.isFresh).
// After such a line the reader's whole state is that one new session, made of that line alone, whatever came
// before; the parser's context is that line's own, as the file's lines are the same in both readings. So:
//   - a worker reads file k alone and renders the sessions between its first fresh start A and its last one B;
//   - the main thread, with the true state carried from file k-1, reads file k's head up to and including line A,
//     and checks that its state is then fresh at A too (freshAfter). If so, both readings agree from A on: it drops
//     its copy of A's session, takes the worker's rendered sessions from A up to B, and reads the tail from line B
//     (where the worker's reading, from the same state, closed every session and started B's afresh). If not, it
//     reads the rest of the file itself. Either way the result is the sequential one.
// File counts (lines, entries, …) are the worker's: they depend on the file's bytes alone.
import { existsSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { readPlanned, readUnit, streamFile, type FileReader, type LogInput } from '../logs/read.js';
import type { LogScanner } from '../logs/scanner.js';
import type { LogDiagnosis, LogFileReport, LogSession } from '../logs/types.js';
import { segmentFrom, type FileSegment } from './log-file-segment.js';
import type { RenderSpec, RenderedSegment } from './log-segments.js';
import type { SegmentRequest } from './logs-worker.js';

/** A writer that takes sessions one by one, or rendered by a worker. */
export interface SegmentWriter {
  session(s: LogSession): void;
  diagnoses(list: readonly LogDiagnosis[]): void;
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
  /** Worker threads to start (default: the cores available, at most 4). */
  workers?: number;
  /** Told when a worker failed and one thread reads on. */
  onWarning?: (text: string) => void;
  /** Told how each file was read: stitched around a worker's segment, or by the main thread alone (tests). */
  onFile?: (path: string, byWorker: boolean) => void;
}

/**
 * Where the parallel reader is worth it: nowhere yet, so it is off unless WSPL_LOGS_PARALLEL_MIN_BYTES sets a size.
 * Measured on a folder of 16 files of 17 MB (docs/benchmarks.md), the workers spend about twice the CPU time per
 * byte of the one-thread reader: each warms up its own JIT, and each block it renders is fresh memory (page faults,
 * GC for external memory), where one thread reuses one block. On two shared cores that loses. Recycling the blocks
 * (the main thread handing written ones back) is the next step; the stitching itself is exact and tested.
 */
export const MIN_PARALLEL_BYTES = Infinity;

function minParallelBytes(): number {
  const set = Number(process.env.WSPL_LOGS_PARALLEL_MIN_BYTES);
  return Number.isFinite(set) && process.env.WSPL_LOGS_PARALLEL_MIN_BYTES !== '' ? set : MIN_PARALLEL_BYTES;
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
  const workers = Math.min(options.workers ?? Math.min(availableParallelism(), 4), files.length);
  const entry = workerEntry();
  const limit = options.minParallelBytes ?? minParallelBytes();
  const small = limit === Infinity || totalBytes(files) < limit;
  if (workers < 2 || entry === null || small || options.inspect) {
    return (await readPlanned(plan, readOptions)).files;
  }
  const pool = new SegmentPool(entry, workers, files, spec, options.maxLineBytes, options.onWarning);
  try {
    const reports: LogFileReport[] = [];
    for (const input of plan) {
      const readFile: FileReader = async (scanner, path) => {
        const segment = await pool.next(path);
        const stitched = await stitch(scanner, path, segment, writer, options.onSessions);
        options.onFile?.(path, stitched.byWorker);
        return stitched.stats;
      };
      const report = await readUnit(input, readOptions, readFile);
      for (const f of report.files) reports.push(f);
    }
    return reports;
  } finally {
    await pool.close();
  }
}

/** Reads file `path` into the scanner around the worker's segment, as explained at the top. */
async function stitch(
  scanner: LogScanner,
  path: string,
  segment: FileSegment | null,
  writer: SegmentWriter,
  onSessions: ((count: number) => void) | undefined,
): Promise<{ stats: FileSegment['stats']; byWorker: boolean }> {
  const write = (chunk: Buffer) => scanner.write(chunk);
  const marks = segment?.marks ?? [];
  const last = marks.at(-1);
  let read = 0;
  // The head: up to the first mark (before the last) where the main thread's reading is fresh too.
  for (const mark of marks) {
    if (!segment || !last || mark === last) break;
    await streamFile(path, write, read, mark.end);
    read = mark.end;
    if (!scanner.freshAfter(mark.line)) continue;
    const rendered = segmentFrom(segment, mark);
    writer.segment(rendered);
    onSessions?.(rendered.sessions);
    // The tail: from the last mark on, after the sessions the worker rendered.
    scanner.resumeAfter(rendered.sessions, { line: last.line, offset: last.start });
    await streamFile(path, write, last.start);
    scanner.endFile();
    return { stats: segment.stats, byWorker: true };
  }
  await streamFile(path, write, read);
  return { stats: scanner.endFile(), byWorker: false };
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

/**
 * How to start a worker: logs-worker.js beside this module in the bundle and in dist/; from source (tests), a small
 * script that registers tsx in the worker and imports logs-worker.ts (Node 20 does not hand --import hooks on to a
 * worker's entry). Null when neither is there: then one thread reads.
 */
function workerEntry(): (() => Worker) | null {
  const js = new URL('./logs-worker.js', import.meta.url);
  if (existsSync(fileURLToPath(js))) return () => new Worker(js);
  const ts = new URL('./logs-worker.ts', import.meta.url);
  if (!existsSync(fileURLToPath(ts))) return null;
  let tsx: string;
  try {
    // The ESM form of tsx's API (its CommonJS form cannot register hooks from an eval'd worker script).
    const pkg = createRequire(import.meta.url).resolve('tsx/package.json');
    tsx = pathToFileURL(join(dirname(pkg), 'dist/esm/api/index.mjs')).href;
  } catch {
    return null;
  }
  const script = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(ts.href)}); });`;
  return () => new Worker(script, { eval: true });
}

/** Workers reading files in order, a few ahead of the main thread, each file's segment handed out in that order. */
class SegmentPool {
  private readonly workers: Worker[] = [];
  private readonly pending = new Map<number, (segment: FileSegment | null) => void>();
  private readonly results = new Map<number, Promise<FileSegment | null>>();
  private sent = 0;
  private taken = 0;
  /** A worker failed: the main thread reads every file not yet read. */
  private broken = false;

  constructor(
    start: () => Worker,
    count: number,
    private readonly files: readonly string[],
    private readonly spec: RenderSpec,
    private readonly maxLineBytes: number | undefined,
    private readonly onWarning: ((text: string) => void) | undefined,
  ) {
    for (let i = 0; i < count; i++) {
      const worker = start();
      worker.on('message', (m: { id: number; segment?: FileSegment; error?: string }) => {
        this.pending.get(m.id)?.(m.segment ?? null);
        this.pending.delete(m.id);
      });
      // A worker that fails leaves its files, and those of the others, to the main thread.
      worker.on('error', (e) => {
        if (!this.broken) this.onWarning?.(`a log-reading thread failed (${String(e)}); reading on one thread`);
        this.failAll();
      });
      worker.on('exit', () => this.failAll());
      this.workers.push(worker);
    }
  }

  /** The segment of the next file in reading order (which must be `path`); null if no worker could read it. */
  async next(path: string): Promise<FileSegment | null> {
    // Keep every worker busy with the next files, but no further ahead: results wait in memory until taken.
    while (this.sent < this.files.length && this.sent < this.taken + this.workers.length * 2) this.send();
    const index = this.taken++;
    const result = this.results.get(index);
    this.results.delete(index);
    if (this.files[index] !== path || result === undefined) return null;
    return result;
  }

  private send(): void {
    const id = this.sent++;
    const worker = this.workers[id % this.workers.length];
    const path = this.files[id];
    if (this.broken || worker === undefined || path === undefined) {
      this.results.set(id, Promise.resolve(null));
      return;
    }
    const request: SegmentRequest = {
      id,
      path,
      spec: this.spec,
      ...(this.maxLineBytes !== undefined ? { maxLineBytes: this.maxLineBytes } : {}),
    };
    this.results.set(id, new Promise((resolve) => this.pending.set(id, resolve)));
    worker.postMessage(request);
  }

  private failAll(): void {
    this.broken = true;
    for (const resolve of this.pending.values()) resolve(null);
    this.pending.clear();
  }

  async close(): Promise<void> {
    this.broken = true;
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
