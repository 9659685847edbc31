// What an overlay settles: warnings of the load about facts the overlay then stated are no longer news.
import type { Diagnostic } from '../diagnostics.js';
import type { Model, Provenance } from '../model/types.js';

/**
 * The load's warnings, less those about a field the overlay then stated: a plan warns that a directory's encryption
 * cannot be known, and the overlay given beside it says what it is. A warning names its entity by file and field path
 * (`resource_changes.25.encryption`); the overlaid entity keeps that path and marks the field as stated in the overlay.
 */
export function unsettledWarnings(warnings: Diagnostic[], model: Model, overlay: string): Diagnostic[] {
  const settled = new Set<string>();
  for (const list of Object.values(model)) {
    if (!Array.isArray(list)) continue;
    for (const entity of list as { prov?: Provenance }[]) {
      const prov = entity.prov;
      if (prov?.path === undefined || prov.fields === undefined) continue;
      for (const [field, at] of Object.entries(prov.fields))
        if (at.file === overlay) settled.add(`${prov.file}\n${prov.path}.${field}`);
    }
  }
  return warnings.filter(
    (w) => w.code !== 'unknown-value' || w.field === undefined || !settled.has(`${w.file}\n${w.field}`),
  );
}
