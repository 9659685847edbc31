// `wspl logs --topology`: logs of one Region held against a setup in another are named as such (issue 9, item 8).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/testing/run-cli.js';

const LOG = 'test/logs/seed-4-2-privatelink-connected.log';
const SEED = 'examples/seed-tokyo.yaml';

describe('wspl logs --topology', () => {
  it('warns once when the sessions are in another Region than the topology; not when they match', async () => {
    const args = (topology: string) => ['logs', LOG, '--topology', topology, '--client', 'ec2-client'];
    const same = await runCli(args(SEED));
    expect(same.code).toBe(0);
    expect(same.err).not.toMatch(/warning/);
    const design = join(mkdtempSync(join(tmpdir(), 'wspl-logs-region-')), 'ireland.yaml');
    writeFileSync(design, readFileSync(SEED, 'utf8').replaceAll('ap-northeast-1', 'eu-west-1'));
    const other = await runCli(args(design));
    expect(other.code).toBe(0);
    const warnings = other.err.split('\n').filter((l) => l.includes('warning'));
    expect(warnings).toEqual([
      `wspl: warning: the logs show sessions in ap-northeast-1, but ${design} streams in eu-west-1: the comparison is likely against the wrong setup`,
    ]);
  });
});
