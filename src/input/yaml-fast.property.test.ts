// The fast reader against the full parser on generated documents: random nested values written by yaml's own
// stringify with several option sets, read both ways, must give the same value (key order included) and the same
// line for every path. And the fast path must really be taken for the documents it is meant for, or the
// comparison would be vacuous: plain values written by stringify must never fall back.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Document, isScalar, isSeq, stringify, visit, type ToStringOptions } from 'yaml';
import { expectBothWaysEqual } from './testing/yaml-fast-compare.js';

/** Runs per property: few in the suite (it must stay fast); WSPL_FAST_YAML_RUNS=5000 for a long search. */
const RUNS = Number(process.env.WSPL_FAST_YAML_RUNS ?? '40');

/** Strings that look like other scalars, or need quoting, or carry unusual characters. */
const TRICKY = [
  'true',
  'True',
  'FALSE',
  'null',
  'Null',
  '~',
  '',
  ' ',
  'yes',
  'no',
  'on',
  '0',
  '-0',
  '007',
  '+12',
  '0o17',
  '0o8',
  '0x1F',
  '0xg',
  '1e3',
  '-1.5E-3',
  '.5',
  '5.',
  '.inf',
  '-.Inf',
  '+.INF',
  '.nan',
  '.NaN',
  '1_000',
  '12:30',
  '2024-01-01',
  'a: b',
  'a:b',
  'a #b',
  'a#b',
  '#a',
  '- a',
  '-a',
  '-',
  '[a]',
  '{a}',
  'a, b',
  "it's",
  'say "hi"',
  '*ref',
  '&anchor',
  '!tag',
  '|',
  '>',
  '%x',
  '@x',
  '`x`',
  '? x',
  ': x',
  '<<',
  '---',
  '...',
  ' lead',
  'trail ',
  'é',
  '日本語',
  '😀',
  'a\u00a0b',
  'back\\slash',
  'tcp:443 from 10.0.0.0/16',
  '0.0.0.0/0',
  'a\u0085b',
  'x\u2028y',
  '\u0007bell',
  'e\u001bx',
];
/** Keys like those, minus the ones the full path reads specially (`<<` merges, `__proto__` is refused). */
const KEYS = [...TRICKY.filter((k) => k !== '<<'), 'vpc1', 'subnets', '10.0.0.0/16', 'a b', 'constructor', 'toString'];

const plainString = fc.oneof(
  fc.constantFrom(...TRICKY),
  fc.string({ maxLength: 12 }).filter((s) => !/[\n\r\t]/.test(s)),
  fc.string({ unit: 'grapheme', maxLength: 8 }).filter((s) => !/[\n\r\t]/.test(s)),
);
const key = fc.oneof(fc.constantFrom(...KEYS), plainString).filter((k) => k !== '<<' && k !== '__proto__');
const scalar = fc.oneof(
  plainString,
  fc.integer(),
  fc.double(),
  fc.constantFrom(0, -0, 1e21, 2 ** 53 + 2, 0.1, -1e-7),
  fc.boolean(),
  fc.constant(null),
);

const plainTree = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, tie('map'), tie('list')),
  map: fc.dictionary(key, tie('value'), { maxKeys: 5, noNullPrototype: true }),
  list: fc.array(tie('value'), { maxLength: 4 }),
}));
/** A map or a list at the root, as in every input wspl reads (stringify writes a root `---` or `...` string as a
 * block scalar, which the fast reader leaves to the full parser). */
const plainValue = fc.oneof(plainTree.map, plainTree.list);

/** Anything at all, newlines, tabs and special keys included: the fast path may give up, never differ. */
const anyString = fc.oneof(fc.string({ maxLength: 30 }), fc.string({ unit: 'binary', maxLength: 12 }));
const { value: wildValue } = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, anyString, scalar, tie('map'), tie('list')),
  map: fc.dictionary(fc.oneof(anyString, fc.constantFrom('<<', '__proto__', ...KEYS)), tie('value'), {
    maxKeys: 4,
    noNullPrototype: true,
  }),
  list: fc.array(tie('value'), { maxLength: 4 }),
}));

/** The option sets stringify is asked to write with; `flowLists` writes lists of scalars as `[a, b]`. */
const OPTION_SETS: { name: string; options: ToStringOptions; flowLists?: boolean; comments?: boolean }[] = [
  { name: 'defaults', options: {} },
  { name: 'lists not indented', options: { indentSeq: false } },
  { name: 'indent 4', options: { indent: 4 } },
  { name: 'no folding', options: { lineWidth: 0 } },
  { name: 'single quotes', options: { defaultStringType: 'QUOTE_SINGLE', defaultKeyType: 'PLAIN' } },
  { name: 'double quotes', options: { defaultStringType: 'QUOTE_DOUBLE' } },
  { name: 'JSON-like double quotes', options: { defaultStringType: 'QUOTE_DOUBLE', doubleQuotedAsJSON: true } },
  { name: 'other spellings', options: { nullStr: '~', trueStr: 'True', falseStr: 'FALSE' } },
  { name: 'one-line flow lists', options: { lineWidth: 0 }, flowLists: true },
  { name: 'flow everywhere', options: { lineWidth: 0, collectionStyle: 'flow' } },
  { name: 'comments', options: {}, comments: true },
];

function write(value: unknown, set: (typeof OPTION_SETS)[number]): string {
  if (!set.flowLists && !set.comments) return stringify(value, set.options);
  const doc = new Document(value);
  visit(doc, {
    Seq: (_k, seq) => {
      if (set.flowLists && seq.items.every((item) => isScalar(item))) seq.flow = true;
    },
    Pair: (_k, pair) => {
      if (!set.comments) return;
      if (isScalar(pair.key)) pair.key.commentBefore = ' about the key';
      if (isScalar(pair.value)) pair.value.comment = ' after the value';
    },
  });
  if (set.comments) doc.commentBefore = ' a file comment\n\n more';
  return doc.toString(set.options);
}

/** The option sets whose output is entirely inside the fast reader's subset for plain values. */
const ALWAYS_FAST = new Set(OPTION_SETS.filter((s) => s.name !== 'flow everywhere').map((s) => s.name));

describe('the fast YAML reader equals the full parser on stringify output', () => {
  for (const set of OPTION_SETS) {
    it(`plain values, ${set.name}`, () => {
      let fast = 0;
      let total = 0;
      fc.assert(
        fc.property(plainValue, (value) => {
          const text = write(value, set);
          const tookFast = expectBothWaysEqual(text);
          total++;
          if (tookFast) fast++;
          else if (ALWAYS_FAST.has(set.name)) throw new Error(`fell back on ${JSON.stringify(text)}`);
        }),
        { numRuns: RUNS },
      );
      // Not vacuous: the fast path read these documents (all of them where the subset covers the options).
      expect(fast).toBeGreaterThan(ALWAYS_FAST.has(set.name) ? total - 1 : total / 4);
    });
  }

  it('anything at all: the fast reader gives up or agrees, never differs', () => {
    fc.assert(
      fc.property(wildValue, fc.constantFrom(...OPTION_SETS), (value, set) => {
        expectBothWaysEqual(write(value, set));
      }),
      { numRuns: RUNS * 3 },
    );
  });

  it('sequences of maps, maps of sequences, and empty collections at every depth', () => {
    const shapes = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: 'medium' },
        // Fresh empty collections each time: stringify writes an object met twice as an anchor and an alias.
        fc.oneof(
          fc.constantFrom('x', 1, null),
          fc.constant(0).map(() => []),
          fc.constant(0).map(() => ({})),
        ),
        fc.array(tie('node'), { maxLength: 3 }),
        fc.dictionary(fc.constantFrom('a', 'b', 'c'), tie('node'), { maxKeys: 3, noNullPrototype: true }),
      ),
    })).node;
    fc.assert(
      fc.property(shapes, fc.constantFrom(...OPTION_SETS.slice(0, 4)), (value, set) => {
        expect(expectBothWaysEqual(write(value, set))).toBe(true);
      }),
      { numRuns: RUNS * 2 },
    );
  });
});

// A guard on the guard: the option sets above really produce the forms they are named for.
describe('the option sets write what their names say', () => {
  it('flow lists, unindented lists and comments appear in the text', () => {
    const value = { a: [1, 2], b: { c: [{ d: 'x' }] } };
    const text = (name: string) =>
      write(
        value,
        OPTION_SETS.find((s) => s.name === name)!,
      );
    expect(text('one-line flow lists')).toContain('a: [ 1, 2 ]');
    expect(text('lists not indented')).toContain('a:\n- 1');
    expect(text('comments')).toContain('# after the value');
    expect(isSeq(new Document(value).get('a', true))).toBe(true);
  });
});

// Hand-written files broken in small ways: a snippet that means something in YAML put anywhere, or a piece cut
// out. The fast reader must give up on all that the full parser refuses, and agree on all it reads.
describe('the fast YAML reader on mutated hand-written files', () => {
  const ROOT = new URL('../../', import.meta.url);
  const texts = ['examples/office-tgw.yaml', 'examples/seed-tokyo.yaml', 'test/design/all-features.yaml'].map((f) =>
    readFileSync(new URL(f, ROOT), 'utf8'),
  );
  const SNIPPETS = [
    ' ',
    '  ',
    '\n',
    '\r\n',
    '- ',
    ': ',
    ':',
    ' #',
    '#',
    '"',
    "'",
    '\\',
    '[',
    ']',
    '{',
    '}',
    ', ',
    '&a ',
    '*a',
    '!x ',
    '|',
    '>',
    '---\n',
    '...\n',
    '\t',
    '? ',
    '%',
    '@',
    '~',
    'null',
    '1e3',
    '<<: ',
    '__proto__: 1\n',
    '- -',
  ];
  const mutation = fc.record({
    file: fc.nat(texts.length - 1),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    insert: fc.constantFrom(...SNIPPETS),
    cut: fc.nat(6),
  });
  it('gives up or agrees, never differs', () => {
    const taken = { fast: 0, full: 0 };
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), (mutations) => {
        let text = texts[mutations[0]!.file]!;
        for (const m of mutations) {
          const at = Math.floor(m.at * text.length);
          text = text.slice(0, at) + m.insert + text.slice(at + m.cut);
        }
        taken[expectBothWaysEqual(text) ? 'fast' : 'full']++;
      }),
      // A fixed seed in the suite keeps the counts below steady; WSPL_FAST_YAML_RUNS searches wider at random.
      process.env.WSPL_FAST_YAML_RUNS ? { numRuns: RUNS } : { numRuns: RUNS, seed: 15 },
    );
    // Both sides exercised: some mutations keep the file plain YAML (in a comment, in a value), most break it.
    expect(taken.fast).toBeGreaterThanOrEqual(3);
    expect(taken.full).toBeGreaterThanOrEqual(3);
  });
});
