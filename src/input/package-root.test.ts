import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot, packageVersion } from './package-root.js';

describe('packageRoot', () => {
  it("finds wspl's own folder: its package.json, docs and examples", () => {
    const root = packageRoot();
    expect(root).toBeDefined();
    const pkg = JSON.parse(readFileSync(path.join(root ?? '', 'package.json'), 'utf8')) as { name: string };
    expect(pkg.name).toBe('wspl');
    expect(readFileSync(path.join(root ?? '', 'examples', 'seed-tokyo.yaml'), 'utf8')).toContain('vpcs');
  });

  it('reads the version from that package.json', () => {
    const pkg = JSON.parse(readFileSync(path.join(packageRoot() ?? '', 'package.json'), 'utf8')) as {
      version: string;
    };
    expect(packageVersion()).toBe(pkg.version);
    expect(packageVersion()).toMatch(/^\d+\.\d+\.\d+/);
  });
});
