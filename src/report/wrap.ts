// Text output that fits a terminal: the one place that knows how wide a line may be and how to break it. Every text
// renderer takes a width (the CLI passes the terminal's columns when stdout is one, DEFAULT_WIDTH otherwise) and
// breaks its long lines here. Lines break at spaces only: a word longer than the room left (an id, an ARN, a host
// name, a URL) goes whole onto a line of its own and may pass the width, since a token cut in two cannot be copied.

/** The width of text written to a pipe or a file, and of a renderer called without one. */
export const DEFAULT_WIDTH = 100;

/** Narrower than this, tables and indents leave too little room for words: wrap as if this wide. */
export const MIN_WIDTH = 40;

/** How wide to wrap for a terminal of `columns` columns (undefined: not a terminal). */
export function widthFor(columns: number | undefined): number {
  return columns !== undefined && columns > 0 ? Math.max(MIN_WIDTH, Math.floor(columns)) : DEFAULT_WIDTH;
}

// Only the colour codes the renderers add themselves: text from the input has its escapes written out (terminalSafe).
// eslint-disable-next-line no-control-regex -- matching the colour escape is the point
const SGR = /\u001b\[[0-9;]*m/g;

/** Columns the text takes on a terminal: colour codes take none. */
export function visibleLength(text: string): number {
  return text.includes('\u001b') ? text.replace(SGR, '').length : text.length;
}

/**
 * `text` broken at spaces into lines of at most `width` columns, the first starting with `first`, the others with
 * `rest`. Runs of spaces between words are kept inside a line and dropped where the line breaks.
 */
export function wrapWords(text: string, width: number, first = '', rest = first): string[] {
  // Without colour codes every character is a column: words are found with indexOf, not a split into arrays
  // (`wspl logs` wraps a heading per session, a hundred thousand on a large log).
  if (!text.includes('\u001b') && !first.includes('\u001b') && !rest.includes('\u001b')) {
    return wrapPlainWords(text, width, first, rest);
  }
  return wrapWordsBySplit(text, width, first, rest);
}

/** wrapWords for text, first and rest without colour codes: the same lines, found without splitting. */
function wrapPlainWords(text: string, width: number, first: string, rest: string): string[] {
  const lines: string[] = [];
  let line = first;
  let used = first.length;
  let empty = true;
  const n = text.length;
  // Each turn takes the run of spaces at `at` (none at the start) and the word after it, as the split would.
  let at = 0;
  while (at <= n) {
    let wordStart = at;
    while (wordStart < n && text.charCodeAt(wordStart) === 32) wordStart++;
    let wordEnd = text.indexOf(' ', wordStart);
    if (wordEnd === -1) wordEnd = n;
    const gap = wordStart - at;
    const size = wordEnd - wordStart;
    if (size === 0) {
      // Spaces at the end (or an empty text): kept on a line that has room, trimmed below.
      if (!empty) line += text.slice(at, wordStart);
      break;
    }
    if (!empty && used + gap + size > width) {
      lines.push(line.trimEnd());
      line = rest + text.slice(wordStart, wordEnd);
      used = rest.length + size;
    } else {
      line += empty ? text.slice(wordStart, wordEnd) : text.slice(at, wordEnd);
      used += (empty ? 0 : gap) + size;
      empty = false;
    }
    at = wordEnd;
  }
  lines.push(empty ? line : line.trimEnd());
  return lines;
}

/** wrapWords for any text: split into words and runs of spaces, colour codes taking no columns. */
export function wrapWordsBySplit(text: string, width: number, first = '', rest = first): string[] {
  const parts = text.split(/( +)/);
  const lines: string[] = [];
  let line = first;
  let used = visibleLength(first);
  let empty = true;
  for (let i = 0; i < parts.length; i += 2) {
    const word = parts[i] ?? '';
    const gap = i === 0 ? '' : (parts[i - 1] ?? '');
    if (word === '') {
      // Leading or trailing spaces: kept as they are on a line that has room.
      if (!empty) line += gap;
      used += empty ? 0 : gap.length;
      continue;
    }
    const size = visibleLength(word);
    if (!empty && used + gap.length + size > width) {
      lines.push(line.trimEnd());
      line = rest + word;
      used = visibleLength(rest) + size;
      continue;
    }
    line += (empty ? '' : gap) + word;
    used += (empty ? 0 : gap.length) + size;
    empty = false;
  }
  lines.push(empty ? line : line.trimEnd());
  return lines;
}

/**
 * One line of output fitted to `width`: its own indent starts the first line, continuation lines start at column
 * `hang` (default: two more than the indent). A line that fits comes back as it is.
 */
export function wrapLine(line: string, width: number, hang?: number): string {
  if (visibleLength(line) <= width) return line;
  const body = line.trimStart();
  const indent = line.length - body.length;
  // A hang that leaves less than a third of the line for words would stack them one a line: fall back to the indent.
  const wanted = hang ?? indent + 2;
  const at = wanted > width - Math.floor(width / 3) ? Math.min(indent + 2, wanted) : wanted;
  return wrapWords(body, width, line.slice(0, indent), ' '.repeat(at)).join('\n');
}

/** Every line of `text` fitted to `width` (see wrapLine); the line breaks already there stay. */
export function wrapText(text: string, width: number, hang?: number): string {
  return text
    .split('\n')
    .map((l) => wrapLine(l, width, hang))
    .join('\n');
}

/**
 * A name cut to `width` columns with an ellipsis in the middle: both ends stay, since names often differ at the end
 * (office-pc-01, office-pc-02) and begin with what groups them.
 */
export function shortenMiddle(name: string, width: number): string {
  if (name.length <= width) return name;
  if (width < 3) return name.slice(0, width);
  const head = Math.ceil((width - 1) / 2);
  return `${name.slice(0, head)}…${name.slice(name.length - (width - 1 - head))}`;
}

/**
 * Short forms of `names` for a table column `width` wide that stay distinguishable: where two would look the same,
 * the cut moves (keeping more of the end, then more of the start) until they differ; a name that cannot be told apart any
 * other way is shown whole. Names that fit are absent from the map.
 */
export function shortNames(names: Iterable<string>, width: number): Map<string, string> {
  const all = new Set(names);
  const taken = new Set<string>();
  const long: string[] = [];
  for (const n of all) {
    if (n.length <= width) taken.add(n);
    else long.push(n);
  }
  const out = new Map<string, string>();
  for (const n of long.sort()) {
    const room = Math.max(width - 1, 1);
    const cut = (head: number) => `${n.slice(0, head)}…${n.slice(n.length - (room - head))}`;
    const free = (c: string) => !taken.has(c) && !all.has(c);
    // The even split first; on a clash every other split of the room between start and end, more end first.
    let short: string | undefined = cut(Math.ceil(room / 2));
    if (!free(short)) {
      short = undefined;
      for (let head = 0; head <= room && short === undefined; head++) if (free(cut(head))) short = cut(head);
    }
    const shown = short ?? n;
    taken.add(shown);
    out.set(n, shown);
  }
  return out;
}
