// The diagnoses a log writer keeps for the end of its output (they print after every session). A large log has tens
// of thousands; kept as the reader's objects they outlived every young-generation collection, and moving them into
// the old generation (fresh memory, slow to touch on a virtual machine) took a third of `wspl logs`. Here a diagnosis
// of the reader's own shape is kept as a few numbers and two strings, its texts shared with every diagnosis that
// says the same; it is made into an object again, for the renderer, only when its turn comes at the end.
import type { LineRef, LogDiagnosis } from '../logs/types.js';
import { isIndex } from './block-output.js';

/** The keys of a diagnosis as the reader makes it, in its order (the JSON prints them in the object's order). */
const KEYS = ['code', 'severity', 'session', 'message', 'lines', 'inferred'] as const;

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

// Numbers and bytes are kept in chunks of fixed size, never copied to grow: on a virtual machine every fresh page of
// memory is slow to touch the first time, and growing by doubling touched each number twice or more.
const CHUNK_BITS = 14;
const CHUNK = 1 << CHUNK_BITS;
const IN_CHUNK = CHUNK - 1;

/** A list of 32-bit numbers in chunks (memory of its own, not a heap object per number). */
class Numbers {
  private readonly chunks: Int32Array[] = [];
  private current: Int32Array = new Int32Array(0);
  private at = 0;
  length = 0;

  push(n: number): void {
    if (this.at === this.current.length) {
      this.current = new Int32Array(CHUNK);
      this.chunks.push(this.current);
      this.at = 0;
    }
    this.current[this.at++] = n;
    this.length++;
  }

  get(i: number): number {
    return this.chunks[i >>> CHUNK_BITS]![i & IN_CHUNK]!;
  }

  pack(): PackedNumbers {
    return { chunks: this.chunks, length: this.length };
  }

  /** The list a packed one was made of (its chunks taken as they are: moved, never copied). */
  static unpack(p: PackedNumbers): Numbers {
    const numbers = new Numbers();
    numbers.chunks.push(...p.chunks);
    numbers.length = p.length;
    numbers.current = p.chunks.at(-1) ?? new Int32Array(0);
    numbers.at = p.chunks.length === 0 ? 0 : p.length - (p.chunks.length - 1) * CHUNK;
    return numbers;
  }
}

interface PackedNumbers {
  chunks: Int32Array[];
  length: number;
}

const BYTE_CHUNK = 64 * 1024;

/** Text kept as bytes, one per character (for text whose characters all fit one: U+0000 to U+00FF), in chunks. */
class Latin1 {
  private readonly chunks: Buffer[] = [];
  private current: Buffer = Buffer.alloc(0);
  private at = 0;

  /** Where `text` is kept (chunk * BYTE_CHUNK + offset), or -1 when it is longer than a chunk or a character does not fit a byte. */
  add(text: string): number {
    const n = text.length;
    if (n === 0) return 0;
    if (n > BYTE_CHUNK) return -1;
    if (this.at + n > this.current.length) {
      this.current = Buffer.allocUnsafe(BYTE_CHUNK);
      this.chunks.push(this.current);
      this.at = 0;
    }
    const data = this.current;
    const at = this.at;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c > 0xff) return -1;
      data[at + i] = c;
    }
    this.at = at + n;
    return (this.chunks.length - 1) * BYTE_CHUNK + at;
  }

  text(place: number, length: number): string {
    if (length === 0) return '';
    const at = place % BYTE_CHUNK;
    return this.chunks[(place - at) / BYTE_CHUNK]!.toString('latin1', at, at + length);
  }

  pack(): PackedBytes {
    return { chunks: this.chunks, at: this.at };
  }

  static unpack(p: PackedBytes): Latin1 {
    const bytes = new Latin1();
    // A moved chunk arrives as a plain Uint8Array: viewed as a Buffer again (no copy) for its latin1 decoding.
    for (const c of p.chunks) bytes.chunks.push(Buffer.from(c.buffer, c.byteOffset, c.byteLength));
    bytes.current = bytes.chunks.at(-1) ?? Buffer.alloc(0);
    bytes.at = p.at;
    return bytes;
  }
}

interface PackedBytes {
  chunks: Uint8Array[];
  at: number;
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
    if (!isIndex(line)) return false;
  }
  return true;
}

/** Per compact diagnosis, in `fields`: code, severity, message, inferred, first line, line count, session (2). */
const FIELDS = 8;
/** The session's second field when it is null, or a string kept as it is (its first field is then its place). */
const NO_SESSION = -1;
const KEPT_SESSION = -2;

/**
 * Diagnoses in the order they were added, handed back in that order. Nothing a compact
 * diagnosis keeps is a heap object of its own (the ids are bytes, the rest numbers in typed arrays): so nothing held
 * survives the young generation's collections, which then stay small and quick.
 */
export class HeldDiagnosisList {
  /** Per item: the number of a compact diagnosis, or -1 - (the place of another diagnosis in `others`). */
  private order = new Numbers();
  /** Diagnoses of another shape, and session ids that do not fit bytes. */
  private others: (LogDiagnosis | string)[] = [];
  private texts = new Strings();
  private ids = new Latin1();
  private fields = new Numbers();
  /** Per line of a compact diagnosis: its file (place in `texts`) and its number. */
  private lines = new Numbers();
  private compact = 0;

  /**
   * The list as plain data for another thread: the parallel reader's worker holds the diagnoses it finds here and
   * moves the chunks (`transferables`) instead of rendering them, which kept megabytes of bytes for the end.
   */
  pack(): PackedDiagnoses {
    return {
      order: this.order.pack(),
      others: this.others,
      texts: this.texts.list,
      ids: this.ids.pack(),
      fields: this.fields.pack(),
      lines: this.lines.pack(),
      compact: this.compact,
    };
  }

  static unpack(p: PackedDiagnoses): HeldDiagnosisList {
    const list = new HeldDiagnosisList();
    list.order = Numbers.unpack(p.order);
    list.others = p.others;
    for (const t of p.texts) list.texts.of(t);
    list.ids = Latin1.unpack(p.ids);
    list.fields = Numbers.unpack(p.fields);
    list.lines = Numbers.unpack(p.lines);
    list.compact = p.compact;
    return list;
  }

  add(d: LogDiagnosis): void {
    if (!inReaderShape(d)) {
      this.keep(d);
      return;
    }
    this.order.push(this.compact++);
    const refs = d.lines;
    const f = this.fields;
    f.push(this.texts.of(d.code));
    f.push(this.texts.of(d.severity));
    f.push(this.texts.of(d.message));
    f.push(d.inferred ? 1 : 0);
    f.push(this.lines.length / 2);
    f.push(refs.length);
    const id = d.session;
    const place = id === null ? -1 : this.ids.add(id);
    if (id === null) {
      f.push(0);
      f.push(NO_SESSION);
    } else if (place !== -1) {
      f.push(place);
      f.push(id.length);
    } else {
      f.push(this.others.length);
      f.push(KEPT_SESSION);
      this.others.push(id);
    }
    for (const r of refs) {
      this.lines.push(this.texts.of(r.file));
      this.lines.push(r.line);
    }
  }

  private keep(item: LogDiagnosis): void {
    this.order.push(-1 - this.others.length);
    this.others.push(item);
  }

  /** How many diagnoses are held. */
  get size(): number {
    return this.order.length;
  }

  /** Each diagnosis of [from, to) in order (a callback, not a generator: a large log has tens of thousands). */
  forEach(visit: (held: LogDiagnosis) => void, from = 0, to = this.order.length): void {
    for (let i = from; i < to; i++) {
      const n = this.order.get(i);
      visit(n >= 0 ? this.made(n) : (this.others[-1 - n] as LogDiagnosis));
    }
  }

  /** The compact diagnosis `n` as the reader made it (the same keys in the same order). */
  private made(n: number): LogDiagnosis {
    const f = this.fields;
    const l = this.lines;
    const texts = this.texts.list;
    const at = n * FIELDS;
    const first = f.get(at + 4);
    const lines: LineRef[] = [];
    for (let i = first, end = first + f.get(at + 5); i < end; i++) {
      lines.push({ file: texts[l.get(i * 2)]!, line: l.get(i * 2 + 1) });
    }
    const idAt = f.get(at + 6);
    const idLength = f.get(at + 7);
    const session =
      idLength === NO_SESSION
        ? null
        : idLength === KEPT_SESSION
          ? (this.others[idAt] as string)
          : this.ids.text(idAt, idLength);
    return {
      code: texts[f.get(at)]!,
      severity: texts[f.get(at + 1)]! as LogDiagnosis['severity'],
      session,
      message: texts[f.get(at + 2)]!,
      lines,
      inferred: f.get(at + 3) === 1,
    };
  }
}

/** A HeldDiagnosisList as plain data (structured-cloneable; its chunks can be moved). */
export interface PackedDiagnoses {
  order: PackedNumbers;
  others: (LogDiagnosis | string)[];
  texts: string[];
  ids: PackedBytes;
  fields: PackedNumbers;
  lines: PackedNumbers;
  compact: number;
}

/** The memory a packed list can move to another thread instead of copying. */
export function packedBuffers(p: PackedDiagnoses): ArrayBuffer[] {
  const chunks = [...p.order.chunks, ...p.fields.chunks, ...p.lines.chunks, ...p.ids.chunks];
  return [...new Set(chunks.map((c) => c.buffer).filter((b): b is ArrayBuffer => b instanceof ArrayBuffer))];
}
