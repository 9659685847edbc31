// The diagnoses a log writer keeps for the end of its output (they print after every session). A large log has tens
// of thousands; kept as the reader's objects they outlived every young-generation collection, and moving them into
// the old generation (fresh memory, slow to touch on a virtual machine) took a third of `wspl logs`. Here a diagnosis
// of the reader's own shape is kept as a few numbers and two strings, its texts shared with every diagnosis that
// says the same; it is made into an object again, for the renderer, only when its turn comes at the end.
import type { LineRef, LogDiagnosis } from '../logs/types.js';
import type { HeldDiagnoses, RenderedSegment } from './log-segments.js';

/** The keys of a diagnosis as the reader makes it, in its order (the JSON prints them in the object's order). */
const KEYS = ['code', 'severity', 'session', 'message', 'lines', 'inferred'] as const;
const LARGEST_LINE = 0x7fffffff;

/** Distinct strings, each kept once and named by its place. */
class Strings {
  private readonly index = new Map<string, number>();
  readonly list: string[] = [];

  of(text: string): number {
    let i = this.index.get(text);
    if (i === undefined) {
      i = this.list.length;
      this.list.push(text);
      this.index.set(text, i);
    }
    return i;
  }
}

/** A list of 32-bit numbers that grows by doubling (one block of memory, not a heap object per number). */
class Numbers {
  data = new Int32Array(4096);
  length = 0;

  /** The memory to write `n` more numbers into from `length` (the caller then adds `n` to `length`). */
  room(n: number): Int32Array {
    if (this.length + n > this.data.length) {
      const more = new Int32Array(Math.max(this.data.length * 2, this.length + n));
      more.set(this.data);
      this.data = more;
    }
    return this.data;
  }
}

/**
 * Whether `d` has exactly the reader's keys, in order, with values of the reader's types (lines of whole numbers up
 * to 2^31 - 1): then its fields alone say how it prints.
 */
export function inReaderShape(d: LogDiagnosis): boolean {
  let i = 0;
  for (const key in d) if (!Object.hasOwn(d, key) || key !== KEYS[i++]) return false;
  if (i !== KEYS.length) return false;
  if (typeof d.code !== 'string' || typeof d.severity !== 'string' || typeof d.message !== 'string') return false;
  if ((d.session !== null && typeof d.session !== 'string') || typeof d.inferred !== 'boolean') return false;
  if (!Array.isArray(d.lines)) return false;
  for (const r of d.lines as unknown[]) {
    if (typeof r !== 'object' || r === null) return false;
    const { file, line } = r as Partial<LineRef>;
    if (typeof file !== 'string' || typeof line !== 'number') return false;
    if (!Number.isInteger(line) || line < 0 || line > LARGEST_LINE || Object.is(line, -0)) return false;
  }
  return true;
}

/** Text kept as bytes, one byte per character (only for text whose characters all fit in one, U+0000 to U+00FF). */
class Latin1 {
  data = Buffer.allocUnsafe(64 * 1024);
  length = 0;

  /** Appends `text` and returns true, or returns false (and keeps nothing) if a character does not fit a byte. */
  add(text: string): boolean {
    const n = text.length;
    if (this.length + n > this.data.length) {
      const more = Buffer.allocUnsafe(Math.max(this.data.length * 2, this.length + n));
      this.data.copy(more, 0, 0, this.length);
      this.data = more;
    }
    const data = this.data;
    const at = this.length;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c > 0xff) return false;
      data[at + i] = c;
    }
    this.length = at + n;
    return true;
  }
}

/** Per compact diagnosis, in `fields`: code, severity, message, inferred, first line, line count, session (2). */
const FIELDS = 8;
/** The session's second field when it is null, or a string kept as it is (its first field is then its place). */
const NO_SESSION = -1;
const KEPT_SESSION = -2;

/**
 * Diagnoses and rendered segments in the order they were added, handed back in that order. Nothing a compact
 * diagnosis keeps is a heap object of its own (the ids are bytes, the rest numbers in typed arrays): so nothing held
 * survives the young generation's collections, which then stay small and quick.
 */
export class HeldDiagnosisList {
  /** Per item: the number of a compact diagnosis, or -1 - (the place of a segment or another diagnosis in `others`). */
  private readonly order = new Numbers();
  /** Segments, diagnoses of another shape, and session ids that do not fit bytes. */
  private readonly others: (HeldDiagnoses | string)[] = [];
  private readonly texts = new Strings();
  private readonly ids = new Latin1();
  private readonly fields = new Numbers();
  /** Per line of a compact diagnosis: its file (place in `texts`) and its number. */
  private readonly lines = new Numbers();
  private compact = 0;

  add(d: LogDiagnosis): void {
    if (!inReaderShape(d)) {
      this.keep(d);
      return;
    }
    this.push(this.order, this.compact++);
    const refs = d.lines;
    const f = this.fields.room(FIELDS);
    let at = this.fields.length;
    f[at++] = this.texts.of(d.code);
    f[at++] = this.texts.of(d.severity);
    f[at++] = this.texts.of(d.message);
    f[at++] = d.inferred ? 1 : 0;
    f[at++] = this.lines.length / 2;
    f[at++] = refs.length;
    const id = d.session;
    const idStart = this.ids.length;
    if (id === null) {
      f[at++] = 0;
      f[at++] = NO_SESSION;
    } else if (this.ids.add(id)) {
      f[at++] = idStart;
      f[at++] = id.length;
    } else {
      f[at++] = this.others.length;
      f[at++] = KEPT_SESSION;
      this.others.push(id);
    }
    this.fields.length = at;
    const l = this.lines.room(refs.length * 2);
    at = this.lines.length;
    for (const r of refs) {
      l[at++] = this.texts.of(r.file);
      l[at++] = r.line;
    }
    this.lines.length = at;
  }

  private push(list: Numbers, n: number): void {
    list.room(1)[list.length++] = n;
  }

  private keep(item: HeldDiagnoses): void {
    this.push(this.order, -1 - this.others.length);
    this.others.push(item);
  }

  /** How many diagnoses and segments are held. */
  get size(): number {
    return this.order.length;
  }

  addSegment(seg: RenderedSegment): void {
    this.keep(seg);
  }

  /** Each diagnosis and segment in order (a callback, not a generator: a large log has tens of thousands). */
  forEach(visit: (held: HeldDiagnoses) => void): void {
    const order = this.order.data;
    for (let i = 0; i < this.order.length; i++) {
      const n = order[i]!;
      visit(n >= 0 ? this.made(n) : (this.others[-1 - n] as HeldDiagnoses));
    }
  }

  /** The compact diagnosis `n` as the reader made it (the same keys in the same order). */
  private made(n: number): LogDiagnosis {
    const f = this.fields.data;
    const l = this.lines.data;
    const texts = this.texts.list;
    const at = n * FIELDS;
    const first = f[at + 4]!;
    const lines: LineRef[] = [];
    for (let i = first, end = first + f[at + 5]!; i < end; i++) {
      lines.push({ file: texts[l[i * 2]!]!, line: l[i * 2 + 1]! });
    }
    const idAt = f[at + 6]!;
    const idLength = f[at + 7]!;
    const session =
      idLength === NO_SESSION
        ? null
        : idLength === KEPT_SESSION
          ? (this.others[idAt] as string)
          : this.ids.data.toString('latin1', idAt, idAt + idLength);
    return {
      code: texts[f[at]!]!,
      severity: texts[f[at + 1]!]! as LogDiagnosis['severity'],
      session,
      message: texts[f[at + 2]!]!,
      lines,
      inferred: f[at + 3] === 1,
    };
  }
}
