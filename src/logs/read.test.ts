import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InputError } from '../diagnostics.js';
import { fixturePath, fixtureText } from './fixtures.test-helpers.js';
import { clientLogFolders, existingClientLogFolders } from './locations.js';
import { CHUNK_BYTES, readLogFile, readLogs, readPlanned } from './read.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'wspl-logs-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function inputError(p: Promise<unknown>): Promise<InputError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(InputError);
  return e as InputError;
}

describe('readLogFile and readLogs', () => {
  it('reads a device that never ends (/dev/zero) up to a bound, then refuses it plainly', async () => {
    const e = await inputError(readLogs(['/dev/zero'], { maxStreamBytes: 1 << 20 }));
    expect(e.diagnostics).toEqual([
      expect.objectContaining({
        file: '/dev/zero',
        message: expect.stringMatching(/^cannot read it: it is not a regular file and gives more than 1 MiB/),
      }),
    ]);
  });

  it('reads a file of many chunks (one reused read buffer) exactly as the same bytes held in memory', async () => {
    // Fresh ids per copy, so every copy is its own session; lines cross chunk boundaries at every kind of place.
    const one = fixtureText('connected');
    const copies: string[] = [];
    for (let i = 0; copies.length * one.length < 3.5 * CHUNK_BYTES; i++)
      copies.push(
        one.replace(
          /([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-)[0-9a-f]{12}/g,
          (_, head: string) => head + i.toString(16).padStart(12, '0'),
        ),
      );
    const file = join(dir, 'big.log');
    const bytes = Buffer.from(copies.join(''));
    writeFileSync(file, bytes);
    const fromDisk = await readLogFile(file);
    const inMemory = await readPlanned([{ path: file, files: [file], isFolder: false, contents: bytes }]);
    expect(fromDisk.sessions.length).toBe(copies.length);
    expect(JSON.stringify(fromDisk.sessions)).toBe(JSON.stringify(inMemory.sessions));
    expect(JSON.stringify(fromDisk.diagnoses)).toBe(JSON.stringify(inMemory.diagnoses));
  });

  it('streams a pipe past the bound once it has shown a client entry: the same report as the file it came from', async () => {
    // 3.5 MiB of sessions through a named pipe, with a bound of 1 MiB for finding the first entry.
    const one = fixtureText('connected');
    const copies: string[] = [];
    for (let i = 0; copies.length * one.length < 3.5 * CHUNK_BYTES; i++)
      copies.push(one.replace(/-[0-9a-f]{12}\b/g, `-${i.toString(16).padStart(12, '0')}`));
    const file = join(dir, 'client.log');
    writeFileSync(file, copies.join(''));
    const fifo = join(dir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    const writer = spawn('sh', ['-c', 'cat "$0" > "$1"', file, fifo], { stdio: 'ignore' });
    const written = new Promise((done) => writer.on('close', done));
    const fromPipe = await readLogs([fifo], { maxStreamBytes: 1 << 20 });
    expect(await written).toBe(0);
    const fromFile = await readLogs([file]);
    expect(fromPipe.sessions).toHaveLength(copies.length);
    const named = (r: unknown, path: string) => JSON.stringify(r).replaceAll(JSON.stringify(path).slice(1, -1), 'LOG');
    expect(named(fromPipe.sessions, fifo)).toBe(named(fromFile.sessions, file));
    expect(named(fromPipe.diagnoses, fifo)).toBe(named(fromFile.diagnoses, file));
    expect(fromPipe.files[0]?.stats).toEqual(fromFile.files[0]?.stats);
  });

  it('reads a fixture file from disk', async () => {
    const r = await readLogFile(fixturePath('connected'));
    expect(r.sessions.map((s) => s.outcome)).toEqual(['CONNECTED']);
    expect(r.files).toHaveLength(1);
    expect(r.files[0]).toMatchObject({ skipped: false, notes: [] });
    expect(r.sessions[0]!.lines[0]).toEqual({ file: fixturePath('connected'), line: 1 });
  });

  it('reads a folder in the time order of its logs, not of its names', async () => {
    writeFileSync(join(dir, 'a.log'), fixtureText('pcoip')); // 05:29
    writeFileSync(join(dir, 'b.log'), fixtureText('connected')); // 04:29
    writeFileSync(join(dir, 'c.log'), fixtureText('noReachable')); // 05:05
    const r = await readLogs([dir]);
    expect(r.files.map((f) => f.file)).toEqual(['b.log', 'c.log', 'a.log'].map((n) => join(dir, n)));
    expect(r.sessions.map((s) => s.outcome)).toEqual(['CONNECTED', 'NO_REACHABLE_ENDPOINT', 'RESOURCE_NOT_FOUND']);
  });

  it('keeps a session that the client continued in the next file of the folder', async () => {
    const lines = fixtureText('connected').split('\n');
    writeFileSync(join(dir, 'one.log'), lines.slice(0, 13).join('\n') + '\n');
    writeFileSync(join(dir, 'two.log'), lines.slice(13).join('\n'));
    const r = await readLogs([dir]);
    expect(r.sessions).toHaveLength(1);
    const s = r.sessions[0]!;
    expect(s).toMatchObject({ outcome: 'CONNECTED' });
    expect(s.reachable).toHaveLength(4);
    expect(s.lines.at(0)).toEqual({ file: join(dir, 'one.log'), line: 1 });
    expect(s.lines.at(-1)).toEqual({ file: join(dir, 'two.log'), line: 12 });
  });

  it('skips files without client lines inside a folder, with a note', async () => {
    writeFileSync(join(dir, 'notes.txt'), 'not a log\n');
    writeFileSync(join(dir, 'x.log'), fixtureText('noReachable'));
    utimesSync(join(dir, 'notes.txt'), new Date('2020-01-01'), new Date('2020-01-01'));
    const r = await readLogs([dir]);
    expect(r.sessions).toHaveLength(1);
    const skipped = r.files.find((f) => f.file.endsWith('notes.txt'))!;
    expect(skipped.skipped).toBe(true);
    expect(skipped.notes[0]).toMatch(/^skipped: no WorkSpaces client log lines/);
  });

  it('names the file that does not exist', async () => {
    const e = await inputError(readLogs([join(dir, 'missing.log')]));
    expect(e.message).toBe(`${join(dir, 'missing.log')}: no such file or folder`);
  });

  it('names an empty file', async () => {
    writeFileSync(join(dir, 'empty.log'), '');
    const e = await inputError(readLogs([join(dir, 'empty.log')]));
    expect(e.diagnostics[0]).toMatchObject({ file: join(dir, 'empty.log'), code: 'not-a-client-log' });
    expect(e.message).toMatch(/empty/);
  });

  it('names a binary file', async () => {
    writeFileSync(join(dir, 'bin.log'), Buffer.from([0, 1, 2, 255, 254, 10, 0, 0, 10]));
    const e = await inputError(readLogs([join(dir, 'bin.log')]));
    expect(e.message).toMatch(/2 binary or not UTF-8/);
  });

  it('says a UTF-16 file must be saved as UTF-8', async () => {
    writeFileSync(
      join(dir, 'u16.log'),
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(fixtureText('pcoip'), 'utf16le')]),
    );
    const e = await inputError(readLogs([join(dir, 'u16.log')]));
    expect(e.message).toMatch(/UTF-16/);
  });

  it('rejects an empty folder and a folder of non-logs, naming the folder', async () => {
    expect((await inputError(readLogs([dir]))).message).toBe(`${dir}: the folder holds no files`);
    writeFileSync(join(dir, 'a.txt'), 'hello\n');
    expect((await inputError(readLogs([dir]))).message).toMatch(
      /none of its 1 files holds WorkSpaces client log lines/,
    );
  });

  it('reports a cut last line and an over-long line in the file notes', async () => {
    const text = fixtureText('pcoip');
    // The fixture's longest line has 291 bytes: only the 300-byte one is over the cap.
    const long = 'x'.repeat(300);
    writeFileSync(join(dir, 'cut.log'), `${long}\n${text.slice(0, -40)}`);
    const r = await readLogs([join(dir, 'cut.log')], { maxLineBytes: 295 });
    const notes = r.files[0]!.notes.join('\n');
    expect(notes).toMatch(/1 line over the line-length cap skipped \(first: line 1\)/);
    expect(notes).toMatch(/no line break/);
    expect(r.sessions[0]!.outcome).toBe('RESOURCE_NOT_FOUND');
  });

  it('hands sessions to a callback without keeping them', async () => {
    const seen: string[] = [];
    const r = await readLogs([fixturePath('connected'), fixturePath('pcoip')], {
      keepSessions: false,
      onSession: (s) => seen.push(s.outcome),
    });
    expect(seen).toEqual(['CONNECTED', 'RESOURCE_NOT_FOUND']);
    expect(r.sessions).toEqual([]);
    expect(r.files).toHaveLength(2);
  });
});

describe('client log folders', () => {
  it('lists the documented Windows, macOS and Linux folders', () => {
    const folders = clientLogFolders({ LOCALAPPDATA: 'C:\\Users\\me\\AppData\\Local' }, '/home/me');
    expect(folders).toEqual([
      { os: 'windows', path: 'C:\\Users\\me\\AppData\\Local\\Amazon Web Services\\Amazon WorkSpaces\\logs' },
      { os: 'macos', path: '/home/me/Library/Application Support/Amazon Web Services/Amazon WorkSpaces/logs' },
      { os: 'linux', path: '/home/me/.local/share/Amazon Web Services/Amazon WorkSpaces/logs' },
    ]);
  });

  it('finds the one that exists', () => {
    const linux = join(dir, '.local', 'share', 'Amazon Web Services', 'Amazon WorkSpaces', 'logs');
    expect(existingClientLogFolders({}, dir)).toEqual([]);
    rmSync(dir, { recursive: true });
    mkdirSync(linux, { recursive: true });
    expect(existingClientLogFolders({}, dir)).toEqual([{ os: 'linux', path: linux }]);
  });
});
