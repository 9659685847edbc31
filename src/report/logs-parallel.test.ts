// The parallel reader must write exactly what the one-thread reader writes, above all where a session goes on from
// one file into the next (the client rotated its log mid-session). Folders are cut from the seed's real logs at
// lines inside sessions; each is read both ways, through real worker threads, and the outputs compared byte for byte.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureText } from '../logs/fixtures.test-helpers.js';
import { planLogs, readLogs } from '../logs/read.js';
import { BlockOutput } from './block-output.js';
import type { RenderSpec } from './log-segments.js';
import { JsonLogWriter } from './logs-json.js';
import { writeLogs } from './logs-parallel.js';
import { TextLogWriter } from './logs.js';

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

async function render(paths: string[], spec: RenderSpec, parallel: boolean) {
  const plan = await planLogs(paths);
  let text = '';
  const byWorker: string[] = [];
  const out = new BlockOutput((t) => (text += t));
  const writer =
    spec.format === 'json' ? new JsonLogWriter(out, spec.manyFiles) : new TextLogWriter(out, spec.manyFiles, spec);
  const files = await writeLogs(plan, writer, spec, {
    minParallelBytes: parallel ? 0 : Infinity,
    workers: 2,
    onFile: (path, worker) => {
      if (worker) byWorker.push(path);
    },
    onWarning: (w) => {
      throw new Error(w);
    },
  });
  writer.end(files);
  return { text, byWorker };
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
    expect(one.byWorker).toEqual([]);
    // Not vacuous: files were stitched around a worker's sessions (the others, read whole by the main thread, are
    // those where its reading did not come back to a fresh start before the worker's last one).
    expect(two.byWorker.length).toBeGreaterThan(0);
  });

  it('writes the text one thread writes, for two inputs (each its own stream) cut unevenly', async () => {
    const a = folder('input-a', lines.slice(0, 700), [5, 36, 37, 300, 301, 302]);
    const b = folder('input-b', lines.slice(700), [3, 200, 301, 702]);
    const spec: RenderSpec = { format: 'text', manyFiles: true, color: true, width: 80, quiet: false };
    const one = await render([a, b], spec, false);
    const two = await render([a, b], spec, true);
    expect(two.text).toBe(one.text);
    expect(two.byWorker.length).toBeGreaterThan(0);
  });
});
