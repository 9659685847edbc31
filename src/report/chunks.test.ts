import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { joinChunks, prettyJsonArray, prettyJsonChunks, streamedSlot } from './chunks.js';

describe('prettyJsonChunks', () => {
  it('writes what JSON.stringify(value, null, 2) writes, with the streamed arrays in place', () => {
    fc.assert(
      fc.property(
        fc.array(fc.jsonValue(), { maxLength: 6 }),
        fc.array(fc.jsonValue(), { maxLength: 6 }),
        fc.jsonValue(),
        (a, b, rest) => {
          const whole = { runs: [{ results: a, tool: { name: 'x' } }], other: b, rest };
          const streamed = {
            runs: [{ results: streamedSlot('results'), tool: { name: 'x' } }],
            other: streamedSlot('other'),
            rest,
          };
          const out = joinChunks(
            prettyJsonChunks(
              streamed,
              new Map<string, unknown[]>([
                ['results', a],
                ['other', b],
              ]),
            ),
          );
          expect(out).toBe(JSON.stringify(whole, null, 2) + '\n');
        },
      ),
      { numRuns: 60 },
    );
  });
  it('yields the array item by item, never as one string', () => {
    const pieces = [...prettyJsonArray([1, 2, 3], 0)];
    expect(pieces).toEqual(['[\n  1', ',\n  2', ',\n  3', '\n]']);
    expect([...prettyJsonArray([], 2)]).toEqual(['[]']);
  });
  it('refuses a placeholder with no items rather than print it', () => {
    expect(() => joinChunks(prettyJsonChunks({ a: streamedSlot('a') }, new Map()))).toThrow(/no items/);
  });
});
