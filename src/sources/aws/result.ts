// Raw answers (live or from a snapshot) as a load result: a model with warnings for what could not be read, or a
// failed load when not one account and Region answered.
import type { LoadResult } from '../loader.js';
import { convertScopes } from './convert/index.js';
import type { Origin } from './convert/context.js';
import type { RawScope } from './raw.js';

export function resultFromRaw(scopes: readonly RawScope[], origin: Origin, label: string): LoadResult {
  const { model, diagnostics, nothingRead } = convertScopes(scopes, origin, label);
  if (nothingRead) {
    const errors = diagnostics.map((d) => ({ ...d, severity: 'error' as const }));
    if (errors.length === 0)
      errors.push({
        severity: 'error',
        code: 'aws-nothing-read',
        file: origin.file ?? label,
        message: 'nothing could be read',
      });
    return { ok: false, diagnostics: errors };
  }
  return { ok: true, model, diagnostics };
}
