import { InputError } from '../diagnostics.js';
import type { Model } from '../model/types.js';
import type { LoadResult } from './loader.js';

/** Throws an InputError (exit 2) when the load failed; otherwise returns the model. */
export function requireModel(result: LoadResult, file: string): Model {
  if (!result.ok) {
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    throw new InputError(`cannot read ${file}`, errors.length > 0 ? errors : result.diagnostics);
  }
  return result.model;
}
