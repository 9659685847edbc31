// `wspl trace --format log` prints the prediction as the client would log it; `wspl logs` reads it back to the same
// outcome and endpoints.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
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

describe('trace --format log of a PCoIP session', () => {
  // PCoIP allowed over the internet: the broker offers the PCoIP gateways (TCP and UDP 4172).
  const dir = mkdtempSync(join(tmpdir(), 'wspl-rt-pcoip-'));
  const design = join(dir, 'pcoip.yaml');
  writeFileSync(design, readFileSync(SEED, 'utf8').replace('pcoipOverInternet: false', 'pcoipOverInternet: true'));

  // Before: written as a DCV session ("Starting WSP session", "DCV WorkSpace endpoint") that read back INCOMPLETE.
  it.each([
    ['home', 'CONNECTED'],
    ['ec2-client', 'NO_REACHABLE_ENDPOINT'],
  ])('%s → pcoip-desktop reads back as the PCoIP session it was (%s)', async (client, outcome) => {
    const args = ['trace', design, '--client', client, '--workspace', 'pcoip-desktop'];
    const predicted = JSON.parse((await run([...args, '--format', 'json'])).out);
    expect(predicted.outcome).toBe(outcome);
    const log = await run([...args, '--format', 'log']);
    expect(log.out).not.toMatch(/WSP|DCV/);
    expect(log.out).toContain('Protocol: PCOIP');
    const file = join(dir, `${client}.log`);
    writeFileSync(file, log.out);
    const read = JSON.parse((await run(['logs', file, '--format', 'json'])).out);
    expect(read.sessions).toHaveLength(1);
    expect(read.sessions[0]).toMatchObject({ protocol: 'PCOIP', outcome, inferred: ['outcome'] });
    const codes = read.diagnoses.map((d: { code: string }) => d.code);
    expect(codes).toEqual(outcome === 'CONNECTED' ? [] : ['no-reachable-endpoint']);
    if (outcome !== 'CONNECTED') expect(read.diagnoses[0].message).toContain('4172');
  });
});

describe('trace --format log writes the client of the input', () => {
  it("each line carries the client's own version, and the log reads back with it", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wspl-rt-version-'));
    const design = join(dir, 'env.yaml');
    writeFileSync(design, readFileSync(SEED, 'utf8').replace(/(home: +\{[^}]*version: )5\.29\.1/, '$15.20.0'));
    const log = await run(['trace', design, '--client', 'home', '--workspace', 'dcv-desktop', '--format', 'log']);
    expect(log.out).toMatch(/Version: "5\.20\.0"/);
    expect(log.out).not.toMatch(/5\.29\.1/);
    const file = join(dir, 'predicted.log');
    writeFileSync(file, log.out);
    const read = JSON.parse((await run(['logs', file, '--format', 'json'])).out);
    expect(read.sessions[0].clientVersion).toBe('5.20.0');
  });
});
