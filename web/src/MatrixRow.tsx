// One WorkSpace's row of the matrix. Rows are memoised: scrolling adds the rows that come into view and moves
// nothing else, so a frame renders a dozen rows, not every row on screen.
import { memo } from 'preact/compat';
import type { MatrixView } from '../../src/web/types.js';
import type { Outcome } from '../../src/workspaces/types.js';
import { OUTCOME_LOOK } from './outcomes.js';

export const ROW = 30;
export const COL = 84;
export const FIRST = 220;
export const HEAD = 40;

export interface RowProps {
  matrix: MatrixView;
  changed: Uint8Array | undefined;
  shown: ReadonlySet<Outcome>;
  changedOnly: boolean;
  /** The WorkSpace's index in the matrix, and the row's place in the filtered list. */
  wi: number;
  r: number;
  cols: number[];
  c0: number;
  c1: number;
  width: number;
  /** The column holding the grid's tab stop when it is in this row, else -1. */
  focusCol: number;
  /** The client whose cell of this row is open, if any. */
  selectedClient: string | undefined;
  onCell: (r: number, c: number, client: string, workspace: string) => void;
}

export function cellVisible(
  m: MatrixView,
  changed: Uint8Array | undefined,
  shown: ReadonlySet<Outcome>,
  changedOnly: boolean,
  ci: number,
  wi: number,
): boolean {
  const i = ci * m.workspaces.length + wi;
  const k = m.kinds[m.cells[i] ?? -1];
  if (!k || !shown.has(k.outcome)) return false;
  return !changedOnly || changed?.[i] === 1;
}

function Row({
  matrix,
  changed,
  shown,
  changedOnly,
  wi,
  r,
  cols,
  c0,
  c1,
  width,
  focusCol,
  selectedClient,
  onCell,
}: RowProps) {
  const w = matrix.workspaces[wi];
  const W = matrix.workspaces.length;
  const ws = w?.id ?? '';
  return (
    <div
      role="row"
      class="matrix-row"
      aria-rowindex={r + 2}
      style={{ top: `${HEAD + r * ROW}px`, width: `${width}px` }}
    >
      <div
        role="rowheader"
        class="rowhead"
        title={`${ws}: directory ${w?.directory ?? ''}, ${w?.protocol ?? 'protocol unknown'}`}
      >
        {`${ws} `}
        <small>{`${w?.directory ?? ''} · ${w?.protocol ?? '?'}`}</small>
      </div>
      {cols.slice(c0, c1).map((ci, j) => {
        const c = c0 + j;
        const k = matrix.kinds[matrix.cells[ci * W + wi] ?? -1];
        if (!k) return null;
        const look = OUTCOME_LOOK[k.outcome];
        const client = matrix.clients[ci]?.id ?? '';
        const isChanged = changed?.[ci * W + wi] === 1;
        const isSelected = selectedClient === client;
        const how = k.transport !== undefined ? ` via ${k.path ?? ''} ${k.transport} ${k.port ?? ''}` : '';
        return (
          <button
            key={ci}
            type="button"
            role="gridcell"
            class={`cell tone-${look.tone}${isChanged ? ' changed' : ''}${cellVisible(matrix, changed, shown, changedOnly, ci, wi) ? '' : ' dim'}${isSelected ? ' selected' : ''}`}
            style={{ left: `${FIRST + c * COL}px` }}
            tabIndex={c === focusCol ? 0 : -1}
            data-r={r}
            data-c={c}
            data-client={client}
            data-workspace={ws}
            data-outcome={k.outcome}
            aria-selected={isSelected}
            aria-label={`${client} → ${ws}: ${k.outcome}${how}${isChanged ? ' (changed)' : ''}. ${k.cause}`}
            title={`${client} → ${ws}: ${k.outcome}${how}\n${k.cause}`}
            onClick={() => onCell(r, c, client, ws)}
          >
            {`${isChanged ? '◆ ' : ''}${look.icon} ${look.short}`}
          </button>
        );
      })}
    </div>
  );
}

export const MatrixRow = memo(Row);
