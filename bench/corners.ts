// Quadratic corners: inputs of modest size that once took minutes. Each dimension is grown ×1, ×2, ×4 on top of the
// seed and timed as a whole `wspl` process (compiled, as users run it); the growth factor per doubling should stay
// near 2 (linear), not 4 (quadratic). Prints figures, asserts nothing.
// Usage: npx tsx bench/corners.ts [BASE [NAME]]   (BASE: the ×1 size of every dimension, default 5000; NAME: only the
// corners whose name contains it)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, stringify } from 'yaml';

const root = fileURLToPath(new URL('..', import.meta.url));
const seed = () => parse(readFileSync(join(root, 'examples/seed-tokyo.yaml'), 'utf8')) as Doc;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Doc = any;

function ip(n: number, base: [number, number]): string {
  return `10.${base[0] + Math.floor(n / 65536)}.${base[1] + (Math.floor(n / 256) % 256)}.${n % 256}`;
}

/** Each corner: how to grow the seed to size n, and the command that once stalled on it. */
const CORNERS: { name: string; grow: (d: Doc, n: number) => void; args: (file: string) => string[] }[] = [
  {
    name: 'endpoint addresses',
    grow: (d, n) => {
      d.vpcs.vpc1.cidr = '10.0.0.0/8';
      d.vpcs.vpc1.subnets['endpoint-a'].cidr = '10.64.0.0/10';
      d.vpcs.vpc1.endpoints.streaming.addresses = Array.from({ length: n }, (_, i) => ip(i, [64, 0]));
    },
    args: (f) => ['matrix', f, '--format', 'json'],
  },
  {
    name: 'routes in one table',
    grow: (d, n) => {
      for (let i = 0; i < n; i++)
        d.vpcs.vpc1.routeTables.private[
          `172.${16 + Math.floor(i / 65536)}.${Math.floor(i / 256) % 256}.${i % 256}/32`
        ] = 'nat';
    },
    args: (f) => ['matrix', f, '--format', 'json'],
  },
  {
    name: 'subnets in one VPC (matrix)',
    grow: (d, n) => {
      d.vpcs.vpc2.secondaryCidrs = ['10.128.0.0/9'];
      for (let i = 0; i < n; i++)
        d.vpcs.vpc2.subnets[`x${i}`] = { cidr: `${ip(i * 16, [128, 0])}/28`, az: 'ap-northeast-1a' };
    },
    args: (f) => ['matrix', f, '--format', 'json'],
  },
  {
    name: 'subnets in one VPC (whatif)',
    grow: (d, n) => {
      d.vpcs.vpc2.secondaryCidrs = ['10.128.0.0/9'];
      for (let i = 0; i < n; i++)
        d.vpcs.vpc2.subnets[`x${i}`] = { cidr: `${ip(i * 16, [128, 0])}/28`, az: 'ap-northeast-1a' };
    },
    args: (f) => [
      'whatif',
      f,
      '--client',
      'ec2-client',
      '--workspace',
      'dcv-desktop',
      '--change',
      'set:vpcs.vpc1.instances.nat.state=stopped',
      '--format',
      'json',
    ],
  },
  {
    name: 'one trace among many clients',
    grow: (d, n) => {
      for (let i = 0; i < n; i++)
        d.clients[`home${i}`] = { at: 'internet', publicIp: `198.51.${Math.floor(i / 250) % 256}.${(i % 250) + 1}` };
    },
    args: (f) => ['trace', f, '--client', 'ec2-client', '--workspace', 'dcv-desktop', '--format', 'json'],
  },
  {
    name: 'security-group rules (line lookups)',
    grow: (d, n) => {
      d.vpcs.vpc1.securityGroups['client-sg'].egress = Array.from(
        { length: n },
        (_, i) => `tcp:${1 + (i % 60000)} to ${ip(i, [200, 0])}/32`,
      );
    },
    args: (f) => ['check', f, '--format', 'json', '--fail-on', 'never'],
  },
];

function timeRun(args: string[]): { ms: number; rssMB: number; code: number } {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %M', process.execPath, join(root, 'bin/wspl.js'), ...args], {
    encoding: 'utf8',
    maxBuffer: 1024 * 1024 * 1024,
  });
  const last = r.stderr.trim().split('\n').at(-1) ?? '';
  const [secs = '0', kb = '0'] = last.split(' ');
  return { ms: Math.round(Number(secs) * 1000), rssMB: Math.round(Number(kb) / 1024), code: r.status ?? -1 };
}

const base = Number(process.argv[2] ?? '5000');
const only = process.argv[3];
const dir = mkdtempSync(join(tmpdir(), 'wspl-corners-'));
console.log(`quadratic corners: whole wspl processes, each dimension at ×1, ×2, ×4 (×1 = ${base})`);
for (const corner of CORNERS.filter((c) => only === undefined || c.name.includes(only))) {
  const rows: { n: number; ms: number; rssMB: number; code: number }[] = [];
  for (const k of [1, 2, 4]) {
    const doc = seed();
    corner.grow(doc, base * k);
    const file = join(dir, `${corner.name.replace(/\W+/g, '-')}-${k}.yaml`);
    writeFileSync(file, stringify(doc));
    rows.push({ n: base * k, ...timeRun(corner.args(file)) });
  }
  const growth = rows.slice(1).map((r, i) => (r.ms / Math.max(1, rows[i]!.ms)).toFixed(1));
  console.log(
    `  ${corner.name.padEnd(36)} ${rows.map((r) => `${r.n}: ${r.ms} ms ${r.rssMB} MB${r.code > 1 ? ` (exit ${r.code})` : ''}`).join(' | ')}  growth per doubling ×${growth.join(', ×')}`,
  );
}
