// `wspl whatif` over the whole estate (no --client/--workspace): after each change, the cells that change and the
// running sessions that drop, in JSON (all of them) and in text (the first LIST_LIMIT of each, then a count).
import { terminalSafe } from '../input/terminal.js';
import type { CellChange, EstateWhatif } from '../workspaces/estate-whatif.js';
import type { Trace } from '../workspaces/types.js';
import { blockerText } from './reason-text.js';
import { verdict } from './trace-text.js';
import { fateText } from './trace-words.js';
import { DEFAULT_WIDTH, wrapLine } from './wrap.js';

/** How many changed cells and dropped sessions the text lists per change; JSON lists every one. */
export const LIST_LIMIT = 200;

function cellJson(t: Trace | undefined) {
  if (!t) return null;
  const b = t.blockers[0];
  return {
    outcome: t.outcome,
    path: t.path,
    transport: t.endpoint?.transport ?? null,
    port: t.endpoint?.port ?? null,
    ...(b ? { cause: { resource: b.resource, reason: b.reason.code, ruleId: b.ruleId, detail: blockerText(b) } } : {}),
  };
}

export function whatifEstateJson(r: EstateWhatif) {
  return {
    cells: r.cells,
    connected: r.connected,
    changes: r.steps.map((s) => ({
      change: s.change,
      changed: s.changed.map((c) => ({
        client: c.client,
        workspace: c.workspace,
        fields: c.fields,
        before: cellJson(c.before),
        after: cellJson(c.after),
      })),
      unchanged: s.unchanged,
      running: s.running,
      dropped: s.dropped.map((d) => ({
        client: d.client,
        workspace: d.workspace,
        existingReason: fateText(d.reason),
        fate: d.reason,
        ...(d.inferred ? { inferred: true } : {}),
      })),
      traces: s.traces,
    })),
  };
}

export function renderWhatifEstateJson(r: EstateWhatif): string {
  return JSON.stringify(whatifEstateJson(r), null, 2) + '\n';
}

function stateText(t: Trace | undefined): string {
  if (!t) return '(not in the setup)';
  const b = t.blockers[0];
  return b ? `${verdict(t)} (${b.resource}: ${blockerText(b)})` : verdict(t);
}

function cellLine(c: CellChange): string {
  const was = c.before?.outcome === 'CONNECTED';
  const is = c.after?.outcome === 'CONNECTED';
  // + now connects, ✗ no longer connects, ~ something else changes (the path, the transport, the failure).
  const mark = is && !was ? '+' : was && !is ? '✗' : '~';
  return `   ${mark} ${c.client} → ${c.workspace}: ${c.before ? verdict(c.before) : '(not in the setup)'} ⇒ ${stateText(c.after)}`;
}

/** `quiet`: only the cells that change and the sessions that drop, under each change that has any. */
export function renderWhatifEstateText(r: EstateWhatif, width = DEFAULT_WIDTH, opts: { quiet?: boolean } = {}): string {
  const quiet = opts.quiet === true;
  const out = quiet
    ? []
    : [`Whole estate: ${r.cells} cells, ${r.connected} connected now (each a session that may be running).`];
  r.steps.forEach((s, i) => {
    if (quiet && s.changed.length === 0 && s.dropped.length === 0) return;
    if (!quiet || out.length > 0) out.push('');
    out.push(`${i + 1}. ${s.change}`);
    if (!quiet)
      out.push(
        `   ${s.changed.length} cell${s.changed.length === 1 ? '' : 's'} change, ${s.unchanged} unchanged (traces predicted again: ${s.traces.computed} of ${s.traces.full})`,
      );
    for (const c of s.changed.slice(0, LIST_LIMIT)) out.push(cellLine(c));
    if (s.changed.length > LIST_LIMIT)
      out.push(`   … and ${s.changed.length - LIST_LIMIT} more (--format json lists all)`);
    if (!quiet) out.push(`   running sessions: ${s.running}, dropped by this change: ${s.dropped.length}`);
    for (const d of s.dropped.slice(0, LIST_LIMIT))
      out.push(`   ✗ ${d.client} → ${d.workspace}: disconnected — ${fateText(d.reason)}`);
    if (s.dropped.length > LIST_LIMIT)
      out.push(`   … and ${s.dropped.length - LIST_LIMIT} more (--format json lists all)`);
  });
  return out.length === 0 ? '' : out.map((line) => wrapLine(terminalSafe(line), width)).join('\n') + '\n';
}
