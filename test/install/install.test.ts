// wspl installs as a command outside the clone, the way the README says: `npm pack` (which runs `prepare`: the
// TypeScript and web builds), then `npm install -g` of the tarball into a prefix of its own, then the installed
// `wspl` run from another folder. Slow (a minute or more): `npm run test:install` and CI run it, `npm test` does not.
//
// `--offline` cannot work here: the npm cache that `npm ci` fills holds the dependencies' tarballs but not the
// registry's package documents, which installing a tarball needs to resolve its dependency ranges (ENOTCACHED).
// `--prefer-offline` takes every tarball from that cache and asks the npm registry only for those documents.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const CLONE = resolve(import.meta.dirname, '../..');
const work = mkdtempSync(join(tmpdir(), 'wspl-install-'));
const prefix = join(work, 'prefix');
const elsewhere = mkdtempSync(join(tmpdir(), 'wspl-elsewhere-'));

function npm(args: string[], cwd: string): string {
  return execFileSync('npm', args, { cwd, encoding: 'utf8', timeout: 600_000, stdio: ['ignore', 'pipe', 'pipe'] });
}

beforeAll(() => {
  npm(['pack', '--pack-destination', work], CLONE);
  const tgz = readdirSync(work).find((f) => /^wspl-.*\.tgz$/.test(f));
  if (!tgz) throw new Error(`npm pack wrote no wspl-<version>.tgz in ${work}`);
  npm(['install', '-g', '--prefix', prefix, join(work, tgz), '--prefer-offline', '--no-audit', '--no-fund'], work);
}, 900_000);

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
  rmSync(elsewhere, { recursive: true, force: true });
});

describe('installed from npm pack', () => {
  it('puts wspl in <prefix>/bin, and it runs from another folder', () => {
    const bin = join(prefix, 'bin', 'wspl');
    expect(existsSync(bin)).toBe(true);
    // Not the clone's own files: the installed copy under <prefix>/lib/node_modules.
    expect(existsSync(join(prefix, 'lib', 'node_modules', 'wspl', 'dist', 'bundle', 'main.js'))).toBe(true);
    const out = execFileSync(bin, ['matrix', join(CLONE, 'examples', 'seed-tokyo.yaml')], {
      cwd: elsewhere,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
    expect(out).toMatch(/^CLIENT\s+WORKSPACE\s+OUTCOME\s+PATH\s+TRANSPORT\s+FIRST CAUSE$/m);
    expect(out).toMatch(/^ec2-client\s+dcv-desktop\s+CONNECTED\s+privatelink\s+QUIC 4195$/m);
    expect(out).toMatch(/^ec2-client\s+pcoip-desktop\s+RESOURCE_NOT_FOUND\s/m);
  });
});
