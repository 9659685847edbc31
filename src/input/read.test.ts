// Reading an input's bytes: a read error in plain words, and every read bounded, pipes and devices included.
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeReadError, readInputBytes } from './read.js';

describe('readInputBytes', () => {
  const dir = mkdtempSync(join(tmpdir(), 'wspl-input-read-'));

  it('says why a file cannot be read, without Node syscall text', () => {
    const file = join(dir, 'a.yaml');
    writeFileSync(file, 'a: 1\n');
    const cases: [string, string][] = [
      [join(dir, 'missing.yaml'), 'no such file'],
      [dir, 'it is a folder, not a file'],
      [join(file, 'below'), 'a part of the path is a file, not a folder'],
    ];
    for (const [path, why] of cases) {
      expect(readInputBytes(path)).toEqual({
        diagnostic: expect.objectContaining({ code: 'unreadable', file: path, message: `cannot read it: ${why}` }),
      });
    }
    expect(describeReadError(Object.assign(new Error('x'), { code: 'EACCES' }))).toBe('permission denied');
  });

  it('reads a regular file whole, and refuses one over the limit before reading it', () => {
    const file = join(dir, 'b.yaml');
    writeFileSync(file, 'x'.repeat(5000));
    expect(readInputBytes(file)).toMatchObject({ regular: true, bytes: Buffer.from('x'.repeat(5000)) });
    expect(readInputBytes(file, 4096, 'a check configuration')).toEqual({
      diagnostic: expect.objectContaining({
        message: 'cannot read it: it is larger than 4 KiB, too large for a check configuration',
      }),
    });
  });

  it('stops reading a device that never ends (/dev/zero) at the limit', () => {
    const r = readInputBytes('/dev/zero', 1 << 20, 'an overlay');
    expect(r).toEqual({
      diagnostic: expect.objectContaining({ message: expect.stringMatching(/not a regular file .* \/dev\/zero/) }),
    });
  });

  it('reads a named pipe once, as it comes', async () => {
    const fifo = join(dir, 'fifo');
    await new Promise<void>((resolve, reject) =>
      spawn('mkfifo', [fifo]).on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`mkfifo ${code}`)))),
    );
    // The writer is another process: opening a FIFO waits for the other end.
    const writer = spawn('sh', ['-c', `printf 'wspl: 1\\n' > '${fifo}'`]);
    expect(readInputBytes(fifo)).toEqual({ bytes: Buffer.from('wspl: 1\n'), regular: false });
    await new Promise((resolve) => writer.on('exit', resolve));
  });
});
