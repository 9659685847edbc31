// `wspl matrix`: every client × WorkSpace in one table, and its JSON form of the contract.
import { terminalSafe } from '../input/terminal.js';
import type { MatrixEntry } from '../workspaces/matrix.js';
import type { Trace } from '../workspaces/types.js';
import { blockerText } from './reason-text.js';
import { warningDetail } from './trace-words.js';

export interface MatrixCause {
  resource: string;
  kind: string;
  /** The typed reason's code ("sg-no-rule", "private-dns-off"). */
  reason: string;
  ruleId?: string;
  phase?: 'forward' | 'return';
  detail: string;
}

export interface MatrixRow {
  client: string;
  workspace: string;
  outcome: string;
  path: string | null;
  transport: string | null;
  port: number | null;
  blockers: MatrixCause[];
  warnings: { code: string; resource?: string; detail: string }[];
}

/** WorkSpaces that share a trace share its causes: worded once per trace, not once per cell. */
const causesOf = new WeakMap<Trace, Pick<MatrixRow, 'blockers' | 'warnings'>>();

function causes(t: Trace): Pick<MatrixRow, 'blockers' | 'warnings'> {
  let c = causesOf.get(t);
  if (!c) {
    c = {
      blockers: t.blockers.map((b) => ({
        resource: b.resource,
        kind: b.kind,
        reason: b.reason.code,
        ...(b.ruleId !== undefined ? { ruleId: b.ruleId } : {}),
        ...(b.phase === 'return' ? { phase: b.phase } : {}),
        detail: blockerText(b),
      })),
      warnings: t.warnings.map((w) => ({
        code: w.code,
        ...(w.resource !== undefined ? { resource: w.resource } : {}),
        detail: warningDetail(w),
      })),
    };
    causesOf.set(t, c);
  }
  return c;
}

function rowOf({ client, workspace, trace: t }: MatrixEntry): MatrixRow {
  return {
    client,
    workspace,
    outcome: t.outcome,
    path: t.path,
    transport: t.endpoint?.transport ?? null,
    port: t.endpoint?.port ?? null,
    ...causes(t),
  };
}

export function matrixRows(entries: readonly MatrixEntry[]): MatrixRow[] {
  return entries.map(rowOf);
}

/** One row per line: readable, greppable, and a fifth of the size of fully indented JSON on large estates. */
export function renderMatrixJson(entries: readonly MatrixEntry[]): string {
  if (entries.length === 0) return '{ "rows": [] }\n';
  const parts: string[] = [];
  for (const e of entries) parts.push('  ' + JSON.stringify(rowOf(e)));
  return `{ "rows": [\n${parts.join(',\n')}\n] }\n`;
}

export function renderMatrixText(entries: readonly MatrixEntry[]): string {
  const header = ['CLIENT', 'WORKSPACE', 'OUTCOME', 'PATH', 'TRANSPORT', 'FIRST BLOCKER'];
  // Names come from the input: escaped so that none can act on the terminal or break the table's lines.
  const rows = entries.map(({ client, workspace, trace: t }) =>
    [
      client,
      workspace,
      t.outcome,
      t.path ?? '-',
      t.endpoint ? `${t.endpoint.transport} ${t.endpoint.port}` : '-',
      t.blockers[0]
        ? `${t.blockers[0].resource}${t.blockers.length > 1 ? ` (+${t.blockers.length - 1})` : ''}`
        : t.missing[0]
          ? `missing: ${t.missing[0]}`
          : '',
    ].map(terminalSafe),
  );
  // A loop, not Math.max(...rows): spreading 100,000+ rows as arguments overflows the stack.
  const widths = header.map((h) => h.length);
  for (const r of rows) r.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)].join('\n') + '\n';
}
