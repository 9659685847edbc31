// Throughput and peak memory of the `wspl logs` reader on a large generated client log, beside `grep -c` on the
// same file in the same run. Run: `npx tsx bench/logs.ts [MiB]` (or WSPL_BENCH_LOG_MB); default 1024 MiB.
// The file is built from the seed's three real log excerpts with a fresh session id per repetition, written to the
// OS temp folder and deleted afterwards. Each measurement runs in its own process so peak RSS is its own.
import { spawnSync } from 'node:child_process';
import { closeSync, createReadStream, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { main } from '../src/cli/main.js';
import { readLogs } from '../src/logs/read.js';

const FIXTURES = fileURLToPath(new URL('../test/logs/', import.meta.url));
/** The session and request ids in the fixtures, replaced per repetition. */
const SEED_IDS = [
  '7f73a8ab-a674-49a0-81e8-465b2e99c9f1',
  'af1a279d-fefe-4a61-ad99-ae0c5534d9ad',
  'd6df764d-65e9-4abd-8882-98d2bfd6cbbc',
  '6a775665-f37c-4930-a493-563d5f76ac35',
];

type Mode = 'read-only' | 'stream' | 'cli' | 'report';

interface Measure {
  mode: Mode;
  seconds: number;
  maxRssMiB: number;
  sessions: number;
  outcomes: Record<string, number>;
}

export interface LogsBenchResult {
  file: { bytes: number; lines: number };
  grep: { seconds: number; count: number };
  runs: (Measure & { mbPerSecond: number; vsGrep: number })[];
}

/** Writes about `mib` MiB of client log; returns its size and line count. */
export function generateLogFile(path: string, mib: number): { bytes: number; lines: number } {
  const template = [
    'seed-4-2-privatelink-connected.log',
    'seed-4-3-home-no-reachable-endpoint.log',
    'seed-4-4-pcoip-resource-not-found.log',
  ]
    .map((f) => readFileSync(join(FIXTURES, f), 'utf8'))
    .join('');
  let parts: string[] = [template];
  for (const id of SEED_IDS)
    parts = parts.flatMap((p) => p.split(id).flatMap((x, i) => (i === 0 ? [x] : [`\u0000${SEED_IDS.indexOf(id)}`, x])));
  const linesPerBlock = template.split('\n').length - 1;
  const target = mib * 1024 * 1024;
  const fd = openSync(path, 'w');
  let bytes = 0;
  let lines = 0;
  let n = 0;
  try {
    while (bytes < target) {
      let batch = '';
      while (batch.length < 4 * 1024 * 1024) {
        n++;
        batch += parts.map((p) => (p.startsWith('\u0000') ? uuid(n, Number(p.slice(1))) : p)).join('');
        lines += linesPerBlock;
      }
      bytes += writeSync(fd, batch);
    }
  } finally {
    closeSync(fd);
  }
  return { bytes, lines };
}

function uuid(n: number, k: number): string {
  const a = (n >>> 0).toString(16).padStart(8, '0');
  const b = ((n * 2654435761 + k) % 2 ** 48).toString(16).padStart(12, '0');
  return `${a}-${k.toString(16).padStart(4, '0')}-4000-8000-${b}`;
}

/** Runs in the child process: one reader mode over the file. */
async function measure(mode: Mode, path: string): Promise<Measure> {
  const outcomes: Record<string, number> = {};
  let sessions = 0;
  const t0 = process.hrtime.bigint();
  if (mode === 'read-only') {
    for await (const _chunk of createReadStream(path, { highWaterMark: 1024 * 1024 })) {
      // only the reading counts
    }
  } else if (mode === 'stream') {
    await readLogs([path], {
      keepSessions: false,
      onSession: (s) => {
        sessions++;
        outcomes[s.outcome] = (outcomes[s.outcome] ?? 0) + 1;
      },
    });
  } else if (mode === 'cli') {
    // `wspl logs FILE --format json > /dev/null`, in process.
    const sink = openSync('/dev/null', 'w');
    const io = {
      out: (t: string) => void writeSync(sink, t),
      err: (t: string) => void process.stderr.write(t),
      isTty: false,
    };
    const code = await main(['logs', path, '--format', 'json'], io);
    closeSync(sink);
    if (code !== 0) throw new Error(`wspl logs exited ${code}`);
  } else {
    const report = await readLogs([path]);
    sessions = report.sessions.length;
    for (const s of report.sessions) outcomes[s.outcome] = (outcomes[s.outcome] ?? 0) + 1;
  }
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  return { mode, seconds, maxRssMiB: process.resourceUsage().maxRSS / 1024, sessions, outcomes };
}

function runChild(mode: Mode, path: string): Measure {
  const self = fileURLToPath(import.meta.url);
  const r = spawnSync(process.execPath, ['--import', 'tsx', self, '--measure', mode, path], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`bench child ${mode} failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1)!) as Measure;
}

// eslint-disable-next-line @typescript-eslint/require-await -- async so every bench runner has one shape
export async function runLogsBench(
  opts: { mib?: number; modes?: Mode[]; print?: boolean } = {},
): Promise<LogsBenchResult> {
  const mib = opts.mib ?? Number(process.env.WSPL_BENCH_LOG_MB ?? 1024);
  const modes = opts.modes ?? ['read-only', 'stream', 'cli', 'report'];
  const print = opts.print ?? true;
  const path = join(tmpdir(), `wspl-bench-${process.pid}.log`);
  try {
    const file = generateLogFile(path, mib);
    const g0 = process.hrtime.bigint();
    const grep = spawnSync('grep', ['-c', '-F', 'session ID:', path], {
      encoding: 'utf8',
      env: { ...process.env, LC_ALL: 'C' },
    });
    const grepSeconds = Number(process.hrtime.bigint() - g0) / 1e9;
    const runs = modes
      .map((m) => runChild(m, path))
      .map((m) => ({
        ...m,
        mbPerSecond: file.bytes / 1e6 / m.seconds,
        vsGrep: m.seconds / grepSeconds,
      }));
    const result: LogsBenchResult = { file, grep: { seconds: grepSeconds, count: Number(grep.stdout.trim()) }, runs };
    if (print) printResult(result);
    return result;
  } finally {
    rmSync(path, { force: true });
  }
}

function printResult(r: LogsBenchResult): void {
  const mb = r.file.bytes / 1e6;
  console.log(
    `wspl logs reader: ${mb.toFixed(0)} MB, ${r.file.lines.toLocaleString('en')} lines (generated from the seed logs)`,
  );
  console.log(`  grep -c          ${r.grep.seconds.toFixed(2)} s  ${(mb / r.grep.seconds).toFixed(0)} MB/s`);
  for (const m of r.runs) {
    console.log(
      `  ${m.mode.padEnd(16)} ${m.seconds.toFixed(2)} s  ${m.mbPerSecond.toFixed(0)} MB/s  peak RSS ${m.maxRssMiB.toFixed(0)} MiB  ` +
        `${m.vsGrep.toFixed(2)}× grep's time` +
        (m.sessions ? `  ${m.sessions.toLocaleString('en')} sessions ${JSON.stringify(m.outcomes)}` : ''),
    );
  }
  console.log(
    '  read-only: the bytes read, nothing parsed; stream: the reader, sessions handed to a callback as they end;',
  );
  console.log(
    '  cli: `wspl logs FILE --format json` to /dev/null; report: readLogs() keeping every session in memory.',
  );
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (invokedDirectly) {
  const at = process.argv.indexOf('--measure');
  if (at !== -1) {
    console.log(JSON.stringify(await measure(process.argv[at + 1] as Mode, process.argv[at + 2]!)));
  } else {
    const arg = process.argv[2];
    await runLogsBench(arg ? { mib: Number(arg) } : {});
  }
}
