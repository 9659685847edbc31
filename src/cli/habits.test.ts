// The habits of the AWS CLI and of linters (issue 9, item 7): colours, --quiet, suppressed findings with reasons.
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
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

describe('--quiet on the other commands, and the fixes of the matrix', () => {
  it('matrix --quiet: only the rows that do not connect', async () => {
    const r = await runCli(['matrix', SEED, '--quiet']);
    expect(r.out).toMatch(/pcoip-desktop\s+RESOURCE_NOT_FOUND/);
    expect(r.out).not.toMatch(/CONNECTED\s/);
  });

  it('matrix --fix: each blocker once under the table, with its fix for this setup and the rows it stops', async () => {
    const r = await runCli(['matrix', SEED, '--fix']);
    expect(r.out).toMatch(
      /\nFixes \(3\):\n {2}corp: [^$]*?\(2 rows\)\n {6}edit corp .*\n {6}\$ aws workspaces modify-workspace-access-properties --resource-id d-9567a1b2c3 .*"InternetFallbackProtocols":\["PCOIP"\]/,
    );
    expect(r.out).toMatch(/\n {6}edit corp \(d-9567a1b2c3\) at examples\/seed-tokyo\.yaml:51\n/);
    expect((await runCli(['matrix', SEED])).out).not.toMatch(/Fixes/);
  });

  it('trace text: under each blocker its commands, or why no single command fixes it', async () => {
    const r = await runCli(['trace', SEED, '--client', 'home', '--workspace', 'dcv-desktop']);
    expect(r.out).toMatch(
      /✗ home: 10\.0\.21\.217 is a private address[^✗]*\n {6}fix: no single command: a private address/,
    );
  });

  it('trace --quiet: the outcome line only', async () => {
    const r = await runCli(['trace', SEED, '--client', 'ec2-client', '--workspace', 'dcv-desktop', '--quiet']);
    expect(r.out).toBe('ec2-client → dcv-desktop: CONNECTED via PrivateLink, QUIC 4195 to 10.0.21.217\n');
  });

  it('whatif --quiet: only the changes that change something; the estate form without its counts', async () => {
    const changes = [
      '--change',
      'set:directories.corp.globalAccelerator=false',
      'set:vpcs.vpc1.instances.nat.state=stopped',
    ];
    const one = await runCli([
      'whatif',
      SEED,
      '--client',
      'ec2-client',
      '--workspace',
      'dcv-desktop',
      ...changes,
      '--quiet',
    ]);
    expect(one.code).toBe(1);
    expect(one.out).toMatch(
      /^2\. set:vpcs\.vpc1\.instances\.nat\.state=stopped: new session CONNECTED [^⇒]* ⇒ REGISTRATION_FAILED\n/,
    );
    expect(one.out).not.toMatch(/^1\./m);
    const estate = await runCli(['whatif', SEED, ...changes, '--quiet']);
    expect(estate.out).toMatch(/^2\. set:vpcs.*\n {3}✗ ec2-client → dcv-desktop/);
    expect(estate.out).not.toMatch(/unchanged|Whole estate|running sessions/);
  });

  it('logs --quiet: the diagnoses only', async () => {
    const r = await runCli(['logs', 'test/logs', '--quiet']);
    expect(r.out).toMatch(/no-reachable-endpoint/);
    expect(r.out).not.toMatch(/^Read$|sessions? \(/m);
  });
});

describe('a reference without its prefix', () => {
  it('exit 2, naming the file, line, field and the full id it likely meant', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wspl-habits-'));
    const file = join(dir, 'office.yaml');
    writeFileSync(
      file,
      readFileSync('examples/office-tgw.yaml', 'utf8').replace('vpn: tgw1/office-vpn', 'vpn: office-vpn'),
    );
    const r = await runCli(['matrix', file]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(
      /office\.yaml:\d+: error: onPremises\.office\.connections\.0\.vpn: "office-vpn" is neither a VPC nor a transit gateway; did you mean "tgw1\/office-vpn"\?/,
    );
  });
});
