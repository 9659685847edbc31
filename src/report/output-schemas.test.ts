// Real outputs of every JSON-printing command hold to the schema `wspl schema <command>` publishes.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli/testing/run-cli.js';
import { OUTPUT_SCHEMAS, outputJsonSchema, type OutputName } from './output-schemas.js';

async function output(args: string[]): Promise<unknown> {
  const r = await runCli(args);
  expect(r.code, r.err).toBeLessThan(2);
  return JSON.parse(r.out);
}

function holds(name: OutputName, value: unknown): void {
  const parsed = OUTPUT_SCHEMAS[name].safeParse(value);
  expect(parsed.success ? [] : parsed.error.issues.slice(0, 5)).toEqual([]);
}

const EXAMPLES = readdirSync('examples')
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => `examples/${f}`);

describe('published output schemas', () => {
  it('wspl schema prints the schema the outputs are held to', async () => {
    for (const name of Object.keys(OUTPUT_SCHEMAS) as OutputName[]) {
      const r = await runCli(['schema', name]);
      expect(JSON.parse(r.out)).toEqual(outputJsonSchema(name));
    }
  });

  it('trace and matrix, for every client × WorkSpace of the examples that differ most', async () => {
    for (const file of ['examples/seed-4-1-nat-stopped.yaml', 'examples/hub-spoke.yaml', 'examples/office-tgw.yaml']) {
      const matrix = (await output(['matrix', file, '--format', 'json'])) as {
        rows: { client: string; workspace: string; blockers: { fix: { cli: string[]; note?: string } }[] }[];
      };
      holds('matrix', matrix);
      // Every blocker of a row carries its fix (commands, or why no single command does it).
      const blockers = matrix.rows.flatMap((r) => r.blockers);
      if (file.includes('nat-stopped')) expect(blockers.length).toBeGreaterThan(0);
      for (const b of blockers) expect(b.fix.cli.length > 0 || b.fix.note !== undefined).toBe(true);
      for (const row of matrix.rows) {
        holds(
          'trace',
          await output(['trace', file, '--client', row.client, '--workspace', row.workspace, '--format', 'json']),
        );
      }
    }
  });

  it('check, on several sources at once', async () => {
    holds('check', await output(['check', ...EXAMPLES, '--format', 'json', '--fail-on', 'never']));
  });

  it('logs, on the seed client logs, with and without a topology', async () => {
    holds('logs', await output(['logs', 'test/logs', '--format', 'json']));
    holds(
      'logs',
      await output([
        'logs',
        'test/logs/seed-4-2-privatelink-connected.log',
        '--topology',
        'examples/seed-tokyo.yaml',
        '--client',
        'ec2-client',
        '--format',
        'json',
      ]),
    );
  });

  it('whatif, the seed 4-5 changes', async () => {
    holds(
      'whatif',
      await output([
        'whatif',
        'examples/seed-tokyo.yaml',
        '--client',
        'ec2-client',
        '--workspace',
        'dcv-desktop',
        '--change',
        'set:directories.corp.streamingEndpoint=null',
        'delete:vpcs.vpc1.endpoints.streaming',
        '--format',
        'json',
      ]),
    );
  });

  it('a schema catches a wrong output', () => {
    expect(OUTPUT_SCHEMAS.matrix.safeParse({ rows: [{ client: 'x' }] }).success).toBe(false);
    expect(OUTPUT_SCHEMAS.trace.safeParse({ outcome: 'MAYBE' }).success).toBe(false);
  });
});
