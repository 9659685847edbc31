// One size of the matrix benchmark, in its own process so its peak memory is its own.
// Usage: node --import tsx bench/matrix.ts SCALE   → prints one JSON line of figures.
import { resourceUsage } from 'node:process';
import { stringify } from 'yaml';
import { renderMatrixJson } from '../src/report/matrix.js';
import { loadDesignText } from '../src/sources/design/load.js';
import { requireModel } from '../src/sources/load.js';
import { predictMatrixEntries } from '../src/workspaces/matrix.js';
import { generateEstate, sizeAt } from './estate.js';

const scale = Number(process.argv[2] ?? '1');
const size = sizeAt(scale);
const text = stringify(generateEstate(size));
const t0 = performance.now();
const model = requireModel(loadDesignText(text, 'estate.yaml'), 'estate.yaml');
const t1 = performance.now();
const traces = predictMatrixEntries(model);
const tp = performance.now();
const json = renderMatrixJson(traces);
const t2 = performance.now();
const rules = model.securityGroups.reduce((n, g) => n + g.ingress.length + g.egress.length, 0);
console.log(
  JSON.stringify({
    scale,
    vpcs: model.vpcs.length,
    subnets: model.subnets.length,
    sgRules: rules,
    clients: model.clients.length,
    directories: model.directories.length,
    workspaces: model.workspaces.length,
    rows: traces.length,
    yamlMB: +(text.length / 1e6).toFixed(1),
    loadMs: Math.round(t1 - t0),
    matrixMs: Math.round(t2 - t1),
    predictMs: Math.round(tp - t1),
    renderMs: Math.round(t2 - tp),
    outputMB: +(json.length / 1e6).toFixed(1),
    peakRssMB: Math.round(resourceUsage().maxRSS / 1024),
  }),
);
