import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LineRef } from '../logs/types.js';
import { BlockOutput } from './block-output.js';
import { lineRanges, lineRangesLength, putLineRanges } from './line-ranges.js';

const ref = (file: string, line: number) => ({ file, line }) as Parameters<typeof lineRanges>[0][number];

describe('lineRanges', () => {
  it('joins consecutive lines of one file into runs', () => {
    expect(
      lineRanges(
        [1, 2, 3, 4, 5, 6, 9, 10, 11, 12, 20].map((n) => ref('a.log', n)),
        false,
      ),
    ).toBe('1-6, 9-12, 20');
    expect(lineRanges([], false)).toBe('');
  });
  it('names the file where it changes when there are several, and never runs across files', () => {
    const refs = [ref('a.log', 1), ref('a.log', 2), ref('b.log', 3), ref('b.log', 4), ref('b.log', 9)];
    expect(lineRanges(refs, true)).toBe('a.log:1-2, b.log:3-4, 9');
    expect(lineRanges([ref('a.log', 1), ref('b.log', 2)], true)).toBe('a.log:1, b.log:2');
  });
  it('writes the same ranges as digits into bytes, and knows their length beforehand', () => {
    const line = fc.oneof(fc.nat(40), fc.constantFrom(2 ** 31 - 1, 2 ** 31, -1, 1.5, -0, Number.NaN));
    const refs = fc.array(fc.record({ file: fc.constantFrom('a.log', 'b.log'), line }), { maxLength: 12 });
    fc.assert(
      fc.property(refs, (list: LineRef[]) => {
        const text = lineRanges(list, false);
        const length = lineRangesLength(list);
        // With several files, each name as a label gives it (here: upper case).
        const named = lineRanges(list, true).replace(/[ab]\.log/g, (f) => f.toUpperCase());
        const labelled = lineRangesLength(list, (f) => f.length);
        const plain = list.every(
          (r) => Number.isInteger(r.line) && r.line >= 0 && r.line < 2 ** 31 && !Object.is(r.line, -0),
        );
        // Only lines that are whole numbers within 32 bits are written as digits; the others say -1.
        expect(length).toBe(plain ? text.length : -1);
        expect(labelled).toBe(plain ? named.length : -1);
        if (!plain) return;
        const put = (label?: (file: string) => Uint8Array) => {
          const got: Buffer[] = [];
          const out = new BlockOutput(
            () => undefined,
            (b) => (got.push(Buffer.from(b)), true),
          );
          putLineRanges(out, list, label);
          out.flush();
          return Buffer.concat(got).toString();
        };
        expect(put()).toBe(text);
        expect(put((f) => Buffer.from(f.toUpperCase() + ':'))).toBe(named);
      }),
      { numRuns: 500 },
    );
  });
});
