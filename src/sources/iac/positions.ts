// Where each part of a parsed template or plan sits in its file. JSON.parse and YAML's toJS() lose positions, so the
// readers here build plain values and record, beside them, the offset of every map key and list item. Offsets turn
// into 1-based line and column only when a diagnostic or a provenance needs them.
import type { SourcePosition } from '../../model/types.js';

/** Offsets of one map or list: the container itself, each key (maps) and each item (lists). */
export interface ContainerOffsets {
  at: number;
  keys?: Map<string, number>;
  items?: number[];
}

/** Offsets of every container of a parsed document, keyed by the container object itself. */
export class Positions {
  private readonly table = new WeakMap<object, ContainerOffsets>();
  private lineStarts: number[] | undefined;

  constructor(private readonly text: string) {}

  record(container: object, offsets: ContainerOffsets): void {
    this.table.set(container, offsets);
  }

  /** Offset of a key of a map, an item of a list, or of the container itself when `key` is undefined. */
  offsetOf(container: unknown, key?: string | number): number | undefined {
    if (container === null || typeof container !== 'object') return undefined;
    const o = this.table.get(container);
    if (!o) return undefined;
    if (key === undefined) return o.at;
    return typeof key === 'number' ? o.items?.[key] : o.keys?.get(key);
  }

  /** 1-based line and column of an offset. */
  position(offset: number): SourcePosition & { column: number } {
    const starts = (this.lineStarts ??= lineStartsOf(this.text));
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (starts[lo] ?? 0) + 1 };
  }

  /** Line and column of a key or item (or of the container), when known. */
  at(container: unknown, key?: string | number): (SourcePosition & { column: number }) | undefined {
    const offset = this.offsetOf(container, key);
    return offset === undefined ? undefined : this.position(offset);
  }
}

function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** A parsed document: plain values plus where each part sits. */
export interface ParsedDocument {
  value: unknown;
  positions: Positions;
}

/** A syntax error with its place, before it becomes a diagnostic. */
export interface SyntaxProblem {
  message: string;
  line: number;
  column?: number;
}
