// Small byte helpers for the hot path of the reader.

interface DirectSlices {
  utf8Slice(start: number, end: number): string;
  latin1Slice(start: number, end: number): string;
}

/**
 * `buf.toString('utf8', start, end)` without its argument checks and encoding lookup, which cost more than the
 * decoding itself for the short fields of a log line. `utf8Slice` is an undocumented method of Node's Buffer;
 * toString is used if a runtime lacks it.
 */
const direct = typeof (Buffer.prototype as unknown as Partial<DirectSlices>).utf8Slice === 'function';
const directLatin1 = typeof (Buffer.prototype as unknown as Partial<DirectSlices>).latin1Slice === 'function';

export function utf8(buf: Buffer, start: number, end: number): string {
  return direct ? (buf as unknown as DirectSlices).utf8Slice(start, end) : buf.toString('utf8', start, end);
}

/** Decodes bytes known to be ASCII, where latin1 and UTF-8 agree and latin1 skips the UTF-8 checks (a quarter faster). */
function ascii(buf: Buffer, start: number, end: number): string {
  return directLatin1 ? (buf as unknown as DirectSlices).latin1Slice(start, end) : buf.toString('latin1', start, end);
}

export function startsWithAt(buf: Buffer, at: number, end: number, prefix: Uint8Array): boolean {
  const n = prefix.length;
  if (end - at < n) return false;
  for (let i = 0; i < n; i++) if (buf[at + i] !== prefix[i]) return false;
  return true;
}

/** One DataView for the buffer being read, shared by every memo (a view per memo would keep old chunks alive). */
let viewedBuffer: Buffer | null = null;
let bufferView: DataView = new DataView(new ArrayBuffer(0));

function viewOf(buf: Buffer): DataView {
  if (buf !== viewedBuffer) {
    viewedBuffer = buf;
    bufferView = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  }
  return bufferView;
}

/** Remembers one short byte string to tell whether the next one is the same. */
export class ByteMemo {
  private bytes = new Uint8Array(64);
  private memoView: DataView = new DataView(this.bytes.buffer);
  private length = -1;

  get size(): number {
    return this.length;
  }

  /**
   * Whether `buf[start, end)` equals the remembered bytes. The first `pivot` bytes are compared from their end
   * (a timestamp's milliseconds differ first), then the rest from the front.
   */
  same(buf: Buffer, start: number, end: number, pivot = end - start): boolean {
    const n = end - start;
    if (n !== this.length) return false;
    const bytes = this.bytes;
    // The pivot's bytes one by one (they differ first), the rest eight at a time through DataViews, read as
    // doubles: the widest word a DataView reads without allocating. Equal doubles are equal bytes except for
    // 0 and -0 (checked bytewise below); NaNs never compare equal, which only sends them to the byte loop.
    for (let i = pivot - 1; i >= 0 && i >= pivot - 4; i--) if (buf[start + i] !== bytes[i]) return false;
    const a = viewOf(buf);
    const b = this.memoView;
    let i = 0;
    for (; i + 8 <= n; i += 8) {
      const x = a.getFloat64(start + i);
      if (x !== b.getFloat64(i) || x === 0) break;
    }
    for (; i < n; i++) if (buf[start + i] !== bytes[i]) return false;
    return true;
  }

  remember(buf: Buffer, start: number, end: number): void {
    const n = end - start;
    if (n > this.bytes.length) {
      this.bytes = new Uint8Array(Math.max(n, this.bytes.length * 2));
      this.memoView = new DataView(this.bytes.buffer);
    }
    // Four bytes at a time through the DataViews, as in same(): a byte loop costs several times more.
    const a = viewOf(buf);
    const b = this.memoView;
    let i = 0;
    let high = 0;
    for (; i + 4 <= n; i += 4) {
      const word = a.getUint32(start + i);
      high |= word;
      b.setUint32(i, word);
    }
    for (; i < n; i++) high |= this.bytes[i] = buf[start + i]!;
    this.length = n;
    this.ascii = (high & 0x80808080) === 0;
  }

  /** Whether the remembered bytes are all ASCII. */
  ascii = true;
}

/**
 * Decodes a field once per distinct value in a row: consecutive lines of a log mostly repeat the same timestamp,
 * version and session id, so comparing a few bytes with the previous value saves a string each time.
 */
export class RepeatDecoder {
  private readonly memo = new ByteMemo();
  private text = '';
  /** True when the last decode produced a new string (the bytes differ from the previous call's). */
  fresh = false;

  decode(buf: Buffer, start: number, end: number): string {
    if (this.memo.same(buf, start, end)) {
      this.fresh = false;
      return this.text;
    }
    this.memo.remember(buf, start, end);
    this.fresh = true;
    this.text = this.memo.ascii ? ascii(buf, start, end) : utf8(buf, start, end);
    return this.text;
  }

  /** Whether `buf[start, end)` holds the last decoded value, without remembering anything. */
  isLast(buf: Buffer, start: number, end: number): boolean {
    return this.memo.same(buf, start, end);
  }

  /** The last decoded value. */
  get last(): string {
    return this.text;
  }

  /** Length of the last decoded value (-1 before the first). */
  get lastLength(): number {
    return this.memo.size;
  }
}
