// CloudFormation YAML: the short-form tags (!Ref, !GetAtt, !Sub …) become the same long-form objects a JSON template
// holds ({"Ref": …}, {"Fn::GetAtt": […]}), so one evaluator reads both. The YAML library parses with the tags declared
// (customTags, so none is "unresolved"); the document is then walked by hand rather than through toJS(), to record
// the offset of every key and item (positions.ts) and to turn tagged nodes into intrinsic functions.
import { LineCounter, isAlias, isMap, isPair, isScalar, isSeq, type Document, type Node } from 'yaml';
import type { ScalarTag, CollectionTag } from 'yaml';
import { MAX_ALIAS_VALUES, checkYamlTree } from '../../input/yaml-check.js';
import { parseBounded } from '../../input/yaml-parse.js';
import { MAX_DEPTH } from '../iac/json.js';
import { Positions, type ParsedDocument, type SyntaxProblem } from '../iac/positions.js';

/** Every short form CloudFormation documents, with the long name it stands for. */
export const SHORT_FORMS: Record<string, string> = {
  '!Ref': 'Ref',
  '!Condition': 'Condition',
  '!GetAtt': 'Fn::GetAtt',
  '!Sub': 'Fn::Sub',
  '!Join': 'Fn::Join',
  '!Select': 'Fn::Select',
  '!Split': 'Fn::Split',
  '!If': 'Fn::If',
  '!Equals': 'Fn::Equals',
  '!And': 'Fn::And',
  '!Or': 'Fn::Or',
  '!Not': 'Fn::Not',
  '!FindInMap': 'Fn::FindInMap',
  '!Cidr': 'Fn::Cidr',
  '!GetAZs': 'Fn::GetAZs',
  '!ImportValue': 'Fn::ImportValue',
  '!Base64': 'Fn::Base64',
  '!Transform': 'Fn::Transform',
  '!Length': 'Fn::Length',
  '!ToJsonString': 'Fn::ToJsonString',
};

// Each tag may sit on a scalar, a list or a map (`!Sub 'x'`, `!Sub [x, {…}]`, `!Base64 {…}`); the walk decides what
// the content means, so the tags only keep the node as it is.
const CUSTOM_TAGS: (ScalarTag | CollectionTag)[] = Object.keys(SHORT_FORMS).flatMap((tag) => [
  { tag, resolve: (s: string) => s },
  { tag, collection: 'seq' as const, resolve: (seq: unknown) => seq as never },
  { tag, collection: 'map' as const, resolve: (map: unknown) => map as never },
]);

class WalkError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

interface RangedNode {
  range?: [number, number, number] | null;
}

function startOf(node: unknown): number {
  return (node as RangedNode | null)?.range?.[0] ?? 0;
}

class Walker {
  aliases = 0;
  constructor(
    readonly doc: Document,
    readonly positions: Positions,
    readonly text: string,
  ) {}

  /** Where a tag is written: the node's range starts after it (`!Ref Vpc` starts at Vpc). */
  tagStart(tag: string, nodeStart: number): number {
    const at = this.text.lastIndexOf(tag, nodeStart);
    return at >= 0 && !this.text.slice(at, nodeStart).includes('\n') ? at : nodeStart;
  }

  intrinsic(tag: string, content: unknown, nodeStart: number): Record<string, unknown> {
    const at = this.tagStart(tag, nodeStart);
    const name = SHORT_FORMS[tag];
    if (name === undefined) throw new WalkError(`unknown tag ${tag}: CloudFormation has no such short form`, at);
    let inner = content;
    // `!GetAtt Resource.Attribute` is the scalar form of ["Resource", "Attribute"]; the attribute may hold dots.
    if (name === 'Fn::GetAtt' && typeof content === 'string') {
      const dot = content.indexOf('.');
      inner = dot < 0 ? [content] : [content.slice(0, dot), content.slice(dot + 1)];
      this.positions.record(inner as object, { at, items: [at, at] });
    }
    const out = { [name]: inner };
    this.positions.record(out, { at, keys: new Map([[name, at]]) });
    return out;
  }

  walk(node: unknown, depth: number): unknown {
    if (depth > MAX_DEPTH) throw new WalkError(`nested more than ${MAX_DEPTH} levels deep`, startOf(node));
    if (node === null || node === undefined) return null;
    if (isAlias(node)) {
      if (++this.aliases > MAX_ALIAS_VALUES) {
        throw new WalkError(`the aliases (*name) expand to more than ${MAX_ALIAS_VALUES} copies`, startOf(node));
      }
      return this.walk(node.resolve(this.doc), depth + 1);
    }
    const tag = (node as Node).tag;
    const custom = tag !== undefined && tag.startsWith('!') && !tag.startsWith('!!') ? tag : undefined;
    let value: unknown;
    if (isScalar(node)) {
      value = node.value;
      if (typeof value === 'bigint') value = Number(value);
    } else if (isSeq(node)) {
      const out: unknown[] = [];
      const items: number[] = [];
      this.positions.record(out, { at: startOf(node), items });
      for (const item of node.items) {
        items.push(startOf(item));
        out.push(this.walk(item, depth + 1));
      }
      value = out;
    } else if (isMap(node)) {
      value = this.map(node.items, startOf(node), depth);
    } else {
      throw new WalkError('a value of an unsupported YAML kind', startOf(node));
    }
    return custom !== undefined ? this.intrinsic(custom, value, startOf(node)) : value;
  }

  map(pairs: unknown[], at: number, depth: number): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    const keys = new Map<string, number>();
    this.positions.record(out, { at, keys });
    const merged: unknown[] = [];
    for (const pair of pairs) {
      if (!isPair(pair)) continue;
      const keyNode = pair.key;
      if (!isScalar(keyNode) || (typeof keyNode.value !== 'string' && typeof keyNode.value !== 'number')) {
        throw new WalkError('a key must be a plain name, not a list or a map', startOf(keyNode));
      }
      const key = String(keyNode.value);
      if (key === '<<' && keyNode.type === 'PLAIN') {
        merged.push(pair.value);
        continue;
      }
      if (key === '__proto__') throw new WalkError('"__proto__" cannot be used as a name', startOf(keyNode));
      keys.set(key, startOf(keyNode));
      out[key] = this.walk(pair.value, depth + 1);
    }
    // YAML merge keys (<<: *base): the map's own keys win over merged ones.
    for (const source of merged.flatMap((m) => (isSeq(m) ? m.items : [m]))) {
      const from = this.walk(source, depth + 1);
      if (from === null || typeof from !== 'object' || Array.isArray(from)) {
        throw new WalkError('a merge key (<<) takes a map or a list of maps', startOf(source));
      }
      for (const [k, v] of Object.entries(from)) {
        if (keys.has(k)) continue;
        keys.set(k, this.positions.offsetOf(from, k) ?? at);
        out[k] = v;
      }
    }
    return out;
  }
}

function firstLine(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '');
}

/** Parses a CloudFormation YAML template, keeping positions; YAML errors come back with line and column. */
export function parseTemplateYaml(
  text: string,
  file = 'template.yaml',
): ParsedDocument | { problems: SyntaxProblem[] } {
  const lines = new LineCounter();
  // Bounded in depth while parsing (input/yaml-parse.ts): deep enough nesting would otherwise exhaust the stack.
  const bounded = parseBounded(text, lines, { prettyErrors: false, uniqueKeys: true, customTags: CUSTOM_TAGS });
  const at = (offset: number) => {
    const p = lines.linePos(offset);
    return { line: p.line, column: p.col };
  };
  if (bounded.tooDeep)
    return { problems: [{ message: 'the YAML is nested too deeply to read', ...at(bounded.tooDeep.offset) }] };
  if (bounded.secondDocAt !== undefined) {
    return {
      problems: [
        {
          message: 'a second YAML document starts here (`---`); a template is one document',
          ...at(bounded.secondDocAt),
        },
      ],
    };
  }
  const doc = bounded.doc;
  const unknownTags = doc.warnings.filter((w) => w.code === 'TAG_RESOLVE_FAILED');
  const errors = [...doc.errors, ...unknownTags];
  if (errors.length > 0) {
    return {
      problems: errors.map((e) => {
        const message =
          e.code === 'TAG_RESOLVE_FAILED'
            ? `unknown tag ${/!\S+/.exec(e.message)?.[0] ?? ''}: CloudFormation has no such short form`
            : e.code === 'DUPLICATE_KEY'
              ? 'duplicate key: a key may appear only once in a map'
              : e.code === 'MULTIPLE_DOCS'
                ? 'a second YAML document starts here (`---`); a template is one document'
                : firstLine(e.message);
        return { message, ...at(e.pos[0]) };
      }),
    };
  }
  // Aliases that loop or multiply into a bomb, names JavaScript treats specially: refused before the walk.
  const unsafe = checkYamlTree(doc, lines, file);
  if (unsafe.length > 0) return { problems: unsafe.map((d) => ({ message: d.message, line: d.line ?? 1 })) };
  const positions = new Positions(text);
  try {
    return { value: new Walker(doc, positions, text).walk(doc.contents, 0), positions };
  } catch (e) {
    if (e instanceof WalkError) return { problems: [{ message: e.message, ...at(e.offset) }] };
    if (e instanceof RangeError)
      return { problems: [{ message: 'the YAML is nested too deeply to read', line: 1, column: 1 }] };
    throw e;
  }
}
