// How much a second core can buy `wspl logs` on this machine, measured rather than assumed (issue #15 asks for a
// folder of logs on both cores; the parallel reader is exact but off by default because it lost here). Four figures,
// each in fresh processes so every one pays its own start-up and JIT warm-up as a user's command would:
//   1. a loop of arithmetic on one thread, then on two at once: how the cores scale with no memory traffic;
//   2. a walk over 32 MiB, one thread, then two at once: how they scale when memory is the limit;
//   3. the log reader on the two halves of a generated log (readRange, rendering JSON into a few reused blocks,
//      nothing written): one half after the other on one thread, then one half on the main thread and the other on a
//      worker at once. No stitching and no output: the most the parallel reader could gain;
//   4. the halves one after the other again, with and without V8's helper threads (`node --single-threaded`): how
//      much of the other core a one-thread reader already uses for compiling and collecting garbage;
//   5. a worker's cold start: when its modules are loaded, and how long each of its 16 MiB ranges takes (the first
//      ones before the JIT has warmed up).
// Uses the compiled modules (dist/, built by `npm ci`). Prints figures and ratios; asserts nothing.
// Usage: npx tsx bench/logs-cores.ts [LOG_MIB]   (default 256; WSPL_BENCH_RUNS rounds, the median is printed)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generateLogFile } from './logs.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const segmentModule = pathToFileURL(join(root, 'dist/report/log-file-segment.js')).href;
const RUNS = Number(process.env.WSPL_BENCH_RUNS ?? '3');
const RANGE = 16 * 1024 * 1024;

/**
 * The child process: a module run with `node --input-type=module`, told what to do through argv. It prints one JSON
 * line of milliseconds. Workers run the same text (eval), so both threads run identical code.
 */
const CHILD = `
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
const [what, path, from, to] = isMainThread ? process.argv.slice(2) : [];
const spec = { format: 'json', manyFiles: false, color: false, width: 100, quiet: false };
const ring = Array.from({ length: 4 }, () => Buffer.alloc(256 * 1024));
let next = 0;
const block = () => ring[next++ & 3];
async function range(path, start, end, line) {
  const { readRange } = await import(${JSON.stringify(segmentModule)});
  const t = performance.now();
  await readRange({ id: 0, path, start, end, startLine: line, spec }, block);
  return performance.now() - t;
}
function spin() {
  const t = performance.now();
  let x = 1;
  for (let i = 0; i < 3e8; i++) x = (x * 1103515245 + 12345) & 0x7fffffff;
  return [performance.now() - t, x];
}
function walk() {
  const a = new Int32Array(8 << 20);
  const t = performance.now();
  let x = 0;
  for (let r = 0; r < 16; r++) for (let i = 0; i < a.length; i++) a[i] = x = (x + a[i] + i) | 0;
  return [performance.now() - t, x];
}
async function job(args) {
  const [w, p, f, e, l] = args;
  if (w === 'spin') return spin()[0];
  if (w === 'walk') return walk()[0];
  if (w === 'ranges') {
    await import(${JSON.stringify(segmentModule)});
    const loaded = performance.timeOrigin + performance.now();
    const times = [];
    for (let at = Number(f); at < Number(e); at += ${RANGE}) times.push(await range(p, at, Math.min(at + ${RANGE}, Number(e)), 0));
    return { loaded, times };
  }
  return range(p, Number(f), Number(e), Number(l));
}
if (!isMainThread) {
  parentPort.postMessage(await job(workerData.args));
} else {
  const t0 = performance.timeOrigin + performance.now();
  let out;
  if (what === 'worker-ranges') {
    const r = await runWorker(['ranges', path, from, to]);
    out = { loadedAfter: r.loaded - t0, times: r.times };
  } else if (what === 'two') {
    // argv: two what path from to line what path from to line: the second runs on a worker.
    const a = process.argv.slice(3, 8);
    const b = process.argv.slice(8, 13);
    const t = performance.now();
    const other = runWorker(b);
    const mine = await job(a);
    const theirs = await other;
    out = { mine, theirs, both: performance.now() - t };
  } else {
    // One after the other on this thread: argv as for 'two'.
    const t = performance.now();
    const first = await job(process.argv.slice(3, 8));
    const second = await job(process.argv.slice(8, 13));
    out = { mine: first, theirs: second, both: performance.now() - t };
  }
  console.log(JSON.stringify(out));
}
function runWorker(args) {
  return new Promise((resolve, reject) => {
    const w = new Worker(process.env.WSPL_CORES_CHILD, { workerData: { args } });
    w.on('message', (m) => { resolve(m); void w.terminate(); });
    w.on('error', reject);
  });
}
`;

interface Child {
  mine?: number;
  theirs?: number;
  both?: number;
  loadedAfter?: number;
  times?: number[];
}

function run(childFile: string, args: string[], nodeFlags: string[] = []): Child {
  const r = spawnSync(process.execPath, [...nodeFlags, childFile, ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, WSPL_CORES_CHILD: childFile },
  });
  if (r.status !== 0) throw new Error(`bench child ${args.join(' ')} failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1) ?? 'null') as Child;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const ms = (x: number): string => `${x.toFixed(0)} ms`;

/** Two jobs, one after the other on one thread, then at once on two: rounds interleaved, medians. */
function pair(childFile: string, a: string[], b: string[]): Pair {
  const seq: number[] = [];
  const par: number[] = [];
  const alone: number[] = [];
  const atOnce: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const s = run(childFile, ['sequential', ...a, ...b]);
    seq.push(s.both ?? NaN);
    alone.push(s.mine ?? NaN, s.theirs ?? NaN);
    const p = run(childFile, ['two', ...a, ...b]);
    par.push(p.both ?? NaN);
    atOnce.push(p.mine ?? NaN, p.theirs ?? NaN);
  }
  return { sequential: median(seq), parallel: median(par), alone, atOnce };
}

interface Pair {
  sequential: number;
  parallel: number;
  /** Each job's own time, alone (first, second, per round) and at once (this thread's, the worker's, per round). */
  alone: number[];
  atOnce: number[];
}

function main(): void {
  const mib = Number(process.argv[2] ?? 256);
  const dir = mkdtempSync(join(tmpdir(), 'wspl-bench-cores-'));
  const childFile = join(dir, 'child.mjs');
  try {
    writeFileSync(childFile, CHILD);
    const log = join(dir, 'client.log');
    const { bytes } = generateLogFile(log, mib);
    const mid = String(Math.floor(bytes / 2));
    console.log(`two cores for \`wspl logs\`: ${RUNS} rounds each, medians (this machine reports its own cores)`);
    const spin = pair(childFile, ['spin', '-', '0', '0', '0'], ['spin', '-', '0', '0', '0']);
    console.log(
      `  arithmetic loop: one after the other ${ms(spin.sequential)}, at once ${ms(spin.parallel)}: ` +
        `×${(spin.sequential / spin.parallel).toFixed(2)} of one core (2.00 would be two whole cores)`,
    );
    const walk = pair(childFile, ['walk', '-', '0', '0', '0'], ['walk', '-', '0', '0', '0']);
    console.log(
      `  32 MiB memory walk: one after the other ${ms(walk.sequential)}, at once ${ms(walk.parallel)}: ` +
        `×${(walk.sequential / walk.parallel).toFixed(2)}`,
    );
    // The second half's first line number is not known here; it only changes the digits the rendering writes.
    const halves = pair(childFile, ['range', log, '0', mid, '0'], ['range', log, mid, String(bytes), '0']);
    console.log(
      `  log reader on the halves of a ${(bytes / 1e6).toFixed(0)} MB log: one after the other ${ms(halves.sequential)}, ` +
        `at once ${ms(halves.parallel)}: ×${(halves.sequential / halves.parallel).toFixed(2)}`,
    );
    console.log(
      `    each half alone (first cold, second warm): ${halves.alone.map(ms).join(', ')}; ` +
        `each half at once: ${halves.atOnce.map(ms).join(', ')}`,
    );
    // V8 compiles and collects garbage on helper threads: a "one-thread" reader already uses some of the other core.
    const helped: number[] = [];
    const unhelped: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const args = ['sequential', 'range', log, '0', mid, '0', 'range', log, mid, String(bytes), '0'];
      helped.push(run(childFile, args).both ?? NaN);
      unhelped.push(run(childFile, args, ['--single-threaded']).both ?? NaN);
    }
    console.log(
      `  the same halves one after the other without V8's helper threads (node --single-threaded): ` +
        `${ms(median(unhelped))} against ${ms(median(helped))}: ×${(median(unhelped) / median(helped)).toFixed(2)} ` +
        '(what one thread already takes from the other core)',
    );
    const cold = run(childFile, ['worker-ranges', log, '0', String(bytes)]);
    console.log(
      `  a worker's cold start: modules loaded ${ms(cold.loadedAfter ?? NaN)} after the process began; its 16 MiB ` +
        `ranges, in order: ${(cold.times ?? []).map((t) => t.toFixed(0)).join(' ')} ms`,
    );
    console.log(
      `  Beside the other, a half of the log takes ×${(median(halves.atOnce) / median(halves.alone)).toFixed(2)} ` +
        `its time alone (the memory walk: ×${(median(walk.atOnce) / median(walk.alone)).toFixed(2)}); ` +
        'what the parallel reader adds (stitching, moving the output) comes on top.',
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main();
