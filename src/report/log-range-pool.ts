// The worker threads of the parallel reader (logs-parallel.ts): ranges planned in reading order, each either sent to
// a worker a little ahead of the main thread or left to the main thread itself, handed out in that order.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { FileSegment, RangeRequest } from './log-file-segment.js';
import type { LogRange, RangePlanner } from './log-ranges.js';
import type { RenderSpec } from './log-segments.js';
import type { WorkerMessage } from './logs-worker.js';

/** A range in reading order, and what a worker made of it (null: the main thread reads it). */
export interface RangeJob {
  range: LogRange;
  segment: Promise<FileSegment | null> | null;
  worker: number;
}

export interface PoolOptions {
  workers: number;
  /** Every this many ranges the main thread reads one itself (0: never). */
  ownEvery: number;
  spec: RenderSpec;
  maxLineBytes?: number;
  onWarning?: (text: string) => void;
}

/** Ranges sent ahead per worker: one being read, one waiting; their rendering waits in memory until taken. */
const AHEAD_PER_WORKER = 2;

export class RangePool {
  private readonly workers: Worker[] = [];
  /** Ranges sent to each worker and not yet taken by the main thread. */
  private readonly outstanding: number[] = [];
  private readonly pending = new Map<number, (segment: FileSegment | null) => void>();
  private readonly planned: RangeJob[] = [];
  private sent = 0;
  private ranges = 0;
  /** A worker failed: the main thread reads every range not yet read. */
  private broken = false;

  constructor(
    start: () => Worker,
    private readonly planner: RangePlanner,
    private readonly options: PoolOptions,
  ) {
    for (let i = 0; i < options.workers; i++) {
      const worker = start();
      worker.on('message', (m: { id: number; segment?: FileSegment; error?: string }) => {
        this.pending.get(m.id)?.(m.segment ?? null);
        this.pending.delete(m.id);
      });
      // A worker that fails leaves its ranges, and those of the others, to the main thread.
      worker.on('error', (e) => {
        if (!this.broken) options.onWarning?.(`a log-reading thread failed (${String(e)}); reading on one thread`);
        this.failAll();
      });
      worker.on('exit', () => this.failAll());
      this.workers.push(worker);
      this.outstanding.push(0);
    }
    this.fill();
  }

  /** The next range in reading order, which must be of file `path` (else null: the plan went wrong). */
  next(path: string): RangeJob | null {
    this.fill();
    let job = this.planned.shift();
    if (job === undefined) {
      // No worker could take it (none was asked for): the main thread reads it.
      const range = this.planner.next();
      if (range !== null) this.ranges++;
      job = range === null ? undefined : { range, segment: null, worker: -1 };
    }
    if (job === undefined || job.range.path !== path) return null;
    return job;
  }

  /** The main thread took the job's segment: its worker may be sent another range. */
  taken(job: RangeJob): void {
    if (job.segment) this.outstanding[job.worker]!--;
    this.fill();
  }

  /** Hands blocks the main thread has written back to the worker that rendered them. */
  recycle(job: RangeJob, blocks: ArrayBuffer[]): void {
    const worker = this.workers[job.worker];
    if (this.broken || worker === undefined || blocks.length === 0) return;
    const message: WorkerMessage = { recycle: blocks };
    worker.postMessage(message, blocks);
  }

  private fill(): void {
    for (;;) {
      const worker = this.idlest();
      if (worker === null) return;
      const range = this.planner.next();
      if (range === null) return;
      const own = this.broken || (this.options.ownEvery > 0 && this.ranges % this.options.ownEvery === 0);
      this.ranges++;
      this.planned.push({ range, segment: own ? null : this.send(worker, range), worker });
    }
  }

  /** The worker with the fewest ranges outstanding, if it may take another. */
  private idlest(): number | null {
    let best: number | null = null;
    for (let i = 0; i < this.outstanding.length; i++) {
      if (best === null || this.outstanding[i]! < this.outstanding[best]!) best = i;
    }
    if (best === null || this.outstanding[best]! >= AHEAD_PER_WORKER) return null;
    return best;
  }

  private send(worker: number, range: LogRange): Promise<FileSegment | null> {
    const id = this.sent++;
    this.outstanding[worker]!++;
    const { spec, maxLineBytes } = this.options;
    const request: RangeRequest = {
      id,
      path: range.path,
      start: range.start,
      end: range.end,
      startLine: range.startLine,
      spec,
      ...(maxLineBytes !== undefined ? { maxLineBytes } : {}),
    };
    const result = new Promise<FileSegment | null>((resolve) => this.pending.set(id, resolve));
    const message: WorkerMessage = { range: request };
    this.workers[worker]!.postMessage(message);
    return result;
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

/**
 * How to start a worker: logs-worker.js beside this module in the bundle and in dist/; from source (tests), a small
 * script that registers tsx in the worker and imports logs-worker.ts (Node 20 does not hand --import hooks on to a
 * worker's entry). Null when neither is there: then one thread reads.
 */
export function workerEntry(): (() => Worker) | null {
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
