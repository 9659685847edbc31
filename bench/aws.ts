// Reading AWS: the generated estate (scale 1: 200 VPCs … 5,000 WorkSpaces) spread over 3 accounts and 2 Regions,
// served by the fake AWS (in its own process) with 50 ms added to every answer. Reads it the way `aws:` does (one
// role per account, every account × Region at once, bounded concurrency per service) and one call at a time, in
// the same run, and prints wall time and calls beside the longest chain of calls that must follow one another.
// Usage: node --import tsx bench/aws.ts [SCALE] [LATENCY_MS] → prints one JSON line of figures.
import { spawn } from 'node:child_process';
import { loadavg } from 'node:os';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { readAws, type LiveReadOptions } from '../src/sources/aws/live.js';
import { finishLoad } from '../src/sources/check-model.js';
import { resultFromRaw } from '../src/sources/aws/result.js';
import { testCredentials } from '../src/sources/aws/testing/server.js';
import { ACCOUNTS, REGIONS } from './aws-estate.js';
import { replayPlan } from './aws-plan.js';

const scale = process.argv[2] ?? '1';
const latencyMs = Number(process.argv[3] ?? '50');

const child = spawn(
  process.execPath,
  ['--import', 'tsx', fileURLToPath(new URL('aws-fake.ts', import.meta.url)), scale, String(latencyMs)],
  {
    stdio: ['ignore', 'pipe', 'inherit'],
  },
);
const first = await new Promise<string>((resolve) => createInterface({ input: child.stdout }).once('line', resolve));
const { url, vpcs, workspaces } = JSON.parse(first) as { url: string; vpcs: number; workspaces: number };

async function served(): Promise<number> {
  const r = await fetch(`${url}/_fake/requests`);
  return ((await r.json()) as { requests: number }).requests;
}

const options: LiveReadOptions = {
  regions: REGIONS,
  roleArns: ACCOUNTS.map((a) => `arn:aws:iam::${a}:role/WsplReadOnly`),
  endpoint: url,
  credentials: testCredentials('999999999999'),
  maxAttempts: 3,
  retryDelayMs: 5,
};

async function measure(extra: Partial<LiveReadOptions>) {
  const before = await served();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const live = await readAws({ ...options, ...extra });
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const result = finishLoad(resultFromRaw(live.snapshot.scopes, { source: 'aws' }, 'aws:bench'));
  if (!result.ok) throw new Error(`the read failed: ${JSON.stringify(result.diagnostics.slice(0, 3))}`);
  return {
    live,
    ms: Math.round(ms),
    // The read alone (the conversion to the model below is not counted).
    cpuMs: Math.round((cpu.user + cpu.system) / 1000),
    calls: live.stats.calls,
    requests: (await served()) - before,
    failed: live.stats.failed,
    chain: live.stats.longestChain,
    model: {
      vpcs: result.model.vpcs.length,
      workspaces: result.model.workspaces.length,
      warnings: result.diagnostics.length,
    },
  };
}

/**
 * How much longer than its CPU time a CPU-bound job takes right now (1 on an idle machine, 3 when other jobs leave
 * this process a third of a core): the load figure that says what the wall times below are worth.
 */
function cpuStretch(): number {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  let x = 0;
  while (process.cpuUsage(c0).user < 300_000) for (let i = 0; i < 100_000; i++) x += i;
  return x > 0 ? (performance.now() - t0) / 300 : 0;
}

try {
  const stretch = cpuStretch();
  // Load and warm the SDK on a Region with nothing in it, so neither run pays for the first import.
  await readAws({ ...options, regions: ['eu-west-1'] });
  const { live, ...parallel } = await measure({});
  const { live: _sameRead, ...baseline } = await measure({ maxConcurrency: 1 });
  // The same plan with the recorded answers and no SDK: what the scheduling costs when the CPU is free.
  const plan = await replayPlan(live.snapshot.scopes, latencyMs);
  console.log(
    JSON.stringify({
      scale: Number(scale),
      latencyMs,
      estate: { vpcs, workspaces, accounts: ACCOUNTS.length, regions: REGIONS.length },
      parallel,
      baseline: {
        ms: baseline.ms,
        cpuMs: baseline.cpuMs,
        calls: baseline.calls,
        requests: baseline.requests,
        model: baseline.model,
      },
      plan,
      chainMs: parallel.chain * latencyMs,
      loadAverage: Number(loadavg()[0]?.toFixed(1)),
      cpuStretch: Number(((stretch + cpuStretch()) / 2).toFixed(1)),
    }),
  );
} finally {
  child.kill();
}
