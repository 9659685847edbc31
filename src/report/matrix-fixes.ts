// `wspl matrix --fix`: under the table, each distinct blocker of the rows once, with its fix for this setup (fixes.ts)
// and how many rows it stops. Many cells share one blocker (one security group stops a whole office), so the fixes
// are listed by blocker, not by row.
import { terminalSafe } from '../input/terminal.js';
import type { MatrixEntry } from '../workspaces/matrix.js';
import type { Trace } from '../workspaces/types.js';
import type { FixFinder } from './fixes.js';
import { joinChunks, type Chunks } from './chunks.js';
import { blockerText } from './reason-text.js';
import { DEFAULT_WIDTH, wrapLine } from './wrap.js';

/** Causes and notes wrap to `width`; commands stay whole, so they can be copied as they are. */
export function* matrixFixesChunks(entries: readonly MatrixEntry[], fixes: FixFinder, width = DEFAULT_WIDTH): Chunks {
  interface Cause {
    head: string;
    /** Commands, kept whole, and words, wrapped. */
    lines: { text: string; command: boolean }[];
    rows: number;
  }
  const byCause = new Map<string, Cause>();
  const seen = new Map<Trace, Set<Cause>>();
  for (const { trace } of entries) {
    let keys = seen.get(trace);
    if (!keys) {
      keys = new Set();
      for (const b of trace.blockers) {
        const head = `${b.resource}: ${blockerText(b)}`;
        let cause = byCause.get(head);
        if (!cause) {
          const fix = fixes.forBlocker(b);
          // What to edit as the input names it: the AWS id, or a template's logical id / construct path / address.
          const names = [fix.awsId, fix.logicalId, fix.constructPath, fix.address].filter(Boolean).join(', ');
          const place = fix.file !== undefined ? `${fix.file}${fix.line !== undefined ? `:${fix.line}` : ''}` : '';
          const edit =
            names || place ? [`edit ${fix.resource}${names ? ` (${names})` : ''}${place ? ` at ${place}` : ''}`] : [];
          cause = {
            head,
            lines: [
              ...edit.map((text) => ({ text, command: false })),
              ...fix.cli.map((c) => ({ text: `$ ${c}`, command: true })),
              ...(fix.note ? [{ text: fix.note, command: false }] : []),
            ],
            rows: 0,
          };
          byCause.set(head, cause);
        }
        keys.add(cause);
      }
      seen.set(trace, keys);
    }
    for (const cause of keys) cause.rows++;
  }
  if (byCause.size === 0) return;
  yield `\nFixes (${byCause.size}):\n`;
  for (const c of byCause.values()) {
    yield wrapLine(`  ${terminalSafe(c.head)} (${c.rows} ${c.rows === 1 ? 'row' : 'rows'})`, width, 6) + '\n';
    for (const l of c.lines) {
      const line = `      ${terminalSafe(l.text)}`;
      yield (l.command ? line : wrapLine(line, width, 8)) + '\n';
    }
  }
}

export function renderMatrixFixes(entries: readonly MatrixEntry[], fixes: FixFinder, width = DEFAULT_WIDTH): string {
  return joinChunks(matrixFixesChunks(entries, fixes, width));
}
