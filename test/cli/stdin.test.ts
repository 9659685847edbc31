// `-` as the source reads it from standard input (issue 9, item 7), for every kind of source: the kind is told from
// the bytes, the read is the bounded one of src/input, diagnostics name <stdin> with line and field, and a second
// `-` in one run fails at once instead of waiting. In-process runs point "standard input" at a file; one run of the
// real binary proves the pipe itself.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { stdinForTesting } from '../../src/input/read.js';
import { runCli } from '../../src/cli/testing/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'wspl-stdin-'));

/** Runs the CLI in-process with `text` as its standard input. */
async function withStdin(text: string, args: string[]) {
  const file = join(dir, `stdin-${Math.random().toString(36).slice(2)}`);
  writeFileSync(file, text);
  stdinForTesting(file);
  return runCli(args);
}

afterEach(() => stdinForTesting());

describe('- reads the source from standard input', () => {
  it('a design file: the same matrix as from the file', async () => {
    const fromFile = await runCli(['matrix', 'examples/seed-tokyo.yaml', '--format', 'json']);
    const r = await withStdin(readFileSync('examples/seed-tokyo.yaml', 'utf8'), ['matrix', '-', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.out).toBe(fromFile.out.replaceAll('"file":"examples/seed-tokyo.yaml"', '"file":"<stdin>"'));
  });

  it('a CloudFormation template (YAML) and a Terraform plan (JSON) are told from their bytes', async () => {
    const cfn = await withStdin(readFileSync('test/iac/seed-tokyo.template.yaml', 'utf8'), [
      'export',
      '-',
      '--format',
      'design',
      '--region',
      'ap-northeast-1',
      '--account',
      '111122223333',
    ]);
    expect(cfn.err).toBe('');
    expect(cfn.out).toMatch(/highlander/);
    const plan = await withStdin(readFileSync('test/iac/seed-tokyo.tfplan.json', 'utf8'), ['check', '-', '--quiet']);
    expect(plan.code).toBeLessThan(2);
    expect(plan.out).toMatch(/<stdin>:\d+:\d+\s+\(module\.client_vpc\.aws_vpc_endpoint\.streaming\)/);
  });

  it('a snapshot is told from its bytes; diagnostics name <stdin> with the line and the field', async () => {
    const snap = await withStdin('{"wsplSnapshot": 2, "scopes": []}', ['matrix', '-']);
    expect(snap.code).toBe(2);
    expect(snap.err).toMatch(/^<stdin>: error: wsplSnapshot: .*\[unsupported-version\]/m);
    const bad = readFileSync('examples/seed-tokyo.yaml', 'utf8').replace('cidr: 10.0.0.0/16', 'cidr: 10.0.0.300/16');
    const design = await withStdin(bad, ['trace', '-', '--client', 'ec2-client', '--workspace', 'dcv-desktop']);
    expect(design.code).toBe(2);
    expect(design.err).toMatch(/^<stdin>:\d+(:\d+)?: error: vpcs\.vpc1\.cidr: /m);
  });

  it('a second - in one run fails at once, naming <stdin>', async () => {
    const r = await withStdin(readFileSync('examples/seed-tokyo.yaml', 'utf8'), ['check', '-', '-']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/<stdin>: error: standard input was read already and can be read only once/);
  });

  it('the real binary reads a pipe', () => {
    const r = spawnSync(
      'node',
      ['bin/wspl.js', 'trace', '-', '--client', 'ec2-client', '--workspace', 'dcv-desktop', '--quiet'],
      {
        input: readFileSync('examples/seed-tokyo.yaml'),
        encoding: 'utf8',
        timeout: 20_000,
      },
    );
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('ec2-client → dcv-desktop: CONNECTED via PrivateLink, QUIC 4195 to 10.0.21.217\n');
  });
});
