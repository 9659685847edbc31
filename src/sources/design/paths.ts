// Dotted paths into a design document: "vpcs.vpc1.instances.nat.state". A segment holding a dot (a route-table
// destination such as 0.0.0.0/0) is written in double quotes: vpcs.vpc1.routeTables.public."0.0.0.0/0".
// Diagnostics, provenance and `whatif` changes all use this one form.

export type PathSegment = string | number;

function needsQuotes(segment: string): boolean {
  return segment === '' || /[."=\s\\]/.test(segment);
}

export function formatPath(path: readonly PathSegment[]): string {
  return path.map((s) => (typeof s === 'number' || !needsQuotes(s) ? String(s) : JSON.stringify(s))).join('.');
}

/**
 * Reads a dotted path from the start of `text`. Stops at the first unquoted character in `stopAt` and returns the
 * rest, so `set:PATH=VALUE` can be split without guessing where the path ends.
 */
export function readPath(text: string, stopAt = ''): { path: string[]; rest: string } | { error: string } {
  const path: string[] = [];
  let i = 0;
  for (;;) {
    let segment = '';
    if (text[i] === '"') {
      const end = findClosingQuote(text, i);
      if (end < 0) return { error: `unclosed quote in path "${text}"` };
      segment = JSON.parse(text.slice(i, end + 1)) as string;
      i = end + 1;
    } else {
      while (i < text.length && text[i] !== '.' && !stopAt.includes(text[i] ?? '')) segment += text[i++] ?? '';
      if (segment === '') return { error: `empty segment in path "${text}"` };
    }
    path.push(segment);
    if (text[i] === '.') {
      i++;
      continue;
    }
    if (i < text.length && !stopAt.includes(text[i] ?? ''))
      return { error: `unexpected "${text[i]}" in path "${text}"` };
    return { path, rest: text.slice(i) };
  }
}

function findClosingQuote(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '"') return i;
  }
  return -1;
}
