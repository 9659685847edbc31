// `wspl check` with every rule over the generated estate, in its own process.
// Usage: node --import tsx bench/check.ts SCALE → prints one JSON line of figures.
import { resourceUsage } from 'node:process';
import { stringify } from 'yaml';
import { REPORT_WORDING } from '../src/report/wording.js';
import { runCheck } from '../src/rules/runner.js';
import { loadDesignText } from '../src/sources/design/load.js';
import { requireModel } from '../src/sources/load.js';
import { generateEstate, sizeAt } from './estate.js';

const scale = Number(process.argv[2] ?? '1');
const model = requireModel(loadDesignText(stringify(generateEstate(sizeAt(scale))), 'estate.yaml'), 'estate.yaml');
const t0 = performance.now();
const result = runCheck(model, { wording: REPORT_WORDING });
const t1 = performance.now();
const findings = (result as { findings?: unknown[] }).findings?.length;
console.log(
  JSON.stringify({
    scale,
    rules: 'all',
    checkMs: Math.round(t1 - t0),
    findings,
    peakRssMB: Math.round(resourceUsage().maxRSS / 1024),
  }),
);
