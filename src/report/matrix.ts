// `wspl matrix`: every client × WorkSpace in one table, and its JSON form of the contract.
import type { Trace } from '../workspaces/types.js';

export interface MatrixRow {
  client: string;
  workspace: string;
  outcome: string;
  path: string | null;
  transport: string | null;
  port: number | null;
}

export function matrixRows(traces: readonly Trace[]): MatrixRow[] {
  return traces.map((t) => ({
    client: t.client,
    workspace: t.workspace,
    outcome: t.outcome,
    path: t.path,
    transport: t.endpoint?.transport ?? null,
    port: t.endpoint?.port ?? null,
  }));
}

/** One row per line: readable, greppable, and a fifth of the size of fully indented JSON on large estates. */
export function renderMatrixJson(traces: readonly Trace[]): string {
  const rows = matrixRows(traces).map((r) => '  ' + JSON.stringify(r));
  return rows.length === 0 ? '{ "rows": [] }\n' : `{ "rows": [\n${rows.join(',\n')}\n] }\n`;
}

export function renderMatrixText(traces: readonly Trace[]): string {
  const header = ['CLIENT', 'WORKSPACE', 'OUTCOME', 'PATH', 'TRANSPORT', 'FIRST BLOCKER'];
  const rows = traces.map((t) => [
    t.client,
    t.workspace,
    t.outcome,
    t.path ?? '-',
    t.endpoint ? `${t.endpoint.transport} ${t.endpoint.port}` : '-',
    t.blockers[0] ? `${t.blockers[0].resource}${t.blockers.length > 1 ? ` (+${t.blockers.length - 1})` : ''}` : t.missing[0] ? `missing: ${t.missing[0]}` : '',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
  return [line(header), ...rows.map(line)].join('\n') + '\n';
}
