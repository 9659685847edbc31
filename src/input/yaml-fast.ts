// A fast reader for the plain subset of YAML that design files and yaml's own `stringify` write: block maps and
// block lists (compact `- key: value` items, `key:` followed by a list at the same indent), single-line plain and
// quoted scalars, one-line flow collections (yaml-fast-flow.ts), comments, blank lines, one leading `---`, LF or CRLF.
// It reads a line at a time and builds the plain value and the line of every key and item, never yaml's nodes:
// a 1 MB design file takes a small fraction of what parsing it into a Document takes.
// Anything else (anchors, aliases, merge keys, tags, block or multi-line scalars, complex keys, directives, a second
// document, duplicate keys, tabs, odd characters, deep nesting) makes it give up by returning undefined, cheaply
// and keeping nothing: parseYamlInput then reads the text with the full parser, whose values and diagnostics are
// the reference. So this is only ever an optimisation: for what it accepts it must equal the full path exactly
// (yaml-fast.property.test.ts compares both on generated documents, yaml-fast.test.ts on every YAML file in the
// repository and on each form it gives up on).
import { MAX_YAML_DEPTH } from './yaml-parse.js';
import { FlowReader, positionOf, SPECIAL_KEYS, type FlowResult } from './yaml-fast-flow.js';
import {
  badPlainStart,
  COLON,
  DASH,
  DOUBLE_QUOTE,
  doubleQuotedEnd,
  doubleQuotedValue,
  GIVE_UP,
  giveUp,
  HASH,
  OPEN_MAP,
  OPEN_SEQ,
  plainValue,
  SINGLE_QUOTE,
  singleQuotedEnd,
  singleQuotedValue,
  SPACE,
} from './yaml-scalar.js';

/**
 * Where a value is written: the 1-based line of its key (a map entry), of its item (a list entry) or of the value
 * itself (the root), and the positions of its own entries. A number is the line of a value without entries.
 */
export type YamlPosition =
  number | { line: number; keys: Map<string, YamlPosition> } | { line: number; items: YamlPosition[] };

export interface FastYaml {
  value: unknown;
  positions: YamlPosition;
}

/** Characters the reader leaves to the full parser: tabs (never indentation, and they end plain scalars), control
 * characters, a byte-order mark, a lone CR. (NEL, LS and PS are text to yaml as here: the tests hold that.) */
// eslint-disable-next-line no-control-regex -- control characters are exactly what this looks for
const ODD_CHARACTERS = /[\t\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufeff]|\r(?!\n)/;

/** Half the full parser's depth bound: the reader's depth counts collections only, the parser's stack a bit more. */
const MAX_DEPTH = MAX_YAML_DEPTH / 2;

/** yaml refuses an implicit key longer than this (1024 characters); well inside it, with margin. */
const MAX_KEY_LENGTH = 1000;

class Reader {
  /** The current content line: where it starts, where its content starts and ends, its indent and number. */
  lineStart = 0;
  start = 0;
  end = 0;
  indent = -1;
  line = 0;
  /** Where the line after the current one starts. */
  private next = 0;
  /** Content lines seen: a document marker is allowed only on the first. */
  private contentLines = 0;
  /** The entries' positions of the value last read (undefined for a value without entries). */
  kids: Map<string, YamlPosition> | YamlPosition[] | undefined;

  constructor(private readonly text: string) {}

  /** Moves to the next line holding content (skipping blank and comment lines); indent -1 at the end. */
  advance(): void {
    const text = this.text;
    while (this.next < text.length) {
      const lineStart = this.next;
      let lineEnd = text.indexOf('\n', lineStart);
      this.line++;
      if (lineEnd === -1) lineEnd = this.next = text.length;
      else this.next = lineEnd + 1;
      if (lineEnd > lineStart && text.charCodeAt(lineEnd - 1) === 0x0d) lineEnd--;
      let start = lineStart;
      while (start < lineEnd && text.charCodeAt(start) === SPACE) start++;
      if (start === lineEnd || text.charCodeAt(start) === HASH) continue;
      // A document marker (`---`, `...`) past the first line: the full parser handles documents.
      if (start === lineStart && this.contentLines > 0 && this.isMarker(start, lineEnd)) throw giveUp;
      this.contentLines++;
      this.lineStart = lineStart;
      this.start = start;
      this.end = lineEnd;
      this.indent = start - lineStart;
      return;
    }
    this.indent = -1;
  }

  isMarker(at: number, lineEnd: number): boolean {
    const text = this.text;
    const c = text.charCodeAt(at);
    if ((c !== DASH && c !== 0x2e) || text.charCodeAt(at + 1) !== c || text.charCodeAt(at + 2) !== c) return false;
    return at + 3 === lineEnd || text.charCodeAt(at + 3) === SPACE;
  }

  /** Skips one leading `---` (alone or with a comment) before the first content line. */
  skipDocumentStart(): void {
    if (this.indent !== 0 || this.text.charCodeAt(this.start) !== DASH || !this.isMarker(this.start, this.end)) return;
    let p = this.start + 3;
    while (p < this.end && this.text.charCodeAt(p) === SPACE) p++;
    if (p < this.end && this.text.charCodeAt(p) !== HASH) throw giveUp;
    this.advance();
  }

  /** A list item's `-` at `at`: followed by a space or the end of the line. */
  isItem(at: number): boolean {
    if (this.text.charCodeAt(at) !== DASH) return false;
    return at + 1 === this.end || this.text.charCodeAt(at + 1) === SPACE;
  }

  /** The offset of the `:` ending an implicit key starting at `at`, or -1 when the line holds no key there. */
  keyColon(at: number): number {
    const text = this.text;
    const c = text.charCodeAt(at);
    if (c === DOUBLE_QUOTE || c === SINGLE_QUOTE) {
      const close = c === DOUBLE_QUOTE ? doubleQuotedEnd(text, at, this.end) : singleQuotedEnd(text, at, this.end);
      if (close === -1) throw giveUp;
      if (text.charCodeAt(close) !== COLON) return -1;
      if (close + 1 === this.end || text.charCodeAt(close + 1) === SPACE) return close;
      throw giveUp;
    }
    // Within the line only: a search running on past it would make a long list quadratic.
    for (let i = at; i < this.end; i++) {
      const e = text.charCodeAt(i);
      if (e === COLON && (i + 1 === this.end || text.charCodeAt(i + 1) === SPACE)) return i;
      if (e === HASH && i > at && text.charCodeAt(i - 1) === SPACE) return -1;
    }
    return -1;
  }

  /** The key written from `at` to its colon. */
  key(at: number, colon: number): string {
    const text = this.text;
    const c = text.charCodeAt(at);
    let key: string;
    if (c === DOUBLE_QUOTE) {
      const v = doubleQuotedValue(text, at, colon);
      if (v === GIVE_UP) throw giveUp;
      key = v;
    } else if (c === SINGLE_QUOTE) key = singleQuotedValue(text, at, colon);
    else {
      let end = colon;
      while (text.charCodeAt(end - 1) === SPACE) end--;
      if (end === at || badPlainStart(c, text.charCodeAt(at + 1), false)) throw giveUp;
      key = text.slice(at, end);
      // A comment before the colon: the full parser decides what the line is.
      if (key.includes(' #')) throw giveUp;
    }
    if (colon - at > MAX_KEY_LENGTH || SPECIAL_KEYS.has(key)) throw giveUp;
    return key;
  }

  /** The block value (a map or a list) starting at `at` on the current line, at column `col`. */
  block(at: number, col: number, depth: number): unknown {
    if (this.isItem(at)) return this.list(at, col, depth);
    const colon = this.keyColon(at);
    if (colon === -1) throw giveUp;
    return this.map(at, colon, col, depth);
  }

  /** A block map whose keys sit at column `col`, its first key at `at` (its colon at `colon`) on the current line. */
  map(at: number, colon: number, col: number, depth: number): Record<string, unknown> {
    if (depth > MAX_DEPTH) throw giveUp;
    const text = this.text;
    const out: Record<string, unknown> = {};
    const keys = new Map<string, YamlPosition>();
    for (;;) {
      const key = this.key(at, colon);
      if (keys.has(key)) throw giveUp;
      const keyLine = this.line;
      let p = colon + 1;
      while (p < this.end && text.charCodeAt(p) === SPACE) p++;
      let value: unknown;
      if (p === this.end || text.charCodeAt(p) === HASH) {
        this.advance();
        if (this.indent > col) value = this.block(this.start, this.indent, depth + 1);
        else if (this.indent === col && this.isItem(this.start)) value = this.list(this.start, col, depth + 1);
        else {
          value = null;
          this.kids = undefined;
        }
      } else {
        if (this.isItem(p)) throw giveUp;
        value = this.inline(p, depth + 1);
        this.advance();
      }
      out[key] = value;
      keys.set(key, positionOf(keyLine, this.kids));
      if (this.indent < col) break;
      if (this.indent > col) throw giveUp;
      at = this.start;
      colon = this.keyColon(at);
      if (colon === -1) throw giveUp;
    }
    this.kids = keys;
    return out;
  }

  /** A block list whose `-` sit at column `col`, the first at `at` on the current line. */
  list(at: number, col: number, depth: number): unknown[] {
    if (depth > MAX_DEPTH) throw giveUp;
    const text = this.text;
    const out: unknown[] = [];
    const items: YamlPosition[] = [];
    for (;;) {
      let itemLine = this.line;
      let p = at + 1;
      while (p < this.end && text.charCodeAt(p) === SPACE) p++;
      let value: unknown;
      if (p === this.end || text.charCodeAt(p) === HASH) {
        this.advance();
        if (this.indent > col) {
          // `-` alone, its value on the lines below: the item is where that value starts.
          itemLine = this.line;
          value = this.block(this.start, this.indent, depth + 1);
        } else {
          value = null;
          this.kids = undefined;
        }
      } else if (this.isItem(p)) value = this.list(p, p - this.lineStart, depth + 1);
      else {
        const c = text.charCodeAt(p);
        // A flow collection is a value here; `{a: 1}: b` (a collection as a key) makes inline() give up.
        const colon = c === OPEN_SEQ || c === OPEN_MAP ? -1 : this.keyColon(p);
        if (colon !== -1) value = this.map(p, colon, p - this.lineStart, depth + 1);
        else {
          value = this.inline(p, depth + 1);
          this.advance();
        }
      }
      out.push(value);
      items.push(positionOf(itemLine, this.kids));
      if (this.indent < col) break;
      if (this.indent > col) throw giveUp;
      if (!this.isItem(this.start)) break;
      at = this.start;
    }
    this.kids = items;
    return out;
  }

  /** Where FlowReader hands back a flow collection's value and positions (one object, reused). */
  private readonly flowResult: FlowResult = { value: undefined, kids: undefined };

  /** A value written on the rest of the current line from `at`: a scalar or a flow collection. */
  inline(at: number, depth: number): unknown {
    const text = this.text;
    const c = text.charCodeAt(at);
    this.kids = undefined;
    let end: number;
    let value: unknown;
    if (c === DOUBLE_QUOTE || c === SINGLE_QUOTE) {
      end = c === DOUBLE_QUOTE ? doubleQuotedEnd(text, at, this.end) : singleQuotedEnd(text, at, this.end);
      if (end === -1) throw giveUp;
      value = c === DOUBLE_QUOTE ? doubleQuotedValue(text, at, end) : singleQuotedValue(text, at, end);
      if (value === GIVE_UP) throw giveUp;
    } else if (c === OPEN_SEQ || c === OPEN_MAP) {
      end = new FlowReader(text, this.end, this.line).read(at, depth, MAX_DEPTH, this.flowResult);
      value = this.flowResult.value;
      this.kids = this.flowResult.kids;
    } else {
      if (badPlainStart(c, text.charCodeAt(at + 1), false)) throw giveUp;
      let stop = this.end;
      for (let i = at + 1; i < this.end; i++) {
        const e = text.charCodeAt(i);
        if (e === HASH && text.charCodeAt(i - 1) === SPACE) {
          stop = i;
          break;
        }
        // `a: b: c` and a value ending in `:` hold a key (an error here): the full parser says so.
        if (e === COLON && (i + 1 === this.end || text.charCodeAt(i + 1) === SPACE)) throw giveUp;
      }
      while (text.charCodeAt(stop - 1) === SPACE) stop--;
      return plainValue(text.slice(at, stop));
    }
    // After a quoted or flow value: only spaces, then the end of the line or a comment after a space.
    let p = end;
    while (p < this.end && text.charCodeAt(p) === SPACE) p++;
    if (p < this.end && (p === end || text.charCodeAt(p) !== HASH)) throw giveUp;
    return value;
  }
}

/** Reads `text` (one YAML document in the subset above) to its value and positions; undefined when it gives up. */
export function readYamlFast(text: string): FastYaml | undefined {
  if (ODD_CHARACTERS.test(text)) return undefined;
  const reader = new Reader(text);
  try {
    reader.advance();
    reader.skipDocumentStart();
    // An empty document: rare, and the full parser's positions for it are its own.
    if (reader.indent === -1) return undefined;
    const rootLine = reader.line;
    const at = reader.start;
    let value: unknown;
    const c = text.charCodeAt(at);
    const flow = c === OPEN_SEQ || c === OPEN_MAP;
    if (reader.isItem(at) || (!flow && reader.keyColon(at) !== -1)) value = reader.block(at, reader.indent, 1);
    else {
      value = reader.inline(at, 1);
      reader.advance();
    }
    // Anything after the root value (a second document, a less indented line, leftovers): the full parser.
    if (reader.indent !== -1) return undefined;
    const kids = reader.kids;
    return { value, positions: positionOf(rootLine, kids) };
  } catch (e) {
    if (e === giveUp) return undefined;
    throw e;
  }
}
