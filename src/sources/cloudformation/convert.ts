// Templates → the resource graph → the model. Each resource whose Condition holds is evaluated and handed to the
// adapter for its type; types wspl does not model are skipped and listed once; a resource whose Condition cannot be
// known before deployment is left out with a warning naming the condition.
import type { Provenance, SourcePosition } from '../../model/types.js';
import { assemble } from '../iac/assemble.js';
import type { RawResource } from '../iac/graph.js';
import { isPlainMap, Unknown } from '../iac/values.js';
import type { LoadResult } from '../loader.js';
import { Props } from './props.js';
import type { RawBody, ResourceContext } from './resource-context.js';
import { EDGE_ADAPTERS } from './resources-edges.js';
import { FILTER_ADAPTERS } from './resources-filters.js';
import { NETWORK_ADAPTERS } from './resources-network.js';
import { WORKSPACES_ADAPTERS } from './resources-workspaces.js';
import { WSPL_CDK_ADAPTERS } from './resources-wspl-cdk.js';
import { resourceKey, StackSet, type Stack, type StackInput } from './stacks.js';
import type { TemplateResource } from './template.js';

const ADAPTERS: Record<string, (ctx: ResourceContext) => void> = {
  ...NETWORK_ADAPTERS,
  ...FILTER_ADAPTERS,
  ...EDGE_ADAPTERS,
  ...WORKSPACES_ADAPTERS,
  ...WSPL_CDK_ADAPTERS,
};

/** Types that carry nothing about the network: CDK's version report. Skipped without a word. */
const SILENT_TYPES = new Set(['AWS::CDK::Metadata']);

/** Resource types the adapters read. */
export const MODELLED_TYPES: readonly string[] = Object.keys(ADAPTERS);

/** Model names from logical ids; a logical id used by more than one stack is qualified by its stack. */
function namesOf(set: StackSet): (stack: Stack, id: string) => string {
  const count = new Map<string, number>();
  for (const s of set.stacks)
    for (const r of s.template.resources) count.set(r.logicalId, (count.get(r.logicalId) ?? 0) + 1);
  return (stack, id) => ((count.get(id) ?? 0) > 1 ? `${stack.label}.${id}` : id);
}

function contextFor(
  set: StackSet,
  stack: Stack,
  resource: TemplateResource,
  name: string,
  out: RawResource[],
): ResourceContext {
  const prov = set.provenance(stack, resource);
  const field = `Resources.${resource.logicalId}.Properties`;
  const evaluated = stack.evaluator.value(resource.properties, field);
  const props = new Props(
    isPlainMap(evaluated) ? evaluated : {},
    resource.properties,
    field,
    stack.template.positions,
    stack.sink,
    prov,
  );
  const key = resourceKey(stack, resource.logicalId);
  return {
    resource,
    props,
    prov,
    key,
    name,
    account: stack.account,
    region: stack.region,
    sink: stack.sink,
    keyOf: (id) => (stack.byId.has(id) ? resourceKey(stack, id) : undefined),
    emit: (body: RawBody, suffix?: string, p?: Provenance) => {
      out.push({
        ...body,
        key: suffix ? `${key}#${suffix}` : key,
        name: suffix ? `${name}-${suffix}` : name,
        account: stack.account,
        region: stack.region,
        prov: p ?? prov,
      });
    },
    partProv: (position: SourcePosition | undefined, path: string) => ({
      source: stack.kind,
      file: stack.template.file,
      ...(position
        ? { line: position.line, ...(position.column !== undefined ? { column: position.column } : {}) }
        : {}),
      path,
      originalId: resource.logicalId,
      ...(prov.constructPath !== undefined ? { constructPath: prov.constructPath } : {}),
    }),
    defaulted: (f) => {
      if (prov.template) (prov.template.defaulted ??= []).push(f);
    },
  };
}

export function convertStacks(
  inputs: StackInput[],
  options: { parameters?: Record<string, string>; region: string; account?: string },
  origin: Provenance,
): LoadResult {
  const set = new StackSet(inputs, options.parameters ?? {}, options.region, options.account);
  const resources: RawResource[] = [];
  const nameOf = namesOf(set);
  const skippedTypes = new Map<string, { count: number; stack: Stack; resource: TemplateResource }>();
  for (const stack of set.stacks) {
    for (const resource of stack.template.resources) {
      if (resource.condition !== undefined) {
        const holds = stack.evaluator.condition(
          resource.condition,
          resource.node,
          `Resources.${resource.logicalId}.Condition`,
        );
        if (holds === false) continue;
        if (holds instanceof Unknown) {
          stack.sink.warn(
            'condition-unknown',
            `${resource.logicalId} exists only if condition ${resource.condition} holds, which ${holds.why}; it is left out`,
            {
              container: resource.node,
              key: 'Condition',
              field: `Resources.${resource.logicalId}.Condition`,
            },
          );
          continue;
        }
      }
      const adapter = ADAPTERS[resource.type];
      if (adapter) {
        adapter(contextFor(set, stack, resource, nameOf(stack, resource.logicalId), resources));
      } else if (resource.type === 'AWS::CloudFormation::Stack') {
        if (!stack.children.has(resource.logicalId)) {
          stack.sink.warn(
            'nested-stack-not-read',
            `nested stack ${resource.logicalId} is not read: give its template too (or the cdk.out folder)`,
            {
              container: stack.template.root.Resources,
              key: resource.logicalId,
              field: `Resources.${resource.logicalId}`,
            },
          );
        }
      } else if (!SILENT_TYPES.has(resource.type)) {
        const seen = skippedTypes.get(resource.type);
        if (seen) seen.count++;
        else skippedTypes.set(resource.type, { count: 1, stack, resource });
      }
    }
  }
  const first = [...skippedTypes.values()][0];
  if (first) {
    const list = [...skippedTypes.entries()]
      .map(([type, s]) => (s.count > 1 ? `${type} (${s.count})` : type))
      .join(', ');
    first.stack.sink.warn('types-not-modelled', `skipped, as they do not bear on streaming: ${list}`, {
      container: first.stack.template.root.Resources,
      key: first.resource.logicalId,
      field: `Resources.${first.resource.logicalId}.Type`,
    });
  }
  if (set.diagnostics.some((d) => d.severity === 'error')) return { ok: false, diagnostics: set.diagnostics };
  const result = assemble({
    resources,
    account: set.stacks[0]?.account ?? options.account ?? '',
    region: set.stacks[0]?.region ?? options.region,
    origin,
  });
  return { ...result, diagnostics: [...set.diagnostics, ...result.diagnostics] };
}
