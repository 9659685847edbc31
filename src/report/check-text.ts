// Human output: findings grouped by resource under each source, the undecided checks after them, then totals.
// Colours only when the CLI says stdout is a terminal. Names, messages and file names come from the input and are
// escaped (terminalSafe) so that none can act on the terminal.
import pc from 'picocolors';
import { terminalSafe } from '../input/terminal.js';
import type { Finding, Location, Severity } from '../rules/types.js';
import { summarizeReport } from './check-summary.js';
import { where as whereIn } from './trace-text.js';
import type { Reporter } from './check-types.js';
import { DEFAULT_WIDTH, wrapLine } from './wrap.js';

function where(loc: Location | undefined): string {
  return loc ? terminalSafe(whereIn(loc)) : '';
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export const textReporter: Reporter = function* (report, options = {}) {
  const c = pc.createColors(options.color ?? false);
  const width = options.width ?? DEFAULT_WIDTH;
  // A line longer than the width continues under the text it belongs to (`hang` is that column).
  const fit = (line: string, hang: number) => wrapLine(line, width, hang) + '\n';
  const paint: Record<Severity, (s: string) => string> = { error: c.red, warning: c.yellow, info: c.cyan };
  for (const { source, result, fixes } of report.runs) {
    const active = result.findings.filter((f) => !f.suppressed);
    const suppressed = options.quiet ? [] : result.findings.filter((f) => f.suppressed);
    const unknowns = options.quiet ? [] : result.unknowns;
    if (active.length === 0 && unknowns.length === 0 && suppressed.length === 0) continue;
    yield `${c.underline(terminalSafe(source))}\n`;
    const byResource = new Map<string, Finding[]>();
    for (const f of active) {
      const list = byResource.get(f.resource);
      if (list) list.push(f);
      else byResource.set(f.resource, [f]);
    }
    // In file order, so the report reads top to bottom alongside the source.
    const ordered = [...byResource].sort(([, a], [, b]) => (a[0]?.location?.line ?? 0) - (b[0]?.location?.line ?? 0));
    for (const [resource, findings] of ordered) {
      const loc = where(findings[0]?.location);
      yield fit(`  ${c.bold(terminalSafe(resource))}${loc ? c.dim(`  ${loc}`) : ''}`, 4);
      for (const f of findings) {
        const sev = paint[f.severity](f.severity.padEnd(7));
        const inferred = f.inferred ? c.dim(' (inferred)') : '';
        yield fit(`    ${sev} ${terminalSafe(f.message)}${inferred}  ${c.dim(f.rule)}`, 12);
        // The fix for this setup under the finding: what to edit, and the command with the real ids.
        for (const fix of fixes?.get(f) ?? []) {
          const names = [fix.awsId, fix.logicalId, fix.constructPath, fix.address].filter(Boolean).join(', ');
          if (names) yield fit(c.dim(`            fix ${terminalSafe(fix.resource)} (${terminalSafe(names)})`), 16);
          // A command is never broken, though it may pass the width: a line break would end it when pasted into a
          // shell, and a token cut in two (an id, a CIDR) would change what it does.
          for (const cmd of fix.cli) yield `            ${c.green('$')} ${terminalSafe(cmd)}\n`;
          if (fix.note !== undefined) yield fit(c.dim(`            ${terminalSafe(fix.note)}`), 14);
        }
      }
    }
    if (unknowns.length > 0) {
      yield fit(`  ${c.bold('undecided')} ${c.dim('(not a pass: the input lacks what these checks need)')}`, 4);
      for (const u of unknowns) {
        const text = terminalSafe(`${u.resource}: missing ${u.missing.join('; ')}`);
        yield fit(`    ${c.magenta('unknown')} ${text}  ${c.dim(u.rule)}`, 12);
      }
    }
    if (suppressed.length > 0) {
      // Waived on purpose: shown with the reason the configuration gives, so a review sees what was switched off.
      yield `  ${c.bold('suppressed')} ${c.dim('(by the check configuration)')}\n`;
      for (const f of suppressed) {
        const text = terminalSafe(`${f.resource}: ${f.message}`);
        yield fit(`    ${c.dim(f.severity.padEnd(7))} ${text}  ${c.dim(f.rule)}`, 12);
        yield fit(c.dim(`            reason: ${terminalSafe(f.suppressed?.reason ?? '')}`), 20);
      }
    }
    yield '\n';
  }
  if (options.quiet) return;
  const s = summarizeReport(report);
  const counts = `${plural(s.findings, 'finding')} (${s.error} error, ${s.warning} warning, ${s.info} info)`;
  const extra = [
    `${s.unknown} undecided`,
    `${s.byStatus.pass} rules passed`,
    `${s.byStatus['not-applicable']} not applicable`,
    ...(s.suppressed > 0 ? [`${s.suppressed} suppressed`] : []),
    ...(s.byStatus.off > 0 ? [`${s.byStatus.off} off`] : []),
  ].join(', ');
  const mark = s.error > 0 ? c.red('✖') : s.findings > 0 || s.unknown > 0 ? c.yellow('!') : c.green('✔');
  yield fit(`${mark} ${counts}; ${extra}`, 2);
};
