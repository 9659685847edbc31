// One-line flow collections for the fast reader (yaml-fast.ts): `[a, b]`, `{ key: value, list: [x, y] }`, nested,
// with plain and quoted scalars, as hand-written design files use them for short lists and small maps. A flow
// collection running over more than one line, an empty entry (`[a, , b]`, a trailing comma), a key without a value,
// a pair inside a list (`[a: b]`), a comment inside, or any character a plain scalar treats specially makes the
// reader give up (throw giveUp), and the full parser reads the file.
import type { YamlPosition } from './yaml-fast.js';
import {
  badPlainStart,
  CLOSE_MAP,
  CLOSE_SEQ,
  COLON,
  COMMA,
  DOUBLE_QUOTE,
  doubleQuotedEnd,
  doubleQuotedValue,
  GIVE_UP,
  giveUp,
  HASH,
  isFlowIndicator,
  OPEN_MAP,
  OPEN_SEQ,
  plainValue,
  SINGLE_QUOTE,
  singleQuotedEnd,
  singleQuotedValue,
  SPACE,
} from './yaml-scalar.js';

/** A value's position: its line, with its entries' positions when it has entries. */
export function positionOf(line: number, kids: Map<string, YamlPosition> | YamlPosition[] | undefined): YamlPosition {
  if (kids === undefined) return line;
  return kids instanceof Map ? { line, keys: kids } : { line, items: kids };
}

/** Keys the full path treats specially (a merge key; a name JavaScript objects treat specially). */
export const SPECIAL_KEYS: ReadonlySet<string> = new Set(['<<', '__proto__']);

/** What a flow value read gives back besides its end: the value and its entries' positions. */
export interface FlowResult {
  value: unknown;
  kids: Map<string, YamlPosition> | YamlPosition[] | undefined;
}

export class FlowReader {
  /** The value or key text of the scalar read last. */
  private scalar: unknown;

  constructor(
    private readonly text: string,
    /** Where the current line's content ends: a flow collection must close before it. */
    private readonly end: number,
    private readonly line: number,
  ) {}

  private skipSpaces(p: number): number {
    while (p < this.end && this.text.charCodeAt(p) === SPACE) p++;
    return p;
  }

  /**
   * The scalar at `p` inside a flow collection (its value, or for a key its text as written: keys are strings);
   * returns its end, trailing spaces excluded.
   */
  private readScalar(p: number, asKey: boolean): number {
    const text = this.text;
    const c = text.charCodeAt(p);
    if (c === DOUBLE_QUOTE) {
      const end = doubleQuotedEnd(text, p, this.end);
      if (end === -1) throw giveUp;
      const v = doubleQuotedValue(text, p, end);
      if (v === GIVE_UP) throw giveUp;
      this.scalar = v;
      return end;
    }
    if (c === SINGLE_QUOTE) {
      const end = singleQuotedEnd(text, p, this.end);
      if (end === -1) throw giveUp;
      this.scalar = singleQuotedValue(text, p, end);
      return end;
    }
    if (p >= this.end || badPlainStart(c, text.charCodeAt(p + 1), true)) throw giveUp;
    let end = p + 1;
    for (; end < this.end; end++) {
      const e = text.charCodeAt(end);
      if (e === COMMA || e === CLOSE_SEQ || e === CLOSE_MAP) break;
      // An opening bracket inside a plain scalar, or a comment: the full parser reads those.
      if (e === OPEN_SEQ || e === OPEN_MAP || (e === HASH && text.charCodeAt(end - 1) === SPACE)) throw giveUp;
      // `:` before a space, a flow indicator or the line's end is a value indicator; elsewhere it is text.
      if (
        e === COLON &&
        (end + 1 === this.end || text.charCodeAt(end + 1) === SPACE || isFlowIndicator(text.charCodeAt(end + 1)))
      )
        break;
    }
    let stop = end;
    while (text.charCodeAt(stop - 1) === SPACE) stop--;
    const written = text.slice(p, stop);
    this.scalar = asKey ? written : plainValue(written);
    return stop;
  }

  /** The flow collection opening at `at` into `out`; returns the offset just past its closing bracket. */
  read(at: number, depth: number, maxDepth: number, out: FlowResult): number {
    if (depth > maxDepth) throw giveUp;
    const text = this.text;
    const isList = text.charCodeAt(at) === OPEN_SEQ;
    const close = isList ? CLOSE_SEQ : CLOSE_MAP;
    const list: unknown[] = [];
    const items: YamlPosition[] = [];
    const map: Record<string, unknown> = {};
    const keys = new Map<string, YamlPosition>();
    let p = this.skipSpaces(at + 1);
    if (p < this.end && text.charCodeAt(p) === close) {
      out.value = isList ? list : map;
      out.kids = undefined;
      return p + 1;
    }
    for (;;) {
      let key = '';
      if (!isList) {
        const keyEnd = this.readScalar(p, true);
        key = this.scalar as string;
        // `key: value` only: a key alone, `key:value` after a quote, or a special key go to the full parser.
        if (text.charCodeAt(keyEnd) !== COLON || text.charCodeAt(keyEnd + 1) !== SPACE) throw giveUp;
        if (keys.has(key) || SPECIAL_KEYS.has(key) || keyEnd - p > 1000) throw giveUp;
        p = this.skipSpaces(keyEnd + 1);
      }
      const c = text.charCodeAt(p);
      let value: unknown;
      let kids: FlowResult['kids'];
      if (c === OPEN_SEQ || c === OPEN_MAP) {
        p = this.read(p, depth + 1, maxDepth, out);
        value = out.value;
        kids = out.kids;
      } else {
        p = this.readScalar(p, false);
        value = this.scalar;
        kids = undefined;
      }
      const position = positionOf(this.line, kids);
      if (isList) {
        list.push(value);
        items.push(position);
      } else {
        map[key] = value;
        keys.set(key, position);
      }
      p = this.skipSpaces(p);
      if (p >= this.end) throw giveUp;
      const sep = text.charCodeAt(p);
      if (sep === close) break;
      if (sep !== COMMA) throw giveUp;
      p = this.skipSpaces(p + 1);
      // A trailing comma or an empty entry.
      if (p >= this.end || text.charCodeAt(p) === close || text.charCodeAt(p) === COMMA) throw giveUp;
    }
    out.value = isList ? list : map;
    out.kids = isList ? items : keys;
    return p + 1;
  }
}
