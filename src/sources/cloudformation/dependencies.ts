// Which resources each resource depends on (Ref, Fn::GetAtt, ${…} in Fn::Sub, DependsOn), and the cycles among them:
// CloudFormation refuses a template whose resources depend on each other in a circle ("Circular dependency between
// resources"), before creating anything.
import type { DocSink } from '../iac/sink.js';
import { intrinsicName } from './intrinsics.js';
import type { Template, TemplateResource } from './template.js';

function collect(node: unknown, ids: Set<string>, out: Set<string>): void {
  const fn = intrinsicName(node);
  if (fn !== undefined) {
    const arg = (node as Record<string, unknown>)[fn];
    if (fn === 'Ref' && typeof arg === 'string' && ids.has(arg)) out.add(arg);
    if (fn === 'Fn::GetAtt' && Array.isArray(arg) && typeof arg[0] === 'string' && ids.has(arg[0])) out.add(arg[0]);
    if (fn === 'Fn::Sub') {
      const list: unknown[] | undefined = Array.isArray(arg) ? arg : undefined;
      const text: unknown = list ? list[0] : arg;
      const second: unknown = list?.[1];
      const vars = second !== null && typeof second === 'object' ? Object.keys(second) : [];
      if (typeof text === 'string') {
        for (const m of text.matchAll(/\$\{([^}!][^}.]*)[^}]*\}/g)) {
          const id = (m[1] ?? '').trim();
          if (ids.has(id) && !vars.includes(id)) out.add(id);
        }
      }
    }
  }
  if (Array.isArray(node)) for (const x of node) collect(x, ids, out);
  else if (node !== null && typeof node === 'object') for (const x of Object.values(node)) collect(x, ids, out);
}

export function dependenciesOf(resource: TemplateResource, ids: Set<string>): Set<string> {
  const out = new Set<string>(resource.dependsOn.filter((d) => ids.has(d)));
  collect(resource.properties, ids, out);
  return out;
}

/** Reports every circle of dependencies once, at the first resource of it; returns whether there was any. */
export function reportCycles(template: Template, sink: DocSink): boolean {
  const ids = new Set(template.resources.map((r) => r.logicalId));
  const deps = new Map(template.resources.map((r) => [r.logicalId, [...dependenciesOf(r, ids)]]));
  const state = new Map<string, 'active' | 'done'>();
  const stack: string[] = [];
  const reported = new Set<string>();
  let found = false;
  const visit = (id: string): void => {
    state.set(id, 'active');
    stack.push(id);
    for (const next of deps.get(id) ?? []) {
      const s = state.get(next);
      if (s === 'active') {
        const cycle = stack.slice(stack.indexOf(next));
        const signature = [...cycle].sort().join(',');
        if (!reported.has(signature)) {
          reported.add(signature);
          found = true;
          sink.error(
            'reference-cycle',
            `circular dependency between resources: ${[...cycle, next].join(' → ')} (CloudFormation refuses the template)`,
            { container: template.root.Resources, key: next, field: `Resources.${next}` },
          );
        }
      } else if (s === undefined) visit(next);
    }
    stack.pop();
    state.set(id, 'done');
  };
  for (const id of ids) if (!state.has(id)) visit(id);
  return found;
}
