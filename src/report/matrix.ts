// `wspl matrix`: every client × WorkSpace in one table, and its JSON form of the contract.
import { terminalSafe } from '../input/terminal.js';
import type { IntentResult } from '../workspaces/expectations.js';
import type { MatrixEntry } from '../workspaces/matrix.js';
import { intentsJson } from './intents.js';
import type { Trace } from '../workspaces/types.js';
import { blockerText } from './reason-text.js';
import { joinChunks, type Chunks } from './chunks.js';
import { warningDetail } from './trace-words.js';
import { DEFAULT_WIDTH, shortNames, wrapWords } from './wrap.js';
import type { Fix, FixFinder } from './fixes.js';

export interface MatrixCause {
  resource: string;
  kind: string;
  /** The typed reason's code ("sg-no-rule", "private-dns-off"). */
  reason: string;
  ruleId?: string;
  phase?: 'forward' | 'return';
  detail: string;
  /** The fix for this setup (fixes.ts), when the caller asks: commands with the input's ids, or why none. */
  fix?: Fix;
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

/**
 * Caches per trace (WorkSpaces that share a trace share its causes and its row tail: worded once per trace, not once
 * per cell), one set per FixFinder since the fixes belong to a model; `NO_FIXES` keys the set without fixes.
 */
const NO_FIXES = {};
function cacheFor<V>(caches: WeakMap<object, WeakMap<Trace, V>>, key: object): WeakMap<Trace, V> {
  let c = caches.get(key);
  if (!c) {
    c = new WeakMap();
    caches.set(key, c);
  }
  return c;
}
const causeCaches = new WeakMap<object, WeakMap<Trace, Pick<MatrixRow, 'blockers' | 'warnings'>>>();
const tailCaches = new WeakMap<object, WeakMap<Trace, string>>();

function causes(t: Trace, fixes?: FixFinder): Pick<MatrixRow, 'blockers' | 'warnings'> {
  const causesOf = cacheFor(causeCaches, fixes ?? NO_FIXES);
  let c = causesOf.get(t);
  if (!c) {
    c = {
      // The fix names no WorkSpace: the trace may stand for several.
      blockers: t.blockers.map((b) => ({
        resource: b.resource,
        kind: b.kind,
        reason: b.reason.code,
        ...(b.ruleId !== undefined ? { ruleId: b.ruleId } : {}),
        ...(b.phase === 'return' ? { phase: b.phase } : {}),
        detail: blockerText(b),
        ...(fixes ? { fix: fixes.forBlocker(b) } : {}),
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

function rowOf({ client, workspace, trace: t }: MatrixEntry, fixes?: FixFinder): MatrixRow {
  return {
    client,
    workspace,
    outcome: t.outcome,
    path: t.path,
    transport: t.endpoint?.transport ?? null,
    port: t.endpoint?.port ?? null,
    ...causes(t, fixes),
  };
}

/**
 * A row as JSON: what follows the names is the trace's, the same for every WorkSpace that shares the trace, so it is
 * serialised once per trace and joined to each cell's names. Byte for byte `JSON.stringify(rowOf(entry))`.
 */
function rowJson(e: MatrixEntry, fixes: FixFinder | undefined, quoted: (name: string) => string): string {
  const rowTails = cacheFor(tailCaches, fixes ?? NO_FIXES);
  let tail = rowTails.get(e.trace);
  if (tail === undefined) {
    const { client: _c, workspace: _w, ...rest } = rowOf(e, fixes);
    tail = ',' + JSON.stringify(rest).slice(1);
    rowTails.set(e.trace, tail);
  }
  return `{"client":${quoted(e.client)},"workspace":${quoted(e.workspace)}${tail}`;
}

export function matrixRows(entries: readonly MatrixEntry[], fixes?: FixFinder): MatrixRow[] {
  return entries.map((e) => rowOf(e, fixes));
}

/** One row per line: readable, greppable, and a fifth of the size of fully indented JSON on large estates. */
export function* matrixJsonChunks(
  entries: Iterable<MatrixEntry>,
  intents: readonly IntentResult[] = [],
  fixes?: FixFinder,
): Chunks {
  // The intents, when the input states any: after the rows, one per line like them.
  const tail =
    intents.length === 0
      ? ''
      : `, "expectations": [\n${intentsJson(intents)
          .map((i) => '  ' + JSON.stringify(i))
          .join(',\n')}\n]`;
  // Names as JSON strings, once each: a client's name recurs on thousands of rows.
  const names = new Map<string, string>();
  const quoted = (name: string) => {
    let q = names.get(name);
    if (q === undefined) {
      q = JSON.stringify(name);
      names.set(name, q);
    }
    return q;
  };
  let first = true;
  for (const e of entries) {
    yield (first ? '{ "rows": [\n  ' : ',\n  ') + rowJson(e, fixes, quoted);
    first = false;
  }
  yield first ? `{ "rows": []${tail} }\n` : `\n]${tail} }\n`;
}

export function renderMatrixJson(
  entries: readonly MatrixEntry[],
  intents: readonly IntentResult[] = [],
  fixes?: FixFinder,
): string {
  return joinChunks(matrixJsonChunks(entries, intents, fixes));
}

const HEADER = ['CLIENT', 'WORKSPACE', 'OUTCOME', 'PATH', 'TRANSPORT', 'FIRST CAUSE'];
const GAP = '  ';

/** Names are never cut shorter than this, and the cause is given at least CAUSE_MIN before names are shortened. */
const NAME_MIN = 12;
// Below 40 columns a cause of a dozen words becomes a tall narrow ribbon: it reads better under its row.
const CAUSE_MIN = 40;
/** Where the cause starts when it goes under its row (a terminal too narrow for a cause column). */
const STACK_INDENT = 4;

/** Worded once per shared trace: the table makes each row's cells twice. */
const firstCauses = new WeakMap<Trace, string>();

/** The first cause in words ("vpc1/endpoint-sg: security group vpc1/endpoint-sg allows no inbound UDP 4195 …"). */
function firstCause(t: Trace): string {
  let text = firstCauses.get(t);
  if (text === undefined) {
    const b = t.blockers[0];
    const m = t.missing[0];
    text = terminalSafe(
      b
        ? `${b.resource}: ${blockerText(b)}${t.blockers.length > 1 ? ` (+${t.blockers.length - 1} more)` : ''}`
        : m !== undefined
          ? `missing: ${m}${t.missing.length > 1 ? ` (+${t.missing.length - 1} more)` : ''}`
          : '',
    );
    firstCauses.set(t, text);
  }
  return text;
}

/** The cells that do not depend on the names: outcome, path and transport. */
function fixedCells(t: Trace): [string, string, string] {
  return [t.outcome, t.path ?? '-', t.endpoint ? `${t.endpoint.transport} ${t.endpoint.port}` : '-'];
}

export interface MatrixTextOptions {
  /** The line width to fit (the terminal's, or DEFAULT_WIDTH). */
  width?: number;
}

/** How wide each name column may be: whole when the line has room; else the longer column is cut first. */
function nameRoom(clientMax: number, workspaceMax: number, room: number): [number, number] {
  if (clientMax + workspaceMax <= room) return [clientMax, workspaceMax];
  // The shorter column keeps its names whole if that leaves the other NAME_MIN; the longer takes the rest.
  const keep = (shorter: number) => Math.min(shorter, Math.max(NAME_MIN, room - NAME_MIN));
  if (clientMax <= workspaceMax) {
    const c = keep(clientMax);
    return [c, Math.max(NAME_MIN, room - c)];
  }
  const w = keep(workspaceMax);
  return [Math.max(NAME_MIN, room - w), w];
}

/**
 * The table in two passes over the entries: the first finds each column's width and the names that need shortening,
 * the second writes the rows. Cells are made twice rather than kept: 500,000 rows of six strings would hold far more
 * memory than they cost. The table fits `width`: long names are shortened in the middle (each still told apart from
 * the others); the cause is never shortened but wraps under its own column.
 */
export function* matrixTextChunks(entries: readonly MatrixEntry[], options: MatrixTextOptions = {}): Chunks {
  const width = options.width ?? DEFAULT_WIDTH;
  // Names come from the input: escaped so none can act on the terminal or break a line. Each name and each shared
  // trace is measured once, not once per row.
  const clients = new Set<string>();
  const workspaces = new Set<string>();
  const fixed = [HEADER[2]?.length ?? 0, HEADER[3]?.length ?? 0, HEADER[4]?.length ?? 0];
  const rawClients = new Set<string>();
  const rawWorkspaces = new Set<string>();
  const traces = new Set<Trace>();
  for (const e of entries) {
    rawClients.add(e.client);
    rawWorkspaces.add(e.workspace);
    traces.add(e.trace);
  }
  for (const c of rawClients) clients.add(terminalSafe(c));
  for (const w of rawWorkspaces) workspaces.add(terminalSafe(w));
  for (const t of traces) fixedCells(t).forEach((cell, i) => (fixed[i] = Math.max(fixed[i] ?? 0, cell.length)));
  const longest = (names: Set<string>, header: string) => {
    let n = header.length;
    for (const name of names) n = Math.max(n, name.length);
    return n;
  };
  const others = fixed.reduce((a, b) => a + b, 0) + GAP.length * 5;
  // On a narrow terminal the cause cannot have a column of its own: it goes under its row, indented, full width.
  const stacked = width - others - 2 * NAME_MIN < CAUSE_MIN;
  const [clientRoom, workspaceRoom] = nameRoom(
    longest(clients, HEADER[0] ?? ''),
    longest(workspaces, HEADER[1] ?? ''),
    width - others + (stacked ? GAP.length : -CAUSE_MIN),
  );
  const shortClients = shortNames(clients, clientRoom);
  const shortWorkspaces = shortNames(workspaces, workspaceRoom);
  // A name kept whole to stay distinct may be longer than the room: the column takes the longest shown.
  const shownWidth = (names: Set<string>, short: Map<string, string>, header: string) => {
    let n = header.length;
    for (const name of names) n = Math.max(n, (short.get(name) ?? name).length);
    return n;
  };
  const widths = [
    shownWidth(clients, shortClients, HEADER[0] ?? ''),
    shownWidth(workspaces, shortWorkspaces, HEADER[1] ?? ''),
    ...fixed,
  ];
  const causeAt = stacked ? STACK_INDENT : widths.reduce((a, b) => a + b, 0) + GAP.length * widths.length;
  const causeWidth = width - causeAt;
  const pad = ' '.repeat(causeAt);
  // The cause as printed (wrapped under its column), made once per shared trace.
  const causeText = new Map<Trace, string>();
  const causeOf = (t: Trace) => {
    let text = causeText.get(t);
    if (text === undefined) {
      const cause = firstCause(t);
      const lines = cause === '' ? [] : wrapWords(cause, causeWidth);
      text = stacked ? lines.map((l) => '\n' + pad + l).join('') : lines.join('\n' + pad);
      causeText.set(t, text);
    }
    return text;
  };
  const line = (cells: string[], cause: string) => {
    const row = cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(GAP);
    // Beside its row the cause starts at its column, so the padding before it stays; under the row it does not.
    return (stacked || cause === '' ? row.trimEnd() + cause : row + GAP + cause).trimEnd() + '\n';
  };
  yield line(HEADER.slice(0, 5), stacked ? `\n${pad}${HEADER[5] ?? ''}` : (HEADER[5] ?? ''));
  // A row is its two names, each padded to its column, then the part that is the trace's: both made once and joined
  // per row. The trace's part is cut from a whole line made with empty names, so it is exactly what line() makes.
  const namesWidth = (widths[0] ?? 0) + GAP.length + (widths[1] ?? 0) + GAP.length;
  const tails = new Map<Trace, string>();
  const tailOf = (t: Trace) => {
    let tail = tails.get(t);
    if (tail === undefined) {
      tail = line(['', '', ...fixedCells(t)], causeOf(t)).slice(namesWidth);
      tails.set(t, tail);
    }
    return tail;
  };
  const shown = (raw: Map<string, string>, short: Map<string, string>, column: number) => (name: string) => {
    let cell = raw.get(name);
    if (cell === undefined) {
      const safe = terminalSafe(name);
      cell = (short.get(safe) ?? safe).padEnd(widths[column] ?? 0) + GAP;
      raw.set(name, cell);
    }
    return cell;
  };
  const clientCell = shown(new Map(), shortClients, 0);
  const workspaceCell = shown(new Map(), shortWorkspaces, 1);
  for (const e of entries) yield clientCell(e.client) + workspaceCell(e.workspace) + tailOf(e.trace);
}

export function renderMatrixText(entries: readonly MatrixEntry[], options: MatrixTextOptions = {}): string {
  return joinChunks(matrixTextChunks(entries, options));
}
