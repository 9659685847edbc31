// Fixes with the user's own values (issue 9, item 5), as check and trace print them.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { runCli as run } from '../../src/cli/testing/run-cli.js';
import { OUTPUT_SCHEMAS } from '../../src/report/output-schemas.js';
import { seedDoc } from '../scenarios/helpers.js';

/** The seed with private DNS off on the streaming endpoint. */
function brokenSeed(): string {
  const doc = seedDoc();
  doc.vpcs.vpc1.endpoints.streaming.privateDns = false;
  const f = join(mkdtempSync(join(tmpdir(), 'wspl-fixes-')), 'env.yaml');
  writeFileSync(f, stringify(doc));
  return f;
}

const COMMAND = "aws ec2 modify-vpc-endpoint --vpc-endpoint-id '<id of vpc1/streaming>' --private-dns-enabled";

describe('fixes for this setup', () => {
  it('check: JSON `fix` on the finding (held to the schema); text prints the command under it', async () => {
    const file = brokenSeed();
    const json = JSON.parse((await run(['check', file, '--format', 'json'])).out);
    expect(OUTPUT_SCHEMAS.check.safeParse(json).success).toBe(true);
    const f = json.findings.find((x: { rule: string }) => x.rule === 'streaming-endpoint-private-dns');
    expect(f.fix).toEqual([expect.objectContaining({ resource: 'vpc1/streaming', file, cli: [COMMAND] })]);
    const text = (await run(['check', file])).out;
    expect(text).toContain(`$ ${COMMAND}`);
  });

  it('trace: each blocker a command can change carries `fix` in JSON and the command in text', async () => {
    const file = brokenSeed();
    const args = ['trace', file, '--client', 'ec2-client', '--workspace', 'dcv-desktop'];
    const json = JSON.parse((await run([...args, '--format', 'json'])).out);
    expect(OUTPUT_SCHEMAS.trace.safeParse(json).success).toBe(true);
    expect(json.blockers[0].fix.cli).toEqual([COMMAND]);
    expect((await run(args)).out).toContain(`$ ${COMMAND}`);
  });
});
