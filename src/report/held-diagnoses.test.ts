import { describe, expect, it } from 'vitest';
import type { LogDiagnosis } from '../logs/types.js';
import { HeldDiagnosisList, inReaderShape, packedBuffers } from './held-diagnoses.js';

const diagnosis = (n: number, session: string | null): LogDiagnosis => ({
  code: n % 2 === 0 ? 'no-reachable-endpoint' : 'udp-blocked',
  severity: n % 2 === 0 ? 'error' : 'warning',
  session,
  // The reader shares one message between sessions; a fresh copy must come back equal all the same.
  message: `message ${n % 3}`.slice(0),
  lines: [
    { file: 'a.log', line: n },
    { file: n % 2 === 0 ? 'a.log' : 'b/c "d".log', line: 2 ** 31 - 1 },
  ],
  inferred: n % 2 === 1,
});

/**
 * `count` diagnoses of the reader's shape (every fifth without a session), then one of another shape, and session ids
 * kept as bytes or as strings: empty, one byte per character, wider characters, longer than a chunk.
 */
function mixedDiagnoses(count: number): LogDiagnosis[] {
  return [
    ...Array.from({ length: count }, (_, i) => diagnosis(i, i % 5 === 0 ? null : `s-${i}`)),
    { ...diagnosis(1, 's'), extra: 1 } as unknown as LogDiagnosis,
    diagnosis(7, 'after'),
    diagnosis(8, ''),
    diagnosis(9, 'é'),
    diagnosis(10, 'a—b'),
    diagnosis(11, 'x'.repeat(70_000)),
    diagnosis(12, ''),
  ];
}

describe('HeldDiagnosisList', () => {
  it('hands back every diagnosis in order, with the same keys in the same order', () => {
    const added = mixedDiagnoses(3000);
    const odd = added.find((d) => 'extra' in d);
    expect(odd).toBeDefined();
    const list = new HeldDiagnosisList();
    for (const d of added) list.add(d);
    const diagnoses: unknown[] = [];
    list.forEach((d) => diagnoses.push(d));
    expect(diagnoses).toHaveLength(added.length);
    // Key order matters: the JSON prints a diagnosis's keys in the order the object has them.
    expect(diagnoses.map((d) => JSON.stringify(d))).toEqual(added.map((d) => JSON.stringify(d)));
    // A diagnosis of another shape is kept as it came.
    expect(diagnoses).toContain(odd);
  });

  it('keeps compactly only what its numbers can hold exactly', () => {
    const base = diagnosis(2, 's');
    expect(inReaderShape(base)).toBe(true);
    const notShapes: unknown[] = [
      { ...base, lines: [{ file: 'a.log', line: -1 }] },
      { ...base, lines: [{ file: 'a.log', line: -0 }] },
      { ...base, lines: [{ file: 'a.log', line: 2 ** 31 }] },
      { ...base, lines: [{ file: 'a.log', line: 1.5 }] },
      { ...base, lines: [{ file: 7, line: 1 }] },
      { ...base, lines: [null] },
      { ...base, lines: 'x' },
      { ...base, session: 3 },
      { ...base, inferred: 'yes' },
      // The same keys in another order.
      Object.fromEntries(Object.entries(base).reverse()),
      { code: base.code, severity: base.severity, session: null, message: 'm', lines: [] },
      Object.assign(Object.create({ inheritedKey: 1 }) as object, base),
    ];
    for (const d of notShapes) expect(inReaderShape(d as LogDiagnosis)).toBe(false);
    // And those come back as they were: the very same objects.
    const list = new HeldDiagnosisList();
    for (const d of notShapes) list.add(d as LogDiagnosis);
    const back: unknown[] = [];
    list.forEach((d) => back.push(d));
    expect(back).toHaveLength(notShapes.length);
    back.forEach((d, i) => expect(d).toBe(notShapes[i]));
  });

  it('moves to another thread as its chunks, and hands back any run of its diagnoses there', () => {
    const added = mixedDiagnoses(40_000);
    const list = new HeldDiagnosisList();
    for (const d of added) list.add(d);
    const packed = list.pack();
    const buffers = packedBuffers(packed);
    // Several chunks of every kind: numbers and id bytes both ran past one chunk.
    expect(buffers.length).toBeGreaterThan(8);
    // As postMessage does it: the chunks moved (detached here), the rest copied.
    const moved = structuredClone(packed, { transfer: buffers });
    expect(buffers.every((b) => b.byteLength === 0)).toBe(true);
    const there = HeldDiagnosisList.unpack(moved);
    expect(there.size).toBe(added.length);
    for (const [from, to] of [
      [0, added.length],
      [0, 0],
      [16_383, 16_390],
      [39_990, added.length],
      [40_001, 40_003],
    ] as const) {
      const back: unknown[] = [];
      there.forEach((d) => back.push(d), from, to);
      expect(back.map((d) => JSON.stringify(d))).toEqual(added.slice(from, to).map((d) => JSON.stringify(d)));
    }
  });

  it('an unpacked list goes on taking diagnoses where the packed one stopped, empty or not', () => {
    for (const n of [0, 3, 16_384]) {
      const list = new HeldDiagnosisList();
      const added = Array.from({ length: n }, (_, i) => diagnosis(i, `s-${i}`));
      for (const d of added) list.add(d);
      const there = HeldDiagnosisList.unpack(structuredClone(list.pack()));
      const more = [diagnosis(1, 'more'), diagnosis(2, null)];
      for (const d of more) there.add(d);
      const back: unknown[] = [];
      there.forEach((d) => back.push(d));
      expect(back.map((d) => JSON.stringify(d))).toEqual([...added, ...more].map((d) => JSON.stringify(d)));
    }
  });
});
