import { describe, expect, it } from 'vitest';
import type { LogDiagnosis } from '../logs/types.js';
import { HeldDiagnosisList, inReaderShape } from './held-diagnoses.js';
import type { RenderedSegment } from './log-segments.js';

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

const segment = { sessions: 1, diagnoses: 1, diagnosisBytes: [] } as unknown as RenderedSegment;

describe('HeldDiagnosisList', () => {
  it('hands back every diagnosis and segment in order, with the same keys in the same order', () => {
    const odd = { ...diagnosis(1, 's'), extra: 1 } as unknown as LogDiagnosis;
    const added = [
      ...Array.from({ length: 3000 }, (_, i) => diagnosis(i, i % 5 === 0 ? null : `s-${i}`)),
      odd,
      diagnosis(7, 'after'),
      // Ids kept as bytes or as strings: empty, one byte per character, wider characters, longer than a chunk.
      diagnosis(8, ''),
      diagnosis(9, 'é'),
      diagnosis(10, 'a—b'),
      diagnosis(11, 'x'.repeat(70_000)),
      diagnosis(12, ''),
    ];
    const list = new HeldDiagnosisList();
    list.add(added[0]!);
    list.addSegment(segment);
    for (const d of added.slice(1)) list.add(d);
    const back: unknown[] = [];
    list.forEach((d) => back.push(d));
    expect(back).toHaveLength(added.length + 1);
    expect(back[1]).toBe(segment);
    const diagnoses = back.filter((d) => d !== segment);
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
});
