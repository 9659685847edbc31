// The parallel reader must write exactly what the one-thread reader writes, above all where a session goes on from
// one file into the next (the client rotated its log mid-session). Folders are cut from the seed's real logs at
// lines inside sessions; each is read both ways, through real worker threads, and the outputs compared byte for byte.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureText } from '../logs/fixtures.test-helpers.js';
import { planLogs, readLogs } from '../logs/read.js';
import { BlockOutput } from './block-output.js';
import type { RenderSpec } from './log-segments.js';
import { JsonLogWriter } from './logs-json.js';
import { MIN_PARALLEL_BYTES, writeLogs, type WriteLogsOptions } from './logs-parallel.js';
import { TextLogWriter } from './logs.js';
import { workerEntry } from './log-range-pool.js';

const SEED_IDS = ['7f73a8ab', 'af1a279d', 'd6df764d', '6a775665'];

/** The three seed logs `n` times over, each time with its own session ids, as lines. */
function seedLines(n: number): string[] {
  const one = fixtureText('connected') + fixtureText('noReachable') + fixtureText('pcoip');
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    let text = one;
    for (const id of SEED_IDS) text = text.replaceAll(id, `${id.slice(0, 4)}${String(i).padStart(4, '0')}`);
    lines.push(...text.split('\n').slice(0, -1));
  }
  return lines;
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'wspl-parallel-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A folder of the lines cut before each of `cuts` (line indexes); file names sort in reading order. */
function folder(name: string, lines: string[], cuts: number[]): string {
  const path = join(dir, name);
  mkdirSync(path);
  const bounds = [0, ...cuts, lines.length];
  for (let f = 0; f + 1 < bounds.length; f++) {
    // Files are ordered by their first timestamp, then their name: the seed's times repeat, so the name decides
    // only among equals; both readers use the same order either way.
    writeFileSync(
      join(path, `part-${String(f).padStart(2, '0')}.log`),
      lines.slice(bounds[f], bounds[f + 1]).join('\n') + '\n',
    );
  }
  return path;
}

async function render(paths: string[], spec: RenderSpec, parallel: boolean, more: WriteLogsOptions = {}) {
  const plan = await planLogs(paths);
  const bytes: Uint8Array[] = [];
  const byWorker: string[] = [];
  let ranges = 0;
  const warnings: string[] = [];
  // Bytes as stdout takes them: every block is copied, so the blocks handed back to workers may be reused at once.
  const out = new BlockOutput(
    () => undefined,
    (b) => (bytes.push(Buffer.from(b)), true),
  );
  const writer =
    spec.format === 'json' ? new JsonLogWriter(out, spec.manyFiles) : new TextLogWriter(out, spec.manyFiles, spec);
  const files = await writeLogs(plan, writer, spec, {
    minParallelBytes: parallel ? 0 : Infinity,
    workers: 2,
    // The workers start slowly from source (tsx): the main thread would read these small files before they start.
    mainReads: false,
    output: out,
    onFile: (path, worker) => {
      ranges += worker;
      if (worker > 0) byWorker.push(path);
    },
    onWarning: (w) => {
      warnings.push(w);
    },
    ...more,
  });
  writer.end(files);
  return { text: Buffer.concat(bytes).toString('utf8'), byWorker, ranges, files, warnings };
}

const lines = seedLines(40);

// Each parallel reading starts two workers (from source, through tsx: about a second), so the cases are few.
describe('writeLogs in parallel', () => {
  it('writes the JSON one thread writes, on a folder cut inside sessions', async () => {
    // Cuts every 97 lines: a session's start in one file and its endpoints, result or broker error in the next.
    const path = folder(
      'every-97',
      lines,
      Array.from({ length: 14 }, (_, i) => (i + 1) * 97),
    );
    const report = await readLogs([path]);
    expect(report.sessions.some((s) => new Set(s.lines.map((l) => l.file)).size > 1)).toBe(true);
    const spec: RenderSpec = { format: 'json', manyFiles: true, color: false, width: 100, quiet: false };
    const one = await render([path], spec, false);
    const two = await render([path], spec, true);
    expect(two.text).toBe(one.text);
    expect(two.warnings).toEqual([]);
    expect(one.byWorker).toEqual([]);
    // Not vacuous: files were stitched around a worker's sessions (the others, read whole by the main thread, are
    // those where its reading did not come back to a fresh start before the worker's last one).
    expect(two.byWorker.length).toBeGreaterThan(0);
  });

  it('by default reads on worker threads only from 1 GiB of input, or from the size the environment sets', async () => {
    const path = folder('default-size', lines, [300, 600]);
    const spec: RenderSpec = { format: 'json', manyFiles: true, color: false, width: 100, quiet: false };
    const saved = process.env.WSPL_LOGS_PARALLEL_MIN_BYTES;
    try {
      delete process.env.WSPL_LOGS_PARALLEL_MIN_BYTES;
      const byDefault = await render([path], spec, false, { minParallelBytes: undefined });
      expect(byDefault.byWorker).toEqual([]);
      process.env.WSPL_LOGS_PARALLEL_MIN_BYTES = '1';
      const told = await render([path], spec, false, { minParallelBytes: undefined });
      expect(told.byWorker.length).toBeGreaterThan(0);
      expect(told.text).toBe(byDefault.text);
    } finally {
      if (saved === undefined) delete process.env.WSPL_LOGS_PARALLEL_MIN_BYTES;
      else process.env.WSPL_LOGS_PARALLEL_MIN_BYTES = saved;
    }
    expect(MIN_PARALLEL_BYTES).toBe(2 ** 30);
  });

  it('writes the text one thread writes, for two inputs (each its own stream) cut unevenly', async () => {
    const a = folder('input-a', lines.slice(0, 700), [5, 36, 37, 300, 301, 302]);
    const b = folder('input-b', lines.slice(700), [3, 200, 301, 702]);
    const spec: RenderSpec = { format: 'text', manyFiles: true, color: true, width: 80, quiet: false };
    const one = await render([a, b], spec, false);
    const two = await render([a, b], spec, true);
    expect(two.text).toBe(one.text);
    expect(two.warnings).toEqual([]);
    expect(two.byWorker.length).toBeGreaterThan(0);
  });
});

/**
 * One file with every awkward thing a cut may meet, as bytes: a BOM, CRLF lines, lines of invalid UTF-8, a line longer
 * than the line cap (and than a range), a stretch of several ranges without a fresh start (lines that are not
 * entries), and a last line without its line break.
 */
function awkwardFile(name: string): string {
  const parts: Buffer[] = [Buffer.from([0xef, 0xbb, 0xbf])];
  seedLines(20).forEach((line, i) => {
    parts.push(Buffer.from(line + (i % 7 === 3 ? '\r\n' : '\n')));
    if (i === 200 || i === 530) parts.push(Buffer.from([0x41, 0xff, 0xfe, 0x00, 0x0a]));
    if (i === 300) parts.push(Buffer.from('y'.repeat(9000) + '\n'));
    if (i === 400) for (let n = 0; n < 300; n++) parts.push(Buffer.from(`not an entry, line ${n} of a stack trace\n`));
  });
  parts.push(Buffer.from('2025-08-28T04:29:38.638Z { Version: "5.29.1.5595" }: [INF] cut while writ'));
  const path = join(dir, name);
  writeFileSync(path, Buffer.concat(parts));
  return path;
}

// Ranges of 2.5 KB (a session of the seed is up to 5 KB): sessions cross cuts, some ranges hold no fresh start.
const SMALL = { rangeBytes: 2500, maxLineBytes: 4096 } as const;

describe('writeLogs in parallel on one file cut into ranges', () => {
  it('writes the JSON and counts one thread writes, with one worker reading every range', async () => {
    const path = awkwardFile('awkward.log');
    const spec: RenderSpec = { format: 'json', manyFiles: false, color: false, width: 100, quiet: false };
    const one = await render([path], spec, false, SMALL);
    const two = await render([path], spec, true, { ...SMALL, workers: 1 });
    expect(two.text).toBe(one.text);
    expect(two.files).toEqual(one.files);
    expect(two.warnings).toEqual([]);
    // Not vacuous: the file's counts have every awkward thing, and many ranges came from the worker.
    const stats = one.files[0]!.stats;
    expect(stats).toMatchObject({ bom: true, cutLastLine: true, longLines: 1, garbage: 2 });
    expect(stats.unknown + stats.continuation).toBeGreaterThan(300);
    expect(two.ranges).toBeGreaterThan(4);
  });

  it('takes the counts up to the last fresh start of a range that has more than the marks kept (256)', async () => {
    // 140 times the seed: 280 fresh starts in one range (the default range size holds the whole file).
    const path = join(dir, 'many-marks.log');
    writeFileSync(path, seedLines(140).join('\n') + '\n');
    const spec: RenderSpec = { format: 'json', manyFiles: false, color: false, width: 100, quiet: false };
    const one = await render([path], spec, false);
    const two = await render([path], spec, true, { workers: 1 });
    expect(two.text).toBe(one.text);
    expect(two.files).toEqual(one.files);
    expect(two.ranges).toBe(1);
  });

  it('writes the text one thread writes, on two workers, a folder whose files are cut into ranges', async () => {
    const a = folder('ranges-a', lines.slice(0, 900), [400]);
    const spec: RenderSpec = { format: 'text', manyFiles: true, color: false, width: 80, quiet: false };
    const one = await render([a, awkwardFile('awkward-2.log')], spec, false, SMALL);
    const two = await render([a, awkwardFile('awkward-2.log')], spec, true, SMALL);
    expect(two.text).toBe(one.text);
    expect(two.files).toEqual(one.files);
    expect(two.byWorker.length).toBe(3);
  });

  it('reads on in one thread, exactly, when a worker fails at once or stops mid-way', async () => {
    const path = awkwardFile('awkward-3.log');
    const spec: RenderSpec = { format: 'json', manyFiles: false, color: false, width: 100, quiet: false };
    const one = await render([path], spec, false, SMALL);
    const failing = () => new Worker('throw new Error("no worker today")', { eval: true });
    const failed = await render([path], spec, true, { ...SMALL, workers: 1, startWorker: failing });
    expect(failed.text).toBe(one.text);
    expect(failed.files).toEqual(one.files);
    expect(failed.warnings.join()).toMatch(/failed .*no worker today.*one thread/);
    // A real worker that is stopped after its third range: the ranges after it are read by the main thread.
    const entry = workerEntry()!;
    const stopping = () => {
      const worker = entry();
      let n = 0;
      worker.on('message', () => {
        if (++n === 3) void worker.terminate();
      });
      return worker;
    };
    const stopped = await render([path], spec, true, { ...SMALL, workers: 1, startWorker: stopping });
    expect(stopped.text).toBe(one.text);
    expect(stopped.files).toEqual(one.files);
    expect(stopped.ranges).toBeGreaterThan(0);
    expect(stopped.ranges).toBeLessThanOrEqual(3);
  });
});
