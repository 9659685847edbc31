// `wspl whatif` over the whole estate: how much of the matrix one change predicts again. A change to one client
// touches that client's traces only; a change to the network touches every trace. Prints figures, asserts nothing.
// Usage: node --import tsx bench/whatif.ts SCALE   → prints one JSON line.
import { stringify } from 'yaml';
import { changeApplier } from '../src/sources/changes.js';
import { loadDesignText } from '../src/sources/design/load.js';
import { requireModel } from '../src/sources/load.js';
import { whatifEstate } from '../src/workspaces/estate-whatif.js';
import { predictMatrixEntries } from '../src/workspaces/matrix.js';
import { generateEstate, sizeAt } from './estate.js';

const scale = Number(process.argv[2] ?? '1');
const doc = generateEstate(sizeAt(scale));
const model = requireModel(loadDesignText(stringify(doc), 'estate.yaml'), 'estate.yaml');
const client = Object.keys(doc.clients as object)[0];
const change = `set:clients.${client}.version=5.10.0`;

// The change alone, on its design form (what every whatif pays before predicting).
const applyOnce = changeApplier(model, 'estate.yaml');
const ta = performance.now();
const changed = applyOnce(change);
const applyMs = performance.now() - ta;

// A full re-evaluation of the changed matrix, as the whatif did before it was scoped.
const tf = performance.now();
const full = predictMatrixEntries(changed);
const fullMs = performance.now() - tf;
const fullTraces = new Set(full.map((e) => e.trace)).size;

// whatifEstate: the initial matrix, the change, the scoped re-evaluation and the comparison.
const apply = changeApplier(model, 'estate.yaml');
const ti = performance.now();
predictMatrixEntries(model);
const initialMs = performance.now() - ti;
const tw = performance.now();
const r = whatifEstate(model, [change], (_m, c) => apply(c));
const whatifMs = performance.now() - tw;
const step = r.steps[0]!;
// What the step costs beyond the initial matrix and applying the change (both timed apart, so an estimate): the scoped
// prediction, the comparison and the fates of the running sessions.
const stepMs = whatifMs - initialMs - applyMs;

console.log(
  JSON.stringify({
    scale,
    cells: r.cells,
    change,
    tracesComputed: step.traces.computed,
    tracesFull: step.traces.full,
    fullDistinctTraces: fullTraces,
    ratio: +(step.traces.computed / step.traces.full).toFixed(4),
    applyMs: Math.round(applyMs),
    fullRepredictMs: Math.round(fullMs),
    scopedStepMs: Math.round(stepMs),
    whatifMs: Math.round(whatifMs),
  }),
);
