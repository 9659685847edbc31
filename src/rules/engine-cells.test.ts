// The rules read the engine's cells (WorkSpaces of one directory and protocol share a trace object); they must
// find exactly what they found from one trace per cell, each naming its own WorkSpace.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDesignFile } from '../sources/design/load.js';
import { predictMatrixEntries, tracesOf } from '../workspaces/matrix.js';
import { REPORT_WORDING } from '../report/wording.js';
import { runCheck } from './runner.js';

const ROOT = new URL('../../', import.meta.url).pathname;
const files = [
  ...readdirSync(join(ROOT, 'examples'))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => join(ROOT, 'examples', f)),
  join(ROOT, 'test/design/all-features.yaml'),
  join(ROOT, 'test/scenarios/office-tgw.yaml'),
];

describe('rules on shared cells', () => {
  it.each(files)('find what they find on one trace per cell (%s)', (file) => {
    const loaded = loadDesignFile(file);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.diagnostics));
    const model = loaded.model;
    // More WorkSpaces in the same directories (they share traces), one of them with its own Global Accelerator
    // mode (a warning that names the WorkSpace), and intents every cell must meet.
    const extra = model.workspaces.flatMap((w, i) => [
      { ...w, id: `${w.id}-twin` },
      { ...w, id: `${w.id}-ga`, globalAccelerator: i % 2 === 0 ? ('enabled' as const) : ('disabled' as const) },
    ]);
    model.workspaces.push(...extra);
    const prov = { source: 'design' as const, file };
    model.expectations = [
      { id: 'expect[90]', client: '*', workspace: '*', outcome: ['CONNECTED'], prov },
      { id: 'expect[91]', client: '*', workspace: '*-twin', outcome: ['NO_REACHABLE_ENDPOINT'], prov },
    ];
    const entries = predictMatrixEntries(model);
    const shared = new Set(entries.map((e) => e.trace)).size;
    const fromCells = runCheck(model, { wording: REPORT_WORDING, cells: () => entries });
    const fromTraces = runCheck(model, { wording: REPORT_WORDING, traceAll: () => tracesOf(entries) });
    const byDefault = runCheck(model, { wording: REPORT_WORDING });
    expect(fromCells).toEqual(fromTraces);
    expect(byDefault).toEqual(fromTraces);
    expect(fromTraces.results.length).toBeGreaterThan(10);
    // Not vacuous: WorkSpaces share traces, and the intents are evaluated.
    expect(shared).toBeLessThan(entries.length);
    expect(fromTraces.findings.some((f) => f.rule === 'expectation-not-met')).toBe(true);
  });
});
