// Reads a resource's evaluated Properties as the types CloudFormation documents for them, keeping the line and column
// of each property (the raw, unevaluated map holds the positions). A value of the wrong type is an error at its
// property; a value that cannot be known before deployment comes back as Unknown, with the reason.
import type { Provenance, SourcePosition } from '../../model/types.js';
import type { Positions } from '../iac/positions.js';
import type { DocSink } from '../iac/sink.js';
import { ResourceRef, Unknown, isPlainMap, toLink, type Link, type Value } from '../iac/values.js';

function describe(v: Value): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (v instanceof ResourceRef) return `a reference to ${v.key}`;
  if (v instanceof Unknown) return 'an unknown value';
  if (typeof v === 'object') return 'a map';
  return `${typeof v} ${JSON.stringify(v)}`;
}

/** Why a resource reference cannot stand where text is needed. */
export function refWhy(v: ResourceRef): string {
  return `the ${v.attribute ?? 'id'} of ${v.key.replace(/^.*::/, '')}, assigned at deployment`;
}

export class Props {
  constructor(
    readonly values: Record<string, Value>,
    /** The same map before evaluation, for positions (undefined when it came from an intrinsic function). */
    readonly raw: unknown,
    readonly field: string,
    readonly positions: Positions,
    readonly sink: DocSink,
    readonly prov: Provenance,
  ) {}

  position(prop: string): SourcePosition | undefined {
    return (
      this.positions.at(this.raw, prop) ??
      this.positions.at(this.raw) ??
      (this.prov.line !== undefined
        ? { line: this.prov.line, ...(this.prov.column !== undefined ? { column: this.prov.column } : {}) }
        : undefined)
    );
  }

  /** Records where a model field came from, so findings about it point at the property. */
  note(modelField: string, prop: string): void {
    if (!(prop in this.values)) return;
    const pos = this.position(prop);
    if (pos) (this.prov.fields ??= {})[modelField] = pos;
  }

  has(prop: string): boolean {
    return this.values[prop] !== undefined;
  }

  get(prop: string): Value | undefined {
    return this.values[prop];
  }

  wrongType(prop: string, expected: string, found: Value): void {
    this.sink.error('wrong-type', `${prop} must be ${expected}, found ${describe(found)}`, {
      container: this.raw,
      key: prop,
      field: `${this.field}.${prop}`,
      ...(this.position(prop) ? { position: this.position(prop) } : {}),
    });
  }

  /** A nested property map (DnsOptions, WorkspaceAccessProperties). */
  sub(prop: string): Props | undefined {
    const v = this.values[prop];
    if (v === undefined) return undefined;
    if (!isPlainMap(v)) {
      if (!(v instanceof Unknown)) this.wrongType(prop, 'a map', v);
      return undefined;
    }
    const raw = isPlainMap(this.raw) ? (this.raw as Record<string, unknown>)[prop] : undefined;
    return new Props(v, raw, `${this.field}.${prop}`, this.positions, this.sink, this.prov);
  }

  /** Items of a list property that are maps (SecurityGroupIngress, IpAddresses …), each as Props. */
  maps(prop: string): Props[] {
    const v = this.values[prop];
    if (v === undefined || v instanceof Unknown) return [];
    if (!Array.isArray(v)) {
      this.wrongType(prop, 'a list', v);
      return [];
    }
    const rawList = isPlainMap(this.raw) ? (this.raw as Record<string, unknown>)[prop] : undefined;
    const out: Props[] = [];
    v.forEach((item, i) => {
      if (!isPlainMap(item)) {
        if (!(item instanceof Unknown)) this.wrongType(`${prop}.${i}`, 'a map', item);
        return;
      }
      const raw = Array.isArray(rawList) && rawList.length === v.length ? (rawList[i] as unknown) : undefined;
      out.push(new Props(item, raw, `${this.field}.${prop}.${i}`, this.positions, this.sink, this.prov));
    });
    return out;
  }

  str(prop: string): string | Unknown | undefined {
    const v = this.values[prop];
    if (v === undefined || v === null) return undefined;
    if (typeof v === 'string') return v;
    if (typeof v === 'number') return String(v);
    if (v instanceof Unknown) return v;
    if (v instanceof ResourceRef) return new Unknown(refWhy(v));
    this.wrongType(prop, 'a string', v);
    return undefined;
  }

  /** A string from a closed set, case-insensitively (CloudFormation takes "Interface", EC2 returns "interface"). */
  choice<T extends string>(prop: string, allowed: Record<string, T>): T | Unknown | undefined {
    const s = this.str(prop);
    if (s === undefined || s instanceof Unknown) return s;
    const hit = allowed[s.toLowerCase()];
    if (hit === undefined) {
      this.sink.error(
        'unknown-value',
        `${prop} is ${JSON.stringify(s)}, not one of: ${[...new Set(Object.values(allowed))].join(', ')}`,
        {
          container: this.raw,
          key: prop,
          field: `${this.field}.${prop}`,
        },
      );
    }
    return hit;
  }

  bool(prop: string): boolean | Unknown | undefined {
    const v = this.values[prop];
    if (v === undefined || v === null) return undefined;
    if (typeof v === 'boolean') return v;
    if (v === 'true' || v === 'false') return v === 'true';
    if (v instanceof Unknown) return v;
    this.wrongType(prop, 'true or false', v);
    return undefined;
  }

  int(prop: string): number | Unknown | undefined {
    const v = this.values[prop];
    if (v === undefined || v === null) return undefined;
    if (typeof v === 'number' && Number.isInteger(v)) return v;
    if (typeof v === 'string' && /^-?\d+$/.test(v)) return Number(v);
    if (v instanceof Unknown) return v;
    this.wrongType(prop, 'a whole number', v);
    return undefined;
  }

  link(prop: string): Link | undefined {
    const v = this.values[prop];
    if (Array.isArray(v) || isPlainMap(v)) {
      this.wrongType(prop, 'a resource id', v);
      return undefined;
    }
    return toLink(v);
  }

  links(prop: string): Link[] {
    const v = this.values[prop];
    if (v === undefined || v === null) return [];
    if (v instanceof Unknown) return [v];
    if (!Array.isArray(v)) {
      this.wrongType(prop, 'a list of resource ids', v);
      return [];
    }
    return v.flatMap((x) => {
      const l = toLink(x);
      return l === undefined ? [] : [l];
    });
  }

  strings(prop: string): (string | Unknown)[] {
    const v = this.values[prop];
    if (v === undefined || v === null) return [];
    if (v instanceof Unknown) return [v];
    if (!Array.isArray(v)) {
      this.wrongType(prop, 'a list of strings', v);
      return [];
    }
    return v.flatMap((x): (string | Unknown)[] => {
      if (typeof x === 'string') return [x];
      if (x instanceof Unknown) return [x];
      if (x instanceof ResourceRef) return [new Unknown(refWhy(x))];
      this.wrongType(prop, 'a list of strings', v);
      return [];
    });
  }

  /** Position of a list item (for provenance of inline rules), else of the list. */
  itemPosition(prop: string, index: number): SourcePosition | undefined {
    const list = isPlainMap(this.raw) ? (this.raw as Record<string, unknown>)[prop] : undefined;
    return this.positions.at(list, index) ?? this.position(prop);
  }
}
