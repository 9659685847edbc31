import { terminalSafe } from '../input/terminal.js';
import type { WhatifResult } from '../workspaces/lifecycle.js';
import type { Blocker } from '../workspaces/types.js';
import type { FixFinder } from './fixes.js';
import { blockerText } from './reason-text.js';
import { fixLines, plain, verdict } from './trace-text.js';
import { fateText } from './trace-words.js';
import { DEFAULT_WIDTH, wrapLine } from './wrap.js';

/** Lines to print; a fix command is kept whole (a command broken over lines would not paste into a shell). */
class Lines {
  private readonly lines: string[] = [];
  private readonly whole = new Set<number>();

  push(...lines: string[]): void {
    this.lines.push(...lines);
  }

  /** A blocker, and under it the fix for this setup when there is one (the same as `trace` prints). */
  blocker(b: Blocker, indent: string, fixes: FixFinder | undefined, workspace: string): void {
    this.lines.push(`${indent}✗ ${b.resource}: ${blockerText(b)}`);
    for (const l of fixLines(fixes?.forBlocker(b, workspace), `${indent}    `, plain)) {
      if (l.whole) this.whole.add(this.lines.length);
      this.lines.push(l.line);
    }
  }

  get length(): number {
    return this.lines.length;
  }

  /** Names and the change come from the input, so none may act on the terminal. */
  render(width: number): string {
    return (
      this.lines
        .map((line, i) => (this.whole.has(i) ? terminalSafe(line) : wrapLine(terminalSafe(line), width)))
        .join('\n') + '\n'
    );
  }
}

export interface WhatifTextOptions {
  /** Only the changes after which the running session drops or a new session's outcome changes. */
  quiet?: boolean;
  /** With it, each blocker is followed by its fix (ids and files of the input: the changes are what-ifs). */
  fixes?: FixFinder;
}

export function renderWhatifText(r: WhatifResult, width = DEFAULT_WIDTH, opts: WhatifTextOptions = {}): string {
  if (opts.quiet === true) return quietWhatif(r, width, opts.fixes);
  const ws = r.initial.workspace;
  const out = new Lines();
  out.push(`${r.initial.client} → ${ws} now: ${verdict(r.initial)}`);
  if (r.initial.outcome !== 'CONNECTED') {
    out.push('No session runs before the changes. Why a new one does not connect now:');
    for (const b of r.initial.blockers) out.blocker(b, '  ', opts.fixes, ws);
    for (const m of r.initial.missing) out.push(`  ? missing: ${m}`);
  }
  r.changes.forEach((c, i) => {
    out.push('', `${i + 1}. ${c.change}`);
    out.push(`   running session: ${c.existing} — ${fateText(c.reason)}`);
    out.push(`   new session:     ${verdict(c.new)}`);
    for (const b of c.new.blockers) out.blocker(b, '     ', opts.fixes, ws);
    for (const m of c.new.missing) out.push(`     ? missing: ${m}`);
  });
  return out.render(width);
}

function quietWhatif(r: WhatifResult, width: number, fixes: FixFinder | undefined): string {
  const out = new Lines();
  let before = verdict(r.initial);
  r.changes.forEach((c, i) => {
    const now = verdict(c.new);
    if (c.existing === 'disconnected' || now !== before) {
      out.push(`${i + 1}. ${c.change}: new session ${before} ⇒ ${now}`);
      if (c.existing === 'disconnected') out.push(`   running session: disconnected — ${fateText(c.reason)}`);
      for (const b of c.new.blockers) out.blocker(b, '   ', fixes, r.initial.workspace);
    }
    before = now;
  });
  return out.length === 0 ? '' : out.render(width);
}
