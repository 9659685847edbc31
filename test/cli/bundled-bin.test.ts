// The installed command runs the bundle in dist/bundle/ (tools/bundle-cli.js), not the modules the other tests
// import. These run bin/wspl.js as a user does and hold its output to the same command run in-process, for the
// parts a bundle can get wrong: finding the package's files (docs, version), and the lazily loaded live-AWS chunk.
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../src/cli/testing/run-cli.js';
import { fakeFor, type Harness } from '../../src/sources/aws/testing/harness.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const bundle = `${root}dist/bundle/main.js`;

function bin(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['bin/wspl.js', ...args],
      { cwd: root, env: { ...process.env, NO_COLOR: '1', ...env }, maxBuffer: 64 * 1024 * 1024 },
      (error, out, err) => resolve({ code: error ? Number(error.code ?? 1) : 0, out, err }),
    );
  });
}

/**
 * The bundle's files reachable from main.js: through static imports only (what loads before a command runs), or
 * through dynamic ones too (everything a command may load).
 */
function reachable(withDynamic: boolean): string {
  const dir = `${root}dist/bundle`;
  // esbuild writes static imports as `from "./chunk-….js"` and dynamic ones as `import("./….js")`.
  const link = withDynamic ? /(?:\bfrom\s*|\bimport\()"\.\/([^"]+\.js)"/g : /\bfrom\s*"\.\/([^"]+\.js)"/g;
  const seen = new Set<string>(['main.js']);
  const queue = ['main.js'];
  const texts: string[] = [];
  for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
    const text = readFileSync(join(dir, file), 'utf8');
    texts.push(text);
    for (const m of text.matchAll(link)) {
      const next = m[1] ?? '';
      if (seen.has(next)) continue;
      seen.add(next);
      queue.push(next);
    }
  }
  return texts.join('\n');
}

let h: Harness;
beforeAll(async () => {
  h = await fakeFor('examples/seed-tokyo.yaml');
});
afterAll(async () => h.fake.close());

describe('bin/wspl.js (the bundled CLI)', () => {
  it('is built (npm ci runs `npm run build`)', () => {
    expect(existsSync(bundle), `${bundle} is missing: run \`npm run build\``).toBe(true);
  });

  it.each([
    [['matrix', 'examples/seed-tokyo.yaml', '--format', 'json']],
    [['check', 'examples/seed-tokyo.yaml', '--format', 'json']],
    [['explain', 'streaming-endpoint-ports']],
    [['explain', 'NO_REACHABLE_ENDPOINT']],
  ])('wspl %j prints what the library prints', async (args) => {
    const [spawned, inProcess] = await Promise.all([bin(args), runCli(args)]);
    expect(spawned.err).toBe(inProcess.err);
    expect(spawned.code).toBe(inProcess.code);
    expect(spawned.out).toBe(inProcess.out);
    expect(spawned.out.length).toBeGreaterThan(100);
  });

  it('logs a folder on worker threads (their own bundled entry) as the library does on one', async () => {
    // The threshold at 0: the seed's small logs folder goes to the workers, which load dist/bundle/logs-worker.js.
    const args = ['logs', 'test/logs', '--format', 'json'];
    const [spawned, inProcess] = await Promise.all([bin(args, { WSPL_LOGS_PARALLEL_MIN_BYTES: '0' }), runCli(args)]);
    expect(spawned.err).toBe('');
    expect(spawned.code).toBe(0);
    expect(spawned.out).toBe(inProcess.out);
  });

  it('starts without the modules a command loads when it runs (zod, yaml, the source readers, the engine)', () => {
    // esbuild heads each bundled module with a comment naming its file: find them in what loads at start.
    const start = reachable(false);
    const heavy = [
      '// node_modules/zod/',
      '// node_modules/yaml/',
      '// src/sources/design/load.ts',
      '// src/sources/cloudformation/convert.ts',
      '// src/workspaces/trace.ts',
      '// src/rules/runner.ts',
      '// src/logs/read.ts',
    ];
    expect(heavy.filter((m) => start.includes(m))).toEqual([]);
    // The markers are real: each module is in a chunk a command loads when it runs.
    const everything = reachable(true);
    expect(heavy.filter((m) => !everything.includes(m))).toEqual([]);
    expect(start).toContain('// src/cli/main.ts');
  });

  it("--version is the package's version", async () => {
    const pkg = JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as { version: string };
    expect((await bin(['--version'])).out.trim()).toBe(pkg.version);
  });

  it('reads live AWS (the lazily loaded SDK chunk) as the library does', async () => {
    const args = ['export', 'aws:ap-northeast-1'];
    const env = { ...h.env, AWS_PROFILE: '' };
    const spawned = await bin(args, env);
    for (const [k, v] of Object.entries(env)) vi.stubEnv(k, v);
    const inProcess = await runCli(args).finally(() => vi.unstubAllEnvs());
    expect(spawned.code).toBe(0);
    expect(spawned.out).toBe(inProcess.out);
    expect(spawned.out).toMatch(/vpc1:[\s\S]*streaming:/);
  });
});
