// `wspl explain <rule-id|OUTCOME|words>`: a rule id or an outcome prints its docs page (what, why, how to fix with the
// AWS CLI, CloudFormation, Terraform and CDK) rendered for a terminal; `--markdown` prints the page as written. Any
// other query lists the pages whose id, title or text holds its words; a query that matches none exits 2 with the
// closest name and the valid ones.
import { InputError } from '../../diagnostics.js';
import { terminalSafe } from '../../input/terminal.js';
import { renderMarkdownText } from '../../report/markdown-text.js';
import { wrapWords } from '../../report/wrap.js';
import type { DocPage } from '../../rules/docs-search.js';
import { textWidth } from '../io.js';
import type { RegisterCommand } from './index.js';

/** The page a query names exactly: a rule id (any case) or an outcome code (any case). */
function namedPage(pages: readonly DocPage[], query: string): DocPage | undefined {
  const q = query.trim();
  return pages.find((p) => (p.kind === 'rule' ? p.name === q.toLowerCase() : p.name === q.toUpperCase()));
}

/** One line a page, its title wrapped under itself; on a narrow terminal the title goes under the name. */
function listing(found: readonly DocPage[], width: number): string {
  const nameWidth = Math.max(...found.map((p) => p.name.length));
  const at = 2 + nameWidth + 2 + 'outcome'.length + 2;
  const under = width - at < 30;
  return found
    .map((p) => {
      if (under) return `  ${p.name}  ${p.kind}\n` + wrapWords(p.title, width, '      ').join('\n') + '\n';
      const lead = `  ${p.name.padEnd(nameWidth)}  ${p.kind.padEnd('outcome'.length)}  `;
      return wrapWords(p.title, width, lead, ' '.repeat(at)).join('\n') + '\n';
    })
    .join('');
}

export const registerExplain: RegisterCommand = (program, io) => {
  program
    .command('explain')
    .description(
      'explain a rule id or a trace outcome: what it means, why, how to fix; other words list the pages that mention them',
    )
    .argument(
      '<query...>',
      'a rule id (e.g. streaming-endpoint-private-dns), an outcome (e.g. NO_REACHABLE_ENDPOINT), or words to look for',
    )
    .option('--markdown', 'print the page as its Markdown source, not rendered for a terminal')
    .action(async (words, opts) => {
      // The pages (and the rules they describe) load only for this command.
      const { closestDocName, docPages, searchDocs } = await import('../../rules/docs-search.js');
      const query = words.join(' ');
      const page = namedPage(docPages(), query);
      if (page) {
        io.out(opts.markdown ? page.text : renderMarkdownText(page.text, { width: textWidth(io), color: io.isTty }));
        return;
      }
      const found = searchDocs(query);
      const shown = terminalSafe(query.length > 80 ? `${query.slice(0, 77)}...` : query);
      if (found.length > 0) {
        const all = docPages().length;
        const head = `${found.length} of ${all} pages mention "${shown}" (rule ids and outcomes; wspl explain NAME prints one):`;
        io.out(wrapWords(head, textWidth(io)).join('\n') + '\n' + listing(found, textWidth(io)));
        return;
      }
      const near = closestDocName(query);
      const rulesList = docPages()
        .filter((p) => p.kind === 'rule')
        .map((p) => `  ${p.name}`)
        .join('\n');
      const outcomes = docPages()
        .filter((p) => p.kind === 'outcome')
        .map((p) => `  ${p.name}`)
        .join('\n');
      throw new InputError(
        `explain: no rule id, outcome or page text matches "${shown}"` +
          (near ? `; did you mean ${near}?` : '') +
          `\nrule ids:\n${rulesList}\noutcomes:\n${outcomes}`,
        [],
        'unknown-name',
      );
    });
};
