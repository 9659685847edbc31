// `wspl matrix`: every client × WorkSpace in one table, and its JSON form of the contract.
import type { MatrixEntry } from '../workspaces/matrix.js';

export interface MatrixRow {
  client: string;
  workspace: string;
  outcome: string;
  path: string | null;
  transport: string | null;
  port: number | null;
}

function rowOf({ client, workspace, trace: t }: MatrixEntry): MatrixRow {
  return {
    client,
    workspace,
    outcome: t.outcome,
    path: t.path,
    transport: t.endpoint?.transport ?? null,
    port: t.endpoint?.port ?? null,
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
  const rows = entries.map(({ client, workspace, trace: t }) => [
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
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)].join('\n') + '\n';
}
