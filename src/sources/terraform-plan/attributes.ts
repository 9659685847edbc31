// Reads a resource's planned attributes: `after` for what is known, `after_unknown` for what is "(known after
// apply)", and the configuration's references to tell which resource an unknown id will be. Blocks (TypeList/TypeSet
// in the provider schema) are lists of objects in the plan, even when only one is allowed.
import type { Provenance, SourcePosition } from '../../model/types.js';
import type { Positions } from '../iac/positions.js';
import { isRecord, type DocSink } from '../iac/sink.js';
import { ResourceRef, Unknown, type Link } from '../iac/values.js';
import type { PlanResource } from './plan.js';
import type { References } from './references.js';

export interface AttrContext {
  refs: References;
  resource: PlanResource;
  positions: Positions;
  sink: DocSink;
  prov: Provenance;
}

function sub(node: unknown, key: string | number): unknown {
  if (Array.isArray(node) && typeof key === 'number') return node[key] as unknown;
  if (isRecord(node) && typeof key === 'string') return node[key];
  return undefined;
}

export class TfAttrs {
  constructor(
    readonly after: Record<string, unknown>,
    /** The matching part of after_unknown: true when the whole block is unknown. */
    readonly unknown: unknown,
    /** The matching part of the configuration's expressions, when the configuration has it. */
    readonly expr: unknown,
    readonly ctx: AttrContext,
    readonly field: string,
  ) {}

  isUnknown(attr: string): boolean {
    return this.unknown === true || sub(this.unknown, attr) === true;
  }

  /** The configuration states the attribute (not the provider's default). */
  written(attr: string): boolean {
    return isRecord(this.expr) && this.expr[attr] !== undefined;
  }

  private later(attr: string): Unknown {
    return new Unknown(`${this.ctx.resource.address}.${attr} is known only after apply`);
  }

  position(attr: string): SourcePosition | undefined {
    return (
      this.ctx.positions.at(this.after, attr) ??
      (this.ctx.prov.line !== undefined
        ? { line: this.ctx.prov.line, ...(this.ctx.prov.column !== undefined ? { column: this.ctx.prov.column } : {}) }
        : undefined)
    );
  }

  note(modelField: string, attr: string): void {
    if (this.after[attr] === undefined && !this.isUnknown(attr)) return;
    const pos = this.position(attr);
    if (pos) (this.ctx.prov.fields ??= {})[modelField] = pos;
  }

  wrongType(attr: string, expected: string): void {
    this.ctx.sink.error('wrong-type', `${attr} of ${this.ctx.resource.address} must be ${expected}`, {
      container: this.after,
      key: attr,
      field: `${this.field}.${attr}`,
    });
  }

  str(attr: string): string | Unknown | undefined {
    if (this.isUnknown(attr)) return this.later(attr);
    const v = this.after[attr];
    if (v === undefined || v === null || v === '') return undefined;
    if (typeof v === 'string') return v;
    if (typeof v === 'number') return String(v);
    this.wrongType(attr, 'a string');
    return undefined;
  }

  bool(attr: string): boolean | Unknown | undefined {
    if (this.isUnknown(attr)) return this.later(attr);
    const v = this.after[attr];
    if (v === undefined || v === null) return undefined;
    if (typeof v === 'boolean') return v;
    this.wrongType(attr, 'true or false');
    return undefined;
  }

  int(attr: string): number | undefined {
    const v = this.after[attr];
    if (typeof v === 'number' && Number.isInteger(v)) return v;
    if (typeof v === 'string' && /^-?\d+$/.test(v)) return Number(v);
    return undefined;
  }

  /** A known id links to the plan's resource that has it, or stands as an AWS id; an unknown one follows references. */
  private linkOf(value: unknown, unknown: boolean, attr: string): Link | undefined {
    if (!unknown) {
      if (typeof value !== 'string' || value === '') return undefined;
      const owner = this.ctx.refs.byId.get(value) ?? this.ctx.refs.byVpcDefault.get(value);
      return owner ? new ResourceRef(owner.address) : { aws: value };
    }
    for (const group of this.ctx.refs.groups(sub(this.expr, attr), this.ctx.resource.modules)) {
      const refs = group.filter((t): t is ResourceRef => t instanceof ResourceRef);
      if (refs.length > 1)
        return new Unknown(
          `${this.ctx.resource.address}.${attr} names one of several instances (${refs.map((r) => r.key).join(', ')})`,
        );
      if (refs[0]) return refs[0];
    }
    return this.later(attr);
  }

  /** A computed attribute the configuration does not set is simply not stated (not an unknown worth a word). */
  stated(attr: string): string | Unknown | undefined {
    if (this.isUnknown(attr) && !this.written(attr)) return undefined;
    return this.str(attr);
  }

  link(attr: string): Link | undefined {
    return this.linkOf(this.after[attr], this.isUnknown(attr), attr);
  }

  links(attr: string): Link[] {
    const value = this.after[attr];
    const unknown = sub(this.unknown, attr);
    if (this.unknown === true || unknown === true) {
      // The whole list is unknown: it holds the resources its expression refers to, in order.
      const found = this.ctx.refs.targets(sub(this.expr, attr), this.ctx.resource.modules);
      const refs = found.filter((t): t is ResourceRef => t instanceof ResourceRef);
      return refs.length > 0 ? refs : [this.later(attr)];
    }
    if (!Array.isArray(value)) return [];
    const refs = this.ctx.refs
      .targets(sub(this.expr, attr), this.ctx.resource.modules)
      .filter((t): t is ResourceRef => t instanceof ResourceRef);
    let next = 0;
    return value.flatMap((item, i) => {
      if (Array.isArray(unknown) && unknown[i] === true) {
        // One unknown item among known ones: the expression's references, taken in order.
        const ref = refs[next++];
        return [ref ?? this.later(`${attr}[${i}]`)];
      }
      const l = this.linkOf(item, false, attr);
      return l ? [l] : [];
    });
  }

  strings(attr: string): (string | Unknown)[] {
    if (this.isUnknown(attr)) return [this.later(attr)];
    const value = this.after[attr];
    if (!Array.isArray(value)) return [];
    const unknown = sub(this.unknown, attr);
    return value.flatMap((item, i): (string | Unknown)[] => {
      if (Array.isArray(unknown) && unknown[i] === true) return [this.later(`${attr}[${i}]`)];
      return typeof item === 'string' ? [item] : [];
    });
  }

  /** Nested blocks (ingress, route, dns_options …): each as attributes of its own. */
  blocks(attr: string): TfAttrs[] {
    const value = this.after[attr];
    if (!Array.isArray(value)) return [];
    const unknown = sub(this.unknown, attr);
    const expr = sub(this.expr, attr);
    return value.flatMap((item, i) =>
      isRecord(item)
        ? [
            new TfAttrs(
              item,
              unknown === true ? true : sub(unknown, i),
              Array.isArray(expr) ? expr[i] : undefined,
              this.ctx,
              `${this.field}.${attr}.${i}`,
            ),
          ]
        : [],
    );
  }

  block(attr: string): TfAttrs | undefined {
    return this.blocks(attr)[0];
  }

  /** Position of a block item, for provenance of inline rules. */
  itemPosition(attr: string, index: number): SourcePosition | undefined {
    return this.ctx.positions.at(this.after[attr], index) ?? this.position(attr);
  }
}
