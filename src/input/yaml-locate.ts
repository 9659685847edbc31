// Maps a path of keys and indexes in parsed YAML back to a 1-based line: the line of the key for map entries, of the
// item for sequence entries. A value reached through an alias (*name) or taken from a merge key (<<: *base) is
// found where it is written, in the anchored value. When the path goes deeper than the document (a missing
// field), the deepest existing ancestor's line is returned, which is where the user has to add it.
import { isAlias, isMap, isScalar, isSeq, visit, type Document, type LineCounter, type Pair, type YAMLMap } from 'yaml';
import { isMergeKey } from './yaml-check.js';
import type { YamlPosition } from './yaml-fast.js';

export type Locator = (path: readonly (string | number)[]) => number | undefined;

interface Ranged {
  range?: readonly [number, number, number] | null;
}

/** Merges nest rarely more than a level or two; the bound only keeps a hostile chain from taking long. */
const MAX_MERGE_DEPTH = 16;

function keyText(key: unknown): string {
  return isScalar(key) ? String(key.value) : String(key);
}

export function yamlLocator(doc: Document, lines: LineCounter): Locator {
  const lineAt = (node: unknown) => {
    const offset = (node as Ranged | null | undefined)?.range?.[0];
    return offset === undefined ? undefined : lines.linePos(offset).line;
  };
  // The node each alias names, found once (in document order, as yaml resolves them) and only if a path needs it.
  let targets: Map<unknown, unknown> | undefined;
  const deref = (node: unknown): unknown => {
    if (!isAlias(node)) return node;
    if (targets === undefined) {
      const found = new Map<unknown, unknown>();
      const anchors = new Map<string, unknown>();
      visit(doc, {
        Node: (_key, n) => {
          if (isAlias(n)) found.set(n, anchors.get(n.source));
          else if (n.anchor) anchors.set(n.anchor, n);
        },
      });
      targets = found;
    }
    return targets.get(node);
  };
  // Each map's own keys, indexed the first time a path goes through it: a lookup per field must not scan the map
  // (a route table of 50,000 routes is 50,000 lookups).
  const indexes = new WeakMap<YAMLMap, Map<string, Pair>>();
  const ownPair = (map: YAMLMap, segment: string): Pair | undefined => {
    let index = indexes.get(map);
    if (!index) {
      index = new Map();
      for (const p of map.items) {
        if (isMergeKey(p.key)) continue;
        const k = keyText(p.key);
        if (!index.has(k)) index.set(k, p);
      }
      indexes.set(map, index);
    }
    return index.get(segment);
  };
  const findPair = (map: YAMLMap, segment: string, depth: number): Pair | undefined => {
    const own = ownPair(map, segment);
    if (own || depth >= MAX_MERGE_DEPTH) return own;
    // Keys a merge brings in: its sources in order, the earlier winning (YAML 1.1 merge).
    for (const p of map.items) {
      if (!isMergeKey(p.key)) continue;
      const value = deref(p.value);
      for (const source of isSeq(value) ? value.items : [value]) {
        const from = deref(source);
        const pair = isMap(from) ? findPair(from, segment, depth + 1) : undefined;
        if (pair) return pair;
      }
    }
    return undefined;
  };
  return (path) => {
    let node: unknown = deref(doc.contents);
    let line = lineAt(node);
    for (const segment of path) {
      if (isMap(node)) {
        const pair = findPair(node, String(segment), 0);
        if (!pair) break;
        line = lineAt(pair.key) ?? line;
        node = deref(pair.value);
      } else if (isSeq(node)) {
        const item = node.items[Number(segment)];
        if (item === undefined) break;
        line = lineAt(item) ?? line;
        node = deref(item);
      } else break;
    }
    return line;
  };
}

/**
 * The same answers as yamlLocator, from the positions the fast reader records (yaml-fast.ts): the line of the key
 * or item for each step of the path, the deepest existing one's for a path going past the document.
 */
export function positionLocator(root: YamlPosition): Locator {
  return (path) => {
    let node = root;
    let line = typeof node === 'number' ? node : node.line;
    for (const segment of path) {
      if (typeof node === 'number') break;
      const next = 'keys' in node ? node.keys.get(String(segment)) : node.items[Number(segment)];
      if (next === undefined) break;
      node = next;
      line = typeof node === 'number' ? node : node.line;
    }
    return line;
  };
}
