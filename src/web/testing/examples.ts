// Models and dashboards of the bundled examples, for the web layer's tests.
import { readFileSync } from 'node:fs';
import type { Model } from '../../model/types.js';
import { loadDesignText } from '../../sources/design/load.js';
import { requireModel } from '../../sources/load.js';
import { Dashboard } from '../dashboard.js';
import { packageDocs } from '../package-docs.js';

export function example(name: string): Model {
  const file = `examples/${name}.yaml`;
  return requireModel(loadDesignText(readFileSync(file, 'utf8'), file), file);
}

export function design(text: string): Model {
  return requireModel(loadDesignText(text, 'inline.yaml'), 'inline.yaml');
}

export function dashboardOf(name: string): Dashboard {
  return new Dashboard(example(name), { source: `examples/${name}.yaml`, refreshable: true, docs: packageDocs });
}
