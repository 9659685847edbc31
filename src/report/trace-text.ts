// `wspl trace` as a story an engineer can follow: the verdict, each step with the hops that decided it, then
// every blocker with the setting to change and where it is written. Every name and value from the input is escaped
// (terminalSafe): a control character in a name must not act on the terminal.
import { terminalSafe as e } from '../input/terminal.js';
import type { Provenance } from '../model/types.js';
import type { Hop, Trace } from '../workspaces/types.js';
import type { Fix, FixFinder } from './fixes.js';
import { blockerText } from './reason-text.js';
import { hopAction, hopDetail, stepDetail, warningDetail } from './trace-words.js';
import { DEFAULT_WIDTH, wrapLine } from './wrap.js';

export interface Style {
  bold(s: string): string;
  red(s: string): string;
  green(s: string): string;
  yellow(s: string): string;
  dim(s: string): string;
}

export const plain: Style = { bold: (s) => s, red: (s) => s, green: (s) => s, yellow: (s) => s, dim: (s) => s };

/** file:line[:column], and the construct path (CDK) or address (Terraform) that names the resource there. */
export function where(
  p: Pick<Provenance, 'file' | 'line' | 'column' | 'constructPath' | 'address'> | undefined,
): string {
  if (!p) return '';
  const at = p.line !== undefined ? `${p.file}:${p.line}${p.column !== undefined ? `:${p.column}` : ''}` : p.file;
  const name = p.constructPath ?? p.address;
  return name !== undefined ? `${at} (${name})` : at;
}

function hopLine(h: Hop, s: Style): string {
  const mark =
    h.result === 'denied' || h.result === 'dropped'
      ? s.red('✗')
      : h.result === 'unknown'
        ? s.yellow('?')
        : s.green('✓');
  const loc = where(h.location);
  return `     ${mark} ${e(h.node)}  ${hopAction(h)}: ${e(hopDetail(h))}${loc ? s.dim(`  (${e(loc)})`) : ''}`;
}

export function verdict(t: Trace): string {
  if (t.outcome === 'CONNECTED' && t.endpoint) {
    const path = t.path === 'privatelink' ? 'PrivateLink' : 'the internet';
    return `CONNECTED via ${path}, ${t.endpoint.transport} ${t.endpoint.port}${t.endpoint.address ? ` to ${t.endpoint.address}` : ''}`;
  }
  return t.outcome;
}

/** The story fitted to `width` columns: long lines continue two columns in from where they start. */
export function renderTraceText(t: Trace, s: Style = plain, fixes?: FixFinder, width = DEFAULT_WIDTH): string {
  const out: string[] = [];
  // Lines never broken: a fix command split over lines would not paste into a shell as one (it may pass the width).
  const whole = new Set<number>();
  // A step's detail is a paragraph: it continues at its own indent, not under a mark.
  const paragraph = new Set<number>();
  const head = `${e(t.client)} → ${e(t.workspace)}: ${verdict(t)}`;
  out.push(
    t.outcome === 'CONNECTED'
      ? s.bold(s.green(head))
      : t.outcome === 'UNKNOWN'
        ? s.bold(s.yellow(head))
        : s.bold(s.red(head)),
  );
  if (t.endpoint) out.push(`  ${e(t.endpoint.hostname)}`);
  out.push('');
  t.steps.forEach((step, i) => {
    const status =
      step.status === 'ok'
        ? s.green('ok')
        : step.status === 'fail'
          ? s.red('FAIL')
          : step.status === 'unknown'
            ? s.yellow('UNKNOWN')
            : s.dim('skipped');
    out.push(`${i + 1}. ${step.step.padEnd(12)} ${status}${step.inferred ? s.dim(' (inferred)') : ''}`);
    paragraph.add(out.length);
    out.push(`   ${e(stepDetail(step, t.probes))}`);
    for (const h of step.hops ?? []) out.push(hopLine(h, s));
  });
  if (t.probes.some((p) => p.hops.length > 0)) {
    // The hops of the chosen endpoint, and of every probe that did not pass; other reachable ones in one line each.
    out.push('', "Probes, in the client's order:");
    const chosen = t.endpoint ? t.probes.find((p) => p.reachable === true) : undefined;
    for (const p of t.probes) {
      const r =
        p.reachable === true
          ? s.green('reachable')
          : p.reachable === 'unknown'
            ? s.yellow('unknown')
            : s.red('blocked');
      out.push(
        `   ${p.transport} ${p.port}${p.address ? ` ${p.address}` : ''}: ${r}${p === chosen ? ' (chosen)' : ''}`,
      );
      if (p === chosen || p.reachable !== true) for (const h of p.hops) out.push(hopLine(h, s));
    }
  }
  if (t.blockers.length > 0) {
    out.push('', s.bold(`Blocked by (${t.blockers.length}; fix all of them):`));
    for (const b of t.blockers) {
      const loc = where(b.location);
      const tags = [
        b.kind,
        b.ruleId,
        b.phase === 'return' ? 'return traffic' : undefined,
        b.inferred ? 'inferred' : undefined,
      ]
        .filter(Boolean)
        .join(', ');
      out.push(`  ${s.red('✗')} ${e(b.resource)}: ${e(blockerText(b))}`);
      out.push(s.dim(`      [${tags}]${loc ? ` ${e(loc)}` : ''}`));
      for (const l of fixLines(fixes?.forBlocker(b, t.workspace), '      ', s)) {
        if (l.whole) whole.add(out.length);
        out.push(l.line);
      }
    }
  }
  if (t.warnings.length > 0) {
    out.push('', s.bold('Warnings:'));
    for (const w of t.warnings)
      out.push(`  ${s.yellow('!')} ${w.code}: ${e(warningDetail(w))}${w.inferred ? s.dim(' (inferred)') : ''}`);
  }
  if (t.missing.length > 0) {
    out.push('', s.bold('Missing from the input (the answer cannot be decided without them):'));
    for (const m of t.missing) out.push(`  ? ${e(m)}`);
  }
  return (
    out.map((line, i) => (whole.has(i) ? line : wrapLine(line, width, paragraph.has(i) ? 3 : undefined))).join('\n') +
    '\n'
  );
}

/**
 * A blocker's fix under it, as trace and whatif print it: each command on a line of its own that must not be wrapped
 * (a command broken over lines would not paste into a shell as one), then the note.
 */
export function fixLines(fix: Fix | undefined, indent: string, s: Style): { line: string; whole: boolean }[] {
  if (fix === undefined) return [];
  const lines = fix.cli.map((cmd) => ({ line: `${indent}${s.green('$')} ${e(cmd)}`, whole: true }));
  if (fix.note !== undefined) lines.push({ line: s.dim(`${indent}fix: ${e(fix.note)}`), whole: false });
  return lines;
}

/** `wspl trace --quiet`: the outcome line only. */
export function renderTraceHeadline(t: Trace): string {
  return `${e(t.client)} → ${e(t.workspace)}: ${verdict(t)}\n`;
}
