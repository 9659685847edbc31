// Intents for CI (issue 9, items 3-4): `matrix --expect`, `trace --expect OUTCOME`, `check --expect`, and the
// matrix's filters and causes, as a user or a pipeline calls them.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli as run } from '../../src/cli/testing/run-cli.js';
import { OUTPUT_SCHEMAS } from '../../src/report/output-schemas.js';

const SEED = 'examples/seed-tokyo.yaml';
const HUB = 'examples/hub-spoke.yaml';
const HUB_INTENTS = 'examples/intents/hub-spoke-expect.yaml';

function tempFile(name: string, text: string): string {
  const f = join(mkdtempSync(join(tmpdir(), 'wspl-intents-')), name);
  writeFileSync(f, text);
  return f;
}

/** The seed's home user must stream: it cannot (DNS and routing), so this intent is unmet. */
const HOME_MUST_CONNECT = tempFile('expect.yaml', '- { client: home, workspace: "dcv-*", outcome: CONNECTED }\n');

describe('wspl matrix', () => {
  it('the example intents hold: exit 0, each listed as held, the JSON holds to its schema', async () => {
    const text = await run(['matrix', HUB, '--expect', HUB_INTENTS]);
    expect(text.code).toBe(0);
    expect(text.out).toMatch(/Intents: 2 of 2 hold/);
    // Lines wrap at 100 columns; the words are what this test reads.
    expect(text.out.replace(/\s+/g, ' ')).toMatch(
      /✓ expect\[0\] \*-pc → dcv-\*: CONNECTED via privatelink over QUIC \(.*hub-spoke-expect\.yaml:7\)/,
    );
    const json = await run(['matrix', HUB, '--expect', HUB_INTENTS, '--format', 'json']);
    const parsed = JSON.parse(json.out);
    expect(OUTPUT_SCHEMAS.matrix.safeParse(parsed).success).toBe(true);
    expect(parsed.expectations.map((e: { holds: boolean; checked: number }) => [e.holds, e.checked])).toEqual([
      [true, 2],
      [true, 1],
    ]);
  });

  it('an unmet intent exits 1 and names the cell, its prediction and its first cause', async () => {
    const r = await run(['matrix', SEED, '--expect', HOME_MUST_CONNECT]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/Intents: 0 of 1 hold/);
    expect(r.out).toMatch(/home → dcv-desktop: NO_REACHABLE_ENDPOINT; home: public DNS cannot resolve/);
    const json = JSON.parse((await run(['matrix', SEED, '--expect', HOME_MUST_CONNECT, '--format', 'json'])).out);
    expect(json.expectations[0]).toMatchObject({
      holds: false,
      unmet: [{ client: 'home', workspace: 'dcv-desktop', outcome: 'NO_REACHABLE_ENDPOINT' }],
    });
    expect(OUTPUT_SCHEMAS.matrix.safeParse(json).success).toBe(true);
  });

  it('--quiet lists only the unmet intents but counts them all', async () => {
    const f = tempFile(
      'mixed.yaml',
      '- { client: laptop, workspace: "*", outcome: CONNECTED }\n- { client: "*-pc", workspace: "dcv-*", outcome: CONNECTED }\n',
    );
    const r = await run(['matrix', HUB, '--expect', f, '--quiet']);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/Intents: 1 of 2 hold/);
    expect(r.out).toMatch(/✗ expect\[0\] laptop/);
    expect(r.out).not.toMatch(/expect\[1\]/);
    const allHold = await run(['matrix', HUB, '--expect', HUB_INTENTS, '--quiet']);
    expect(allHold.out).not.toMatch(/Intents:/);
  });

  it('intents are judged on every cell they name, even those a filter hides', async () => {
    const r = await run(['matrix', SEED, '--client', 'ec2-*', '--expect', HOME_MUST_CONNECT, '--format', 'json']);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.out);
    expect(new Set(json.rows.map((x: { client: string }) => x.client))).toEqual(new Set(['ec2-client']));
    expect(json.expectations[0].holds).toBe(false);
  });

  it('--client/--workspace filter by names or globs; a pattern that matches nothing is exit 2 naming the choices', async () => {
    const r = await run(['matrix', SEED, '--client', 'h*', '--workspace', 'dcv-desktop,pcoip-*', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(
      JSON.parse(r.out).rows.map((x: { client: string; workspace: string }) => `${x.client} ${x.workspace}`),
    ).toEqual(['home dcv-desktop', 'home pcoip-desktop']);
    const bad = await run(['matrix', SEED, '--workspace', 'dcv-laptop']);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--workspace "dcv-laptop" matches no WorkSpace; WorkSpaces: dcv-desktop, pcoip-desktop/);
  });

  it('the text table gives the first cause in words, not a bare resource name', async () => {
    const r = await run(['matrix', SEED]);
    // 100 columns into a pipe leave too little room for a cause column: the cause goes under its row, whole words.
    expect(r.out.split('\n')[1]).toMatch(/^ +FIRST CAUSE$/);
    expect(r.out.replace(/\s+/g, ' ')).toMatch(
      /home dcv-desktop NO_REACHABLE_ENDPOINT privatelink - home: public DNS cannot resolve .* \(\+1 more\)/,
    );
    expect(r.out).toMatch(/pcoip-desktop\s+RESOURCE_NOT_FOUND\s+-\s+-\s+corp: /);
  });

  it('a broken intents file is exit 2 naming its file, line and field; the input is left as it was', async () => {
    const f = tempFile('bad.yaml', '- client: home\n  workspace: dcv-desktop\n  outcome: CONECTED\n');
    const r = await run(['matrix', SEED, '--expect', f]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${f}:3`);
    expect(r.err).toMatch(/outcome/);
  });
});

describe('wspl trace --expect OUTCOME', () => {
  it('exit 0 when the prediction is the expected outcome, 1 (saying both) when it differs', async () => {
    const ok = await run([
      'trace',
      SEED,
      '--client',
      'ec2-client',
      '--workspace',
      'dcv-desktop',
      '--expect',
      'CONNECTED',
    ]);
    expect(ok.code).toBe(0);
    const bad = await run(['trace', SEED, '--client', 'home', '--workspace', 'dcv-desktop', '--expect', 'CONNECTED']);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/expected CONNECTED, predicted NO_REACHABLE_ENDPOINT/);
    const usage = await run(['trace', SEED, '--client', 'home', '--workspace', 'dcv-desktop', '--expect', 'FINE']);
    expect(usage.code).toBe(2);
  });
});

describe('wspl check --expect FILE', () => {
  it("raises expectation-not-met with the blockers, pointing at the intent's line; exit 1", async () => {
    const r = await run(['check', SEED, '--expect', HOME_MUST_CONNECT, '--format', 'json']);
    expect(r.code).toBe(1);
    const unmet = JSON.parse(r.out).findings.filter((f: { rule: string }) => f.rule === 'expectation-not-met');
    expect(unmet).toHaveLength(1);
    expect(unmet[0]).toMatchObject({ resource: 'expect[0]', location: { file: HOME_MUST_CONNECT, line: 1 } });
    expect(unmet[0].message).toMatch(/predicted NO_REACHABLE_ENDPOINT; blocked by home: public DNS cannot resolve/);
  });

  it('the example intents hold on their design: no expectation-not-met finding', async () => {
    const r = await run(['check', HUB, '--expect', HUB_INTENTS, '--format', 'json', '--fail-on', 'never']);
    expect(JSON.parse(r.out).findings.filter((f: { rule: string }) => f.rule === 'expectation-not-met')).toEqual([]);
  });
});
