import type { Diagnostic } from '../diagnostics.js';
import { InputError } from '../diagnostics.js';
import type { Model } from '../model/types.js';

export interface LoadResult {
  /** Present when the source could be read; absent when an error diagnostic stopped it. */
  model?: Model;
  diagnostics: Diagnostic[];
}

/** Throws an InputError (exit 2) when any diagnostic is an error; otherwise returns the model. */
export function requireModel(result: LoadResult, file: string): Model {
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0 || !result.model) {
    throw new InputError(`cannot read ${file}`, errors.length > 0 ? errors : result.diagnostics);
  }
  return result.model;
}
