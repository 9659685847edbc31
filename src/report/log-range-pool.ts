// The worker threads of the parallel reader (logs-parallel.ts): ranges planned in reading order, each either sent to
// every worker a little ahead of the main thread, read by a worker or, when none has claimed it by the time the main
// thread reaches it, by the main thread itself; handed out in reading order.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { FileSegment, RangeRequest } from './log-file-segment.js';
import type { LogRange, RangePlanner } from './log-ranges.js';
import type { RenderSpec } from './log-segments.js';
import { Claim, type WorkerMessage, type WorkerResult } from './logs-worker.js';

/** A range in reading order, and what a worker makes of it (null: the main thread reads it). */
export interface RangeJob {
  range: LogRange;
  id: number;
  segment: Promise<FileSegment | null> | null;
}

export interface PoolOptions {
  workers: number;
  /** The main thread reads the ranges it reaches before a worker has claimed them. */
  mainReads: boolean;
  spec: RenderSpec;
  maxLineBytes?: number;
  onWarning?: (text: string) => void;
}

/**
 * Ranges planned ahead of the main thread, per worker: the worker takes the furthest, the main thread the nearest
 * still open; what the workers rendered waits in memory until the main thread reaches it.
 */
const AHEAD_PER_WORKER = 4;
/** The table of claims is a ring: far longer than the ranges ahead at any time. */
const CLAIM_SLOTS = 1024;

export class RangePool {
  private readonly workers: Worker[] = [];
  private readonly claims = new Int32Array(new SharedArrayBuffer(4 * CLAIM_SLOTS));
  private readonly pending = new Map<number, (segment: FileSegment | null) => void>();
  /** Which worker rendered each segment not yet taken (its blocks go back to it). */
  private readonly renderedBy = new Map<number, Worker>();
  private readonly planned: RangeJob[] = [];
  private sent = 0;
  /** A worker failed: the main thread reads every range not yet read. */
  private broken = false;

  constructor(
    start: () => Worker,
    private readonly planner: RangePlanner,
    private readonly options: PoolOptions,
  ) {
    for (let i = 0; i < options.workers; i++) {
      const worker = start();
      worker.on('message', (m: WorkerResult) => {
        if (m.segment) this.renderedBy.set(m.id, worker);
        this.pending.get(m.id)?.(m.segment ?? null);
        this.pending.delete(m.id);
      });
      // A worker that fails leaves its ranges, and those of the others, to the main thread.
      worker.on('error', (e) => {
        if (!this.broken) options.onWarning?.(`a log-reading thread failed (${String(e)}); reading on one thread`);
        this.failAll();
      });
      worker.on('exit', () => this.failAll());
      const message: WorkerMessage = { claims: this.claims };
      worker.postMessage(message);
      this.workers.push(worker);
    }
    this.fill();
  }

  /**
   * The next range in reading order, which must be of file `path` (else null: the plan went wrong). Its segment is
   * null when the main thread is to read it: no worker had claimed it, and now none will.
   */
  next(path: string): RangeJob | null {
    this.fill();
    const job = this.planned.shift() ?? this.plan();
    if (job === null || job.range.path !== path) return null;
    if (job.segment && this.options.mainReads && this.claim(job.id)) {
      this.pending.delete(job.id);
      return { ...job, segment: null };
    }
    return job;
  }

  /** The main thread is done with the job: another range may be planned, its blocks go back to its worker. */
  taken(job: RangeJob, blocks: ArrayBuffer[] = []): void {
    const worker = this.renderedBy.get(job.id);
    this.renderedBy.delete(job.id);
    if (worker && !this.broken && blocks.length > 0) {
      const message: WorkerMessage = { recycle: blocks };
      worker.postMessage(message, blocks);
    }
    this.fill();
  }

  /** Claims range `id` for the main thread; false when a worker has it already. */
  private claim(id: number): boolean {
    const slot = id % CLAIM_SLOTS;
    return Atomics.compareExchange(this.claims, slot, Claim.Open, Claim.Main) === Claim.Open;
  }

  private fill(): void {
    while (this.planned.length < AHEAD_PER_WORKER * this.workers.length) {
      const job = this.plan();
      if (job === null) return;
      this.planned.push(job);
    }
  }

  /** The next range, offered to every worker (null when every range is planned). */
  private plan(): RangeJob | null {
    const range = this.planner.next();
    if (range === null) return null;
    const id = this.sent++;
    if (this.broken || this.workers.length === 0) return { range, id, segment: null };
    Atomics.store(this.claims, id % CLAIM_SLOTS, Claim.Open);
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
    const segment = new Promise<FileSegment | null>((resolve) => this.pending.set(id, resolve));
    const message: WorkerMessage = { range: request };
    for (const worker of this.workers) worker.postMessage(message);
    return { range, id, segment };
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
