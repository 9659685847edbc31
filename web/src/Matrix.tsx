// The client × WorkSpace matrix: one row per WorkSpace, one column per client, each cell an outcome with its icon and
// short name. Only the rows and columns in view are in the page (half a million cells scroll like twenty), and the
// grid is one tab stop: arrows, Page Up/Down, Home/End move, Enter opens the trace.
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { MatrixView } from '../../src/web/types.js';
import { OUTCOMES, type Outcome } from '../../src/workspaces/types.js';
import { COL, FIRST, HEAD, MatrixRow, ROW, cellVisible } from './MatrixRow.js';
import { OUTCOME_LOOK } from './outcomes.js';

const OVERSCAN = 6;

export interface CellRef {
  client: string;
  workspace: string;
}

interface Props {
  matrix: MatrixView;
  /** The matrix before a what-if: cells that differ are marked. */
  before?: MatrixView | undefined;
  selected?: CellRef | undefined;
  onOpen: (cell: CellRef) => void;
}

function matcher(text: string): (s: string) => boolean {
  const t = text.trim().toLowerCase();
  if (!t) return () => true;
  if (t.includes('*')) {
    const re = new RegExp(
      `^${t
        .split('*')
        .map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
        .join('.*')}$`,
    );
    return (s) => re.test(s.toLowerCase());
  }
  return (s) => s.toLowerCase().includes(t);
}

/** 1 where a cell's outcome, path or transport differs from the matrix before the change. */
function changedCells(after: MatrixView, before: MatrixView | undefined): Uint8Array | undefined {
  if (!before) return undefined;
  const out = new Uint8Array(after.cells.length);
  const bc = new Map(before.clients.map((c, i) => [c.id, i]));
  const bw = new Map(before.workspaces.map((w, i) => [w.id, i]));
  const W0 = before.workspaces.length;
  const W1 = after.workspaces.length;
  after.clients.forEach((c, ci) => {
    const c0 = bc.get(c.id);
    after.workspaces.forEach((w, wi) => {
      const w0 = bw.get(w.id);
      const k1 = after.kinds[after.cells[ci * W1 + wi] ?? -1];
      const k0 = c0 !== undefined && w0 !== undefined ? before.kinds[before.cells[c0 * W0 + w0] ?? -1] : undefined;
      if (!k0 || !k1) out[ci * W1 + wi] = 1;
      else if (k0.outcome !== k1.outcome || k0.path !== k1.path || k0.transport !== k1.transport || k0.port !== k1.port)
        out[ci * W1 + wi] = 1;
    });
  });
  return out;
}

export function Matrix({ matrix, before, selected, onOpen }: Props) {
  const [clientFilter, setClientFilter] = useState('');
  const [workspaceFilter, setWorkspaceFilter] = useState('');
  const [shown, setShown] = useState<ReadonlySet<Outcome>>(new Set(OUTCOMES));
  const [changedOnly, setChangedOnly] = useState(false);
  const [scroll, setScroll] = useState({ top: 0, left: 0, height: 400, width: 800 });
  const [focus, setFocus] = useState({ r: 0, c: 0 });
  const scroller = useRef<HTMLDivElement>(null);
  const wantFocus = useRef(false);
  const W = matrix.workspaces.length;
  const changed = useMemo(() => changedCells(matrix, before), [matrix, before]);

  const cols = useMemo(() => {
    const ok = matcher(clientFilter);
    return matrix.clients.map((c, i) => (ok(c.id) || ok(c.at) ? i : -1)).filter((i) => i >= 0);
  }, [matrix, clientFilter]);

  const cellShown = (ci: number, wi: number) => cellVisible(matrix, changed, shown, changedOnly, ci, wi);
  const openRef = useRef(onOpen);
  openRef.current = onOpen;
  const onCell = useCallback((r: number, c: number, client: string, workspace: string) => {
    setFocus({ r, c });
    openRef.current({ client, workspace });
  }, []);

  const rows = useMemo(() => {
    const ok = matcher(workspaceFilter);
    const all = shown.size === OUTCOMES.length && !changedOnly;
    return matrix.workspaces
      .map((w, wi) => (ok(w.id) || ok(w.directory) ? wi : -1))
      .filter((wi) => wi >= 0 && (all || cols.some((ci) => cellShown(ci, wi))));
  }, [matrix, workspaceFilter, shown, changedOnly, cols, changed]);

  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const measure = () =>
      setScroll({ top: el.scrollTop, left: el.scrollLeft, height: el.clientHeight, width: el.clientWidth });
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  useEffect(() => {
    if (!wantFocus.current) return;
    wantFocus.current = false;
    scroller.current?.querySelector<HTMLElement>(`[data-r="${focus.r}"][data-c="${focus.c}"]`)?.focus();
  });

  const r0 = Math.max(0, Math.floor((scroll.top - HEAD) / ROW) - OVERSCAN);
  const r1 = Math.min(rows.length, Math.ceil((scroll.top + scroll.height) / ROW) + OVERSCAN);
  const c0 = Math.max(0, Math.floor((scroll.left - FIRST) / COL) - 2);
  const c1 = Math.min(cols.length, Math.ceil((scroll.left + scroll.width) / COL) + 2);
  const fr = Math.min(focus.r, Math.max(0, rows.length - 1));
  const fc = Math.min(focus.c, Math.max(0, cols.length - 1));

  const move = (r: number, c: number) => {
    const nr = Math.max(0, Math.min(rows.length - 1, r));
    const nc = Math.max(0, Math.min(cols.length - 1, c));
    const el = scroller.current;
    if (el) {
      const top = HEAD + nr * ROW;
      if (top - HEAD < el.scrollTop) el.scrollTop = top - HEAD;
      else if (top + ROW > el.scrollTop + el.clientHeight) el.scrollTop = top + ROW - el.clientHeight;
      const left = FIRST + nc * COL;
      if (left - FIRST < el.scrollLeft) el.scrollLeft = left - FIRST;
      else if (left + COL > el.scrollLeft + el.clientWidth) el.scrollLeft = left + COL - el.clientWidth;
    }
    // Focus at once when the cell is already in the page; a cell scrolled into view is focused after it renders.
    const present = el?.querySelector<HTMLElement>(`[data-r="${nr}"][data-c="${nc}"]`);
    if (present) present.focus();
    else wantFocus.current = true;
    setFocus({ r: nr, c: nc });
  };

  const onKey = (e: KeyboardEvent) => {
    const page = Math.max(1, Math.floor(scroll.height / ROW) - 1);
    const keys: Record<string, () => void> = {
      ArrowUp: () => move(fr - 1, fc),
      ArrowDown: () => move(fr + 1, fc),
      ArrowLeft: () => move(fr, fc - 1),
      ArrowRight: () => move(fr, fc + 1),
      PageUp: () => move(fr - page, fc),
      PageDown: () => move(fr + page, fc),
      Home: () => (e.ctrlKey ? move(0, 0) : move(fr, 0)),
      End: () => (e.ctrlKey ? move(rows.length - 1, cols.length - 1) : move(fr, cols.length - 1)),
    };
    const action = keys[e.key];
    if (action && (e.target as HTMLElement).dataset.r !== undefined) {
      e.preventDefault();
      action();
    }
  };

  const toggleOutcome = (o: Outcome) => {
    const next = new Set(shown);
    if (next.has(o)) next.delete(o);
    else next.add(o);
    setShown(next);
  };

  const totalW = FIRST + cols.length * COL;
  const totalH = HEAD + rows.length * ROW;
  const visibleCols = cols.slice(c0, c1);

  return (
    <section class="matrix" aria-label="Client × WorkSpace matrix">
      <div class="matrix-tools">
        <label>
          Clients{' '}
          <input
            type="search"
            value={clientFilter}
            placeholder="name or * glob"
            onInput={(e) => setClientFilter(e.currentTarget.value)}
          />
        </label>
        <label>
          WorkSpaces{' '}
          <input
            type="search"
            value={workspaceFilter}
            placeholder="name or directory"
            onInput={(e) => setWorkspaceFilter(e.currentTarget.value)}
          />
        </label>
        <fieldset class="outcome-filter">
          <legend>Outcomes</legend>
          {OUTCOMES.map((o) => (
            <label key={o} class={`chip tone-${OUTCOME_LOOK[o].tone}`} title={o}>
              <input type="checkbox" checked={shown.has(o)} onChange={() => toggleOutcome(o)} />
              {OUTCOME_LOOK[o].icon} {OUTCOME_LOOK[o].short}
            </label>
          ))}
        </fieldset>
        {changed && (
          <label class="chip">
            <input type="checkbox" checked={changedOnly} onChange={() => setChangedOnly(!changedOnly)} />◆ changed only
          </label>
        )}
        <span class="muted" aria-live="polite">
          {rows.length.toLocaleString()} of {W.toLocaleString()} WorkSpaces × {cols.length.toLocaleString()} of{' '}
          {matrix.clients.length.toLocaleString()} clients
        </span>
      </div>
      <div
        class="matrix-scroll"
        ref={scroller}
        style={{ height: `min(36vh, ${totalH + 4}px)` }}
        role="grid"
        aria-rowcount={rows.length + 1}
        aria-colcount={cols.length + 1}
        onScroll={(e) => {
          const el = e.currentTarget;
          setScroll({ top: el.scrollTop, left: el.scrollLeft, height: el.clientHeight, width: el.clientWidth });
        }}
        onKeyDown={onKey}
      >
        <div class="matrix-inner" style={{ height: `${totalH}px`, width: `${totalW}px` }}>
          <div class="matrix-head" role="row" aria-rowindex={1} style={{ width: `${totalW}px` }}>
            <div class="corner" role="columnheader">
              WorkSpace ↓ · client →
            </div>
            {visibleCols.map((ci, i) => {
              const c = matrix.clients[ci];
              return (
                <div
                  key={ci}
                  role="columnheader"
                  class="colhead"
                  style={{ left: `${FIRST + (c0 + i) * COL}px` }}
                  title={`${c?.id ?? ''} (${c?.at ?? ''})`}
                >
                  {c?.id}
                </div>
              );
            })}
          </div>
          {rows.slice(r0, r1).map((wi, i) => (
            <MatrixRow
              key={wi}
              matrix={matrix}
              changed={changed}
              shown={shown}
              changedOnly={changedOnly}
              wi={wi}
              r={r0 + i}
              cols={cols}
              c0={c0}
              c1={c1}
              width={totalW}
              focusCol={r0 + i === fr ? fc : -1}
              selectedClient={
                selected && selected.workspace === matrix.workspaces[wi]?.id ? selected.client : undefined
              }
              onCell={onCell}
            />
          ))}
        </div>
      </div>
    </section>
  );
}
