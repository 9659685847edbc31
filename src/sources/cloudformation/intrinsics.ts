// CloudFormation's intrinsic functions, evaluated as far as they can be before deployment. Parameters, pseudo
// parameters, mappings, conditions and string functions give values; Ref and Fn::GetAtt of a resource give a link to
// that resource (its id exists only after deployment); anything built from an unknowable value (an SSM parameter, an
// import from a stack not given, a resource's id inside a string) is Unknown with the reason. Malformed calls are
// errors at their line and column; evaluation goes on with Unknown so every mistake is reported in one run.
import { listedZone } from '../../model/regions.js';
import type { DocSink } from '../iac/sink.js';
import { ResourceRef, Unknown, isPlainMap, type Value } from '../iac/values.js';
import { carveCidrs } from './cidr-function.js';
import type { Template } from './template.js';

/** AWS::NoValue: the property or list item is removed. */
export const NO_VALUE: unique symbol = Symbol('AWS::NoValue');
export type Evaluated = Value | typeof NO_VALUE;

/** The list Fn::GetAZs gives: its members are known only by position (see regions.ts, listedZone). */
export class ZoneList extends Unknown {
  constructor(readonly region: string) {
    super(`the Availability Zones of ${region} as the deploying account lists them (Fn::GetAZs)`);
  }
}

/**
 * A string joined from values some of which are known only after deployment (`!Join [",", [!Ref SubnetA, !Ref
 * SubnetB]]`). Unknown as text, but splitting it again on the same delimiter gives the items back: the way templates
 * pass lists through a single export.
 */
export class JoinedText extends Unknown {
  constructor(
    readonly delimiter: string,
    readonly items: Value[],
    why: string,
  ) {
    super(why);
  }
}

export interface EvalEnv {
  template: Template;
  sink: DocSink;
  /** The input-wide key of a resource of this template, or undefined when the template has no such resource. */
  resourceKey(logicalId: string): string | undefined;
  /** A declared parameter's value (Unknown when it has none), or undefined when no such parameter is declared. */
  parameter(name: string): Value | undefined;
  /** AWS::Region, AWS::AccountId, … */
  pseudo(name: string): Value | undefined;
  /** The value another stack given in the same run exports under this name, if any. */
  importValue(name: string): Value | undefined;
  /** An attribute whose value the template itself states (a VPC's CidrBlock); undefined when it is the resource's. */
  knownAttribute(logicalId: string, attribute: string): Value | undefined;
  region: string;
}

function typeOfValue(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (v instanceof ResourceRef) return 'a resource reference';
  if (v instanceof Unknown) return 'an unknown value';
  if (typeof v === 'object') return 'a map';
  return `${typeof v} ${JSON.stringify(v)}`;
}

/** A single-key map whose key is Ref, Condition or Fn::…: an intrinsic function call. */
export function intrinsicName(node: unknown): string | undefined {
  if (!isPlainMap(node)) return undefined;
  const keys = Object.keys(node);
  if (keys.length !== 1) return undefined;
  const k = keys[0] ?? '';
  return k === 'Ref' || k === 'Condition' || k.startsWith('Fn::') ? k : undefined;
}

function stringOf(v: Value): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
}

export class Evaluator {
  private readonly conditionCache = new Map<string, boolean | Unknown>();
  private readonly conditionsInProgress: string[] = [];

  constructor(readonly env: EvalEnv) {}

  private fail(code: string, message: string, node: unknown, key: string | number, field: string): Unknown {
    this.env.sink.error(code, message, { container: node, key, field });
    return new Unknown(message);
  }

  /** Evaluates a template value; `field` is its dotted path for diagnostics. */
  evaluate(node: unknown, field: string): Evaluated {
    const fn = intrinsicName(node);
    if (fn !== undefined) return this.call(fn, node as Record<string, unknown>, field);
    if (Array.isArray(node)) {
      const out: Value[] = [];
      node.forEach((item, i) => {
        const v = this.evaluate(item, `${field}.${i}`);
        if (v !== NO_VALUE) out.push(v);
      });
      return out;
    }
    if (node !== null && typeof node === 'object') {
      const out: Record<string, Value> = {};
      for (const [k, item] of Object.entries(node)) {
        const v = this.evaluate(item, `${field}.${k}`);
        if (v !== NO_VALUE) out[k] = v;
      }
      return out;
    }
    return node as Value;
  }

  /** Like evaluate, with AWS::NoValue read as "absent". */
  value(node: unknown, field: string): Value | undefined {
    const v = this.evaluate(node, field);
    return v === NO_VALUE ? undefined : v;
  }

  private args(node: Record<string, unknown>, fn: string, field: string, count: number): unknown[] | undefined {
    const raw = node[fn];
    if (!Array.isArray(raw) || raw.length !== count) {
      this.fail(
        'bad-intrinsic',
        `${fn} takes a list of ${count} arguments, found ${typeOfValue(raw)}`,
        node,
        fn,
        field,
      );
      return undefined;
    }
    return raw as unknown[];
  }

  private call(fn: string, node: Record<string, unknown>, field: string): Evaluated {
    const at = `${field}.${fn}`;
    switch (fn) {
      case 'Ref':
        return this.ref(node, field);
      case 'Condition': {
        const name = node.Condition;
        if (typeof name !== 'string')
          return this.fail('bad-intrinsic', 'Condition takes a condition name', node, fn, field);
        return this.condition(name, node, field);
      }
      case 'Fn::GetAtt':
        return this.getAtt(node, field);
      case 'Fn::Sub':
        return this.sub(node, field);
      case 'Fn::Join': {
        const a = this.args(node, fn, field, 2);
        if (!a) return new Unknown('bad Fn::Join');
        const delimiter = this.value(a[0], `${at}.0`);
        const list = this.value(a[1], `${at}.1`);
        if (typeof delimiter !== 'string')
          return this.fail('bad-intrinsic', 'Fn::Join needs a string delimiter', node, fn, field);
        return this.join(delimiter, list, node, field);
      }
      case 'Fn::Select':
        return this.select(node, field);
      case 'Fn::Split': {
        const a = this.args(node, fn, field, 2);
        if (!a) return new Unknown('bad Fn::Split');
        const delimiter = this.value(a[0], `${at}.0`);
        const text = this.value(a[1], `${at}.1`);
        if (typeof delimiter !== 'string')
          return this.fail('bad-intrinsic', 'Fn::Split needs a string delimiter', node, fn, field);
        if (text instanceof JoinedText && text.delimiter === delimiter) return text.items;
        if (text instanceof Unknown || text instanceof ResourceRef)
          return new Unknown(`Fn::Split of ${this.why(text)}`);
        if (typeof text !== 'string')
          return this.fail('bad-intrinsic', `Fn::Split needs a string, found ${typeOfValue(text)}`, node, fn, field);
        return text.split(delimiter);
      }
      case 'Fn::If':
        return this.fnIf(node, field);
      case 'Fn::Equals':
      case 'Fn::And':
      case 'Fn::Or':
      case 'Fn::Not':
        return this.logic(fn, node, field);
      case 'Fn::FindInMap':
        return this.findInMap(node, field);
      case 'Fn::GetAZs': {
        const region = this.value(node[fn], at);
        if (region === '' || region === this.env.region) return new ZoneList(this.env.region);
        if (typeof region === 'string') return new ZoneList(region);
        return new Unknown(`the Availability Zones of ${this.why(region ?? null)}`);
      }
      case 'Fn::Cidr':
        return this.cidr(node, field);
      case 'Fn::ImportValue': {
        const name = this.value(node[fn], at);
        if (typeof name !== 'string') return new Unknown(`an import whose export name is ${this.why(name ?? null)}`);
        return (
          this.env.importValue(name) ??
          new Unknown(`Fn::ImportValue ${name}, exported by a stack whose template was not given`)
        );
      }
      case 'Fn::Base64': {
        const v = this.value(node[fn], at);
        if (typeof v === 'string') return Buffer.from(v, 'utf8').toString('base64');
        return new Unknown(`Fn::Base64 of ${this.why(v ?? null)}`);
      }
      case 'Fn::Length': {
        const v = this.value(node[fn], at);
        return Array.isArray(v) ? v.length : new Unknown(`Fn::Length of ${this.why(v ?? null)}`);
      }
      case 'Fn::ToJsonString':
        return new Unknown('Fn::ToJsonString (a string built at deployment)');
      case 'Fn::Transform':
        return new Unknown('Fn::Transform (a macro runs at deployment)');
      default:
        return this.fail('bad-intrinsic', `${fn} is not a CloudFormation intrinsic function`, node, fn, field);
    }
  }

  /** Why a non-string value cannot be used as text. */
  why(v: Value): string {
    if (v instanceof Unknown) return v.why;
    if (v instanceof ResourceRef)
      return `the ${v.attribute ?? 'id'} of ${v.key.replace(/^.*::/, '')}, assigned at deployment`;
    return typeOfValue(v);
  }

  private ref(node: Record<string, unknown>, field: string): Evaluated {
    const name = node.Ref;
    if (typeof name !== 'string')
      return this.fail('bad-intrinsic', `Ref takes a name, found ${typeOfValue(name)}`, node, 'Ref', field);
    if (name === 'AWS::NoValue') return NO_VALUE;
    if (name.startsWith('AWS::')) {
      const v = this.env.pseudo(name);
      return v ?? this.fail('unknown-reference', `${name} is not a pseudo parameter`, node, 'Ref', field);
    }
    const param = this.env.parameter(name);
    if (param !== undefined) return param;
    const key = this.env.resourceKey(name);
    if (key !== undefined) return new ResourceRef(key);
    return this.fail(
      'unknown-reference',
      `Ref ${name}: no parameter or resource of that name in this template`,
      node,
      'Ref',
      field,
    );
  }

  private getAtt(node: Record<string, unknown>, field: string): Evaluated {
    const fn = 'Fn::GetAtt';
    const raw = node[fn];
    if (!Array.isArray(raw) || raw.length !== 2 || typeof raw[0] !== 'string') {
      return this.fail(
        'bad-intrinsic',
        'Fn::GetAtt takes [Resource, Attribute] (or !GetAtt Resource.Attribute)',
        node,
        fn,
        field,
      );
    }
    const id = raw[0];
    const attribute = this.value(raw[1], `${field}.${fn}.1`);
    if (typeof attribute !== 'string')
      return new Unknown(`an attribute of ${id} named by ${this.why(attribute ?? null)}`);
    const key = this.env.resourceKey(id);
    if (key === undefined)
      return this.fail(
        'unknown-reference',
        `Fn::GetAtt ${id}.${attribute}: no resource ${id} in this template`,
        node,
        fn,
        field,
      );
    return this.env.knownAttribute(id, attribute) ?? new ResourceRef(key, attribute);
  }

  private sub(node: Record<string, unknown>, field: string): Evaluated {
    const fn = 'Fn::Sub';
    const raw = node[fn];
    let text: unknown = raw;
    let vars: Record<string, Value> = {};
    if (Array.isArray(raw)) {
      if (raw.length !== 2 || !isPlainMap(raw[1])) {
        return this.fail('bad-intrinsic', 'Fn::Sub takes a string, or [string, {Name: value}]', node, fn, field);
      }
      text = raw[0];
      const v = this.value(raw[1], `${field}.${fn}.1`);
      vars = isPlainMap(v) ? v : {};
    }
    if (typeof text !== 'string')
      return this.fail('bad-intrinsic', `Fn::Sub needs a string, found ${typeOfValue(text)}`, node, fn, field);
    const parts: Value[] = [];
    let last = 0;
    for (const m of text.matchAll(/\$\{([^}]*)\}/g)) {
      parts.push(text.slice(last, m.index));
      last = m.index + m[0].length;
      const name = (m[1] ?? '').trim();
      if (name.startsWith('!')) {
        parts.push(`\${${name.slice(1)}}`);
        continue;
      }
      parts.push(name in vars ? (vars[name] ?? null) : this.subVariable(name, node, field));
    }
    parts.push(text.slice(last));
    const nonEmpty = parts.filter((p) => p !== '');
    // `!Sub '${Vpc}'` is a Ref written another way: keep the link.
    if (nonEmpty.length === 1 && nonEmpty[0] instanceof ResourceRef) return nonEmpty[0];
    return this.concat(parts);
  }

  private subVariable(name: string, node: Record<string, unknown>, field: string): Value {
    if (name.startsWith('AWS::')) {
      return (
        this.env.pseudo(name) ??
        this.fail('unknown-reference', `\${${name}} is not a pseudo parameter`, node, 'Fn::Sub', field)
      );
    }
    const param = this.env.parameter(name);
    if (param !== undefined) return param;
    const dot = name.indexOf('.');
    const id = dot < 0 ? name : name.slice(0, dot);
    const key = this.env.resourceKey(id);
    if (key !== undefined) {
      if (dot < 0) return new ResourceRef(key);
      const attribute = name.slice(dot + 1);
      return this.env.knownAttribute(id, attribute) ?? new ResourceRef(key, attribute);
    }
    return this.fail(
      'unknown-reference',
      `\${${name}}: no parameter or resource of that name in this template`,
      node,
      'Fn::Sub',
      field,
    );
  }

  private concat(parts: Value[]): Value {
    let out = '';
    for (const p of parts) {
      const s = stringOf(p);
      if (s === undefined) return new Unknown(`a string built from ${this.why(p)}`);
      out += s;
    }
    return out;
  }

  private join(delimiter: string, list: Value | undefined, node: Record<string, unknown>, field: string): Value {
    if (list instanceof Unknown || list instanceof ResourceRef) return new Unknown(`Fn::Join of ${this.why(list)}`);
    if (!Array.isArray(list))
      return this.fail(
        'bad-intrinsic',
        `Fn::Join needs a list, found ${typeOfValue(list ?? null)}`,
        node,
        'Fn::Join',
        field,
      );
    const nonEmpty = list.filter((x) => x !== '');
    if (nonEmpty.length === 1 && nonEmpty[0] instanceof ResourceRef) return nonEmpty[0];
    const parts: Value[] = [];
    list.forEach((x, i) => parts.push(...(i > 0 ? [delimiter, x] : [x])));
    const text = this.concat(parts);
    return text instanceof Unknown && delimiter !== '' ? new JoinedText(delimiter, list, text.why) : text;
  }

  private select(node: Record<string, unknown>, field: string): Value {
    const fn = 'Fn::Select';
    const a = this.args(node, fn, field, 2);
    if (!a) return new Unknown('bad Fn::Select');
    const index = this.value(a[0], `${field}.${fn}.0`);
    const list = this.value(a[1], `${field}.${fn}.1`);
    const n = typeof index === 'string' && /^\d+$/.test(index) ? Number(index) : index;
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) {
      if (n instanceof Unknown) return new Unknown(`Fn::Select at ${n.why}`);
      return this.fail(
        'bad-intrinsic',
        `Fn::Select needs a whole number index, found ${typeOfValue(n ?? null)}`,
        node,
        fn,
        field,
      );
    }
    if (list instanceof ZoneList) return listedZone(list.region, n);
    if (list instanceof Unknown || list instanceof ResourceRef) return new Unknown(`item ${n} of ${this.why(list)}`);
    if (!Array.isArray(list))
      return this.fail('bad-intrinsic', `Fn::Select needs a list, found ${typeOfValue(list ?? null)}`, node, fn, field);
    const item = list[n];
    if (item === undefined)
      return this.fail(
        'bad-intrinsic',
        `Fn::Select index ${n} is past the end of a list of ${list.length}`,
        node,
        fn,
        field,
      );
    return item;
  }

  private fnIf(node: Record<string, unknown>, field: string): Evaluated {
    const fn = 'Fn::If';
    const a = this.args(node, fn, field, 3);
    if (!a) return new Unknown('bad Fn::If');
    if (typeof a[0] !== 'string')
      return this.fail('bad-intrinsic', 'Fn::If takes [ConditionName, value if true, value if false]', node, fn, field);
    const c = this.condition(a[0], node, field);
    if (c instanceof Unknown) return new Unknown(`a value chosen by condition ${a[0]}, which ${c.why}`);
    return this.evaluate(c ? a[1] : a[2], `${field}.${fn}.${c ? 1 : 2}`);
  }

  /** A condition's truth, evaluated once; a condition that depends on itself is an error. */
  condition(name: string, node: unknown, field: string): boolean | Unknown {
    const cached = this.conditionCache.get(name);
    if (cached !== undefined) return cached;
    const conditions = this.env.template.conditions;
    if (!(name in conditions)) {
      this.env.sink.error('unknown-reference', `condition ${name} is not in Conditions`, { container: node, field });
      return new Unknown(`condition ${name} is not defined`);
    }
    if (this.conditionsInProgress.includes(name)) {
      const cycle = [...this.conditionsInProgress.slice(this.conditionsInProgress.indexOf(name)), name].join(' → ');
      this.env.sink.error('condition-cycle', `conditions refer to each other in a circle: ${cycle}`, {
        container: conditions,
        key: name,
        field: `Conditions.${name}`,
      });
      return new Unknown('a circular condition');
    }
    this.conditionsInProgress.push(name);
    const v = this.value(conditions[name], `Conditions.${name}`);
    this.conditionsInProgress.pop();
    let result: boolean | Unknown;
    if (typeof v === 'boolean') result = v;
    else if (v instanceof Unknown) result = new Unknown(`depends on ${v.why}`);
    else {
      result = this.fail(
        'wrong-type',
        `condition ${name} must be true or false, found ${typeOfValue(v ?? null)}`,
        conditions,
        name,
        `Conditions.${name}`,
      );
    }
    this.conditionCache.set(name, result);
    return result;
  }

  private logic(fn: string, node: Record<string, unknown>, field: string): Value {
    const raw = node[fn];
    if (!Array.isArray(raw)) return this.fail('bad-intrinsic', `${fn} takes a list`, node, fn, field);
    const values = raw.map((x, i) => this.value(x, `${field}.${fn}.${i}`) ?? null);
    if (fn === 'Fn::Equals') {
      if (values.length !== 2) return this.fail('bad-intrinsic', 'Fn::Equals takes two values', node, fn, field);
      const [a, b] = values as [Value, Value];
      const unknown = [a, b].find((x) => x instanceof Unknown || x instanceof ResourceRef);
      if (unknown !== undefined) return new Unknown(this.why(unknown));
      return JSON.stringify(a) === JSON.stringify(b) || stringOf(a) === stringOf(b);
    }
    const bad = values.find((v) => typeof v !== 'boolean' && !(v instanceof Unknown));
    if (bad !== undefined)
      return this.fail(
        'wrong-type',
        `${fn} takes conditions (true or false), found ${typeOfValue(bad)}`,
        node,
        fn,
        field,
      );
    const bools = values as (boolean | Unknown)[];
    const unknown = bools.find((v): v is Unknown => v instanceof Unknown);
    if (fn === 'Fn::Not') {
      if (bools.length !== 1) return this.fail('bad-intrinsic', 'Fn::Not takes one condition', node, fn, field);
      return unknown ?? !bools[0];
    }
    // Three-valued logic: one false decides an And, one true decides an Or, even when others are unknown.
    if (fn === 'Fn::And') return bools.includes(false) ? false : (unknown ?? true);
    return bools.includes(true) ? true : (unknown ?? false);
  }

  private findInMap(node: Record<string, unknown>, field: string): Value {
    const fn = 'Fn::FindInMap';
    const raw = node[fn];
    if (!Array.isArray(raw) || raw.length < 3)
      return this.fail('bad-intrinsic', 'Fn::FindInMap takes [MapName, TopLevelKey, SecondLevelKey]', node, fn, field);
    const keys = raw.slice(0, 3).map((x, i) => this.value(x, `${field}.${fn}.${i}`) ?? null);
    const unknown = keys.find((k) => typeof k !== 'string' && typeof k !== 'number');
    if (unknown !== undefined) return new Unknown(`a mapping entry chosen by ${this.why(unknown)}`);
    const [mapName, top, second] = keys.map(String) as [string, string, string];
    const map = this.env.template.mappings[mapName];
    const level1 = isPlainMap(map) ? (map as Record<string, unknown>)[top] : undefined;
    const found = isPlainMap(level1) ? (level1 as Record<string, unknown>)[second] : undefined;
    if (found === undefined) {
      const fallback: unknown = raw[3];
      if (isPlainMap(fallback) && 'DefaultValue' in fallback)
        return this.value(fallback.DefaultValue, `${field}.${fn}.3`) ?? null;
      const what = !isPlainMap(map)
        ? `no mapping ${mapName}`
        : !isPlainMap(level1)
          ? `no key ${top} in mapping ${mapName}`
          : `no key ${second} under ${mapName}.${top}`;
      return this.fail('unknown-reference', `Fn::FindInMap: ${what}`, node, fn, field);
    }
    return this.value(found, `Mappings.${mapName}.${top}.${second}`) ?? null;
  }

  private cidr(node: Record<string, unknown>, field: string): Value {
    const fn = 'Fn::Cidr';
    const a = this.args(node, fn, field, 3);
    if (!a) return new Unknown('bad Fn::Cidr');
    const [block, count, bits] = a.map((x, i) => this.value(x, `${field}.${fn}.${i}`) ?? null) as [Value, Value, Value];
    const unknown = [block, count, bits].find((x) => x instanceof Unknown || x instanceof ResourceRef);
    if (unknown !== undefined) return new Unknown(`Fn::Cidr of ${this.why(unknown)}`);
    if (typeof block !== 'string') return this.fail('bad-intrinsic', 'Fn::Cidr needs a CIDR block', node, fn, field);
    const carved = carveCidrs(block, Number(count), Number(bits));
    if ('error' in carved) return this.fail('bad-intrinsic', `Fn::Cidr: ${carved.error}`, node, fn, field);
    return carved.cidrs;
  }
}
