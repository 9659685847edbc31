import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cutAt as cut } from './fixtures.test-helpers.js';
import { LineSplitter } from './lines.js';

interface Got {
  lines: { text: string; no: number; clean: boolean }[];
  stats: LineSplitter['stats'];
}

function split(chunks: Buffer[], max?: number): Got {
  const lines: Got['lines'] = [];
  const s = new LineSplitter(
    { line: (buf, start, end, no, clean) => lines.push({ text: buf.toString('latin1', start, end), no, clean }) },
    max,
  );
  for (const c of chunks) s.push(c);
  s.end();
  return { lines, stats: s.stats };
}

/** What the splitter must produce, written the slow obvious way. */
function reference(buf: Buffer, max: number): { text: string; clean: boolean }[] | 'long' {
  const out: { text: string; clean: boolean }[] = [];
  let start = 0;
  while (start < buf.length) {
    let nl = buf.indexOf(10, start);
    if (nl === -1) nl = buf.length;
    if (nl - start > max) return 'long';
    let line = buf.subarray(start, nl);
    if (out.length === 0 && line[0] === 0xef && line[1] === 0xbb && line[2] === 0xbf) line = line.subarray(3);
    if (line.at(-1) === 13) line = line.subarray(0, -1);
    const clean =
      buf.subarray(start, nl).indexOf(0) === -1 &&
      Buffer.from(buf.subarray(start, nl).toString('utf8')).equals(buf.subarray(start, nl));
    out.push({ text: line.toString('latin1'), clean });
    start = nl + 1;
  }
  return out;
}

describe('LineSplitter', () => {
  it('splits LF and CRLF lines and drops the CR', () => {
    const got = split([Buffer.from('a\r\nb\nc\r\n')]);
    expect(got.lines.map((l) => l.text)).toEqual(['a', 'b', 'c']);
    expect(got.lines.map((l) => l.no)).toEqual([1, 2, 3]);
    expect(got.stats.cutLastLine).toBe(false);
  });

  it('skips a UTF-8 BOM on the first line only, even when it arrives split', () => {
    const bytes = Buffer.from('\ufeffhello\n\ufeffx\n');
    const got = split(cut(bytes, [1, 2]));
    expect(got.stats.bom).toBe(true);
    expect(got.lines[0]!.text).toBe('hello');
    expect(got.lines[1]!.text).toBe(Buffer.from('\ufeffx').toString('latin1'));
  });

  it('flushes a last line without a newline and says it was cut', () => {
    const got = split([Buffer.from('one\ntw'), Buffer.from('o')]);
    expect(got.lines.map((l) => l.text)).toEqual(['one', 'two']);
    expect(got.stats.cutLastLine).toBe(true);
  });

  it('marks invalid UTF-8 and NUL bytes as unclean, line by line', () => {
    const got = split([
      Buffer.concat([Buffer.from('ok\n'), Buffer.from([0xff, 0xfe, 0x41, 10]), Buffer.from('a\0b\nfine\n')]),
    ]);
    expect(got.lines.map((l) => l.clean)).toEqual([true, false, false, true]);
  });

  it('skips a line over the cap without buffering it and keeps counting lines', () => {
    const long = 'x'.repeat(50);
    const got = split(cut(Buffer.from(`a\n${long}\nb\n`), [5, 20, 40]), 16);
    expect(got.lines.map((l) => [l.text, l.no])).toEqual([
      ['a', 1],
      ['b', 3],
    ]);
    expect(got.stats.longLines).toBe(1);
    expect(got.stats.firstLongLine).toBe(2);
  });

  it('skips a line over the cap among clean lines of one chunk as it does across chunks', () => {
    const bytes = Buffer.from(`a\nb\n${'x'.repeat(50)}\nc\nd\n`);
    const whole = split([bytes], 16);
    expect(whole.lines.map((l) => l.text)).toEqual(['a', 'b', 'c', 'd']);
    expect(whole.stats.firstLongLine).toBe(3);
    expect(split(cut(bytes, [3, 30]), 16)).toEqual(whole);
  });

  it('detects a UTF-16 byte-order mark', () => {
    expect(split([Buffer.from([0xff, 0xfe, 0x41, 0x00, 0x0a, 0x00])]).stats.utf16).toBe(true);
  });

  it('gives the same lines for any chunking, equal to a slow reference', () => {
    const alphabet = fc.constantFrom(
      ...['a', 'b', '\n', '\r', 'é', '\0', '\ufeff'].map((s) => Buffer.from(s)),
      Buffer.from([0xc3]),
    );
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 60 }), fc.array(fc.nat(200), { maxLength: 8 }), (parts, at) => {
        const bytes = Buffer.concat(parts);
        const max = 12;
        const whole = split([bytes], max);
        const chunked = split(cut(bytes, at), max);
        expect(chunked).toEqual(whole);
        const ref = reference(bytes, max);
        if (ref !== 'long') expect(whole.lines.map(({ text, clean }) => ({ text, clean }))).toEqual(ref);
      }),
      { numRuns: 400 },
    );
  });
});
