// Inputs a fuzzing run found accepted silently or crashing (issue 8, item 8), each through every way wspl reads
// YAML (a design file, --config, --clients/--overlay, a `whatif` value) and through `wspl logs`: exit 2 with a
// one-line `FILE[:LINE]: error:` message, never an internal error; pipes read once; control characters escaped.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/testing/run-cli.js';

/** A matrix's JSON without where each fix's resource is written (the file name and line differ between forms). */
function unplaced(json: string): string {
  return json.replace(/"file":"[^"]*",("line":\d+,)?/g, '');
}

const SEED = 'examples/seed-tokyo.yaml';
const SEED_TEXT = readFileSync(SEED, 'utf8');
const LOG = readFileSync('test/logs/seed-4-2-privatelink-connected.log');
const WHATIF = ['whatif', SEED, '--client', 'ec2-client', '--workspace', 'dcv-desktop', '--change'];

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'wspl-hostile-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/** Exit 2; every stderr line one `LABEL…[:LINE]: error: …` line; `mention` in it; no internal error. */
async function rejects(args: string[], label: string, mention: RegExp) {
  const r = await runCli(args);
  expect(r.err).not.toContain('internal error');
  expect(r.code, r.err).toBe(2);
  const lines = r.err.trimEnd().split('\n');
  for (const line of lines) expect(line.startsWith(label) && line.includes(': error: '), line).toBe(true);
  expect(r.err).toMatch(mention);
  return r;
}

/** Nested 3,000 levels in 6 KB, then dedented: the yaml library overflowed the stack popping back out. */
const deepThenDedented = (head: string, tail: string) => `${head}\n${'- '.repeat(3000)}1\n${tail}\n`;
const TOO_DEEP = /:\d+: error: the YAML is nested too deeply to read \(more than 200 levels\) \[yaml-syntax\]/;
const LOOP = /:\d+: error: [\w.<]+: \*a is inside the value it names \(&a\): the value would never end/;

describe('deep nesting and self-referencing aliases, wherever YAML is read', () => {
  it.each([
    ['nested too deeply', deepThenDedented('wspl: 1\nvpcs:', 'region: ap-northeast-1'), TOO_DEEP],
    ['a self-referencing alias', SEED_TEXT.replace('type: personal', 'type: &a [*a]'), LOOP],
  ])('design file: %s', async (_name, text, message) => {
    const path = file('design.yaml', text);
    await rejects(['matrix', path], path, message);
    await rejects(['export', path], path, message);
  });

  it.each([
    ['nested too deeply', deepThenDedented('rules:', 'preset: strict'), TOO_DEEP],
    ['a self-referencing alias', 'preset: strict\nrules:\n  x: &a {severity: off, reason: [*a]}\n', LOOP],
  ])('--config: %s', async (_name, text, message) => {
    const path = file('hostile.config.yaml', text);
    await rejects(['check', SEED, '--config', path], path, message);
  });

  it.each([
    ['nested too deeply', deepThenDedented('clients:', 'onPremises: {}'), TOO_DEEP],
    ['a self-referencing alias', 'clients:\n  lap: &a {at: internet, version: [*a]}\n', LOOP],
  ])('--clients and --overlay: %s', async (_name, text, message) => {
    const path = file('clients.yaml', text);
    await rejects(['check', SEED, '--clients', path], path, message);
    await rejects(['trace', SEED, '--overlay', path, '--client', 'home', '--workspace', 'dcv-desktop'], path, message);
  });

  it.each([
    [
      'nested too deeply',
      deepThenDedented('x:', 'y: 1'),
      /the value is not valid YAML \(the YAML is nested too deeply/,
    ],
    ['a self-referencing alias', '&a [*a]', /value\.0: the value is not valid YAML \(\*a is inside the value it names/],
  ])('a whatif value: %s', async (_name, value, message) => {
    const change = `set:directories.corp.type=${value}`;
    await rejects([...WHATIF, change], '--change set:directories.corp.type=', message);
  });
});

describe('a configuration or an overlay that is not a map is one clear error', () => {
  it.each([
    ['!!binary', '--- !!binary\naGVsbG8=\n', 'binary data (!!binary)'], // before: 97 errors about Buffer methods
    ['!!set', '--- !!set\n? preset\n? rules\n', 'a YAML set or ordered map'], // before: silently the defaults
    ['a list', '- preset: strict\n', 'a list'],
  ])('%s', async (_name, text, found) => {
    const path = file('odd.yaml', text);
    const config = await rejects(['check', SEED, '--config', path], path, /a check configuration is a YAML map/);
    expect(config.err.trimEnd().split('\n')).toEqual([expect.stringContaining(`found ${found}`)]);
    const overlay = await rejects(['check', SEED, '--clients', path], path, /an overlay is a YAML map/);
    expect(overlay.err.trimEnd().split('\n')).toEqual([expect.stringContaining(`found ${found}`)]);
    await rejects(['matrix', file('odd-design.yaml', `wspl: 1\n${text}`)], join(dir, 'odd-design.yaml'), /error/);
  });
});

describe('pipes, FIFOs and devices', () => {
  /**
   * FIFOs that one other process fills, each once and in the order given (opening a FIFO waits for its writer, so
   * wspl must open them in that order too).
   */
  async function fifos(...contents: (string | Buffer)[]): Promise<string[]> {
    const paths = contents.map((_, i) => join(dir, `fifo-${fifoCount}-${i}`));
    const sources = contents.map((c, i) => file(`fifo-${fifoCount}-${i}.source`, c));
    fifoCount++;
    await new Promise<void>((resolve, reject) =>
      spawn('mkfifo', paths).on('exit', (c) => (c === 0 ? resolve() : reject(new Error(`mkfifo: ${c}`)))),
    );
    spawn('sh', ['-c', paths.map((p, i) => `cat '${sources[i]}' > '${p}'`).join('; ')]);
    return paths;
  }
  let fifoCount = 0;

  it('logs reads a FIFO (or <(cat f), /dev/stdin) once: before, the first pass emptied it ("the file is empty")', async () => {
    const [log] = await fifos(LOG);
    const r = await runCli(['logs', log!, '--format', 'json']);
    expect(r.err).toBe('');
    expect(JSON.parse(r.out).sessions[0].outcome).toBe('CONNECTED');
  });

  it('a design file, an overlay and a configuration from FIFOs are read once too', async () => {
    const [design, clients, config] = await fifos(SEED_TEXT, 'clients:\n  lap: { at: internet }\n', 'preset: strict\n');
    const r = await runCli(['check', design!, '--clients', clients!, '--config', config!, '--format', 'json']);
    expect(r.err).toBe('');
    expect(JSON.parse(r.out).findings.map((f: { resource: string }) => f.resource)).toContain('lap');
  });

  it('a device that never ends (/dev/zero) is refused at a bound, not read forever', async () => {
    // The log reader's bound is tested with a small one in src/logs/read.test.ts; this is the 16 MiB of a source.
    await rejects(
      ['matrix', '/dev/zero'],
      '/dev/zero',
      /it is not a regular file and gives more than 16 MiB \(a device such as \/dev\/zero, which never ends\?\)/,
    );
  });
});

describe('control characters in names, values and log fields are escaped in text output', () => {
  const ESC = '\u001b';
  const hostile = `home${ESC}]0;owned${ESC}\\\r\nfake.yaml:1: error: forged`;

  it('in diagnostics: one line each, the escape sequence written out', async () => {
    const path = file('names.yaml', SEED_TEXT.replace('home:       {', `${JSON.stringify(hostile)}: {`) + '\n');
    const text = readFileSync(path, 'utf8').replace(
      'vpc1/client, version: 5.29.1',
      `vpc1/client, version: ${JSON.stringify(`5.2${ESC}[2J`)}`,
    );
    writeFileSync(path, text);
    const r = await rejects(['matrix', path], path, /version/);
    expect(r.err).not.toContain(ESC);
    expect(r.err).not.toContain('\r');
    expect(r.err).toContain('\\e[2J');
  });

  it('in the matrix and check text reports', async () => {
    const path = file('names-ok.yaml', SEED_TEXT.replace('home:       {', `${JSON.stringify(hostile)}: {`));
    for (const args of [
      ['matrix', path],
      ['check', path],
    ]) {
      const r = await runCli(args);
      expect([0, 1]).toContain(r.code);
      expect(r.out + r.err).not.toContain(ESC);
      expect(r.out + r.err).not.toContain('\r');
      expect(r.out).not.toMatch(/^fake\.yaml/m);
    }
    // Shortened in the name column, whole (wrapped at its spaces) in the cause.
    expect((await runCli(['matrix', path])).out.replace(/\s+/g, ' ')).toContain(
      'home\\e]0;owned\\e\\\\r\\nfake.yaml:1: error: forged',
    );
  });

  it('found by the large fuzz run: an invisible BOM inside a key, a tab in a whatif change', async () => {
    const config = file('bom.config.yaml', 'preset: strict\n\uFEFFrules: {}\n');
    await rejects(['check', SEED, '--config', config], config, /:2: error: \\uFEFFrules: unknown field "\\uFEFFrules"/);
    const r = await runCli([...WHATIF, 'set:directories.corp.streamingEndpoint=\t']);
    expect(r.out).toContain('1. set:directories.corp.streamingEndpoint=\\t\n');
    expect(r.out).not.toContain('\t');
  });

  it('in the logs text report', async () => {
    const forged = LOG.toString('utf8').replaceAll('7f73a8ab', `7f73${ESC}]2;x${ESC}\\\rab`);
    const r = await runCli(['logs', file('escape.log', forged)]);
    expect(r.code).toBe(0);
    expect(r.out).not.toContain(ESC);
    expect(r.out).not.toContain('\r');
    expect(r.out).toContain('7f73\\e]2;x\\e\\\\rab');
  });
});

describe('inputs that are fine', () => {
  it('CR-only line breaks read like the seed (before: "not a map")', async () => {
    const seed = await runCli(['matrix', SEED, '--format', 'json']);
    const r = await runCli(['matrix', file('cr.yaml', SEED_TEXT.replace(/\n/g, '\r')), '--format', 'json']);
    expect(r.err).toBe('');
    expect(unplaced(r.out)).toBe(unplaced(seed.out));
  });

  const MERGED = SEED_TEXT.replace(
    'client-a:   { cidr: 10.0.10.0/24, az: ap-northeast-1a, routeTable: private }',
    'client-a:   &private { cidr: 10.0.10.0/24, az: ap-northeast-1a, routeTable: private }',
  )
    .replace(
      'endpoint-a: { cidr: 10.0.21.0/24, az: ap-northeast-1a, routeTable: private }',
      'endpoint-a: { <<: *private, cidr: 10.0.21.0/24 }',
    )
    .replace(
      'dcv-desktop:   { directory: corp, protocol: dcv }',
      'dcv-desktop:   &ws { directory: corp, protocol: dcv }',
    )
    .replace('pcoip-desktop: { directory: corp, protocol: pcoip }', 'pcoip-desktop: { <<: *ws, protocol: pcoip }');

  it('merge keys (<<: *anchor) read like the values written out (before: unknown field "<<"), and export writes them out', async () => {
    expect(MERGED.match(/<<: \*/g)).toHaveLength(2);
    const path = file('merged.yaml', MERGED);
    const seed = await runCli(['matrix', SEED, '--format', 'json']);
    const r = await runCli(['matrix', path, '--format', 'json']);
    expect(r.err).toBe('');
    expect(unplaced(r.out)).toBe(unplaced(seed.out));
    const exported = await runCli(['export', path, '--format', 'design']);
    expect(exported.code).toBe(0);
    expect(exported.out).not.toContain('<<');
    const again = await runCli(['matrix', file('exported.yaml', exported.out), '--format', 'json']);
    expect(unplaced(again.out)).toBe(unplaced(seed.out));
  });

  it('an error in a merged value points at the line where the value is written', async () => {
    const path = file('merged-bad.yaml', MERGED.replace('routeTable: private }\n', 'routeTable: privat }\n'));
    const r = await rejects(['matrix', path], path, /routeTable/);
    // Both subnets take the route table from line 16, the anchored map.
    expect(r.err).toMatch(/merged-bad\.yaml:16: error: vpcs\.vpc1\.subnets\.client-a\.routeTable:/);
    expect(r.err).toMatch(/merged-bad\.yaml:16: error: vpcs\.vpc1\.subnets\.endpoint-a\.routeTable:/);
  });
});
