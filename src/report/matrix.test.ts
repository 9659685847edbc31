import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadSource } from '../sources/index.js';
import { predictMatrixEntries } from '../workspaces/matrix.js';
import { FixFinder } from './fixes.js';
import { matrixRows, renderMatrixJson, renderMatrixText } from './matrix.js';
import { blockerText } from './reason-text.js';

describe('matrix JSON', () => {
  it('writes each row as JSON.stringify of the row would, though the trace part is serialised once per trace', async () => {
    const files = readdirSync('examples').filter((f) => f.endsWith('.yaml'));
    expect(files.length).toBeGreaterThan(3);
    for (const f of files) {
      const model = await loadSource(`examples/${f}`);
      const entries = predictMatrixEntries(model);
      // Names with quotes, escapes and non-ASCII must come out as JSON.stringify writes them.
      const odd = entries.map((e, i) => ({ ...e, client: `${e.client} "q"\\ ${i % 2 ? 'é\u2028' : ''}` }));
      const fixes = new FixFinder(model);
      for (const set of [entries, odd])
        for (const finder of [undefined, fixes]) {
          const expected =
            set.length === 0
              ? '{ "rows": [] }\n'
              : `{ "rows": [\n${matrixRows(set, finder)
                  .map((r) => '  ' + JSON.stringify(r))
                  .join(',\n')}\n] }\n`;
          expect(renderMatrixJson(set, [], finder)).toBe(expected);
        }
    }
  });
});

describe('matrix text', () => {
  it('fits the width: long names shortened apart from each other, the cause wrapped under its column, never cut', async () => {
    const entries = predictMatrixEntries(await loadSource('examples/seed-tokyo.yaml'));
    // Clients whose names differ only near the end, too long for any column.
    const long = entries.map((e, i) => ({ ...e, client: `a-client-in-the-branch-office-of-northern-city-${i}` }));
    for (const width of [80, 100, 160]) {
      const lines = renderMatrixText(long, { width }).trimEnd().split('\n');
      // Narrow: the cause goes under each row (its header on a line of its own); wide: a column of its own.
      const head = lines.findIndex((l) => l.includes('FIRST CAUSE'));
      const causeAt = lines[head]!.indexOf('FIRST CAUSE');
      expect(head).toBe(width < 160 ? 1 : 0);
      const rows = lines.slice(head + 1).filter((l) => !l.startsWith(' '));
      expect(rows).toHaveLength(long.length);
      // Each client shown once per row, told apart from the others though shortened.
      const shown = rows.map((l) => l.split(/\s+/)[0]!);
      expect(new Set(shown).size).toBe(long.length);
      for (const name of shown) expect(name).toMatch(width < 160 ? /^a-.*….*-\d$/ : /^a-client-in-[\w-]+-\d$/);
      // Beside its row, a cause's first words start at the cause column, like its other lines.
      if (head === 0)
        for (const r of rows.filter((l) => l.length > causeAt)) expect(r.slice(causeAt - 2)).toMatch(/^ {2}\S/);
      for (const l of lines) {
        // A line passes the width only by one word too long for any line (a host name), which is never cut.
        if (l.length > width) expect(l.trim().split(/\s+/).pop()!.length).toBeGreaterThan(width - causeAt - 1);
        if (l.startsWith(' ')) expect(l.slice(0, causeAt).trim()).toBe('');
      }
      // Every cause's words, in order, in the rows of its cell.
      const text = lines.join('\n').replace(/\s+/g, ' ');
      for (const e of long) {
        const b = e.trace.blockers[0];
        if (b) expect(text).toContain(`${b.resource}: ${blockerText(b)}`.replace(/\s+/g, ' '));
      }
    }
  });

  it('keeps short names whole and each row on one line when the width allows', async () => {
    const entries = predictMatrixEntries(await loadSource('examples/seed-tokyo.yaml'));
    const lines = renderMatrixText(entries, { width: 400 }).trimEnd().split('\n');
    expect(lines).toHaveLength(entries.length + 1);
    expect(lines[1]).toMatch(/^ec2-client\s+dcv-desktop\s+CONNECTED/);
  });
});
