// Where large outputs go (the matrix, check findings, the logs' sessions): gathered into blocks, because one write per
// row would cost a system call each. Outputs run to hundreds of megabytes; turning each block from a string into bytes
// at the write (Buffer.from on a rope of thousands of pieces) cost more than making the text, so when the destination
// takes bytes, each piece is encoded straight into one buffer, which is reused once the destination is done with it.

/**
 * Takes bytes for the destination; returns true when it has finished with them (written, or copied), so the caller
 * may fill the same memory again, and false when it keeps a reference for later (a pipe that is full).
 */
export type ByteSink = (bytes: Uint8Array) => boolean;

export const BLOCK_BYTES = 256 * 1024;

interface Utf8Writable {
  utf8Write(text: string, offset: number): number;
}

/** Whether `n` is a whole number from 0 to 2^31 - 1 (not -0): what putIndex writes as String() would. */
export function isIndex(n: unknown): n is number {
  return typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= 0x7fffffff && !Object.is(n, -0);
}

export class BlockOutput {
  private pending = '';
  private buffer: Buffer | null = null;
  private used = 0;
  /** Bytes handed to the byte sink so far. */
  private flushed = 0;
  /** Pieces given to writeBytes that the byte sink kept a reference to (their memory may not be reused yet). */
  keptPieces = 0;

  /** `newBlock` gives the memory of each new block (the parallel reader's worker reuses blocks written). */
  constructor(
    private readonly out: (text: string) => void,
    private readonly bytes?: ByteSink,
    private readonly newBlock: () => Buffer = () => Buffer.allocUnsafe(BLOCK_BYTES),
  ) {}

  write(text: string): void {
    if (!this.bytes) {
      // Appending makes a rope that is flattened once, at the write.
      this.pending += text;
      if (this.pending.length >= 64 * 1024) this.flush();
      return;
    }
    // A UTF-16 unit takes at most 3 bytes in UTF-8 (a surrogate pair, 4 for 2 units).
    if (this.used + text.length * 3 > BLOCK_BYTES) {
      this.flush();
      if (text.length * 3 > BLOCK_BYTES) {
        const bytes = Buffer.from(text);
        this.flushed += bytes.length;
        this.bytes(bytes);
        return;
      }
    }
    this.buffer ??= this.newBlock();
    // utf8Write is Buffer's own encoder without write()'s argument parsing; write() is used where it is missing.
    const buf = this.buffer as unknown as Partial<Utf8Writable>;
    this.used +=
      typeof buf.utf8Write === 'function' ? buf.utf8Write(text, this.used) : this.buffer.write(text, this.used);
  }

  /** Whether pieces become bytes here (a byte sink was given): then the put* methods below may be used. */
  get takesBytes(): boolean {
    return this.bytes !== undefined;
  }

  /** The block to write `n` more bytes into at `used`: the current one if they fit, else a fresh one. */
  private room(n: number): Buffer {
    // Bytes put into an output of text would never be flushed: a mistake in the caller, said loudly.
    if (!this.bytes) throw new Error('BlockOutput: bytes put into an output that takes text');
    if (this.used + n > BLOCK_BYTES) this.flush();
    return (this.buffer ??= this.newBlock());
  }

  /**
   * Bytes that stay as they are (a memo's encoded text, a fixed piece of layout): copied into the block. Only with a
   * byte sink; the piece is never kept by reference unless it is larger than a block.
   */
  put(piece: Uint8Array): void {
    const n = piece.length;
    if (n > BLOCK_BYTES) {
      this.writeBytes(piece);
      return;
    }
    const buf = this.room(n);
    let at = this.used;
    // A loop beats set() for the short pieces of a layout (set() is a call into the engine for each).
    if (n < 32) for (let i = 0; i < n; i++) buf[at++] = piece[i]!;
    else {
      buf.set(piece, at);
      at += n;
    }
    this.used = at;
  }

  /** A whole number for which isIndex holds, in decimal, as String() writes it. Only with a byte sink. */
  putIndex(n: number): void {
    const buf = this.room(10);
    let digits = 1;
    for (let rest = n; rest >= 10; rest = (rest / 10) | 0) digits++;
    let at = this.used + digits;
    this.used = at;
    let rest = n;
    do {
      const next = (rest / 10) | 0;
      buf[--at] = 48 + rest - next * 10;
      rest = next;
    } while (rest > 0);
  }

  /**
   * `text` as JSON.stringify quotes it. Printable ASCII without quote or backslash (ids, times, versions: nearly
   * every string of a log) is copied a byte per character; anything else goes through JSON.stringify. Only with a
   * byte sink.
   */
  putJsonString(text: string): void {
    const n = text.length;
    if (n + 2 <= BLOCK_BYTES) {
      const buf = this.room(n + 2);
      const start = this.used;
      buf[start] = 34;
      let i = 0;
      for (; i < n; i++) {
        const c = text.charCodeAt(i);
        if (c < 0x20 || c > 0x7e || c === 34 || c === 92) break;
        buf[start + 1 + i] = c;
      }
      if (i === n) {
        buf[start + 1 + n] = 34;
        this.used = start + n + 2;
        return;
      }
    }
    // Nothing was counted as written: the escaped text starts where the copy did.
    this.write(JSON.stringify(text));
  }

  /** Bytes already in UTF-8 (rendered by a worker): written as they are, after what came before. */
  writeBytes(bytes: Uint8Array): void {
    if (bytes.length === 0) return;
    this.flush();
    this.flushed += bytes.length;
    if (this.bytes) {
      if (!this.bytes(bytes)) this.keptPieces++;
    } else this.out(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'));
  }

  /** Bytes written so far, flushed or not (with a byte sink). */
  get size(): number {
    return this.flushed + this.used;
  }

  flush(): void {
    if (this.pending !== '') {
      this.out(this.pending);
      this.pending = '';
    }
    if (this.bytes && this.buffer && this.used > 0) {
      this.flushed += this.used;
      const done = this.bytes(this.buffer.subarray(0, this.used));
      if (!done) this.buffer = null;
      this.used = 0;
    }
  }
}
