import { runCli } from '../../cli/testing/run-cli.js';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDesignText } from './load.js';

const dir = mkdtempSync(join(tmpdir(), 'wspl-design-'));

function write(name: string, text: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const run = (...args: string[]) => runCli(args);

describe('the CLI on design files', () => {
  it('exits 2 naming file:line, field and code for a bad file, and leaves the file as it was', async () => {
    const text = readFileSync('examples/seed-tokyo.yaml', 'utf8').replace('cidr: 10.0.0.0/16', 'cidr: 10.0.0.1/16');
    const path = write('bad-cidr.yaml', text);
    const line = text.split('\n').findIndex((l) => l.includes('10.0.0.1/16')) + 1;
    const r = await run('export', path, '--format', 'design');
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${path}:${line}: error: vpcs.vpc1.cidr:`);
    expect(r.err).toContain('the network address is 10.0.0.0/16 [bad-cidr]');
    expect(readFileSync(path, 'utf8')).toBe(text);
  });

  it('exits 2 for a missing file, naming it', async () => {
    const r = await run('export', join(dir, 'nope.yaml'));
    expect(r.code).toBe(2);
    expect(r.err).toContain('nope.yaml');
  });

  it('exits 2 for binary garbage', async () => {
    const path = write('garbage.yaml', Buffer.from([0xff, 0xfe, 0x00, 0x01, 0x9c, 0x80]));
    const r = await run('export', path);
    expect(r.code).toBe(2);
    expect(r.err).toContain('[not-text]');
  });

  it('reads the other source kinds too, refusing what they cannot be', async () => {
    // A template with a VPC is a CloudFormation source now, not "not built yet".
    const cfn = write(
      'template.json',
      JSON.stringify({ Resources: { Vpc: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.0.0.0/16' } } } }),
    );
    const r = await run('export', cfn, '--region', 'ap-northeast-1');
    expect(r.code).toBe(0);
    expect(r.out).toContain('10.0.0.0/16');
    // Live AWS is built: a Region nobody has is refused before any request.
    expect((await run('export', 'aws:ap-nowhere-1')).err).toMatch(/"ap-nowhere-1" is not an AWS Region/);
  });

  it('exports a design file that reloads', async () => {
    const r = await run('export', 'examples/seed-tokyo.yaml', '--format', 'design');
    expect(r.code).toBe(0);
    expect(r.out).toContain('vpcs:');
    expect(loadDesignText(r.out, 'out.yaml').diagnostics).toEqual([]);
  });

  it('prints the JSON Schema of the design file', async () => {
    const r = await run('schema');
    expect(r.code).toBe(0);
    const schema = JSON.parse(r.out) as {
      $schema: string;
      properties: Record<string, { description?: string }>;
      required: string[];
    };
    expect(schema.$schema).toContain('2020-12');
    expect(schema.required).toEqual(expect.arrayContaining(['wspl', 'account', 'region']));
    for (const key of [
      'vpcs',
      'directories',
      'workspaces',
      'clients',
      'onPremises',
      'transitGateways',
      'peerings',
      'prefixLists',
      'ipGroups',
    ]) {
      expect(schema.properties[key], key).toBeDefined();
    }
    expect(schema.properties.clients?.description).toBeTruthy();
  });
});

describe('warnings', () => {
  it('export prints warnings on stderr and still succeeds', async () => {
    const text = readFileSync('examples/seed-tokyo.yaml', 'utf8') + 'colours: [red]\n';
    const path = write('warn.yaml', text);
    const r = await run('export', path);
    expect(r.code).toBe(0);
    expect(r.err).toContain(
      `${path}:${text.split('\n').length - 1}: warning: colours: unknown top-level key "colours" (ignored) [unknown-key]`,
    );
  });
});

describe('source detection', () => {
  it('reads a design file written as JSON', async () => {
    const doc = { wspl: 1, account: '111122223333', region: 'ap-northeast-1', clients: { home: { at: 'internet' } } };
    const r = await run('export', write('design.json', JSON.stringify(doc)));
    expect(r.code).toBe(0);
    expect(r.out).toContain('home: { at: internet }');
  });

  it('treats a YAML file without `wspl: 1` as a design file that lacks it', async () => {
    const path = write('no-version.yaml', 'account: "111122223333"\nregion: ap-northeast-1\n');
    const r = await run('export', path);
    expect(r.code).toBe(2);
    expect(r.err).toContain(
      `${path}:1: error: not a wspl design file: the first line should be \`wspl: 1\` [missing-version]`,
    );
  });
});
