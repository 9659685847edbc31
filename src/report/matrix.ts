// `wspl matrix`: every client × WorkSpace in one table, and its JSON form of the contract.
import { terminalSafe } from '../input/terminal.js';
import type { IntentResult } from '../workspaces/expectations.js';
import type { MatrixEntry } from '../workspaces/matrix.js';
import { intentsJson } from './intents.js';
import type { Trace } from '../workspaces/types.js';
import { blockerText } from './reason-text.js';
import { joinChunks, type Chunks } from './chunks.js';
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

/**
 * A row as JSON: what follows the names is the trace's, the same for every WorkSpace that shares the trace, so it is
 * serialised once per trace and joined to each cell's names. Byte for byte `JSON.stringify(rowOf(entry))`.
 */
const rowTails = new WeakMap<Trace, string>();

function rowJson(e: MatrixEntry): string {
  let tail = rowTails.get(e.trace);
  if (tail === undefined) {
    const { client: _c, workspace: _w, ...rest } = rowOf(e);
    tail = ',' + JSON.stringify(rest).slice(1);
    rowTails.set(e.trace, tail);
  }
  return `{"client":${JSON.stringify(e.client)},"workspace":${JSON.stringify(e.workspace)}${tail}`;
}

export function matrixRows(entries: readonly MatrixEntry[]): MatrixRow[] {
  return entries.map(rowOf);
}

/** One row per line: readable, greppable, and a fifth of the size of fully indented JSON on large estates. */
export function* matrixJsonChunks(entries: Iterable<MatrixEntry>, intents: readonly IntentResult[] = []): Chunks {
  // The intents, when the input states any: after the rows, one per line like them.
  const tail =
    intents.length === 0
      ? ''
      : `, "expectations": [\n${intentsJson(intents)
          .map((i) => '  ' + JSON.stringify(i))
          .join(',\n')}\n]`;
  let first = true;
  for (const e of entries) {
    yield (first ? '{ "rows": [\n  ' : ',\n  ') + rowJson(e);
    first = false;
  }
  yield first ? `{ "rows": []${tail} }\n` : `\n]${tail} }\n`;
}

export function renderMatrixJson(entries: readonly MatrixEntry[], intents: readonly IntentResult[] = []): string {
  return joinChunks(matrixJsonChunks(entries, intents));
}

const HEADER = ['CLIENT', 'WORKSPACE', 'OUTCOME', 'PATH', 'TRANSPORT', 'FIRST CAUSE'];

/** Names longer than this are shortened in the middle in the table (the cause never is). */
const NAME_WIDTH = 32;

/** "very-long-client…-name": both ends stay, since names often differ at the end (office-pc-01, office-pc-02). */
export function shortName(name: string, width = NAME_WIDTH): string {
  if (name.length <= width) return name;
  const head = Math.ceil((width - 1) / 2);
  return `${name.slice(0, head)}…${name.slice(name.length - (width - 1 - head))}`;
}

/** Worded once per shared trace: the table makes each row's cells twice. */
const firstCauses = new WeakMap<Trace, string>();

/** The first cause in words ("vpc1/endpoint-sg: security group vpc1/endpoint-sg allows no inbound UDP 4195 …"). */
function firstCause(t: Trace): string {
  let text = firstCauses.get(t);
  if (text === undefined) {
    const b = t.blockers[0];
    const m = t.missing[0];
    text = b
      ? `${b.resource}: ${blockerText(b)}${t.blockers.length > 1 ? ` (+${t.blockers.length - 1} more)` : ''}`
      : m !== undefined
        ? `missing: ${m}${t.missing.length > 1 ? ` (+${t.missing.length - 1} more)` : ''}`
        : '';
    firstCauses.set(t, text);
  }
  return text;
}

/** A row's cells as printed: names come from the input, escaped so none can act on the terminal or break a line. */
function cellsOf({ client, workspace, trace: t }: MatrixEntry): string[] {
  return [
    shortName(client),
    shortName(workspace),
    t.outcome,
    t.path ?? '-',
    t.endpoint ? `${t.endpoint.transport} ${t.endpoint.port}` : '-',
    firstCause(t),
  ].map(terminalSafe);
}

/**
 * The table in two passes over the entries: the first finds each column's width, the second writes the rows. The
 * cells are made twice rather than kept: 500,000 rows of six strings would hold far more memory than they cost.
 */
export function* matrixTextChunks(entries: readonly MatrixEntry[]): Chunks {
  const widths = HEADER.map((h) => h.length);
  for (const e of entries) cellsOf(e).forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd() + '\n';
  yield line(HEADER);
  for (const e of entries) yield line(cellsOf(e));
}

export function renderMatrixText(entries: readonly MatrixEntry[]): string {
  return joinChunks(matrixTextChunks(entries));
}
