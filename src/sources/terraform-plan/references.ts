// Which resource an expression of the configuration points at. A plan gives `"vpc_id": true` in after_unknown for a
// VPC still to be created; the configuration says `references: ["aws_vpc.this.id", "aws_vpc.this"]`, relative to
// the module. References through `var.` (a module input), `module.X.Y` (a module output) are followed to the
// resource; a counted resource referred to without an index is ambiguous and stays unknown.
import { ResourceRef, Unknown } from '../iac/values.js';
import { isRecord } from '../iac/sink.js';
import { moduleAt, type Plan, type PlanResource } from './plan.js';

const MAX_HOPS = 16;

export type Target = ResourceRef | Unknown | { constant: unknown };

function prefix(modules: string[]): string {
  return modules.map((m) => `module.${m}.`).join('');
}

function indexText(index: string | number | undefined): string {
  return index === undefined ? '' : typeof index === 'number' ? `[${index}]` : `[${JSON.stringify(index)}]`;
}

export class References {
  readonly byAddress = new Map<string, PlanResource>();
  /** Address without instance key → its instances. */
  readonly instances = new Map<string, PlanResource[]>();
  /** Known ids (and ARNs) → the resource that has it, so a literal id of an existing resource links to it. */
  readonly byId = new Map<string, PlanResource>();
  /** A VPC's default route table and network ACL ids → the VPC (they name its main table and default ACL). */
  readonly byVpcDefault = new Map<string, PlanResource>();

  constructor(readonly plan: Plan) {
    for (const r of plan.resources) {
      this.byAddress.set(r.address, r);
      const base = r.address.replace(/\[[^\]]*\]$/, '');
      this.instances.set(base, [...(this.instances.get(base) ?? []), r]);
      // aws_workspaces_directory's id is the d-… id of the directory it registers: that id names the directory.
      if (r.type !== 'aws_workspaces_directory') {
        for (const key of ['id', 'arn']) {
          const v = r.after[key];
          if (typeof v === 'string' && v !== '') this.byId.set(v, r);
        }
      }
      for (const key of ['default_route_table_id', 'default_network_acl_id']) {
        const v = r.after[key];
        if (r.type === 'aws_vpc' && typeof v === 'string' && v !== '') this.byVpcDefault.set(v, r);
      }
    }
  }

  /** The resources an expression refers to, in the order written, each once. */
  targets(expression: unknown, modules: string[], hops = 0): Target[] {
    return this.groups(expression, modules, hops).flat();
  }

  /**
   * The same, one group per reference: a reference to a counted resource without an index (`aws_subnet.ws` in a
   * `for` expression) stands for all its instances, which a list can hold but a single id cannot.
   */
  groups(expression: unknown, modules: string[], hops = 0): Target[][] {
    if (!isRecord(expression)) return [];
    if ('constant_value' in expression) return [[{ constant: expression.constant_value }]];
    const refs = Array.isArray(expression.references)
      ? expression.references.filter((r): r is string => typeof r === 'string')
      : [];
    const out: Target[][] = [];
    const seen = new Set<string>();
    for (const ref of refs) {
      const group: Target[] = [];
      for (const t of this.resolve(ref, modules, hops)) {
        const key = t instanceof ResourceRef ? t.key : t instanceof Unknown ? `?${t.why}` : JSON.stringify(t.constant);
        // "aws_vpc.this.id" comes before "aws_vpc.this": the first, with its attribute, is kept.
        if (seen.has(key)) continue;
        seen.add(key);
        group.push(t);
      }
      if (group.length > 0) out.push(group);
    }
    return out;
  }

  private resolve(ref: string, modules: string[], hops: number): Target[] {
    if (hops > MAX_HOPS) return [new Unknown(`${ref} refers through too many modules`)];
    if (ref.startsWith('var.')) {
      const name = ref.slice(4).split('.')[0] ?? '';
      if (modules.length === 0) {
        const vars = isRecord(this.plan.root.variables) ? this.plan.root.variables : {};
        const v = vars[name];
        return isRecord(v) && 'value' in v ? [{ constant: v.value }] : [];
      }
      const parent = modules.slice(0, -1);
      const call = moduleAt(this.plan.config, parent)?.calls.get(modules[modules.length - 1] ?? '');
      return this.targets(call?.expressions[name], parent, hops + 1);
    }
    const moduleOutput = /^module\.([A-Za-z0-9_-]+)(?:\[[^\]]*\])?\.([A-Za-z0-9_-]+)/.exec(ref);
    if (moduleOutput) {
      const [, name = '', output = ''] = moduleOutput;
      const inner = [...modules, name];
      return this.targets(moduleAt(this.plan.config, inner)?.outputs.get(output), inner, hops + 1);
    }
    if (/^(data|local|each|count|path|self|terraform|module)\./.test(ref)) return [];
    const m = /^([a-z][a-z0-9_]*)\.([A-Za-z0-9_-]+)(\[[^\]]+\])?(?:\.([A-Za-z0-9_]+))?/.exec(ref);
    if (!m) return [];
    const [, type = '', name = '', index, attribute] = m;
    const base = `${prefix(modules)}${type}.${name}`;
    const attr = attribute === undefined || attribute === 'id' ? undefined : attribute;
    if (index !== undefined) {
      const target = this.byAddress.get(`${base}${index}`);
      return target ? [new ResourceRef(target.address, attr)] : [];
    }
    return (this.instances.get(base) ?? []).map((t) => new ResourceRef(t.address, attr));
  }

  /** A model name for a resource: module path and name, with its instance key ("net.private[a]"). */
  static nameOf(r: PlanResource): string {
    const key = r.index === undefined ? '' : `[${String(r.index)}]`;
    return [...r.modules, `${r.name}${key}`].join('.');
  }

  static addressOf(r: PlanResource): string {
    return `${prefix(r.modules)}${r.type}.${r.name}${indexText(r.index)}`;
  }
}
