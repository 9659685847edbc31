// Output made piece by piece. A report of 500,000 rows is tens of megabytes: the CLI writes it as it is made, and
// nothing holds it whole as one string (the CLI's writer in src/cli/io.ts gathers pieces into 64 KiB writes).

/** An output as the pieces it is written in; joined, they are the whole text. */
export type Chunks = Iterable<string>;

/** The whole text, for callers that want one string (the library API, tests, small outputs). */
export function joinChunks(chunks: Chunks): string {
  let s = '';
  for (const c of chunks) s += c;
  return s;
}

const PLACEHOLDER = '\u0000wspl-streamed-array\u0000';

/**
 * `JSON.stringify(value, null, 2) + '\n'`, byte for byte, where the arrays named in `streamed` are written item by
 * item as they are iterated. In `value` each streamed array's place holds its key (see `streamedSlot`).
 */
export function* prettyJsonChunks(value: unknown, streamed: Map<string, Iterable<unknown>>): Chunks {
  const text = JSON.stringify(value, null, 2);
  // How a slot looks once stringified: the placeholder's NULs are escaped, the key follows up to the closing quote.
  const marker = JSON.stringify(PLACEHOLDER).slice(0, -1);
  let at = 0;
  for (let start = text.indexOf(marker); start !== -1; start = text.indexOf(marker, at)) {
    const end = text.indexOf('"', start + marker.length) + 1;
    const key = text.slice(start + marker.length, end - 1);
    const items = streamed.get(key);
    if (!items) throw new Error(`no items for the streamed array ${key}`);
    // The key's line is indented by its depth; the array's items go one level deeper.
    const line = text.slice(text.lastIndexOf('\n', start) + 1, start);
    const depth = (line.length - line.trimStart().length) / 2;
    yield text.slice(at, start);
    yield* prettyJsonArray(items, depth);
    at = end;
  }
  yield text.slice(at) + '\n';
}

/** What stands in `value` for the streamed array `key` of `prettyJsonChunks`. */
export function streamedSlot(key: string): string {
  return PLACEHOLDER + key;
}

/** An array as JSON.stringify(array, null, 2) prints it when its opening bracket sits at `depth` levels of indent. */
export function* prettyJsonArray(items: Iterable<unknown>, depth: number): Chunks {
  const inner = '\n' + '  '.repeat(depth + 1);
  let first = true;
  for (const item of items) {
    // JSON strings never hold a raw line break, so every line break is the layout's and gets one more level.
    yield (first ? '[' : ',') + inner + JSON.stringify(item, null, 2).replaceAll('\n', inner);
    first = false;
  }
  yield first ? '[]' : '\n' + '  '.repeat(depth) + ']';
}
