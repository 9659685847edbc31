import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { captureIo, writeChunks, type Io } from './io.js';

/** An Io that takes bytes and keeps what it was handed (not a copy), like a stream that queues them. */
function bytesIo(takesAtOnce: (call: number) => boolean): Io & { handed: Uint8Array[]; text: () => string } {
  const handed: Uint8Array[] = [];
  const copies: Buffer[] = [];
  let call = 0;
  return {
    out: () => {
      throw new Error('bytes expected');
    },
    err: () => undefined,
    isTty: false,
    outBytes: (b) => {
      handed.push(b);
      const atOnce = takesAtOnce(call++);
      // Taken at once: the writer may reuse the buffer, so keep a copy; queued: keep the very bytes handed over.
      copies.push(atOnce ? Buffer.from(b) : (b as Buffer));
      return atOnce;
    },
    handed,
    text: () => Buffer.concat(copies).toString('utf8'),
  };
}

const piece = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom('é', '漢字', '😀', '\u0000', 'x'.repeat(70_000)),
);

describe('writeChunks', () => {
  it('writes the pieces byte for byte as one joined string would be, whether the stream takes or queues', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), fc.integer({ min: 0, max: 3 }), (pieces, every) => {
        const io = bytesIo((call) => every === 0 || call % (every + 1) !== 0);
        writeChunks(io, pieces);
        expect(io.text()).toBe(Buffer.from(pieces.join(''), 'utf8').toString('utf8'));
      }),
      { numRuns: 200 },
    );
  });

  it('gathers a large output into blocks of a quarter megabyte, and never reuses a buffer the stream kept', () => {
    const rows = Array.from({ length: 100_000 }, (_, i) => `{"client":"c${i}","workspace":"ws-é-漢"},\n`);
    const io = bytesIo((call) => call % 2 === 0);
    writeChunks(io, rows);
    expect(io.text()).toBe(rows.join(''));
    const bytes = Buffer.byteLength(rows.join(''));
    expect(io.handed.length).toBeGreaterThanOrEqual(Math.ceil(bytes / (256 * 1024)));
    expect(io.handed.length).toBeLessThan(bytes / (128 * 1024));
  });

  it('gathers strings for an Io without bytes (tests, the library)', () => {
    const io = captureIo();
    writeChunks(io, ['a', 'é', '😀']);
    expect(io.stdout()).toBe('aé😀');
  });
});

describe('stdout into a pipe', () => {
  /**
   * A child writes 8 MiB through the real process Io in one synchronous loop while this test, its reader, waits
   * 300 ms before reading: the pipe fills at once. It says how many bytes were ever queued in memory behind it.
   */
  async function queuedBehindSlowReader(): Promise<{ queued: number; bytes: number }> {
    const io = fileURLToPath(new URL('./io.ts', import.meta.url));
    const script = `
      const { processIo } = await import(${JSON.stringify(io)});
      const out = processIo();
      const block = Buffer.alloc(64 * 1024, 120);
      let queued = 0;
      for (let i = 0; i < 128; i++) {
        out.outBytes(block);
        queued = Math.max(queued, process.stdout.writableLength);
      }
      process.stderr.write(String(queued));`;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout.pause();
    await new Promise((r) => setTimeout(r, 300));
    let bytes = 0;
    child.stdout.on('data', (d: Buffer) => (bytes += d.length));
    child.stdout.resume();
    const code = await new Promise((r) => child.on('close', r));
    expect(code, err).toBe(0);
    return { queued: Number(err), bytes };
  }

  it('waits for its reader instead of queuing the output in memory', async () => {
    const { queued, bytes } = await queuedBehindSlowReader();
    expect(bytes).toBe(8 * 1024 * 1024);
    expect(queued).toBe(0);
  });
});
