import { describe, expect, it } from 'vitest';
import { BoundedMemo } from './bounded-memo.js';

describe('BoundedMemo', () => {
  it('makes a value once per key and hands the same one back', () => {
    const memo = new BoundedMemo<string[]>();
    let made = 0;
    const make = (k: string) => (made++, [k]);
    const first = memo.get('a', make);
    expect(memo.get('a', make)).toBe(first);
    expect(memo.get('b', make)).toEqual(['b']);
    expect(made).toBe(2);
  });

  it('starts again empty when full, so endless distinct keys keep it bounded', () => {
    const memo = new BoundedMemo<number>(3);
    let made = 0;
    const make = () => ++made;
    for (const k of ['a', 'b', 'c']) memo.get(k, make);
    expect(memo.get('a', make)).toBe(1);
    memo.get('d', make); // the fourth key: the memo was full and starts again
    expect(memo.get('a', make)).toBe(5);
    expect(made).toBe(5);
  });
});
