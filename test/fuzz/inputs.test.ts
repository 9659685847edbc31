// Fuzzing every kind of input wspl reads, through the CLI as a user runs it: mutated design files, check
// configurations, overlays, `whatif` values and client logs. Whatever the input: exit 0, 1 or 2 and never an
// internal error; nothing written to disk and the input unchanged; every stderr line one `FILE[:LINE]: error: …`
// (or warning) line naming the input; no control character reaching the terminal raw. A small budget runs in the
// normal suite; hunt with WSPL_FUZZ_RUNS=20000 (see mutate.ts).
import fc from 'fast-check';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/testing/run-cli.js';
import { terminalSafe } from '../../src/input/terminal.js';
import { shortChange } from '../../src/sources/design/change.js';
import { changeValue, FUZZ_PARAMS, FUZZ_RUNS, LOG_SNIPPETS, mutated } from './mutate.js';

const SEED = readFileSync('examples/seed-tokyo.yaml');
const CONFIG = readFileSync('test/fuzz/check.config.yaml');
const OVERLAY = readFileSync('test/fuzz/overlay.yaml');
const LOGS = [
  readFileSync('test/logs/seed-4-2-privatelink-connected.log'),
  readFileSync('test/logs/seed-4-3-home-no-reachable-endpoint.log'),
  readFileSync('test/logs/seed-4-4-pcoip-resource-not-found.log'),
];

/** Control characters other than LF: none may reach the terminal raw in text output. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;
/** JSON output is for programs: JSON itself escapes C0 (DEL and C1 may stay raw; they are valid JSON text). */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const RAW_C0 = /[\u0000-\u0009\u000b-\u001f]/;

/** Generous: a large budget runs tens of thousands of CLI calls. */
const TIMEOUT = Math.max(30_000, FUZZ_RUNS * 200);

let dir: string;
let seedCopy: string;
const cwdBefore = readdirSync('.').sort();
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'wspl-fuzz-'));
  seedCopy = join(dir, 'seed.yaml');
  copyFileSync('examples/seed-tokyo.yaml', seedCopy);
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  expect(readdirSync('.').sort()).toEqual(cwdBefore);
});

function write(name: string, bytes: Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

/**
 * Runs the CLI and checks the property. `labels` are the names an error line may start with (the input's file, or
 * how a change is named); `watched` are the user's files, which must come out byte for byte, mtime too.
 */
async function runChecked(args: string[], labels: string[], watched: string[]): Promise<void> {
  const before = watched.map((p) => ({ path: p, bytes: readFileSync(p), mtime: statSync(p).mtimeMs }));
  const filesBefore = readdirSync(dir).sort();
  const r = await runCli(args);
  const context = `${args.map((a) => JSON.stringify(a)).join(' ')}\n${r.err}`;
  expect([0, 1, 2], context).toContain(r.code);
  expect(r.err, context).not.toContain('internal error');
  expect(r.err, context).not.toMatch(RAW_CONTROL);
  const json = args[args.indexOf('--format') + 1] === 'json';
  expect(r.out, context).not.toMatch(json ? RAW_C0 : RAW_CONTROL);
  if (json && r.code !== 2) expect(() => JSON.parse(r.out) as unknown, context).not.toThrow();
  const lines = r.err.split('\n').filter((l) => l !== '');
  for (const line of lines) {
    const label = labels.find((l) => line.startsWith(l));
    expect(label, `not a FILE[:LINE]: line: ${line}`).toBeDefined();
    expect(line.slice(label!.length), line).toMatch(/^(:\d+)?: (error|warning): .+$/);
  }
  const errors = lines.filter((l) => / error: /.test(l)).length;
  if (r.code === 2) expect(errors, context).toBeGreaterThan(0);
  else expect(errors, context).toBe(0);
  expect(readdirSync(dir).sort()).toEqual(filesBefore);
  for (const b of before) {
    expect(readFileSync(b.path).equals(b.bytes), b.path).toBe(true);
    expect(statSync(b.path).mtimeMs, b.path).toBe(b.mtime);
  }
}

describe('fuzz: every input gives exit 0/1/2, no internal error, no write, one-line FILE[:LINE] errors', () => {
  it(
    'design files',
    async () => {
      const command = fc.constantFrom(
        ['matrix'],
        ['matrix', '--format', 'json'],
        ['check'],
        ['export', '--format', 'design'],
      );
      await fc.assert(
        fc.asyncProperty(mutated(SEED), command, async (bytes, [cmd, ...rest]) => {
          const path = write('design.yaml', bytes);
          await runChecked([cmd!, path, ...rest], [path], [path]);
        }),
        FUZZ_PARAMS,
      );
    },
    TIMEOUT,
  );

  it(
    'check configurations',
    async () => {
      await fc.assert(
        fc.asyncProperty(mutated(CONFIG), async (bytes) => {
          const path = write('mutated.config.yaml', bytes);
          await runChecked(['check', seedCopy, '--config', path], [path], [path, seedCopy]);
        }),
        FUZZ_PARAMS,
      );
    },
    TIMEOUT,
  );

  it(
    'overlays (--clients, --overlay)',
    async () => {
      const command = fc.constantFrom(['check', '--clients'], ['matrix', '--overlay']);
      await fc.assert(
        fc.asyncProperty(mutated(OVERLAY), command, async (bytes, [cmd, flag]) => {
          const path = write('overlay.yaml', bytes);
          // Meaning checks after the overlay may name the source's lines (a reference into it).
          await runChecked([cmd!, seedCopy, flag!, path], [path, seedCopy], [path, seedCopy]);
        }),
        FUZZ_PARAMS,
      );
    },
    TIMEOUT,
  );

  it(
    'whatif change values',
    async () => {
      const paths = [
        'clients.home',
        'clients.home.version',
        'clients.new',
        'vpcs.vpc1.cidr',
        'vpcs.vpc1.instances.nat.state',
        'vpcs.vpc1.securityGroups.endpoint-sg.ingress',
        'vpcs.vpc1.securityGroups.endpoint-sg.ingress.0',
        'vpcs.vpc1.routeTables.private."0.0.0.0/0"',
        'directories.corp',
        'directories.corp.type',
        'directories.corp.streamingEndpoint',
        'workspaces.dcv-desktop.protocol',
        'region',
      ];
      const change = fc.oneof(
        { weight: 5, arbitrary: fc.tuple(fc.constantFrom(...paths), changeValue).map(([p, v]) => `set:${p}=${v}`) },
        { weight: 1, arbitrary: fc.constantFrom(...paths).map((p) => `delete:${p}`) },
        { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
      );
      await fc.assert(
        fc.asyncProperty(change, async (c) => {
          const shown = terminalSafe(shortChange(c));
          await runChecked(
            ['whatif', seedCopy, '--client', 'ec2-client', '--workspace', 'dcv-desktop', '--change', c],
            [`--change ${shown}`, `${seedCopy} after ${shown}`],
            [seedCopy],
          );
        }),
        FUZZ_PARAMS,
      );
    },
    TIMEOUT,
  );

  it(
    'client logs',
    async () => {
      const log = fc.constantFrom(...LOGS).chain((base) => mutated(base, LOG_SNIPPETS));
      const format = fc.constantFrom([], ['--format', 'json']);
      await fc.assert(
        fc.asyncProperty(log, format, async (bytes, rest) => {
          const path = write('client.log', bytes);
          await runChecked(['logs', path, ...rest], [path], [path]);
        }),
        FUZZ_PARAMS,
      );
    },
    TIMEOUT,
  );
});
