import { evaluateIntents, intentSelector, type IntentCell } from '../workspaces/expectations.js';
import { intentText, namesText, predictedText as predicted } from './support/intent-text.js';
import { ENGINE_MISSING } from './support/engine-rules.js';
import { defineRule } from './types.js';

// The user's own intents (contract.md, "Intents"): an `expect:` section in the design file or an overlay, or
// --expect FILE. The trace's blockers come with each unmet intent, so the finding says what to change.
export default defineRule({
  meta: {
    id: 'expectation-not-met',
    description: 'An intent of the expect: section does not hold',
    severity: 'error',
    messages: {
      unmet: 'intent {{intent}} does not hold for {{client}} → {{workspace}}: predicted {{actual}}',
      unmetBlocked:
        'intent {{intent}} does not hold for {{client}} → {{workspace}}: predicted {{actual}}; blocked by {{blockers}}',
      unmetMissing:
        'intent {{intent}} does not hold for {{client}} → {{workspace}}: predicted {{actual}}; the input lacks {{missing}}',
      matchesNothing: 'intent {{intent}} matches no {{what}}: check the name or glob "{{pattern}}"',
    },
    sources: ['inferred'],
    usesEngine: true,
  },
  check(model, ctx) {
    const intents = model.expectations ?? [];
    if (intents.length === 0) return;
    const all = ctx.engine.cells();
    if (!all) {
      for (const e of intents) ctx.unknown({ resource: e.id, missing: [ENGINE_MISSING] });
      return;
    }
    const wanted = intentSelector(model);
    const cells = all.filter((c) => wanted(c.client, c.workspace));
    for (const r of evaluateIntents(model, cells)) {
      const e = r.expectation;
      const intent = intentText(e);
      if (r.clients === 0 || r.workspaces === 0) {
        const [what, pattern] = r.clients === 0 ? ['client', e.client] : ['WorkSpace', e.workspace];
        ctx.report({ resource: e.id, messageId: 'matchesNothing', data: { intent, what, pattern } });
        continue;
      }
      if (r.unmet.length === 0) {
        ctx.pass(e.id);
        continue;
      }
      // WorkSpaces that share one computed trace (same directory and protocol) share one finding.
      const groups = new Map<string, { cell: IntentCell; workspaces: string[] }>();
      for (const cell of r.unmet) {
        const key = `${cell.client}\u0000${predicted(cell.trace)}\u0000${JSON.stringify(cell.trace.blockers.map((b) => [b.resource, b.reason.code]))}`;
        const g = groups.get(key);
        if (g) g.workspaces.push(cell.workspace);
        else groups.set(key, { cell, workspaces: [cell.workspace] });
      }
      for (const { cell, workspaces } of groups.values()) {
        const base = { intent, client: cell.client, workspace: namesText(workspaces), actual: predicted(cell.trace) };
        const t = cell.trace;
        if (t.blockers.length > 0)
          ctx.report({
            resource: e.id,
            messageId: 'unmetBlocked',
            data: { ...base, blockers: { blockers: t.blockers } },
          });
        else if (t.missing.length > 0)
          ctx.report({ resource: e.id, messageId: 'unmetMissing', data: { ...base, missing: t.missing.join('; ') } });
        else ctx.report({ resource: e.id, messageId: 'unmet', data: base });
      }
    }
  },
});
