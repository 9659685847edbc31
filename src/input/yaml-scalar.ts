// Single-line YAML scalars as yaml 2.x reads them with the core schema (the schema parseYamlInput uses), for the
// fast reader in yaml-fast.ts. Only what that reader accepts is here; anything this cannot read exactly returns
// GIVE_UP and the caller falls back to the full parser, so a difference can never change a result.
// The core schema's plain-scalar tags (yaml/dist/schema/core and schema/common/null), in the order yaml tests them:
// null, bool, octal int, decimal int, hex int, .inf/.nan, exponent float, float; anything else is a string.

/** Returned instead of a value when a scalar is outside what this module reads exactly. */
export const GIVE_UP: unique symbol = Symbol('give up');

/** Thrown by the fast reader to stop at once, keeping nothing; caught in readYamlFast only. */
export class GiveUp extends Error {}
/** One instance made once: giving up costs a throw, not a stack trace. */
export const giveUp = new GiveUp('the fast YAML reader leaves this input to the full parser');

export const SPACE = 0x20;
export const HASH = 0x23;
export const DASH = 0x2d;
export const COLON = 0x3a;
export const COMMA = 0x2c;
export const OPEN_SEQ = 0x5b;
export const CLOSE_SEQ = 0x5d;
export const OPEN_MAP = 0x7b;
export const CLOSE_MAP = 0x7d;
export const DOUBLE_QUOTE = 0x22;
export const SINGLE_QUOTE = 0x27;

/** Whether `c` is a flow indicator: `,` `[` `]` `{` `}`. */
export function isFlowIndicator(c: number): boolean {
  return c === COMMA || c === OPEN_SEQ || c === CLOSE_SEQ || c === OPEN_MAP || c === CLOSE_MAP;
}

/**
 * Whether a plain scalar may not start with `c` (followed by `next`, NaN at the line's end) in the fast reader's
 * subset: indicators, quotes (read apart) and reserved characters. `-`, `?` and `:` may start one when a character
 * that could continue it follows (in a flow collection, not a flow indicator): `-1`, `?x`, `:x`.
 */
export function badPlainStart(c: number, next: number, inFlow: boolean): boolean {
  switch (c) {
    case COMMA:
    case OPEN_SEQ:
    case CLOSE_SEQ:
    case OPEN_MAP:
    case CLOSE_MAP:
    case HASH:
    case 0x26 /* & */:
    case 0x2a /* * */:
    case 0x21 /* ! */:
    case 0x7c /* | */:
    case 0x3e /* > */:
    case 0x25 /* % */:
    case 0x40 /* @ */:
    case 0x60 /* ` */:
    case SINGLE_QUOTE:
    case DOUBLE_QUOTE:
      return true;
    case DASH:
    case 0x3f /* ? */:
    case COLON:
      return next === SPACE || Number.isNaN(next) || (inFlow && isFlowIndicator(next));
    default:
      return false;
  }
}

const INT_OCT = /^0o[0-7]+$/;
const INT = /^[-+]?[0-9]+$/;
const INT_HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT_EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;

/** A number as the core schema reads `s`, or undefined when `s` is not one. */
function coreNumber(s: string): number | undefined {
  if (INT_OCT.test(s)) return parseInt(s.substring(2), 8);
  if (INT.test(s)) return parseInt(s, 10);
  if (INT_HEX.test(s)) return parseInt(s.substring(2), 16);
  if (FLOAT_NAN.test(s)) {
    if (s.slice(-3).toLowerCase() === 'nan') return NaN;
    return s.startsWith('-') ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  }
  if (FLOAT_EXP.test(s) || FLOAT.test(s)) return parseFloat(s);
  return undefined;
}

/**
 * The value of a plain scalar written `s` (trimmed, non-empty, on one line). A scalar starting with a letter can
 * only be null, a bool or a string in the core schema, so most values skip the number tests.
 */
export function plainValue(s: string): unknown {
  const c = s.charCodeAt(0);
  if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a)) {
    if (s.length === 4) {
      if (s === 'null' || s === 'Null' || s === 'NULL') return null;
      if (s === 'true' || s === 'True' || s === 'TRUE') return true;
    } else if (s.length === 5 && (s === 'false' || s === 'False' || s === 'FALSE')) return false;
    return s;
  }
  if (c === 0x7e /* ~ */ && s.length === 1) return null;
  // Numbers start with a digit, a sign or a dot.
  if ((c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2d || c === 0x2e) return coreNumber(s) ?? s;
  return s;
}

/** The escapes of a double-quoted scalar that stand for one character (YAML 1.2, as yaml reads them). */
const ESCAPES: Readonly<Record<string, string>> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  e: '\x1b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  N: '\u0085',
  _: '\u00a0',
  L: '\u2028',
  P: '\u2029',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
};

const HEX_DIGITS = /^[0-9a-fA-F]+$/;

/**
 * The end (just past the closing quote) of the double-quoted scalar opening at `start`, on the line ending at
 * `lineEnd`; -1 when it does not close on that line (a multi-line scalar: the full parser reads those).
 */
export function doubleQuotedEnd(text: string, start: number, lineEnd: number): number {
  for (let i = start + 1; i < lineEnd; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5c /* \ */) i++;
    else if (c === 0x22 /* " */) return i + 1;
  }
  return -1;
}

/** The value of the double-quoted scalar text.slice(start, end) (quotes included), or GIVE_UP. */
export function doubleQuotedValue(text: string, start: number, end: number): string | typeof GIVE_UP {
  const inner = text.slice(start + 1, end - 1);
  if (!inner.includes('\\')) return inner;
  let out = '';
  let from = 0;
  for (let i = inner.indexOf('\\'); i !== -1; i = inner.indexOf('\\', from)) {
    out += inner.slice(from, i);
    const e = inner.charAt(i + 1);
    const single = ESCAPES[e];
    if (single !== undefined) {
      out += single;
      from = i + 2;
      continue;
    }
    const length = e === 'x' ? 2 : e === 'u' ? 4 : e === 'U' ? 8 : 0;
    const hex = inner.slice(i + 2, i + 2 + length);
    // An unknown escape or a bad code is an error yaml reports: the full parser says so.
    if (length === 0 || hex.length !== length || !HEX_DIGITS.test(hex)) return GIVE_UP;
    const code = parseInt(hex, 16);
    if (code > 0x10ffff) return GIVE_UP;
    out += String.fromCodePoint(code);
    from = i + 2 + length;
  }
  return out + inner.slice(from);
}

/** The end (past the closing quote) of the single-quoted scalar opening at `start`, or -1 (see doubleQuotedEnd). */
export function singleQuotedEnd(text: string, start: number, lineEnd: number): number {
  for (let i = start + 1; i < lineEnd; i++) {
    if (text.charCodeAt(i) !== 0x27 /* ' */) continue;
    if (text.charCodeAt(i + 1) === 0x27 && i + 1 < lineEnd) i++;
    else return i + 1;
  }
  return -1;
}

/** The value of the single-quoted scalar text.slice(start, end): `''` stands for one quote. */
export function singleQuotedValue(text: string, start: number, end: number): string {
  const inner = text.slice(start + 1, end - 1);
  return inner.includes("'") ? inner.replace(/''/g, "'") : inner;
}
