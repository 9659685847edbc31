// `wspl report --html` and the parts of `wspl serve` that end before it listens (the e2e test runs the server).
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/testing/run-cli.js';

const SEED = readFileSync('examples/seed-tokyo.yaml', 'utf8');
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'wspl-report-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('wspl report --html', () => {
  it('writes one HTML file holding the views, the model and the page', async () => {
    const out = join(dir, 'seed.html');
    const r = await runCli(['report', 'examples/seed-tokyo.yaml', '--html', out]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/wrote .*seed\.html \(\d+\.\d MB\)/);
    const html = readFileSync(out, 'utf8');
    const json = /<script type="application\/json" id="wspl-data">(.*?)<\/script>/s.exec(html)?.[1] ?? '';
    const data = JSON.parse(json);
    expect(data.source).toBe('examples/seed-tokyo.yaml');
    expect(data.snapshot.overview.outcomes.NO_REACHABLE_ENDPOINT).toBe(1);
    expect(Object.keys(data.docs.rules)).toContain('client-dns-resolution');
    expect(html).toMatch(/<script>[^]*wspl-data[^]*<\/script>\n<\/body>/);
  }, 30_000);

  it('refuses to write over its input, and says when it cannot write', async () => {
    const same = await runCli(['report', 'examples/seed-tokyo.yaml', '--html', 'examples/seed-tokyo.yaml']);
    expect(same.code).toBe(2);
    expect(same.err).toMatch(/is one of the inputs: wspl never writes to its input files/);
    const nowhere = await runCli(['report', 'examples/seed-tokyo.yaml', '--html', join(dir, 'no/such/dir/x.html')]);
    expect(nowhere.code).toBe(2);
    expect(nowhere.err).toMatch(/cannot write .*x\.html/);
    expect(existsSync(join(dir, 'no'))).toBe(false);
  }, 30_000);

  it.each([
    ['broken.yaml', 'wspl: 1\nvpcs: {a: [\n', /broken\.yaml:3: error: .*\[yaml-syntax\]/],
    [
      'ref.yaml',
      SEED.replace('streamingEndpoint: vpc1/streaming', 'streamingEndpoint: vpc9/nope'),
      /endpoint "vpc9\/nope" not found/,
    ],
  ])('exits 2 on a broken source (%s), writes nothing and leaves the source as it was', async (name, text, message) => {
    const source = join(dir, name);
    writeFileSync(source, text);
    const out = join(dir, `${name}.html`);
    const r = await runCli(['report', source, '--html', out]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err).not.toContain('internal error');
    expect(existsSync(out)).toBe(false);
    expect(readFileSync(source, 'utf8')).toBe(text);
  });

  it("carries the source's warnings into the page", async () => {
    const source = join(dir, 'extra-key.yaml');
    writeFileSync(source, `${SEED}colour: blue\n`);
    const out = join(dir, 'extra-key.html');
    const r = await runCli(['report', source, '--html', out]);
    expect(r.code, r.err).toBe(0);
    const json = /<script type="application\/json" id="wspl-data">(.*?)<\/script>/s.exec(
      readFileSync(out, 'utf8'),
    )?.[1];
    const warnings = (JSON.parse(json ?? '{}') as { snapshot: { overview: { warnings: string[] } } }).snapshot.overview
      .warnings;
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/extra-key\.yaml:\d+: warning: .*colour/);
    expect(r.err).toContain(warnings[0]);
  }, 30_000);

  it('needs --html', async () => {
    const r = await runCli(['report', 'examples/seed-tokyo.yaml']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--html/);
  });
});

describe('wspl serve, before it listens', () => {
  it('exits 2 on a source it cannot read, naming the file', async () => {
    const r = await runCli(['serve', join(dir, 'missing.yaml'), '--port', '0']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/missing\.yaml: error: no such file or directory/);
  });

  it.each(['abc', '-1', '70000', '1.5'])('refuses --port %s', async (port) => {
    const r = await runCli(['serve', 'examples/seed-tokyo.yaml', '--port', port]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/port number from 0 to 65535/);
  });

  it('is listed in the help as built', async () => {
    const r = await runCli(['--help']);
    expect(r.out).toMatch(/serve \[options\] <source>\s+local dashboard/);
    expect(r.out).toMatch(/report \[options\] <source>\s+the dashboard's views/);
    expect(r.out).not.toMatch(/serve.*not built yet/);
  });
});
