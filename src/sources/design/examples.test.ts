import { modelOf } from '../loader.js';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Model } from '../../model/types.js';
import { exportDesign, toDesignYaml } from './export.js';
import { loadDesignFile, loadDesignText } from './load.js';

const files = [
  ...readdirSync('examples')
    .filter((f) => /\.ya?ml$/.test(f))
    .map((f) => join('examples', f)),
  'test/design/all-features.yaml',
];

function stripProvenance(m: Model): unknown {
  return JSON.parse(
    JSON.stringify(m, (key, value: unknown) => (key === 'prov' || key === 'origin' ? undefined : value)),
  );
}

describe.each(files)('%s', (file) => {
  const loaded = loadDesignFile(file);

  it('loads without errors', () => {
    expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(modelOf(loaded)).toBeDefined();
  });

  it('exports to a design file that reloads to an equal model', () => {
    const model = modelOf(loaded) as Model;
    const text = toDesignYaml(model);
    const again = loadDesignText(text, 'exported.yaml');
    expect(again.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(stripProvenance(modelOf(again) as Model)).toEqual(stripProvenance(model));
    // and exporting twice is stable
    expect(exportDesign(modelOf(again) as Model)).toEqual(exportDesign(model));
  });
});

describe('the example list', () => {
  it('has the seed cases and the office example', () => {
    for (const f of [
      'seed-tokyo',
      'seed-4-1-nat-stopped',
      'seed-4-2-connected',
      'seed-4-3-home',
      'seed-4-4-pcoip',
      'office-tgw',
    ]) {
      expect(files).toContain(`examples/${f}.yaml`);
    }
  });
});
