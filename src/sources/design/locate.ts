// Maps a dotted path in the parsed YAML back to a 1-based line: the line of the key for map entries, of the item
// for sequence entries. When the path goes deeper than the document (a missing field), the deepest existing
// ancestor's line is returned, which is where the user has to add it.
import { isMap, isScalar, isSeq, type Document, type LineCounter } from 'yaml';
import type { PathSegment } from './paths.js';

export type Locator = (path: readonly PathSegment[]) => number | undefined;

function keyText(key: unknown): string {
  return isScalar(key) ? String(key.value) : String(key);
}

export function yamlLocator(doc: Document, lines: LineCounter): Locator {
  const lineAt = (offset: number | undefined) => (offset === undefined ? undefined : lines.linePos(offset).line);
  return (path) => {
    let node: unknown = doc.contents;
    let line = lineAt(isMap(node) || isSeq(node) ? node.range?.[0] : undefined);
    for (const segment of path) {
      if (isMap(node)) {
        const pair = node.items.find((p) => keyText(p.key) === String(segment));
        if (!pair) break;
        const keyNode = pair.key as { range?: [number, number, number] } | null;
        line = lineAt(keyNode?.range?.[0]) ?? line;
        node = pair.value;
      } else if (isSeq(node)) {
        const item = node.items[Number(segment)] as { range?: [number, number, number] } | undefined;
        if (!item) break;
        line = lineAt(item.range?.[0]) ?? line;
        node = item;
      } else break;
    }
    return line;
  };
}
