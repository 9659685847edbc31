// Bytes to text: encodings and binary data are named, and a byte that is not UTF-8 is named with its line.
import { describe, expect, it } from 'vitest';
import { decodeInput, firstInvalidUtf8 } from './decode.js';

const bytes = (s: string, enc: BufferEncoding = 'utf8') => Buffer.from(s, enc);
const WHAT = 'a YAML design file';

describe('decodeInput', () => {
  it('names UTF-16 with or without a BOM, in either byte order', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), bytes('wspl: 1\n', 'utf16le')]);
    const be = Buffer.from(bytes('wspl: 1\n', 'utf16le')).swap16();
    for (const b of [le, bytes('wspl: 1\n', 'utf16le'), be]) {
      const r = decodeInput(b, 'f.yaml', WHAT);
      expect(r).toEqual({
        diagnostic: expect.objectContaining({ code: 'not-text', message: expect.stringContaining('UTF-16') }),
      });
    }
  });

  it('names binary data with the line of the first NUL byte', () => {
    expect(decodeInput(bytes('wspl: 1\nx: 2\n\u0000\u0001'), 'f.yaml', WHAT)).toEqual({
      diagnostic: expect.objectContaining({ code: 'not-text', line: 3, message: expect.stringContaining('binary') }),
    });
  });

  it('refuses bytes that are not UTF-8 (Latin-1), naming the byte and its line; drops a UTF-8 BOM', () => {
    expect(decodeInput(Buffer.from('wspl: 1\nregion: caf\xe9\n', 'latin1'), 'f.yaml', WHAT)).toEqual({
      diagnostic: expect.objectContaining({
        code: 'not-text',
        line: 2,
        message: expect.stringMatching(/^this file is not UTF-8 text: byte 0xE9 is not UTF-8/),
      }),
    });
    expect(decodeInput(bytes('\uFEFFwspl: 1\r\n'), 'f.yaml', WHAT)).toEqual({ text: 'wspl: 1\r\n' });
  });
});

describe('firstInvalidUtf8', () => {
  it('agrees with a strict decoder on every 1- and 2-byte input and on the classic traps', () => {
    const strict = (b: Uint8Array) => {
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(b);
        return true;
      } catch {
        return false;
      }
    };
    const disagree: string[] = [];
    for (let a = 0x80; a < 256; a++) {
      for (let b = 0; b < 256; b += 5) {
        const input = Uint8Array.of(0x41, a, b);
        if ((firstInvalidUtf8(input) === -1) !== strict(input)) disagree.push(`${a.toString(16)} ${b.toString(16)}`);
      }
    }
    expect(disagree).toEqual([]);
    // Overlong, surrogate, past U+10FFFF, truncated: each invalid at its first byte.
    for (const seq of [
      [0xc0, 0xaf],
      [0xe0, 0x80, 0xaf],
      [0xed, 0xa0, 0x80],
      [0xf4, 0x90, 0x80, 0x80],
      [0xe2, 0x82],
    ]) {
      expect(firstInvalidUtf8(Uint8Array.from([0x61, ...seq]))).toBe(1);
    }
    expect(firstInvalidUtf8(bytes('naïve ✓ 𝄞'))).toBe(-1);
  });
});
