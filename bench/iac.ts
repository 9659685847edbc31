// Loading the benchmark estate from each source form, in its own process: the design file, the same estate as a
// CloudFormation template (JSON) and as a Terraform plan, each alone and with the overlay that adds what templates
// and plans cannot state. Usage: node --import tsx bench/iac.ts SCALE FORM → one JSON line of figures.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resourceUsage } from 'node:process';
import { stringify } from 'yaml';
import { readSource } from '../src/sources/index.js';
import { generateEstate, sizeAt } from './estate.js';
import { overlayOf, planIds, templateIds, toPlan, toTemplate } from './iac-estate.js';

const scale = Number(process.argv[2] ?? '1');
const form = process.argv[3] ?? 'design';
const doc = generateEstate(sizeAt(scale));
const dir = mkdtempSync(join(tmpdir(), 'wspl-bench-iac-'));
const template = toTemplate(doc);
const files: Record<string, { file: string; text: string; overlay?: string }> = {
  design: { file: 'estate.yaml', text: stringify(doc) },
  cloudformation: {
    file: 'estate.template.json',
    text: JSON.stringify(template),
    overlay: stringify(overlayOf(doc, templateIds.workspace, templateIds.instance)),
  },
  'terraform-plan': {
    file: 'estate.tfplan.json',
    text: JSON.stringify(toPlan(template)),
    overlay: stringify(overlayOf(doc, planIds.workspace, planIds.instance)),
  },
};
const chosen = files[form.replace(/\+overlay$/, '')];
if (!chosen) throw new Error(`unknown form ${form}`);
const file = join(dir, chosen.file);
writeFileSync(file, chosen.text);
const overlayFile = join(dir, 'overlay.yaml');
if (chosen.overlay) writeFileSync(overlayFile, chosen.overlay);
const withOverlay = form.endsWith('+overlay');
const t0 = performance.now();
const r = await readSource(file, {
  region: 'ap-northeast-1',
  account: '111122223333',
  ...(withOverlay ? { overlay: overlayFile } : {}),
});
const t1 = performance.now();
if (!r.ok)
  throw new Error(
    r.diagnostics
      .slice(0, 5)
      .map((d) => `${d.line}:${d.column} ${d.code} ${d.message}`)
      .join('\n'),
  );
const m = r.model;
console.log(
  JSON.stringify({
    scale,
    form,
    inputMB: +(chosen.text.length / 1e6).toFixed(1),
    resources: Object.keys((template as { Resources: object }).Resources).length,
    vpcs: m.vpcs.length,
    subnets: m.subnets.length,
    sgRules: m.securityGroups.reduce((n, g) => n + g.ingress.length + g.egress.length, 0),
    endpoints: m.endpoints.length,
    directories: m.directories.length,
    workspaces: m.workspaces.length,
    clients: m.clients.length,
    loadMs: Math.round(t1 - t0),
    peakRssMB: Math.round(resourceUsage().maxRSS / 1024),
  }),
);
