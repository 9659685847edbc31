// Whole commands as users run them: one `wspl` process each (compiled, `bin/wspl.js`), output to /dev/null, wall
// time and peak memory from /usr/bin/time. Beside each, the floor measured in the same run: a Node process that reads
// the same input with the same parser and does nothing else (`yaml`'s parse for design files, reading the bytes
// for logs), run in turns with each command so that each ratio compares runs of the same minute. Prints figures and
// ratios; asserts nothing.
// Usage: npx tsx bench/whole.ts [SCALES] [LOG_MIB]   (SCALES default "1,2", 0 for the logs rows only; LOG_MIB default 256; WSPL_BENCH_RUNS runs
// of each, the median is printed)
import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';
import { generateEstate, sizeAt } from './estate.js';
import { generateLogFile } from './logs.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const wspl = join(root, 'bin/wspl.js');
const RUNS = Number(process.env.WSPL_BENCH_RUNS ?? '1');
/** `wspl ARGS | cat`, through a shell (the time and peak memory are those of the whole pipeline's largest process). */
function intoPipe(args: string[]): string[] {
  return ['sh', '-c', '"$0" "$@" | cat', process.execPath, wspl, ...args];
}

/** The logs rows on one thread whatever the size of the log (the worker threads have rows of their own). */
const ONE_THREAD = { WSPL_LOGS_PARALLEL_MIN_BYTES: String(Number.MAX_SAFE_INTEGER) };

interface Timed {
  seconds: number;
  /** CPU time, user + system: less moved by other jobs on the machine than the wall time. */
  cpu: number;
  rssMiB: number;
  code: number;
}

/** One process, stdout to /dev/null. */
function timedOnce(argv: string[], env: NodeJS.ProcessEnv): Timed {
  const sink = openSync('/dev/null', 'w');
  const r = spawnSync('/usr/bin/time', ['-f', '%e %M %U %S', ...argv], {
    cwd: root,
    stdio: ['ignore', sink, 'pipe'],
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...env },
  });
  closeSync(sink);
  const [secs = 'NaN', kb = 'NaN', user = 'NaN', sys = 'NaN'] = (r.stderr.trim().split('\n').at(-1) ?? '').split(' ');
  return { seconds: Number(secs), cpu: Number(user) + Number(sys), rssMiB: Number(kb) / 1024, code: r.status ?? -1 };
}

/** The median of RUNS runs by time. */
function timed(argv: string[], env: NodeJS.ProcessEnv = {}): Timed {
  const runs: Timed[] = [];
  for (let i = 0; i < RUNS; i++) runs.push(timedOnce(argv, env));
  runs.sort((a, b) => a.seconds - b.seconds);
  return runs[Math.floor(runs.length / 2)]!;
}

// The floors: the same library and entry point wspl uses to read, nothing after it.
const yamlFloor = (file: string) => [
  process.execPath,
  '--input-type=module',
  '-e',
  `import { readFileSync } from 'node:fs'; import { parseDocument } from 'yaml';` +
    ` parseDocument(readFileSync(${JSON.stringify(file)}, 'utf8'), { keepSourceTokens: false }).toJS();`,
];
const bytesFloor = (file: string) => [
  process.execPath,
  '-e',
  `const s = require('node:fs').createReadStream(${JSON.stringify(file)}, { highWaterMark: 1 << 20 }); s.on('data', () => {});`,
];

/**
 * A command and its floor, run in turns (floor, command, floor, command, …): this machine's speed drifts by a third
 * from minute to minute, and a floor timed once at the start made later rows look slower than they were. The ratio
 * is the median of each turn's own ratio.
 */
function paired(argv: string[], floorArgv: string[], env: NodeJS.ProcessEnv = {}): Timed & { ratio: number } {
  const turns: { t: Timed; ratio: number }[] = [];
  for (let i = 0; i < RUNS; i++) {
    const floor = timedOnce(floorArgv, {});
    const t = timedOnce(argv, env);
    turns.push({ t, ratio: t.seconds / floor.seconds });
  }
  const bySeconds = [...turns].sort((a, b) => a.t.seconds - b.t.seconds);
  const ratios = turns.map((x) => x.ratio).sort((a, b) => a - b);
  return { ...bySeconds[Math.floor(turns.length / 2)]!.t, ratio: ratios[Math.floor(ratios.length / 2)]! };
}

function row(name: string, t: Timed & { ratio?: number }, floor: Timed, extra = ''): void {
  const ratio = t.ratio ?? t.seconds / floor.seconds;
  console.log(
    `  ${name.padEnd(34)} ${t.seconds.toFixed(2).padStart(6)} s (cpu ${t.cpu.toFixed(2)} s) ${t.rssMiB.toFixed(0).padStart(5)} MiB  ×${ratio.toFixed(1)} the floor` +
      (t.code > 1 ? `  (exit ${t.code})` : '') +
      extra,
  );
}

// Scale 0 skips the design-file commands (only the logs rows).
const scales = (process.argv[2] ?? process.env.WSPL_BENCH_SCALES ?? '1,2')
  .split(',')
  .map(Number)
  .filter((n) => n > 0);
const logMiB = Number(process.argv[3] ?? process.env.WSPL_BENCH_WHOLE_LOG_MB ?? '256');
const dir = mkdtempSync(join(tmpdir(), 'wspl-whole-'));
try {
  console.log(`whole commands (one process each, output to /dev/null; median of ${RUNS}; load ${loadAverage()})`);
  // What every command pays before it reads a byte: Node itself, then loading wspl (commands load what they run on
  // when they run, src/cli/commands/index.ts).
  const node = timed([process.execPath, '-e', '0']);
  const start = timed([process.execPath, wspl, '--version']);
  console.log(
    `start-up: node alone ${node.seconds.toFixed(2)} s (${node.rssMiB.toFixed(0)} MiB), wspl --version ${start.seconds.toFixed(2)} s (${start.rssMiB.toFixed(0)} MiB)`,
  );
  const byScale = new Map<number, Map<string, Timed>>();
  for (const scale of scales) {
    const file = join(dir, `estate-${scale}.yaml`);
    writeFileSync(file, stringify(generateEstate(sizeAt(scale))));
    const floor = timed(yamlFloor(file));
    console.log(
      `scale ${scale} (${(statSync(file).size / 1e6).toFixed(1)} MB design file): floor (yaml parse) ${floor.seconds.toFixed(2)} s (cpu ${floor.cpu.toFixed(2)} s) ${floor.rssMiB.toFixed(0)} MiB`,
    );
    const commands: [string, string[]][] = [
      ['matrix (text)', ['matrix', file]],
      ['matrix --format json', ['matrix', file, '--format', 'json']],
      ['check', ['check', file, '--fail-on', 'never']],
      ['check --format sarif', ['check', file, '--format', 'sarif', '--fail-on', 'never']],
      [
        'whatif, one change',
        [
          'whatif',
          file,
          '--client',
          'office0',
          '--workspace',
          'ws1',
          '--change',
          'set:vpcs.vpc1.natGateways.natgw.state=deleted',
        ],
      ],
      ['export', ['export', file]],
    ];
    const times = new Map<string, Timed>();
    for (const [name, args] of commands) {
      const t = paired([process.execPath, wspl, ...args], yamlFloor(file));
      times.set(name, t);
      row(name, t, floor);
    }
    // Into a pipe, as `| jq` reads it (src/cli/io.ts: the writer waits for its reader instead of queuing).
    const piped = paired(intoPipe(['matrix', file, '--format', 'json']), yamlFloor(file));
    times.set('matrix --format json | cat', piped);
    row('matrix --format json | cat', piped, floor);
    byScale.set(scale, times);
  }
  if (scales.length > 1) {
    const [a, b] = [byScale.get(scales[0]!)!, byScale.get(scales.at(-1)!)!];
    console.log(
      `growth ×${scales[0]} → ×${scales.at(-1)!} (the matrix has 4× the cells at 2× scale): ` +
        [...a.keys()].map((k) => `${k} ×${(b.get(k)!.seconds / a.get(k)!.seconds).toFixed(1)}`).join(', '),
    );
  }
  if (logMiB > 0) {
    const log = join(dir, 'client.log');
    const { bytes } = generateLogFile(log, logMiB);
    const floor = timed(bytesFloor(log));
    const mb = bytes / 1e6;
    console.log(
      `logs: ${mb.toFixed(0)} MB generated log; floor (read the bytes) ${floor.seconds.toFixed(2)} s (${(mb / floor.seconds).toFixed(0)} MB/s)`,
    );
    // One thread, then the file cut into ranges read by worker threads and the main thread (by default only from
    // 1 GiB; WSPL_LOGS_PARALLEL_MIN_BYTES moves that line: src/report/logs-parallel.ts and docs/benchmarks.md say why).
    for (const format of ['text', 'json']) {
      const t = paired([process.execPath, wspl, 'logs', log, '--format', format], bytesFloor(log), ONE_THREAD);
      row(`logs --format ${format}`, t, floor, `  ${(mb / t.seconds).toFixed(0)} MB/s`);
      const p = paired([process.execPath, wspl, 'logs', log, '--format', format], bytesFloor(log), {
        WSPL_LOGS_PARALLEL_MIN_BYTES: '0',
      });
      row('  … on worker threads', p, floor, `  ${(mb / p.seconds).toFixed(0)} MB/s`);
    }
    const piped = paired(intoPipe(['logs', log, '--format', 'json']), bytesFloor(log), ONE_THREAD);
    row('logs --format json | cat', piped, floor, `  ${(mb / piped.seconds).toFixed(0)} MB/s`);
    // The same bytes as a folder of 16 rotated files, cut mid-session: one thread, then the worker threads.
    const folder = splitIntoFolder(log, join(dir, 'logs'), 16);
    const folderFloor = timed(bytesFloor(log));
    for (const [name, env] of [
      ['logs FOLDER --format json', ONE_THREAD],
      ['  … on worker threads', { WSPL_LOGS_PARALLEL_MIN_BYTES: '0' }],
    ] as const) {
      const t = paired([process.execPath, wspl, 'logs', folder, '--format', 'json'], bytesFloor(log), env);
      row(name, t, folderFloor, `  ${(mb / t.seconds).toFixed(0)} MB/s`);
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

/** Cuts a log into `parts` files at line breaks (sessions go on from one file into the next, as after rotation). */
function splitIntoFolder(log: string, folder: string, parts: number): string {
  mkdirSync(folder);
  const bytes = readFileSync(log);
  let start = 0;
  for (let i = 0; i < parts; i++) {
    const target = Math.floor(((i + 1) * bytes.length) / parts);
    const nl = i === parts - 1 ? bytes.length : bytes.indexOf(10, target);
    const end = nl === -1 ? bytes.length : nl + 1;
    writeFileSync(join(folder, `client-${String(i).padStart(2, '0')}.log`), bytes.subarray(start, end));
    start = end;
  }
  return folder;
}

function loadAverage(): string {
  return spawnSync('cat', ['/proc/loadavg'], { encoding: 'utf8' }).stdout.split(' ').slice(0, 3).join(' ');
}
