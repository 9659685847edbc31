// A JSON reader that keeps positions: the same values JSON.parse gives, plus the offset of every key and list item
// (positions.ts), so a finding about a template property or a plan resource names its line and column. Written by
// hand because JSON.parse keeps none; strings without escapes are sliced directly, which keeps it within a few
// times JSON.parse's speed on large plans. Refuses what AWS and Terraform would refuse or what would be unsafe to hold
// in a plain object: duplicate keys, "__proto__", nesting deeper than MAX_DEPTH.
import { Positions, type ParsedDocument, type SyntaxProblem } from './positions.js';

/** Deeper than any real template or plan; deep enough input would otherwise exhaust the stack. */
export const MAX_DEPTH = 500;

class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

const WS = new Set([0x20, 0x09, 0x0a, 0x0d]);

class Reader {
  i = 0;
  constructor(
    readonly text: string,
    readonly positions: Positions,
  ) {}

  fail(message: string, offset = this.i): never {
    throw new JsonSyntaxError(message, offset);
  }

  skip(): void {
    const t = this.text;
    while (this.i < t.length && WS.has(t.charCodeAt(this.i))) this.i++;
  }

  describeHere(): string {
    if (this.i >= this.text.length) return 'the end of the file';
    return JSON.stringify(this.text.slice(this.i, this.i + 12));
  }

  value(depth: number): unknown {
    this.skip();
    const c = this.text.charCodeAt(this.i);
    if (c === 0x7b) return this.object(depth + 1);
    if (c === 0x5b) return this.array(depth + 1);
    if (c === 0x22) return this.string();
    if (c === 0x2d || (c >= 0x30 && c <= 0x39)) return this.number();
    for (const [word, v] of [
      ['true', true],
      ['false', false],
      ['null', null],
    ] as const) {
      if (this.text.startsWith(word, this.i)) {
        this.i += word.length;
        return v;
      }
    }
    return this.fail(`expected a value, found ${this.describeHere()}`);
  }

  object(depth: number): Record<string, unknown> {
    if (depth > MAX_DEPTH) this.fail(`nested more than ${MAX_DEPTH} levels deep`);
    const at = this.i++;
    const out: Record<string, unknown> = {};
    const keys = new Map<string, number>();
    this.positions.record(out, { at, keys });
    this.skip();
    if (this.text.charCodeAt(this.i) === 0x7d) {
      this.i++;
      return out;
    }
    for (;;) {
      this.skip();
      if (this.text.charCodeAt(this.i) !== 0x22)
        this.fail(`expected a key in double quotes, found ${this.describeHere()}`);
      const keyAt = this.i;
      const key = this.string();
      if (key === '__proto__') this.fail('"__proto__" cannot be used as a key', keyAt);
      if (keys.has(key))
        this.fail(`duplicate key ${JSON.stringify(key)}: a key may appear only once in an object`, keyAt);
      keys.set(key, keyAt);
      this.skip();
      if (this.text.charCodeAt(this.i) !== 0x3a) this.fail(`expected ":" after ${JSON.stringify(key)}`);
      this.i++;
      out[key] = this.value(depth);
      this.skip();
      const c = this.text.charCodeAt(this.i);
      if (c === 0x2c) {
        this.i++;
        continue;
      }
      if (c === 0x7d) {
        this.i++;
        return out;
      }
      const open = this.positions.position(at);
      this.fail(`expected "," or "}" in the object opened at line ${open.line}, found ${this.describeHere()}`);
    }
  }

  array(depth: number): unknown[] {
    if (depth > MAX_DEPTH) this.fail(`nested more than ${MAX_DEPTH} levels deep`);
    const at = this.i++;
    const out: unknown[] = [];
    const items: number[] = [];
    this.positions.record(out, { at, items });
    this.skip();
    if (this.text.charCodeAt(this.i) === 0x5d) {
      this.i++;
      return out;
    }
    for (;;) {
      this.skip();
      items.push(this.i);
      out.push(this.value(depth));
      this.skip();
      const c = this.text.charCodeAt(this.i);
      if (c === 0x2c) {
        this.i++;
        continue;
      }
      if (c === 0x5d) {
        this.i++;
        return out;
      }
      this.fail(`expected "," or "]" in a list, found ${this.describeHere()}`);
    }
  }

  string(): string {
    const start = this.i;
    const t = this.text;
    let j = start + 1;
    let escaped = false;
    for (;;) {
      const c = t.charCodeAt(j);
      if (Number.isNaN(c)) this.fail('a string is not closed', start);
      if (c === 0x22) break;
      if (c === 0x5c) {
        escaped = true;
        j += 2;
        continue;
      }
      if (c < 0x20) this.fail('a control character (such as a line break) inside a string', j);
      j++;
    }
    this.i = j + 1;
    if (!escaped) return t.slice(start + 1, j);
    try {
      return JSON.parse(t.slice(start, j + 1)) as string;
    } catch {
      return this.fail('a bad escape sequence in a string', start);
    }
  }

  number(): number {
    const m = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
    m.lastIndex = this.i;
    const hit = m.exec(this.text);
    if (!hit) return this.fail(`expected a number, found ${this.describeHere()}`);
    this.i += hit[0].length;
    return Number(hit[0]);
  }
}

/** Parses JSON text, keeping positions; a syntax error comes back as a problem with its line and column. */
export function parseJsonWithPositions(text: string): ParsedDocument | { problem: SyntaxProblem } {
  const positions = new Positions(text);
  const reader = new Reader(text, positions);
  try {
    const value = reader.value(0);
    reader.skip();
    if (reader.i < text.length) reader.fail(`unexpected ${reader.describeHere()} after the end of the JSON value`);
    return { value, positions };
  } catch (e) {
    if (!(e instanceof JsonSyntaxError)) throw e;
    const { line, column } = positions.position(Math.min(e.offset, text.length));
    return { problem: { message: e.message, line, column } };
  }
}
