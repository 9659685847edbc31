import { describe, expect, it } from 'vitest';
import { BLOCK_BYTES, BlockOutput } from './block-output.js';

/** An output whose sink copies every block, and what it received, as text. */
function sink() {
  const got: Buffer[] = [];
  const out = new BlockOutput(
    () => {
      throw new Error('a byte output never writes text');
    },
    (b) => (got.push(Buffer.from(b)), true),
  );
  return { out, text: () => (out.flush(), Buffer.concat(got).toString('utf8')) };
}

describe('BlockOutput, writing bytes in place', () => {
  it('writes whole numbers as String() does, across block ends', () => {
    const { out, text } = sink();
    const numbers = [0, 7, 9, 10, 99, 100, 65535, 1_000_000, 2 ** 31 - 1];
    let expected = '';
    // Enough numbers to cross several blocks, so some land at a block's very end.
    for (let i = 0; expected.length < 3 * BLOCK_BYTES; i++) {
      const n = numbers[i % numbers.length]! + (i % 2 === 0 ? 0 : i % 7);
      const m = Math.min(n, 2 ** 31 - 1);
      out.putIndex(m);
      out.put(Buffer.from(','));
      expected += `${m},`;
    }
    expect(text()).toBe(expected);
  });

  it('quotes strings as JSON.stringify does, the escaped ones and those larger than a block too', () => {
    const { out, text } = sink();
    const strings = ['', 'plain', 'a"b', 'back\\slash', 'tab\t', '\u0000', '\u007f', 'é', '😀', '\ud800', '~ }'];
    strings.push('x'.repeat(BLOCK_BYTES + 5), 'y'.repeat(BLOCK_BYTES - 2), 'é'.repeat(BLOCK_BYTES));
    let expected = '';
    for (const s of strings) {
      out.putJsonString(s);
      out.put(Buffer.from('\n'));
      expected += JSON.stringify(s) + '\n';
    }
    expect(text()).toBe(expected);
  });

  it('copies pieces short and long, and hands a piece larger than a block over whole', () => {
    const { out, text } = sink();
    const pieces = ['ab', 'c'.repeat(31), 'd'.repeat(32), 'e'.repeat(BLOCK_BYTES), 'f'.repeat(BLOCK_BYTES + 1)];
    for (const p of pieces) {
      out.write('|');
      out.put(Buffer.from(p));
    }
    expect(text()).toBe(pieces.map((p) => '|' + p).join(''));
  });
});

describe('BlockOutput without a byte sink', () => {
  it('refuses bytes put in place rather than lose them', () => {
    const out = new BlockOutput(() => undefined);
    expect(out.takesBytes).toBe(false);
    expect(() => out.put(Buffer.from('x'))).toThrow(/takes text/);
    expect(() => out.putIndex(1)).toThrow(/takes text/);
    expect(() => out.putJsonString('x')).toThrow(/takes text/);
  });
});
