// `npm run bench`: every benchmark, each size in its own process so peak memory is its own. Prints figures, never
// asserts them (tests never time anything).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const here = (f: string) => fileURLToPath(new URL(f, import.meta.url));

function child(script: string, args: string[]): string {
  const r = spawnSync(process.execPath, ['--import', 'tsx', here(script), ...args], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`${script} ${args.join(' ')} failed:\n${r.stderr}`);
  return r.stdout.trim();
}

console.log(
  'matrix over a generated estate (scale 1 = 200 VPCs, 2,000 subnets, ~10,000 SG rules, 100 clients, 50 directories, 5,000 WorkSpaces)',
);
const sizes = (process.env.WSPL_BENCH_SCALES ?? '1,2').split(',').map(Number);
const results = sizes.map((s) => JSON.parse(child('matrix.ts', [String(s)])) as Record<string, number>);
for (const r of results) {
  console.log(
    `  scale ${r.scale}: ${r.vpcs} VPCs, ${r.subnets} subnets, ${r.sgRules} SG rules, ${r.clients} clients, ${r.workspaces} WorkSpaces → ${r.rows} rows`,
  );
  console.log(
    `    load ${r.loadMs} ms (${r.yamlMB} MB YAML); matrix ${r.matrixMs} ms (predict ${r.predictMs} ms, render ${r.renderMs} ms, ${r.outputMB} MB JSON); peak RSS ${r.peakRssMB} MB`,
  );
  console.log(`    per row: ${((r.predictMs! * 1000) / r.rows!).toFixed(2)} µs predict`);
}
if (results.length > 1) {
  const [a, b] = [results[0]!, results[results.length - 1]!];
  console.log(
    `  growth: rows ×${(b.rows! / a.rows!).toFixed(1)}, predict time ×${(b.predictMs! / a.predictMs!).toFixed(1)}, matrix time ×${(b.matrixMs! / a.matrixMs!).toFixed(1)}`,
  );
}
if (process.env.WSPL_BENCH_SKIP_IAC !== '1') {
  // Each form in its own process, three rounds interleaved so a busy machine slows them alike; the median is shown.
  console.log(
    '\nloading the estate (scale 1) from each source form: design file, CloudFormation template, Terraform plan',
  );
  const forms = ['design', 'cloudformation', 'terraform-plan', 'cloudformation+overlay', 'terraform-plan+overlay'];
  const runs = new Map<string, Record<string, number | string>[]>();
  for (let round = 0; round < 3; round++) {
    for (const form of forms) {
      runs.set(form, [
        ...(runs.get(form) ?? []),
        JSON.parse(child('iac.ts', ['1', form])) as Record<string, number | string>,
      ]);
    }
  }
  const median = (form: string) => {
    const ms = (runs.get(form) ?? []).map((r) => Number(r.loadMs)).sort((a, b) => a - b);
    return ms[Math.floor(ms.length / 2)] ?? NaN;
  };
  const design = median('design');
  for (const form of forms) {
    const r = runs.get(form)?.[0] ?? {};
    const ms = median(form);
    console.log(
      `  ${form.padEnd(24)} ${String(ms).padStart(6)} ms (median of 3; ${String(r.inputMB)} MB input; ${String(r.vpcs)} VPCs, ${String(r.sgRules)} SG rules, ${String(r.workspaces)} WorkSpaces, ${String(r.clients)} clients)  speed vs design ×${(design / ms).toFixed(2)}`,
    );
  }
}
if (existsSync(here('check.ts'))) {
  console.log('\ncheck (all rules) over the same estate');
  console.log(child('check.ts', ['1']));
}
console.log('\nwhatif over the whole estate (scale 1): one change to one client');
{
  const w = JSON.parse(child('whatif.ts', ['1'])) as Record<string, number | string>;
  console.log(
    `  ${w.cells} cells; traces predicted again: ${w.tracesComputed} of ${w.tracesFull} (ratio ${w.ratio} of a full re-evaluation)`,
  );
  console.log(
    `  applying the change ${w.applyMs} ms; full re-prediction ${w.fullRepredictMs} ms; the scoped step (prediction, comparison, session fates) ≈ ${w.scopedStepMs} ms; whole whatif ${w.whatifMs} ms`,
  );
}
if (process.env.WSPL_BENCH_SKIP_AWS !== '1') {
  console.log('\nreading AWS: the scale-1 estate over 3 accounts × 2 Regions, fake AWS adding 50 ms to every call');
  const a = JSON.parse(child('aws.ts', ['1', '50'])) as {
    parallel: { ms: number; calls: number; requests: number; chain: number; cpuMs: number };
    baseline: { ms: number; calls: number; cpuMs: number };
    plan: { ms: number; calls: number };
    chainMs: number;
    loadAverage: number;
    cpuStretch: number;
  };
  const p = a.parallel;
  console.log(`  wspl: ${p.ms} ms, ${p.calls} calls (${p.requests} requests), the read's own CPU ${p.cpuMs} ms`);
  console.log(`  one call at a time: ${a.baseline.ms} ms, ${a.baseline.calls} calls, CPU ${a.baseline.cpuMs} ms`);
  console.log(
    `  ${(a.baseline.ms / p.ms).toFixed(1)}× faster; longest chain ${p.chain} calls = ${a.chainMs} ms at 50 ms: wall is ${(p.ms / a.chainMs).toFixed(1)}× the chain, ${(p.ms / Math.max(a.chainMs, p.cpuMs)).toFixed(1)}× max(chain, the read's CPU)`,
  );
  console.log(
    `  the same plan without the SDK (recorded answers, same limits): ${a.plan.ms} ms = ${(a.plan.ms / a.chainMs).toFixed(1)}× the chain`,
  );
  console.log(
    `  load: average ${a.loadAverage}; a CPU-bound second took ${a.cpuStretch} s of wall time (1.0 on an idle machine)`,
  );
}
if (process.env.WSPL_BENCH_SKIP_LOGS !== '1') {
  console.log('\nlogs');
  console.log(child('logs.ts', [process.env.WSPL_BENCH_LOG_MB ?? '1024']));
  console.log('');
  console.log(child('logs-cores.ts', [process.env.WSPL_BENCH_WHOLE_LOG_MB ?? '256']));
  console.log('');
  console.log(child('logs-phases.ts', [process.env.WSPL_BENCH_WHOLE_LOG_MB ?? '256']));
}
if (process.env.WSPL_BENCH_SKIP_PROBE !== '1') {
  console.log('');
  console.log(child('probe.ts', []));
}
if (process.env.WSPL_BENCH_SKIP_DASHBOARD !== '1') {
  console.log('');
  console.log(child('dashboard.ts', ['1']));
}
if (process.env.WSPL_BENCH_SKIP_WHOLE !== '1') {
  // Whole `wspl` processes beside the floor (reading the same input with the same parser), and the corners.
  console.log('');
  console.log(child('whole.ts', [sizes.join(','), process.env.WSPL_BENCH_WHOLE_LOG_MB ?? '256']));
  console.log('');
  console.log(child('corners.ts', [process.env.WSPL_BENCH_CORNER_BASE ?? '5000']));
}
