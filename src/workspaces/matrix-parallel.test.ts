import { describe, expect, it } from 'vitest';
import { loadDesignFile } from '../sources/design/load.js';
import { cellSelection } from './expectations.js';
import { predictMatrixEntries } from './matrix.js';
import { entriesOf, predictSelectedEntries } from './matrix-parallel.js';
import { predictShare } from './matrix-worker.js';

function model(file: string) {
  const r = loadDesignFile(new URL(`../../${file}`, import.meta.url).pathname);
  if (!r.ok) throw new Error(JSON.stringify(r.diagnostics));
  return r.model;
}

describe('a matrix shared between two threads', () => {
  it.each(['examples/hub-spoke.yaml', 'test/design/all-features.yaml', 'examples/seed-tokyo.yaml'])(
    'gives the cells of one thread, in order, with traces shared as before (%s)',
    (file) => {
      const m = model(file);
      const filter = { clients: [], workspaces: [] };
      expect(m.clients.length).toBeGreaterThan(1);
      const whole = predictMatrixEntries(m, cellSelection(m, filter).select);
      for (let split = 1; split < m.clients.length; split++) {
        const mine = predictMatrixEntries(m, undefined, undefined, m.clients.slice(0, split));
        // What crosses between threads is a structured clone.
        const theirs = entriesOf(m, structuredClone(predictShare({ model: m, filter, from: split })));
        const joined = mine.concat(theirs);
        expect(joined).toEqual(whole);
        expect(new Set(joined.map((e) => e.trace)).size).toBe(new Set(whole.map((e) => e.trace)).size);
      }
    },
  );

  it('stays on one thread where no worker script is built (sources), with the same cells', async () => {
    const m = model('examples/hub-spoke.yaml');
    let shared = false;
    const cells = await predictSelectedEntries(m, undefined, undefined, () => (shared = true));
    expect(shared).toBe(false);
    expect(cells).toEqual(predictMatrixEntries(m));
  });
});
