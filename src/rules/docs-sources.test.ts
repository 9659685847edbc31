// Every rule and outcome page cites its sources as a reader can follow them: AWS pages by their https address, the
// seed article (a public blog post) by its title and address, and nothing by a path of this repository or of the
// project's working notes.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rules } from './index.js';

const SEED_TITLE = 'Amazon WorkSpaces Personalでストリーミング用のPrivateLinkがサポートされていたので試してみた';
const SEED_URL = 'https://dev.classmethod.jp/articles/try-amazon-workspaces-privatelink';
const HOSTS = ['docs.aws.amazon.com', 'aws.amazon.com', 'dev.classmethod.jp'];

const PAGES = [
  ...readdirSync('docs/rules')
    .filter((f) => f.endsWith('.md') && f !== 'README.md')
    .map((f) => `docs/rules/${f}`),
  ...readdirSync('docs/outcomes')
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/outcomes/${f}`),
];

/** The page without its fenced code blocks (examples, not citations). */
function prose(markdown: string): string {
  return markdown.replace(/^(\s*)```[\s\S]*?^\1```/gm, '');
}

/** The "## Sources" section's list items. */
function sources(markdown: string): string[] {
  const at = markdown.indexOf('\n## Sources\n');
  if (at === -1) return [];
  const rest = markdown.slice(at + '\n## Sources\n'.length);
  const end = rest.search(/^## /m);
  const section = end === -1 ? rest : rest.slice(0, end);
  return section
    .split(/\n(?=- )/)
    .map((item) => item.replace(/\s+/g, ' ').trim())
    .filter((item) => item !== '');
}

/** A relative path, a file name, or a path into the project's notes or the seed's file: not a source a reader has. */
function badCitation(item: string): string | undefined {
  for (const m of item.matchAll(/\]\(([^)]*)\)/g)) {
    const target = m[1] ?? '';
    if (!target.startsWith('https://')) return `link to ${target}`;
    if (!HOSTS.includes(new URL(target).hostname)) return `link to an unexpected host ${target}`;
  }
  const text = item.replace(/https:\/\/\S+?(?=[)>\s]|$)/g, '');
  if (/\.\.\/|(^|[\s(])\.\/|shared\/|research\/|seed\/|000_e5880ac4f712514d/.test(text)) return 'a local path';
  const file = /(^|[\s(`])[\w.-]+\.(md|txt|ya?ml|json|ts|js|html)\b/.exec(text);
  if (file) return `a bare file name ${file[0].trim()}`;
  if (/\bhttp:\/\//.test(item)) return 'an http (not https) address';
  return undefined;
}

describe('the sources of every rule and outcome page', () => {
  it('finds the pages', () => {
    expect(PAGES.length).toBe(rules.length + 8);
  });

  it('catches what it must: relative links, file names, local paths', () => {
    expect(badCitation('- [guide](../outcomes/UNKNOWN.md)')).toMatch(/link to/);
    expect(badCitation('- see domain.md')).toMatch(/bare file name/);
    expect(badCitation('- ../shared/seed/000_e5880ac4f712514d.txt')).toBeDefined();
    expect(badCitation('- research/next-round.md §B')).toBeDefined();
    expect(badCitation('- [page](http://docs.aws.amazon.com/x.html)')).toBeDefined();
    expect(badCitation('- [page](https://example.com/x.html)')).toMatch(/unexpected host/);
    expect(badCitation('- [Guide](https://docs.aws.amazon.com/workspaces/latest/adminguide/x.html)')).toBeUndefined();
  });

  for (const file of PAGES) {
    it(`${file}: a Sources section of real citations`, () => {
      const markdown = readFileSync(file, 'utf8');
      const items = sources(markdown);
      expect(items.length, `${file} has no "## Sources" list`).toBeGreaterThan(0);
      for (const item of items) {
        expect(item, file).toMatch(/^- /);
        expect(badCitation(item), `${file}: ${item}`).toBeUndefined();
        // An AWS page named with an address is linked by it, not written as bare text.
        if (/https:\/\//.test(item)) expect(item).toMatch(/\]\(https:\/\/[^)]+\)/);
      }
      // The seed: by its title and address, wherever the page leans on it.
      const seed = items.filter((i) => /seed/i.test(i));
      if (/\bseed\b/i.test(prose(markdown).split('\n## Sources\n')[0] ?? '')) expect(seed.length, file).toBe(1);
      for (const i of seed) expect(i).toContain(`[${JSON.stringify(SEED_TITLE)}](${SEED_URL})`);
      // Nowhere on the page (code aside) a path into the project's notes.
      expect(prose(markdown)).not.toMatch(/\.\.\/shared|research[/:]|seed\/000_/);
    });
  }

  for (const r of rules) {
    it(`${r.meta.id}: every address in the rule's meta is cited in the Sources section`, () => {
      const items = sources(readFileSync(`docs/rules/${r.meta.id}.md`, 'utf8')).join('\n');
      for (const s of r.meta.sources) if (s.startsWith('https://')) expect(items).toContain(`](${s})`);
      if (r.meta.sources.includes('seed')) expect(items).toContain(SEED_URL);
    });
  }
});
