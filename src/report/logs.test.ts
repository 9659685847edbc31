import { describe, expect, it } from 'vitest';
import { lineRanges } from './logs.js';

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
});
