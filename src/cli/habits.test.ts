// The habits of the AWS CLI and of linters (issue 9, item 7): colours, --quiet, suppressed findings with reasons.
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { colourWanted } from './io.js';
import { runCli } from './testing/run-cli.js';

const SEED = 'examples/seed-tokyo.yaml';

describe('colours', () => {
  it('NO_COLOR turns them off, FORCE_COLOR on (even into a pipe), else a terminal decides', () => {
    expect(colourWanted({}, true)).toBe(true);
    expect(colourWanted({}, false)).toBe(false);
    expect(colourWanted({ NO_COLOR: '1' }, true)).toBe(false);
    expect(colourWanted({ FORCE_COLOR: '1' }, false)).toBe(true);
    expect(colourWanted({ FORCE_COLOR: '0' }, true)).toBe(false);
    expect(colourWanted({ NO_COLOR: '1', FORCE_COLOR: '1' }, true)).toBe(false);
  });

  it('--no-color is accepted anywhere on the line and changes nothing else', async () => {
    const plain = await runCli(['check', SEED]);
    const flagged = await runCli(['check', SEED, '--no-color']);
    expect(flagged.code).toBe(plain.code);
    expect(flagged.out).toBe(plain.out);
    expect((await runCli(['--no-color', 'matrix', SEED])).code).toBe(0);
  });
});

describe('wspl check text', () => {
  it('--quiet prints the findings only', async () => {
    const r = await runCli(['check', SEED, '--quiet']);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/pcoip-workspaces-unreachable/);
    expect(r.out).not.toMatch(/findings? \(/);
  });

  it('lists suppressed findings with the reason the configuration gives', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wspl-habits-'));
    copyFileSync(SEED, join(dir, 'env.yaml'));
    writeFileSync(
      join(dir, 'wspl.config.yaml'),
      'rules:\n  pcoip-workspaces-unreachable:\n    - { severity: off, resources: [pcoip-desktop], reason: PCoIP desktops retire in May }\n',
    );
    const r = await runCli(['check', join(dir, 'env.yaml')]);
    expect(r.out).toMatch(
      // The finding's line may wrap at 100 columns: its words, then the rule id and the reason under it.
      /suppressed \(by the check configuration\)\n.*pcoip-desktop: [\s\S]*?pcoip-workspaces-unreachable\n\s+reason: PCoIP desktops retire in May/,
    );
    expect((await runCli(['check', join(dir, 'env.yaml'), '--quiet'])).out).not.toMatch(/suppressed/);
  });
});
