import { BlockOutput } from '../report/block-output.js';
import { widthFor } from '../report/wrap.js';

// Where the CLI writes. Tests pass buffers; the real binary passes the process streams.
export interface Io {
  out(text: string): void;
  /**
   * Writes bytes to stdout, when the Io can (the real process); returns true when the stream took them at once, so
   * the caller may fill the same buffer again. Large outputs are encoded straight into a buffer and written here.
   */
  outBytes?: (bytes: Uint8Array) => boolean;
  err(text: string): void;
  /** True when stdout is a terminal (colours and tables for humans). */
  isTty: boolean;
  /** True when stderr is a terminal: progress may rewrite one line in place. */
  errIsTty?: boolean;
  /**
   * The terminal's width when stdout is a terminal (colours on or off); undefined for a pipe or a file. Progress
   * while output is written is shown only when this is undefined: on a shared terminal it would break the lines.
   */
  columns?: number;
}

/** The width text output is fitted to: the terminal's, or DEFAULT_WIDTH (100) into a pipe or a file. */
export function textWidth(io: Io): number {
  return widthFor(io.columns);
}

let pipeGuard = false;

/**
 * Colours as command-line tools agree: NO_COLOR (any non-empty value) turns them off, FORCE_COLOR turns them on even
 * into a pipe (FORCE_COLOR=0 off), otherwise a terminal gets them. `--no-color` is applied by main.
 */
export function colourWanted(env: NodeJS.ProcessEnv, isTTY: boolean | undefined): boolean {
  if (env.NO_COLOR) return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  return isTTY === true;
}

export function processIo(): Io {
  // `wspl … | head` closes the pipe early: that is the reader's choice, not an error worth a stack trace.
  if (!pipeGuard) {
    pipeGuard = true;
    process.stdout.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') process.exit(0);
      throw e;
    });
    writeBlocking(process.stdout);
  }
  return {
    out: (t) => process.stdout.write(t),
    outBytes: (b) => {
      process.stdout.write(b);
      // Nothing left in the stream's queue: the bytes went to the file, pipe or terminal during the call (all written
      // synchronously, a pipe made to wait for its reader by writeBlocking), and the stream keeps no reference to
      // them. A stream that still queues (one without setBlocking) keeps them: the caller takes a fresh buffer.
      return process.stdout.writableLength === 0;
    },
    err: (t) => process.stderr.write(t),
    isTty: colourWanted(process.env, process.stdout.isTTY),
    errIsTty: process.stderr.isTTY,
    ...(process.stdout.isTTY ? { columns: process.stdout.columns } : {}),
  };
}

/**
 * Makes writes to a pipe wait for its reader, as writes to a file or a terminal do. Node writes to a pipe
 * asynchronously: once the reader falls behind for a moment, every later write is queued in memory, and a command
 * that writes its whole output in one synchronous loop never lets that queue drain. Into `| jq` or `| gzip` the
 * whole output sat in memory (`wspl matrix --format json` at scale 1: 672 MiB and 6.6 s into `| md5sum`, against
 * 223 MiB and 2.4 s into a file). With blocking writes, wspl waits for its reader, as `cat` does. `setBlocking` is
 * the pipe handle's own method (libuv's uv_stream_set_blocking); where a stream has none, nothing changes.
 */
export function writeBlocking(stream: NodeJS.WriteStream): void {
  if (stream.isTTY) return;
  const handle = (stream as unknown as { _handle?: { setBlocking?: (blocking: boolean) => unknown } })._handle;
  if (typeof handle?.setBlocking === 'function') handle.setBlocking(true);
}

export interface CapturedIo extends Io {
  stdout: () => string;
  stderr: () => string;
}

export function captureIo(): CapturedIo {
  let o = '';
  let e = '';
  return {
    out: (t) => (o += t),
    err: (t) => (e += t),
    isTty: false,
    stdout: () => o,
    stderr: () => e,
  };
}

/**
 * Writes an output made in pieces through one BlockOutput (src/report/block-output.ts): gathered into blocks, and
 * where the Io takes bytes, each piece encoded straight into a reused buffer. `onPiece` is told how many pieces have
 * been made (progress, for a long output).
 */
export function writeChunks(io: Io, chunks: Iterable<string>, onPiece?: (pieces: number) => void): void {
  const output = new BlockOutput((t) => io.out(t), io.outBytes);
  let pieces = 0;
  for (const c of chunks) {
    if (onPiece) onPiece(++pieces);
    output.write(c);
  }
  output.flush();
}
