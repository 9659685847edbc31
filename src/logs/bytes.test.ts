import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ByteMemo } from './bytes.js';

// ByteMemo compares eight bytes at a time as doubles: 0/-0 and NaN patterns must still give the bytewise answer.
describe('ByteMemo', () => {
  const byte = fc.constantFrom(0x00, 0x80, 0x7f, 0xff, 0xf0, 0xf8, 0x20, 0x41);
  const bytes = fc.array(byte, { maxLength: 40 });

  it('same() agrees with comparing the bytes, whatever they are', () => {
    fc.assert(
      fc.property(bytes, bytes, fc.nat(8), fc.nat(40), (a, b, offset, pivot) => {
        const memo = new ByteMemo();
        const first = Buffer.from([...Array<number>(offset).fill(1), ...a]);
        memo.remember(first, offset, first.length);
        const second = Buffer.from([7, ...b]);
        const expected = Buffer.compare(Buffer.from(a), Buffer.from(b)) === 0;
        expect(memo.same(second, 1, second.length, Math.min(pivot, b.length))).toBe(expected);
        expect(memo.same(Buffer.from(first), offset, first.length)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('tells 0 from -0 and matches NaN patterns', () => {
    const zero = Buffer.alloc(8);
    const minusZero = Buffer.from([0x80, 0, 0, 0, 0, 0, 0, 0]);
    const nan = Buffer.from([0x7f, 0xf8, 0, 0, 0, 0, 0, 1]);
    const memo = new ByteMemo();
    memo.remember(zero, 0, 8);
    expect(memo.same(minusZero, 0, 8)).toBe(false);
    expect(memo.same(Buffer.alloc(8), 0, 8)).toBe(true);
    memo.remember(nan, 0, 8);
    expect(memo.same(Buffer.from(nan), 0, 8)).toBe(true);
  });
});
