// The `expect:` section: intents, in a design file, an overlay or a file of its own (--expect). Each becomes an
// Expectation of the model with its own file and line, numbered after the ones already in the model, so a finding
// about it points at the line that states it.
import type { Model } from '../../model/types.js';
import type { DesignContext } from './context.js';
import type { DesignExpectation } from './schema.js';

export function convertExpectations(
  ctx: DesignContext,
  list: readonly DesignExpectation[],
  model: Model,
  at: readonly (string | number)[] = ['expect'],
): void {
  const out = (model.expectations ??= []);
  list.forEach((e, i) => {
    const path = [...at, i];
    const outcome = Array.isArray(e.outcome) ? [...new Set(e.outcome)] : [e.outcome];
    for (const field of ['path', 'transport'] as const) {
      if (e[field] !== undefined && !outcome.includes('CONNECTED')) {
        ctx.error(
          'bad-value',
          [...path, field],
          `${field} only applies to a CONNECTED session; this intent expects ${outcome.join(' or ')}`,
        );
      }
    }
    out.push({
      id: `expect[${out.length}]`,
      client: e.client,
      workspace: e.workspace,
      outcome,
      ...(e.path !== undefined ? { path: e.path } : {}),
      ...(e.transport !== undefined ? { transport: e.transport } : {}),
      prov: ctx.prov(path),
    });
  });
}
