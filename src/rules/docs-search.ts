// Finding a docs page from words (`wspl explain dns`): every rule page and outcome page whose id, title or text holds
// all the words of the query, case-insensitive; and, when none does, the id or outcome closest to a misspelt name.
import { editDistance } from '../model/regions.js';
import { OUTCOMES } from '../model/outcomes.js';
import { readOutcomeDoc, readRuleDoc } from './docs.js';
import { rules } from './index.js';

export interface DocPage {
  kind: 'rule' | 'outcome';
  /** The rule id or the outcome code: what `wspl explain` takes. */
  name: string;
  /** A rule's description; an outcome page's first sentence. */
  title: string;
  /** The page's Markdown. */
  text: string;
}

/** The first sentence of the page's first paragraph (outcome pages have no description line). */
function firstSentence(markdown: string): string {
  const paragraph = markdown.split(/\n\s*\n/).find((p) => p.trim() !== '' && !p.trimStart().startsWith('#')) ?? '';
  const flat = paragraph.replace(/\s+/g, ' ').trim();
  const end = flat.search(/\.(\s|$)/);
  return (end === -1 ? flat : flat.slice(0, end + 1)).replace(/`/g, '');
}

let pages: DocPage[] | undefined;

/** Every rule page, then every outcome page, read once. */
export function docPages(): DocPage[] {
  pages ??= [
    ...rules.map((r) => ({
      kind: 'rule' as const,
      name: r.meta.id,
      title: r.meta.description,
      text: readRuleDoc(r.meta.id),
    })),
    ...OUTCOMES.map((o) => {
      const text = readOutcomeDoc(o);
      return { kind: 'outcome' as const, name: o, title: firstSentence(text), text };
    }),
  ];
  return pages;
}

/**
 * The pages that hold every word of `query` in their name, title or text (case-insensitive), those whose name holds
 * them all first, then those whose name or title does, then the rest; none for a query without words.
 */
export function searchDocs(query: string): DocPage[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  const all = (text: string) => words.every((w) => text.toLowerCase().includes(w));
  const rank = (p: DocPage) => (all(p.name) ? 0 : all(`${p.name}\n${p.title}`) ? 1 : 2);
  return docPages()
    .filter((p) => all(`${p.name}\n${p.title}\n${p.text}`))
    .map((p, i) => ({ p, i, r: rank(p) }))
    .sort((a, b) => a.r - b.r || a.i - b.i)
    .map(({ p }) => p);
}

/** The rule id or outcome a misspelt name was most likely meant to be, if one is close enough to say so. */
export function closestDocName(query: string): string | undefined {
  const q = query.trim();
  // A long query is words, not a misspelt name: comparing it costs time and finds nothing worth offering.
  if (q === '' || q.length > 64) return undefined;
  let best: { name: string; d: number } | undefined;
  for (const p of docPages()) {
    const d = editDistance(p.kind === 'outcome' ? q.toUpperCase() : q.toLowerCase(), p.name);
    if (d <= Math.max(2, Math.floor(p.name.length / 5)) && (!best || d < best.d)) best = { name: p.name, d };
  }
  return best?.name;
}
