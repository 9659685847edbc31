// Reads log files and folders from disk into a LogReport. Each path given is read on its own; the files of a folder
// (the client's `logs` folder) are read in time order as one stream, so a session that continues in the next file
// after the client rotated its log stays one session.
import { closeSync, createReadStream, openSync, readSync } from 'node:fs';
import { open, readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { InputError, type Diagnostic } from '../diagnostics.js';
import { mib, openStdinOnce, readWaiting, STDIN_ARG, STDIN_NAME } from '../input/read.js';
import { describeFile, notesFor } from './notes.js';
import { LogScanner, SessionCollector, type LogScannerOptions } from './scanner.js';
import type { LogDiagnosis, LogFileReport, LogFileStats, LogReport, LogSession } from './types.js';

/** The reader's chunk size: large reads keep the per-chunk overhead out of the way. */
export const CHUNK_BYTES = 1024 * 1024;

/**
 * The most read from an input that is not a regular file (a pipe, a FIFO, /dev/stdin, a device) before its first
 * client entry: it can be read only once, so what is read to find that entry is held in memory, and an input that
 * shows none may never end (/dev/zero). After the first entry it streams, at any size, as a regular file does.
 */
export const MAX_STREAM_BYTES = 64 * 1024 * 1024;

export type ReadLogsOptions = Pick<LogScannerOptions, 'maxLineBytes' | 'onSession' | 'onEvent'> & {
  /** Keep sessions and diagnoses in the report (default true); false when `onSession` consumes them. */
  keepSessions?: boolean;
  /** How far an input that is not a regular file is read for its first client entry (default MAX_STREAM_BYTES). */
  maxStreamBytes?: number;
};

/** What `readLogs` will read: each path given, with its files in reading order. */
export interface LogInput {
  /** The path as given. */
  path: string;
  /** The files to read, in order (a folder's in time order). */
  files: string[];
  isFolder: boolean;
  /** The input's first bytes, read once already: a pipe or device cannot be opened and read a second time. */
  contents?: Buffer;
  /** The open descriptor the rest of a pipe's bytes come from (read to its end after `contents`, then closed). */
  rest?: number;
}

/**
 * Reads files and folders; throws InputError (exit 2) for a missing or unreadable path or one with no client log.
 * Every path is checked before any is read in full, so a bad one fails before anything is reported.
 */
export async function readLogs(paths: readonly string[], options: ReadLogsOptions = {}): Promise<LogReport> {
  return readPlanned(await planLogs(paths, options), options);
}

/**
 * Checks the paths and lists what to read: they exist, folders hold files, and each file given (or at least one
 * file of each folder) holds a client log entry. Finding the first entry reads a chunk of a real log.
 */
export async function planLogs(paths: readonly string[], options: ReadLogsOptions = {}): Promise<LogInput[]> {
  const inputs: LogInput[] = [];
  try {
    await planEach(paths, options, inputs);
  } catch (e) {
    // A later path is bad: the pipes opened for the earlier ones will not be read.
    for (const input of inputs) if (input.rest !== undefined) closeSync(input.rest);
    throw e;
  }
  return inputs;
}

async function planEach(paths: readonly string[], options: ReadLogsOptions, inputs: LogInput[]): Promise<void> {
  for (const path of paths) {
    if (path === STDIN_ARG) {
      // `… | wspl logs -`: standard input, read as any pipe is, named as other commands name it.
      const opened = openStdinOnce();
      if ('diagnostic' in opened)
        throw new InputError(`${STDIN_NAME}: ${opened.diagnostic.message}`, [opened.diagnostic]);
      inputs.push(pipeHead(STDIN_NAME, options, opened.fd));
      continue;
    }
    const info = await stat(path).catch((err: unknown) => {
      const e = err as NodeJS.ErrnoException;
      throw unreadable(path, e);
    });
    if (!info.isDirectory() && !(info.isFile() && info.size > 0)) {
      // A pipe, FIFO or device (or a /proc file that says size 0): read up to its first entry, the rest streamed.
      inputs.push(pipeHead(path, options));
      continue;
    }
    if (!info.isDirectory()) {
      const stats = await firstEntry(path, options);
      if (stats) throw inputError(path, 'not-a-client-log', describeFile(stats));
      inputs.push({ path, files: [path], isFolder: false });
      continue;
    }
    const names = await readdir(path, { withFileTypes: true }).catch((err: unknown) => {
      const e = err as NodeJS.ErrnoException;
      throw unreadable(path, e);
    });
    const files = names.filter((d) => d.isFile()).map((d) => join(path, d.name));
    if (files.length === 0) throw inputError(path, 'no-log-files', 'the folder holds no files');
    let anyLog = false;
    for (const file of files) if (!anyLog) anyLog = (await firstEntry(file, options)) === null;
    if (!anyLog) {
      throw inputError(path, 'not-a-client-log', `none of its ${files.length} files holds WorkSpaces client log lines`);
    }
    inputs.push({ path, files: await inTimeOrder(files), isFolder: true });
  }
}

/**
 * Reads an input that can be read only once up to its first client entry, and keeps those bytes; the descriptor stays
 * open for the rest, which is streamed when the input is read. An input that shows no entry within the bound may
 * never end (/dev/zero), and is refused; one that ends without an entry is not a client log.
 */
function pipeHead(path: string, options: ReadLogsOptions, opened?: number): LogInput {
  const limit = options.maxStreamBytes ?? MAX_STREAM_BYTES;
  let fd: number;
  try {
    fd = opened ?? openSync(path, 'r');
  } catch (e) {
    throw unreadable(path, e as NodeJS.ErrnoException);
  }
  const scanner = new LogScanner({ maxLineBytes: options.maxLineBytes });
  scanner.beginFile(path);
  const chunks: Buffer[] = [];
  let total = 0;
  let keepOpen = false;
  try {
    for (;;) {
      const chunk = Buffer.allocUnsafe(CHUNK_BYTES);
      const n = readPipe(fd, chunk, path);
      if (n === 0) {
        const stats = scanner.endFile();
        if (stats.entries === 0) throw inputError(path, 'not-a-client-log', describeFile(stats));
        return { path, files: [path], isFolder: false, contents: Buffer.concat(chunks, total) };
      }
      const bytes = chunk.subarray(0, n);
      chunks.push(bytes);
      total += n;
      scanner.write(bytes);
      if (scanner.entriesInFile > 0) {
        keepOpen = true;
        return { path, files: [path], isFolder: false, contents: Buffer.concat(chunks, total), rest: fd };
      }
      if (total > limit) {
        throw inputError(
          path,
          'unreadable',
          `cannot read it: it is not a regular file and gives more than ${mib(limit)} without a WorkSpaces client ` +
            'log line (a device such as /dev/zero, which never ends?)',
        );
      }
    }
  } finally {
    if (!keepOpen) closeSync(fd);
  }
}

/** The next bytes of a pipe into `buffer` (0 at its end); a read error is the input's, named by `path`. */
function readPipe(fd: number, buffer: Buffer, path: string): number {
  try {
    return readWaiting(fd, buffer);
  } catch (e) {
    throw unreadable(path, e as NodeJS.ErrnoException);
  }
}

/** Streams the rest of a pipe into the scanner, through the shared read buffer, and closes it. */
function streamRest(fd: number, path: string, scanner: LogScanner): void {
  try {
    const buffer = (sharedChunk ??= Buffer.allocUnsafe(CHUNK_BYTES));
    for (;;) {
      const n = readPipe(fd, buffer, path);
      if (n === 0) return;
      scanner.write(buffer.subarray(0, n));
    }
  } finally {
    closeSync(fd);
  }
}

/** Reads what `planLogs` listed. */
export async function readPlanned(inputs: readonly LogInput[], options: ReadLogsOptions = {}): Promise<LogReport> {
  const sessions: LogSession[] = [];
  const diagnoses: LogDiagnosis[] = [];
  const files: LogFileReport[] = [];
  for (const input of inputs) {
    const report = await readUnit(input, options);
    // Loops, not push(...list): a large log has more sessions than a call may take arguments.
    for (const s of report.sessions) sessions.push(s);
    for (const d of report.diagnoses) diagnoses.push(d);
    for (const f of report.files) files.push(f);
  }
  return { sessions, diagnoses, files };
}

/** Reads one file. */
export async function readLogFile(path: string, options: ReadLogsOptions = {}): Promise<LogReport> {
  return readLogs([path], options);
}

/** Null once the file shows a client entry (reading stops there); else how the whole file was read. */
async function firstEntry(path: string, options: ReadLogsOptions): Promise<LogFileStats | null> {
  const scanner = new LogScanner({ maxLineBytes: options.maxLineBytes });
  scanner.beginFile(path);
  const stream = createReadStream(path, { highWaterMark: CHUNK_BYTES });
  try {
    for await (const chunk of stream) {
      scanner.write(chunk as Buffer);
      if (scanner.entriesInFile > 0) return null;
    }
  } catch (e) {
    throw unreadable(path, e as NodeJS.ErrnoException);
  } finally {
    stream.destroy();
  }
  const stats = scanner.endFile();
  return stats.entries > 0 ? null : stats;
}

/**
 * Reads one file of a unit into the scanner (beginFile done) and ends it: the default streams the whole file; the
 * parallel reader (report/logs-parallel.ts) reads only the parts a worker could not, and returns the worker's counts.
 */
export type FileReader = (scanner: LogScanner, path: string) => Promise<LogFileStats>;

const streamWhole: FileReader = async (scanner, path) => {
  await streamFile(path, (chunk) => scanner.write(chunk));
  return scanner.endFile();
};

/** Reads one input (a file, or a folder's files as one stream) with a fresh scanner. */
export async function readUnit(
  input: LogInput,
  options: ReadLogsOptions,
  readFile: FileReader = streamWhole,
): Promise<LogReport> {
  const { path: unit, files: paths, isFolder, contents } = input;
  const keep = options.keepSessions !== false;
  const collector = new SessionCollector(options.onSession);
  const scanner = new LogScanner({
    maxLineBytes: options.maxLineBytes,
    onEvent: options.onEvent,
    onSession: keep ? collector.add : options.onSession,
  });
  const files: LogFileReport[] = [];
  for (const path of paths) {
    scanner.beginFile(path);
    let stats: LogFileStats;
    if (contents) {
      for (let at = 0; at < contents.length; at += CHUNK_BYTES) scanner.write(contents.subarray(at, at + CHUNK_BYTES));
      if (input.rest !== undefined) streamRest(input.rest, path, scanner);
      stats = scanner.endFile();
    } else stats = await readFile(scanner, path);
    const skipped = stats.entries === 0;
    if (skipped && !isFolder) throw inputError(path, 'not-a-client-log', describeFile(stats));
    files.push({ file: path, stats, notes: notesFor(stats, skipped), skipped });
  }
  scanner.finish();
  if (isFolder && files.every((f) => f.skipped)) {
    throw inputError(unit, 'not-a-client-log', `none of its ${files.length} files holds WorkSpaces client log lines`);
  }
  const { sessions, diagnoses } = collector.result();
  return { sessions, diagnoses, files };
}

/** The read buffer streamFile shares between files (made on the first read). */
let sharedChunk: Buffer | null = null;

/**
 * Streams the bytes of `path` from `start` up to (not including) `end` (default: to its end). Every chunk is read into
 * the same buffer: `onChunk` must be done with it when it returns (the line splitter copies what it keeps). A fresh
 * buffer per chunk cost a page fault on every page of a large log before a byte of it was looked at. The reads are
 * synchronous: each asynchronous one went to libuv's thread pool and back while this thread, with nothing else to
 * do, waited (a tenth of the reading time in a profile; the read alone 10–15% faster without the round trip).
 */
export async function streamFile(
  path: string,
  onChunk: (chunk: Buffer) => void,
  start = 0,
  end = Infinity,
): Promise<void> {
  if (end <= start) return;
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (e) {
    throw unreadable(path, e as NodeJS.ErrnoException);
  }
  try {
    // One buffer for every file read in this thread: a folder of logs no longer touches fresh memory per file. Safe
    // to share because the loop below never awaits, so no other read can run inside it.
    const buffer = (sharedChunk ??= Buffer.allocUnsafe(CHUNK_BYTES));
    for (let at = start; at < end;) {
      let bytesRead: number;
      try {
        bytesRead = readSync(handle.fd, buffer, 0, Math.min(buffer.length, end - at), at);
      } catch (e) {
        throw unreadable(path, e as NodeJS.ErrnoException);
      }
      if (bytesRead === 0) break;
      onChunk(buffer.subarray(0, bytesRead));
      at += bytesRead;
    }
  } finally {
    await handle.close();
  }
}

/**
 * Orders a folder's files by the first timestamp they log (the client's own clock), falling back to the file's
 * modification time, then its name. Only the first 64 KiB of each file is read for this.
 */
async function inTimeOrder(paths: string[]): Promise<string[]> {
  const keyed = await Promise.all(
    paths.map(async (path) => {
      const [first, info] = await Promise.all([firstTimestamp(path), stat(path)]);
      return { path, key: first ?? info.mtime.toISOString() };
    }),
  );
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : basename(a.path).localeCompare(basename(b.path))));
  return keyed.map((k) => k.path);
}

const TIMESTAMP_AT_LINE_START = /(?:^|\n)(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z)\s/;

async function firstTimestamp(path: string): Promise<string | null> {
  const handle = await open(path, 'r').catch((err: unknown) => {
    const e = err as NodeJS.ErrnoException;
    throw unreadable(path, e);
  });
  try {
    const buf = Buffer.alloc(64 * 1024);
    const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
    return TIMESTAMP_AT_LINE_START.exec(buf.toString('latin1', 0, bytesRead))?.[1] ?? null;
  } finally {
    await handle.close();
  }
}

function unreadable(path: string, e: NodeJS.ErrnoException): InputError {
  const why =
    e.code === 'ENOENT'
      ? 'no such file or folder'
      : e.code === 'EACCES' || e.code === 'EPERM'
        ? 'permission denied'
        : `cannot read it (${e.code ?? e.message})`;
  return inputError(path, 'unreadable', why);
}

function inputError(file: string, code: string, message: string): InputError {
  const d: Diagnostic = { severity: 'error', code, file, message };
  return new InputError(`${file}: ${message}`, [d], code);
}

export type { LogFileStats };
