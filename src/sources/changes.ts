// What-if changes (`set:PATH=VALUE`, `delete:PATH`) applied to any model: on its design-file form, so the paths are
// the ones `wspl export` shows, then loaded again with every check a design file gets. Bad changes are exit 2
// with a message that names the change.
import { InputError, type Diagnostic } from '../diagnostics.js';
import type { Model } from '../model/types.js';
import { applyChange, badChange, shortChange } from './design/change.js';
import { designToYaml, exportDesign } from './design/export.js';
import { loadDesignText } from './design/load.js';

/** Resources the caller follows through the changes: a change that removes one of them is refused. */
export interface Followed {
  client?: string;
  workspace?: string;
}

/**
 * The design after a change, or exit 2 saying why the change cannot be applied. The changed design is text wspl
 * wrote, so its line numbers would mislead: diagnostics keep the field and drop the line. A field the design file
 * does not have (the loader would ignore it with a warning) is refused too, since the change would do nothing.
 */
function loadChanged(text: string, source: string, change: string, followed: Followed): Model {
  const result = loadDesignText(text, `${source} after ${shortChange(change)}`);
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
  const model = result.model;
  for (const [kind, name, list] of [
    ['client', followed.client, model.clients],
    ['WorkSpace', followed.workspace, model.workspaces],
  ] as const) {
    if (name !== undefined && !list.some((x) => x.id === name)) {
      throw badChange(change, `it removes the ${kind} "${name}" whose session is being followed`);
    }
  }
  return model;
}

/**
 * A function that applies one change after another, starting from `model`; each call returns the model after that
 * change. `source` names the input in messages.
 */
export function changeApplier(model: Model, source: string, followed: Followed = {}): (change: string) => Model {
  let doc: object = exportDesign(model);
  return (change) => {
    doc = applyChange(doc, change);
    return loadChanged(designToYaml(doc), source, change, followed);
  };
}
