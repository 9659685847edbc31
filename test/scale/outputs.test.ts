// Every output format at the sizes the README promises: 500,000 rows, findings or sessions, made from real engine
// results repeated under fresh names (synthetic, so the test costs seconds, not the minutes a real estate would).
// Each output must complete and be well-formed: JSON parses with every item in it, text has every line, XML has
// every element closed. Nothing here is timed; speed is in bench/. These take minutes of CPU, so they are not part of
// `npm test`: `npm run test:scale` runs them, and CI runs both.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { joinChunks } from '../../src/report/chunks.js';
import { reporters } from '../../src/report/check-reporters.js';
import { matrixJsonChunks, matrixTextChunks } from '../../src/report/matrix.js';
import { REPORT_WORDING } from '../../src/report/wording.js';
import { runCheck } from '../../src/rules/runner.js';
import type { Finding } from '../../src/rules/types.js';
import { loadSource } from '../../src/sources/index.js';
import { predictMatrixEntries, type MatrixEntry } from '../../src/workspaces/matrix.js';
import { readLogs } from '../../src/logs/read.js';
import { JsonLogWriter, TextLogWriter } from '../../src/report/logs.js';
import { BlockOutput } from '../../src/report/block-output.js';
import { toDesignYaml } from '../../src/sources/design/export.js';
import { parseYamlInput } from '../../src/input/yaml.js';

const N = 500_000;
const SEED = resolve('examples/seed-tokyo.yaml');
const SLOW = 600_000;

function count(text: string, needle: string): number {
  let n = 0;
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + needle.length)) n++;
  return n;
}

async function manyEntries(): Promise<MatrixEntry[]> {
  const real = predictMatrixEntries(await loadSource(SEED));
  return Array.from({ length: N }, (_, i) => {
    const e = real[i % real.length]!;
    return { client: `${e.client}-${i}`, workspace: `${e.workspace}-${i}`, trace: e.trace };
  });
}

describe(`every output format with ${N.toLocaleString('en')} items`, () => {
  it('matrix: JSON parses with every row, text has every row in aligned columns', { timeout: SLOW }, async () => {
    const entries = await manyEntries();
    const json = JSON.parse(joinChunks(matrixJsonChunks(entries))) as { rows: { client: string }[] };
    expect(json.rows).toHaveLength(N);
    expect(json.rows[N - 1]!.client).toMatch(new RegExp(`-${N - 1}$`));
    // A long cause wraps onto lines of its own, indented under its column: a row is a line that starts with a name.
    const lines = joinChunks(matrixTextChunks(entries)).split('\n');
    const rows = lines.filter((l) => l !== '' && !l.startsWith(' '));
    expect(rows).toHaveLength(N + 1); // header and rows
    expect(rows[N]).toMatch(new RegExp(`^\\S+-${N - 1}\\s+\\S+-${N - 1}\\s+[A-Z_]+`));
    const outcomeAt = lines[0]!.indexOf('OUTCOME');
    expect(rows[N]!.slice(outcomeAt)).toMatch(/^[A-Z]/);
  });

  it('check: text, JSON, SARIF and JUnit hold every finding', { timeout: SLOW }, async () => {
    const result = runCheck(await loadSource(SEED), { wording: REPORT_WORDING });
    const rule = result.results.find((r) => r.findings.length > 0)!;
    const findings: Finding[] = Array.from({ length: N }, (_, i) => ({
      ...rule.findings[i % rule.findings.length]!,
      resource: `resource-${i}`,
      // A short message keeps the SARIF text (about 1 KB a finding with the real words) under V8's longest string.
      message: `finding ${i}`,
    }));
    const big = {
      ...result,
      findings,
      results: result.results.map((r) => (r === rule ? { ...r, findings } : r)),
    };
    const report = { runs: [{ source: SEED, result: big }] };

    const json = JSON.parse(joinChunks(reporters.json(report))) as { findings: unknown[]; summary: unknown };
    expect(json.findings).toHaveLength(N);
    const sarif = JSON.parse(joinChunks(reporters.sarif(report, { cwd: process.cwd() }))) as {
      runs: { results: unknown[] }[];
    };
    expect(sarif.runs[0]!.results).toHaveLength(N);
    const junit = joinChunks(reporters.junit(report));
    const others = result.results
      .filter((r) => r !== rule)
      .reduce((n, r) => n + r.findings.filter((f) => !f.suppressed).length, 0);
    expect(count(junit, '<failure ')).toBe(N + others);
    expect(count(junit, '<testsuite ')).toBe(count(junit, '</testsuite>'));
    expect(junit.trimEnd().endsWith('</testsuites>')).toBe(true);
    const text = joinChunks(reporters.text(report));
    expect(count(text, `  ${rule.rule}\n`)).toBeGreaterThanOrEqual(N);
    expect(text).toMatch(/resource-499999/);
  });

  it(
    'logs: JSON parses with every session and diagnosis, text has every one, as text and as bytes',
    { timeout: SLOW },
    async () => {
      const read = await readLogs([resolve('test/logs/seed-4-3-home-no-reachable-endpoint.log')]);
      const one = read.sessions[0]!;
      const diagnosis = read.diagnoses[0]!;
      // The CLI's outputs take bytes (sessions and diagnoses encoded in place, diagnoses held compactly): the same
      // bytes as the text writers', block by block as a file or a pipe would get them.
      const blocks = { json: [] as Buffer[], text: [] as Buffer[] };
      const sink = (to: Buffer[]) => (b: Uint8Array) => (to.push(Buffer.from(b)), true);
      let json = '';
      const jw = new JsonLogWriter((t) => (json += t), false);
      const jb = new JsonLogWriter(new BlockOutput(() => undefined, sink(blocks.json)), false);
      let text = '';
      const tw = new TextLogWriter((t) => (text += t), false, { color: false });
      const tb = new TextLogWriter(new BlockOutput(() => undefined, sink(blocks.text)), false, { color: false });
      const D = N / 10;
      for (let i = 0; i < N; i++) {
        // Kept small (no endpoints, one line) so that 500,000 of them stay under V8's longest string.
        const s = { ...one, id: `s-${i}`, offered: [], reachable: [], lines: one.lines.slice(0, 1) };
        jw.session(s);
        jb.session(s);
        tw.session(s);
        tb.session(s);
        if (i % 10 === 0) {
          const found = [{ ...diagnosis, session: s.id, lines: s.lines }];
          for (const w of [jw, jb, tw, tb]) w.diagnoses(found);
        }
      }
      for (const w of [jw, jb, tw, tb]) w.end([]);
      const parsed = JSON.parse(json) as { sessions: { id: string }[]; diagnoses: { session: string }[] };
      expect(parsed.sessions).toHaveLength(N);
      expect(parsed.sessions[N - 1]!.id).toBe(`s-${N - 1}`);
      expect(parsed.diagnoses).toHaveLength(D);
      expect(parsed.diagnoses[D - 1]!.session).toBe(`s-${N - 10}`);
      expect(count(text, 'Session s-')).toBe(N);
      expect(count(text, `session s-`)).toBe(D);
      expect(text).toMatch(new RegExp(`s-${N - 1}\\b`));
      expect(Buffer.concat(blocks.json).equals(Buffer.from(json))).toBe(true);
      expect(Buffer.concat(blocks.text).equals(Buffer.from(text))).toBe(true);
    },
  );

  it('export: a design file of 500,000 WorkSpaces reads back with every one', { timeout: SLOW }, async () => {
    const model = await loadSource(SEED);
    const ws = model.workspaces[0]!;
    const big = { ...model, workspaces: Array.from({ length: N }, (_, i) => ({ ...ws, id: `ws-${i}` })) };
    const yaml = toDesignYaml(big);
    const back = parseYamlInput(yaml, 'export.yaml');
    expect('parsed' in back).toBe(true);
    if ('parsed' in back) expect(Object.keys((back.parsed.value as { workspaces: object }).workspaces)).toHaveLength(N);
  });
});
