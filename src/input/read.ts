// Reading an input file's bytes without trusting what the path names. A regular file is read up to its end; a pipe
// (`<(cat f)`, `/dev/stdin` fed by a pipe, a named FIFO) can be read only once, so it is read whole, once, and the
// bytes are kept; a device such as /dev/zero never ends. Every read is bounded: past the limit the input is refused
// with a message saying so, instead of reading (and holding) without end.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import type { Diagnostic } from '../diagnostics.js';

/** The most a YAML input (design file, check configuration, overlay) may hold: 8 times the largest benchmark. */
export const MAX_INPUT_BYTES = 16 * 1024 * 1024;

const CHUNK = 1024 * 1024;

/** A read error in a user's words, without Node's syscall text. */
export function describeReadError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EISDIR':
      return 'it is a folder, not a file';
    case 'ENOTDIR':
      return 'a part of the path is a file, not a folder';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ELOOP':
      return 'too many symbolic links (a link loop?)';
    case 'ENXIO':
      return 'it is a socket or a device that cannot be read';
    case 'ERR_FS_FILE_TOO_LARGE':
    case 'ERR_STRING_TOO_LONG':
      return 'the file is too large to be read';
    default:
      return code ?? (e instanceof Error ? e.message : String(e));
  }
}

/** A size as people say it: KiB below a mebibyte, MiB above. */
export function mib(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KiB`;
  return `${Math.round(bytes / 1024 / 1024)} MiB`;
}

/** Why an input over the limit is refused: a regular file is too large; anything else may not end at all. */
export function tooLargeMessage(regular: boolean, limit: number, what = 'an input'): string {
  return regular
    ? `it is larger than ${mib(limit)}, too large for ${what}`
    : `it is not a regular file and gives more than ${mib(limit)} (a device such as /dev/zero, which never ends?); ` +
        `${what} from a pipe or a device is read up to ${mib(limit)}: save it to a file first`;
}

/** What a read got: the bytes, and whether they came from a regular file (which can be read again). */
export interface InputBytes {
  bytes: Buffer;
  regular: boolean;
}

/**
 * Reads a file's bytes in one pass, at most `limit` of them, or a diagnostic saying why it cannot. A pipe or FIFO is
 * consumed by this read: callers keep the bytes rather than opening the path again. Never writes.
 */
export function readInputBytes(
  path: string,
  limit = MAX_INPUT_BYTES,
  what?: string,
): InputBytes | { diagnostic: Diagnostic } {
  const fail = (message: string): { diagnostic: Diagnostic } => ({
    diagnostic: { severity: 'error', code: 'unreadable', file: path, message },
  });
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    return readOpen(fd, path, limit, what);
  } catch (e) {
    return fail(`cannot read it: ${describeReadError(e)}`);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Reads the next bytes of an open descriptor into `buffer` (0 at its end). A descriptor in non-blocking mode (a pipe
 * Node set so) says EAGAIN while its writer is behind: that is waited on, not taken for an error.
 */
export function readWaiting(fd: number, buffer: Uint8Array): number {
  for (;;) {
    try {
      return readSync(fd, buffer, 0, buffer.length, null);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') throw e;
      // A short sleep, made only here: SharedArrayBuffer is absent where this module is bundled for a web page.
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
    }
  }
}

/** Reads an open descriptor to its end, bounded; a descriptor in non-blocking mode (EAGAIN) is waited on. */
function readOpen(fd: number, path: string, limit: number, what?: string): InputBytes | { diagnostic: Diagnostic } {
  const fail = (message: string): { diagnostic: Diagnostic } => ({
    diagnostic: { severity: 'error', code: 'unreadable', file: path, message },
  });
  const info = fstatSync(fd);
  if (info.isDirectory()) return fail(`cannot read it: ${describeReadError({ code: 'EISDIR' })}`);
  // /proc and /sys files say size 0 and hold text: read those like a pipe, up to the limit.
  const regular = info.isFile() && info.size > 0;
  if (regular && info.size > limit) return fail(`cannot read it: ${tooLargeMessage(true, limit, what)}`);
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const want = regular && total <= info.size ? Math.min(CHUNK, info.size - total + 1) : CHUNK;
    const chunk = Buffer.allocUnsafe(want);
    const n = readWaiting(fd, chunk);
    if (n === 0) break;
    chunks.push(n === chunk.length ? chunk : chunk.subarray(0, n));
    total += n;
    // A regular file that grew past the limit while being read is refused like one that was too large to begin with.
    if (total > limit) return fail(`cannot read it: ${tooLargeMessage(regular, limit, what)}`);
  }
  return { bytes: Buffer.concat(chunks, total), regular };
}

/** The source argument that means standard input (`wspl matrix - < env.yaml`), and the name diagnostics give it. */
export const STDIN_ARG = '-';
export const STDIN_NAME = '<stdin>';
let stdinRead = false;
let stdinPath = '/dev/stdin';

/** For in-process tests: a file that stands for standard input, and a fresh start (no read yet). */
export function stdinForTesting(path = '/dev/stdin'): void {
  stdinPath = path;
  stdinRead = false;
}

/**
 * Standard input, opened for reading by the caller (who closes it), or a diagnostic: it can be opened once in a run.
 * /dev/stdin opens the same pipe or file afresh. A client log reads it as a stream; readStdinOnce reads it whole.
 */
export function openStdinOnce(): { fd: number } | { diagnostic: Diagnostic } {
  const fail = (message: string) => ({
    diagnostic: { severity: 'error' as const, code: 'unreadable', file: STDIN_NAME, message },
  });
  if (stdinRead)
    return fail('standard input was read already and can be read only once: give the other input as a file');
  stdinRead = true;
  try {
    return { fd: openSync(stdinPath, 'r') };
  } catch (e) {
    // A socket (what Node's child_process gives a child) cannot be opened by path: a duplicate of descriptor 0 would
    // do, but Node has no dup; the descriptor itself is read.
    try {
      if (stdinPath === '/dev/stdin' && fstatSync(0).isSocket()) return { fd: 0 };
    } catch {
      // Reported below as the open's own error.
    }
    return fail(`cannot read it: ${describeReadError(e)}`);
  }
}

/**
 * Standard input's bytes, bounded like any input. Standard input can be read once: a second `-` in one run gets a
 * diagnostic at once rather than waiting on an input that has already ended (or on a terminal).
 */
export function readStdinOnce(limit = MAX_INPUT_BYTES, what?: string): InputBytes | { diagnostic: Diagnostic } {
  const opened = openStdinOnce();
  if ('diagnostic' in opened) return opened;
  let read: InputBytes | { diagnostic: Diagnostic };
  try {
    read = readOpen(opened.fd, STDIN_NAME, limit, what);
  } catch (e) {
    read = {
      diagnostic: {
        severity: 'error',
        code: 'unreadable',
        file: STDIN_NAME,
        message: `cannot read it: ${describeReadError(e)}`,
      },
    };
  } finally {
    // Descriptor 0 itself (a socket) stays open, as it was given; a descriptor opened here is closed.
    if (opened.fd !== 0) closeSync(opened.fd);
  }
  return 'diagnostic' in read ? { diagnostic: { ...read.diagnostic, file: STDIN_NAME } } : read;
}
