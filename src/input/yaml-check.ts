// Checks on a parsed YAML tree before it becomes data, each naming the line and the field: names JavaScript treats
// specially, aliases that point at nothing or at the value that contains them (an endless value: the data would
// have a cycle that every later step trips over), aliases that multiply into more values than any real input has
// (an alias bomb), and merge keys (`<<`) whose value is not a map to merge.
import { isAlias, isMap, isNode, isScalar, isSeq, type Document, type LineCounter } from 'yaml';
import type { Diagnostic } from '../diagnostics.js';

/** How many values aliases may add to a document when written out: plenty for reuse, far too few for a bomb. */
export const MAX_ALIAS_VALUES = 100_000;

/** Names JavaScript objects treat specially: a key with one of them would vanish or pollute, so it is refused. */
const RESERVED_KEYS = new Set(['__proto__']);

/** More problems than this are not listed: the first ones say what is wrong. */
const MAX_REPORTED = 20;

interface Ranged {
  range?: readonly [number, number, number] | null;
}

/** A merge key as yaml (with `merge: true`) takes one: `<<` written plain (quoted, it is an ordinary key). */
export function isMergeKey(key: unknown): boolean {
  return isScalar(key) && key.value === '<<' && (key.type === undefined || key.type === 'PLAIN');
}

function keyName(key: unknown): string | undefined {
  return isScalar(key) ? String(key.value) : undefined;
}

/** The problems of `doc`'s tree; empty when it is safe to turn into data. */
export function checkYamlTree(doc: Document, lines: LineCounter, file: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  /** The node each anchor names at this point of the document (a later `&a` replaces an earlier one). */
  const anchors = new Map<string, unknown>();
  /** The collections being visited: an alias to one of them is a loop. */
  const open = new Set<unknown>();
  /** How many values an anchored node stands for, its aliases written out. */
  const sizes = new Map<unknown, number>();
  let added = 0;
  let bombReported = false;

  const report = (code: string, node: unknown, path: readonly string[], message: string) => {
    if (out.length >= MAX_REPORTED) return;
    const at = (node as Ranged | null)?.range?.[0];
    out.push({
      severity: 'error',
      code,
      file,
      ...(at !== undefined ? { line: lines.linePos(at).line } : {}),
      ...(path.length > 0 ? { field: path.join('.') } : {}),
      message,
    });
  };

  /** The node an alias stands for, or undefined (reported) when it has none or loops back. */
  const target = (alias: unknown, path: readonly string[]): unknown => {
    if (!isAlias(alias)) return undefined;
    const node = anchors.get(alias.source);
    if (node === undefined) {
      report(
        'yaml-syntax',
        alias,
        path,
        `*${alias.source} names no anchor: write &${alias.source} on a value above it`,
      );
    } else if (open.has(node)) {
      report(
        'yaml-syntax',
        alias,
        path,
        `*${alias.source} is inside the value it names (&${alias.source}): the value would never end`,
      );
      return undefined;
    }
    return node;
  };

  const checkMerge = (value: unknown, path: readonly string[]) => {
    const sources = isSeq(value) ? value.items : [value];
    for (const source of sources) {
      const node = isAlias(source) ? anchors.get(source.source) : source;
      // A missing or looping alias is reported when the value itself is visited.
      if (isAlias(source) && (node === undefined || open.has(node))) continue;
      if (!isMap(node)) {
        report(
          'yaml-syntax',
          source ?? value,
          path,
          'a merge key (<<) takes a map, an alias of one (*name) or a list of them',
        );
      }
    }
  };

  const visit = (node: unknown, path: readonly string[]): number => {
    if (!isNode(node)) return 0;
    if (isAlias(node)) {
      const to = target(node, path);
      if (to === undefined) return 1;
      const size = sizes.get(to) ?? 1;
      added += size;
      if (added > MAX_ALIAS_VALUES && !bombReported) {
        bombReported = true;
        report(
          'yaml-syntax',
          node,
          path,
          `the aliases (*name) expand to more than ${MAX_ALIAS_VALUES} values by here; write the values out instead`,
        );
      }
      return size;
    }
    if (node.anchor) anchors.set(node.anchor, node);
    let size = 1;
    if (isMap(node)) {
      open.add(node);
      for (const pair of node.items) {
        const name = keyName(pair.key);
        const at = name === undefined ? path : [...path, name];
        if (name !== undefined && RESERVED_KEYS.has(name)) {
          report('reserved-name', pair.key, at, `"${name}" cannot be used as a name`);
        }
        size += visit(pair.key, path);
        if (isMergeKey(pair.key)) checkMerge(pair.value, at);
        size += visit(pair.value, at);
      }
      open.delete(node);
    } else if (isSeq(node)) {
      open.add(node);
      node.items.forEach((item, i) => (size += visit(item, [...path, String(i)])));
      open.delete(node);
    }
    if (node.anchor) sizes.set(node, size);
    return size;
  };

  visit(doc.contents, []);
  return out;
}
