// Where the time of `wspl logs FILE --format json` goes, stage by stage, and what the aim of issue #15 (the whole
// command at 300 MB/s) would demand of each. Every row is a fresh process (start-up and JIT warm-up included, as a
// user's command pays them), each one doing a little more than the row before, with the compiled modules (dist/):
//   runtime   node starting and stopping, nothing else;
//   read      + the file's bytes read through one reused 1 MiB buffer (the reader's own way of reading);
//   lines     + cut into lines (LineSplitter, each line handed to a handler that does nothing);
//   entries   + each line read as a client entry (EntryParser; the events it makes are dropped);
//   sessions  + entries assembled into sessions and diagnosed (readLogs, sessions counted and dropped);
//   command   the whole `wspl logs FILE --format json` to /dev/null, on one thread: + rendering and writing;
//   start-up  the same command on a 3 KB log: the runtime and wspl's modules loading.
// Rounds are interleaved (each stage once per round) because this machine's speed drifts from minute to minute; the
// median of each stage is printed, with what it adds to the stage before. Prints figures; asserts nothing.
// Usage: npx tsx bench/logs-phases.ts [LOG_MIB]   (default 256; WSPL_BENCH_RUNS rounds, default 3)
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generateLogFile } from './logs.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = (f: string) => JSON.stringify(pathToFileURL(join(root, 'dist', f)).href);
const RUNS = Number(process.env.WSPL_BENCH_RUNS ?? '3');
const AIM_MB_PER_S = 300;

/** Reads FILE in 1 MiB pieces into one buffer and hands each piece to `use(piece)` (a statement using `piece`). */
const readLoop = (use: string) =>
  `import { openSync, readSync } from 'node:fs';` +
  ` const fd = openSync(process.argv[1], 'r'); const buf = Buffer.allocUnsafe(1 << 20);` +
  ` for (;;) { const n = readSync(fd, buf, 0, buf.length, null); if (n === 0) break; const piece = buf.subarray(0, n); ${use} }`;

type Stage = { name: string; argv: (log: string, tiny: string) => string[] };

const moduleRun = (text: string) => (log: string) => [process.execPath, '--input-type=module', '-e', text, log];

const STAGES: Stage[] = [
  { name: 'runtime', argv: () => [process.execPath, '-e', '0'] },
  { name: 'read', argv: moduleRun(readLoop('void piece;')) },
  {
    name: 'lines',
    argv: moduleRun(
      `import { LineSplitter } from ${dist('logs/lines.js')};` +
        ` let n = 0; const s = new LineSplitter({ line() { n++; } });` +
        readLoop('s.push(piece);') +
        ` s.end();`,
    ),
  },
  {
    name: 'entries',
    argv: moduleRun(
      `import { LineSplitter } from ${dist('logs/lines.js')}; import { EntryParser } from ${dist('logs/entries.js')};` +
        ` let n = 0; const s = new LineSplitter(new EntryParser({ event() { n++; } }));` +
        readLoop('s.push(piece);') +
        ` s.end();`,
    ),
  },
  {
    name: 'sessions',
    argv: moduleRun(
      `import { readLogs } from ${dist('logs/read.js')};` +
        ` let n = 0; await readLogs([process.argv[1]], { keepSessions: false, onSession: () => { n++; } });`,
    ),
  },
  { name: 'command', argv: (log) => [process.execPath, join(root, 'bin/wspl.js'), 'logs', log, '--format', 'json'] },
  {
    name: 'start-up',
    argv: (_log, tiny) => [process.execPath, join(root, 'bin/wspl.js'), 'logs', tiny, '--format', 'json'],
  },
];

interface Timed {
  seconds: number;
  cpu: number;
}

function timedOnce(argv: string[]): Timed {
  const sink = openSync('/dev/null', 'w');
  const r = spawnSync('/usr/bin/time', ['-f', '%e %U %S', ...argv], {
    cwd: root,
    stdio: ['ignore', sink, 'pipe'],
    encoding: 'utf8',
    // One thread, whatever the size: the stages above are one thread too.
    env: { ...process.env, NO_COLOR: '1', WSPL_LOGS_PARALLEL_MIN_BYTES: String(Number.MAX_SAFE_INTEGER) },
  });
  closeSync(sink);
  const lines = r.stderr.trim().split('\n');
  // `wspl logs` exits 1 when it found a diagnosis (the generated log has failed sessions): only a crash is refused.
  if ((r.status ?? 2) > 1) throw new Error(`bench child failed (${argv.slice(1, 3).join(' ')}): ${r.stderr}`);
  const [secs = 'NaN', user = 'NaN', sys = 'NaN'] = (lines.at(-1) ?? '').split(' ');
  return { seconds: Number(secs), cpu: Number(user) + Number(sys) };
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const s = (x: number) => `${x.toFixed(2)} s`;

function main(): void {
  const mib = Number(process.argv[2] ?? 256);
  const dir = mkdtempSync(join(tmpdir(), 'wspl-bench-phases-'));
  try {
    const log = join(dir, 'client.log');
    const { bytes } = generateLogFile(log, mib);
    const tiny = fileURLToPath(new URL('../test/logs/seed-4-2-privatelink-connected.log', import.meta.url));
    const wall = new Map<string, number[]>();
    const cpu = new Map<string, number[]>();
    for (let round = 0; round < RUNS; round++) {
      for (const stage of STAGES) {
        const t = timedOnce(stage.argv(log, tiny));
        wall.set(stage.name, [...(wall.get(stage.name) ?? []), t.seconds]);
        cpu.set(stage.name, [...(cpu.get(stage.name) ?? []), t.cpu]);
      }
    }
    const mb = bytes / 1e6;
    const at = (name: string) => median(wall.get(name) ?? []);
    console.log(
      `where \`wspl logs --format json\` spends its time on a ${mb.toFixed(0)} MB log (${RUNS} rounds, medians)`,
    );
    let before = 0;
    for (const stage of STAGES) {
      const t = at(stage.name);
      const adds = stage.name === 'start-up' || stage.name === 'runtime' ? '' : `  adds ${s(t - before)}`;
      const rate = stage.name === 'start-up' || stage.name === 'runtime' ? '' : `  ${(mb / t).toFixed(0)} MB/s`;
      console.log(
        `  ${stage.name.padEnd(9)} ${s(t).padStart(7)} (cpu ${s(median(cpu.get(stage.name) ?? []))})${rate}${adds}`,
      );
      if (stage.name !== 'start-up') before = t;
    }
    const aim = mb / AIM_MB_PER_S;
    const command = at('command');
    const fixed = at('read') + (at('start-up') - at('runtime'));
    const work = command - fixed;
    console.log(
      `  the aim (${AIM_MB_PER_S} MB/s) is ${s(aim)} for the whole command. Reading the bytes and loading wspl take ` +
        `${s(fixed)}; the other ${s(work)} (lines, entries, sessions, rendering) would have to fit in ${s(aim - fixed)}: ` +
        `×${(work / Math.max(aim - fixed, 0.001)).toFixed(1)} less than now.`,
    );
    const withoutParse = command - (at('entries') - at('lines')) - (at('sessions') - at('entries'));
    console.log(
      `  with reading entries and assembling sessions both free, the command would take ${s(withoutParse)} ` +
        `(${(mb / withoutParse).toFixed(0)} MB/s).`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main();
