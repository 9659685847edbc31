// The model after `whatif` changes: each change is applied to the design-file form of the model (so paths are the
// ones `wspl export` prints) and the result is loaded again. Shared by `wspl whatif` and the dashboard.
import { InputError, type Diagnostic } from '../../diagnostics.js';
import type { Model } from '../../model/types.js';
import { applyChange } from './change.js';
import { designToYaml, exportDesign } from './export.js';
import { loadDesignText } from './load.js';

/**
 * The design after a change, or InputError (exit 2) saying why it cannot be applied. The changed design is text
 * wspl wrote, so its line numbers would mislead: diagnostics keep the field and drop the line. A field the design
 * file does not have (the loader would ignore it with a warning) is refused too, since the change would do nothing.
 */
export function loadChangedDesign(doc: object, label: string, change: string): Model {
  const result = loadDesignText(designToYaml(doc), label);
  const problems: Diagnostic[] = result.diagnostics
    .filter((d) => d.severity === 'error' || d.code === 'unknown-key')
    .map(({ line: _generated, ...d }) =>
      d.code === 'unknown-key' && d.severity === 'warning'
        ? {
            ...d,
            severity: 'error',
            message: `"${d.field ?? ''}" is not a field of the design file (\`wspl export\` shows the paths)`,
          }
        : d,
    );
  if (problems.length > 0 || !result.ok) {
    throw new InputError(
      `bad change "${change}": the design is no longer valid`,
      problems.length > 0 ? problems : result.diagnostics,
      'bad-change',
    );
  }
  return result.model;
}

/** Applies the changes in order; `label` names the source in diagnostics. */
export function applyChanges(model: Model, changes: readonly string[], label: string): Model {
  let doc: object = exportDesign(model);
  let current = model;
  for (const change of changes) {
    doc = applyChange(doc, change);
    current = loadChangedDesign(doc, `${label} after ${change}`, change);
  }
  return current;
}
