// `wspl trace --format log` prints the prediction as the client would log it; `wspl logs` reads it back to the same
// outcome and endpoints.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/testing/run-cli.js';

const SEED = 'examples/seed-tokyo.yaml';

const run = runCli;

describe('trace --format log round trip', () => {
  const cases: [string, string, string][] = [
    ['ec2-client', 'dcv-desktop', 'CONNECTED'],
    ['home', 'dcv-desktop', 'NO_REACHABLE_ENDPOINT'],
    ['home', 'pcoip-desktop', 'RESOURCE_NOT_FOUND'],
  ];
  for (const [client, workspace, outcome] of cases) {
    it(`${client} → ${workspace} reads back as ${outcome}`, async () => {
      const predicted = JSON.parse(
        (await run(['trace', SEED, '--client', client, '--workspace', workspace, '--format', 'json'])).out,
      );
      const log = await run(['trace', SEED, '--client', client, '--workspace', workspace, '--format', 'log']);
      expect(log.code).toBe(0);
      const file = join(mkdtempSync(join(tmpdir(), 'wspl-rt-')), 'predicted.log');
      writeFileSync(file, log.out);
      const read = await run(['logs', file, '--format', 'json']);
      expect(read.code).toBe(0);
      const sessions = JSON.parse(read.out).sessions;
      expect(sessions).toHaveLength(1);
      expect(sessions[0].outcome).toBe(outcome);
      expect(predicted.outcome).toBe(outcome);
      if (outcome !== 'RESOURCE_NOT_FOUND') {
        expect(sessions[0].path).toBe(predicted.path);
        expect(JSON.stringify(sessions[0].offered)).toContain(predicted.offered[0].hostname);
        expect(sessions[0].offered).toHaveLength(predicted.offered.length);
      }
      if (outcome === 'CONNECTED') {
        expect(JSON.stringify(sessions[0].chosen)).toContain('4195');
        expect(sessions[0].reachable).toHaveLength(4);
      }
    });
  }
});
