// The docs pages (docs/rules/*.md, docs/outcomes/*.md) as `wspl explain` prints them on a terminal: headings as
// styled lines, paragraphs and lists wrapped to the width, code blocks indented and kept byte for byte (a command or
// template must paste as written), links as "text (url)", tables as aligned columns. Only the Markdown those pages
// use is understood: ATX headings, paragraphs, "> " quotes, "-"/"*"/"1." lists with indented continuation lines,
// fenced code blocks, pipe tables, and inline code, **strong**, *emphasis* and [links](url).
import pc from 'picocolors';
import { DEFAULT_WIDTH, visibleLength, wrapWords } from './wrap.js';

export interface MarkdownTextOptions {
  width?: number;
  /** ANSI colours and bold/underline (the CLI's colour policy: NO_COLOR, --no-color, FORCE_COLOR, a terminal). */
  color?: boolean;
}

type Colors = ReturnType<typeof pc.createColors>;

/** How far code blocks are indented: they stand apart from the prose without a fence. */
const CODE_INDENT = '    ';

const FENCE = /^(\s*)(`{3,}|~{3,})/;
const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
const ITEM = /^(\s*)([-*+]|\d+[.)])\s+(.*)$/;
const TABLE_RULE = /^\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/;

/** Inline Markdown to terminal text: code spans first, so nothing inside them is read as emphasis or a link. */
export function inlineText(text: string, c: Colors): string {
  // A link whose text is code ([`id`](id.md)): the code span stays, the address follows it.
  return text
    .replace(/\[(`[^`]+`)\]\(([^)\s]+)\)/g, (_m, code: string, url: string) => `${code} (${url})`)
    .split(/(`+)([^`]|[^`][\s\S]*?[^`])\1(?!`)/)
    .map((part, i) => {
      // split gives [text, ticks, code, text, ticks, code, …]: every third piece from 2 is a span's content.
      if (i % 3 === 1) return '';
      if (i % 3 === 2) return c.cyan(part.trim() === '' ? part : part.replace(/^ (.*) $/, '$1'));
      return part
        .replace(/!?\[([^\]]+)\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g, (_m, label: string, url: string) =>
          label === url ? c.underline(url) : `${label} (${c.underline(url)})`,
        )
        .replace(/<(https?:\/\/[^>\s]+)>/g, (_m, url: string) => c.underline(url))
        .replace(/\*\*(?=\S)([\s\S]*?\S)\*\*/g, (_m, s: string) => c.bold(s))
        .replace(/__(?=\S)([\s\S]*?\S)__/g, (_m, s: string) => c.bold(s))
        .replace(/(^|[^\w*])\*(?=\S)([^*]*?\S)\*(?![\w*])/g, (_m, pre: string, s: string) => pre + c.italic(s))
        .replace(/(^|[^\w])_(?=\S)([^_]*?\S)_(?![\w])/g, (_m, pre: string, s: string) => pre + c.italic(s));
    })
    .join('');
}

function heading(level: number, text: string, c: Colors, color: boolean): string[] {
  if (color) {
    if (level === 1) return [c.bold(c.underline(c.cyan(text)))];
    if (level === 2) return [c.bold(c.underline(text))];
    return [c.bold(text)];
  }
  // Without colour the first two levels are underlined with a rule, as in plain-text documents.
  const size = visibleLength(text);
  if (level === 1) return [text, '='.repeat(size)];
  if (level === 2) return [text, '-'.repeat(size)];
  return [text];
}

/** A pipe table as aligned columns: each cell wrapped within its column, the header bold. */
function table(rows: string[][], width: number, indent: string, c: Colors): string[] {
  const columns = Math.max(...rows.map((r) => r.length));
  const natural = Array.from({ length: columns }, (_, i) => Math.max(1, ...rows.map((r) => visibleLength(r[i] ?? ''))));
  // Narrow columns keep their natural width; the room left is shared by the wide ones.
  const room = Math.max(columns * 8, width - indent.length - 2 * (columns - 1));
  const widths = [...natural];
  const order = natural.map((w, i) => [w, i] as const).sort((a, b) => a[0] - b[0]);
  let left = room;
  order.forEach(([w, i], k) => {
    const share = Math.floor(left / (columns - k));
    widths[i] = Math.min(w, share);
    left -= widths[i] ?? 0;
  });
  const out: string[] = [];
  rows.forEach((row, r) => {
    const cells = Array.from({ length: columns }, (_, i) => wrapWords(row[i] ?? '', widths[i] ?? 1));
    const height = Math.max(...cells.map((l) => l.length));
    for (let h = 0; h < height; h++) {
      const line = cells
        .map((lines, i) => {
          const text = lines[h] ?? '';
          const pad = ' '.repeat(Math.max(0, (widths[i] ?? 0) - visibleLength(text)));
          return (r === 0 ? c.bold(text) : text) + pad;
        })
        .join('  ');
      out.push((indent + line).trimEnd());
    }
  });
  return out;
}

function cellsOf(line: string): string[] {
  return line
    .trim()
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split('|')
    .map((cell) => cell.trim());
}

/** The page rendered for a terminal `width` columns wide. */
export function renderMarkdownText(markdown: string, options: MarkdownTextOptions = {}): string {
  const width = options.width ?? DEFAULT_WIDTH;
  const color = options.color ?? false;
  const c = pc.createColors(color);
  const lines = markdown.replace(/\r\n/g, '\n').split('\n');
  const out: string[] = [];
  // One blank line between blocks, none at the start.
  const block = (rendered: string[]) => {
    if (out.length > 0 && out[out.length - 1] !== '') out.push('');
    out.push(...rendered);
  };
  const wrap = (text: string, first: string, rest = first) => wrapWords(inlineText(text, c), width, first, rest);

  for (let i = 0; i < lines.length;) {
    const line = lines[i] ?? '';
    if (line.trim() === '') {
      i++;
      continue;
    }
    const fence = FENCE.exec(line);
    if (fence) {
      // Code as written: only the fence's own indent is taken off, and nothing inside is styled or wrapped.
      const [, lead = '', marks = '```'] = fence;
      const code: string[] = [];
      for (i++; i < lines.length && !(lines[i] ?? '').trimStart().startsWith(marks); i++) {
        const text = lines[i] ?? '';
        code.push(text.startsWith(lead) ? text.slice(lead.length) : text.trimStart());
      }
      i++; // the closing fence
      block(code.map((l) => (l === '' ? '' : CODE_INDENT + l)));
      continue;
    }
    const head = HEADING.exec(line);
    if (head) {
      block(heading((head[1] ?? '#').length, inlineText(head[2] ?? '', c), c, color));
      i++;
      continue;
    }
    if (line.startsWith('>')) {
      const quoted: string[] = [];
      for (; i < lines.length && (lines[i] ?? '').startsWith('>'); i++)
        quoted.push((lines[i] ?? '').replace(/^>\s?/, ''));
      block(wrap(quoted.join(' '), '  ').map((l) => (color ? c.italic(l) : l)));
      continue;
    }
    if (line.trimStart().startsWith('|')) {
      const rows: string[][] = [];
      for (; i < lines.length && (lines[i] ?? '').trimStart().startsWith('|'); i++) {
        const row = lines[i] ?? '';
        if (!TABLE_RULE.test(row.trim())) rows.push(cellsOf(row).map((cell) => inlineText(cell, c)));
      }
      block(table(rows, width, '  ', c));
      continue;
    }
    const item = ITEM.exec(line);
    if (item) {
      // A list: each item with the lines indented under it, wrapped with a hanging indent.
      const rendered: string[] = [];
      while (i < lines.length) {
        const m = ITEM.exec(lines[i] ?? '');
        if (!m) break;
        const [, lead = '', mark = '-', first = ''] = m;
        const words = [first];
        for (i++; i < lines.length; i++) {
          const next = lines[i] ?? '';
          if (next.trim() === '' || ITEM.test(next) || !/^\s/.test(next)) break;
          words.push(next.trim());
        }
        const bullet = /\d/.test(mark) ? mark : '•';
        const prefix = `${'  '.repeat(Math.min(3, Math.floor(lead.length / 2)))}  ${bullet} `;
        rendered.push(...wrap(words.join(' '), prefix, ' '.repeat(prefix.length)));
        // Blank lines between items keep the list together.
        while (i < lines.length && (lines[i] ?? '').trim() === '' && ITEM.test(lines[i + 1] ?? '')) i++;
      }
      block(rendered);
      continue;
    }
    // A paragraph: its lines joined and wrapped again to the width.
    const words: string[] = [];
    for (; i < lines.length; i++) {
      const next = lines[i] ?? '';
      if (next.trim() === '' || FENCE.test(next) || HEADING.test(next) || next.startsWith('>') || ITEM.test(next))
        break;
      if (next.trimStart().startsWith('|')) break;
      words.push(next.trim());
    }
    block(wrap(words.join(' '), ''));
  }
  return out.join('\n') + '\n';
}
