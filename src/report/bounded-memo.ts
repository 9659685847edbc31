// Texts a large report repeats (a diagnosis message wrapped to the width, a row of offered endpoints, a quoted
// Region) are made once each and looked up after. Bounded: an input with endless distinct values (a broken log)
// must not grow the memo without end, so a full memo starts again empty.

export const MEMO_ENTRIES = 4096;

export class BoundedMemo<V> {
  private readonly made = new Map<string, V>();

  constructor(private readonly limit = MEMO_ENTRIES) {}

  /** What `make(key)` returns, made on the first call for `key` (again after the memo filled up). */
  get(key: string, make: (key: string) => V): V {
    let value = this.made.get(key);
    if (value === undefined) {
      if (this.made.size >= this.limit) this.made.clear();
      value = make(key);
      this.made.set(key, value);
    }
    return value;
  }
}
