import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { inlineText, renderMarkdownText } from './markdown-text.js';
import pc from 'picocolors';
import { visibleLength } from './wrap.js';

const PAGES = [
  ...readdirSync('docs/rules').map((f) => `docs/rules/${f}`),
  ...readdirSync('docs/outcomes').map((f) => `docs/outcomes/${f}`),
].filter((f) => f.endsWith('.md'));

/** The lines of each fenced code block of a page, as written (the fence's indent taken off). */
function codeBlocks(markdown: string): string[][] {
  const blocks: string[][] = [];
  let open: { lead: string; lines: string[] } | undefined;
  for (const line of markdown.split('\n')) {
    const fence = /^(\s*)```/.exec(line);
    if (fence && !open) open = { lead: fence[1] ?? '', lines: [] };
    else if (fence && open) {
      blocks.push(open.lines);
      open = undefined;
    } else if (open) open.lines.push(line.slice(open.lead.length));
  }
  return blocks;
}

describe('docs pages rendered for a terminal', () => {
  it('covers every rule and outcome page', () => {
    expect(PAGES.length).toBeGreaterThan(30);
  });

  for (const file of PAGES) {
    it(`${file}: no raw Markdown left, code blocks indented and verbatim, prose within the width`, () => {
      const markdown = readFileSync(file, 'utf8');
      const text = renderMarkdownText(markdown, { width: 100 });
      const lines = text.split('\n');
      const code = new Set<number>();
      // Each code block's lines appear in order, indented by four, byte for byte.
      let from = 0;
      for (const block of codeBlocks(markdown)) {
        const first = block.findIndex((l) => l !== '');
        const at = lines.indexOf(`    ${block[first] ?? ''}`, from);
        expect(at, `${file}: ${block[first] ?? ''}`).toBeGreaterThanOrEqual(0);
        block.slice(first).forEach((l, k) => {
          expect(lines[at + k]).toBe(l === '' ? '' : `    ${l}`);
          code.add(at + k);
        });
        from = at + block.length - first;
      }
      const prose = lines.filter((_, i) => !code.has(i));
      for (const l of prose) {
        expect(l, `${file}: ${l}`).not.toMatch(/^\s*#{1,6}\s/);
        expect(l).not.toMatch(/```|~~~|\*\*|__/);
        expect(l).not.toMatch(/\]\([^)]*\)/); // [text](url)
        expect(l).not.toMatch(/^\s*>/);
        expect(l).not.toMatch(/^\s*\|/);
        // Lines pass the width only with one word too long for any line (a URL, a host name).
        if (l.length > 100)
          expect(
            l
              .trim()
              .split(' ')
              .some((w) => w.length > 50),
          ).toBe(true);
      }
      expect(text).not.toContain('\u001b');
    });
  }

  it('styles headings with colour on, and underlines the first two levels with rules when off', () => {
    const md = '# rule-id\n\n## Why\n\n### AWS CLI\n\ntext\n';
    expect(renderMarkdownText(md, { color: false })).toBe('rule-id\n=======\n\nWhy\n---\n\nAWS CLI\n\ntext\n');
    const coloured = renderMarkdownText(md, { color: true });
    expect(coloured).toContain(pc.createColors(true).bold('AWS CLI'));
    expect(coloured).not.toMatch(/#|===|---/);
  });

  it('shows links as text (url), drops code ticks and emphasis marks, leaves code spans alone', () => {
    const c = pc.createColors(false);
    expect(inlineText('see [the guide](https://docs.aws.amazon.com/x.html) now', c)).toBe(
      'see the guide (https://docs.aws.amazon.com/x.html) now',
    );
    expect(inlineText('**error** when *none* pass; `a **b** [c](d)`', c)).toBe('error when none pass; a **b** [c](d)');
    expect(inlineText('private_dns_enabled and 2 * 3 * 4', c)).toBe('private_dns_enabled and 2 * 3 * 4');
  });

  it('wraps lists under their text and tables within their columns', () => {
    const md =
      '- first item with enough words to wrap at a narrow width\n  continued here\n- second\n\n' +
      '| Warning | Meaning |\n|---|---|\n| `udp-blocked` | every QUIC endpoint is blocked; the session uses TCP |\n';
    const lines = renderMarkdownText(md, { width: 40 }).trimEnd().split('\n');
    expect(lines[0]).toMatch(/^ {2}• first/);
    expect(lines[1]).toMatch(/^ {4}\S/);
    expect(lines.join(' ')).toContain('continued here');
    const row = lines.findIndex((l) => l.includes('udp-blocked'));
    expect(lines[row + 1]).toMatch(/^ +\S/);
    for (const l of lines) expect(visibleLength(l)).toBeLessThanOrEqual(40);
  });
});
