import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadSource } from '../sources/index.js';
import { predictMatrixEntries } from '../workspaces/matrix.js';
import { matrixRows, renderMatrixJson } from './matrix.js';

describe('matrix JSON', () => {
  it('writes each row as JSON.stringify of the row would, though the trace part is serialised once per trace', async () => {
    const files = readdirSync('examples').filter((f) => f.endsWith('.yaml'));
    expect(files.length).toBeGreaterThan(3);
    for (const f of files) {
      const entries = predictMatrixEntries(await loadSource(`examples/${f}`));
      // Names with quotes, escapes and non-ASCII must come out as JSON.stringify writes them.
      const odd = entries.map((e, i) => ({ ...e, client: `${e.client} "q"\\ ${i % 2 ? 'é\u2028' : ''}` }));
      for (const set of [entries, odd]) {
        const expected =
          set.length === 0
            ? '{ "rows": [] }\n'
            : `{ "rows": [\n${matrixRows(set)
                .map((r) => '  ' + JSON.stringify(r))
                .join(',\n')}\n] }\n`;
        expect(renderMatrixJson(set)).toBe(expected);
      }
    }
  });
});
