// The fast YAML reader: every YAML file in the repository read both ways, the forms it reads (with the lines the
// locator gives), and each form it leaves to the full parser, whose values and diagnostics stay today's.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { expectBothWaysEqual } from './testing/yaml-fast-compare.js';
import { readYamlFast } from './yaml-fast.js';
import { MAX_YAML_DEPTH } from './yaml-parse.js';
import { parseYamlInput } from './yaml.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function yamlFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.ya?ml$/.test(f) && !f.includes('node_modules') && !f.includes('cdk.out'))
    .map((f) => relative(ROOT, join(ROOT, dir, f)));
}

/** Files the fast reader leaves to the full parser, and why. Every other YAML file must take the fast path. */
const FULL_PARSER_FILES: Record<string, string> = {
  'examples/hub-spoke.yaml': 'a flow list continued on the next line',
  'test/fuzz/check.config.yaml': 'anchors, aliases and merge keys',
  'test/fuzz/overlay.yaml': 'anchors, aliases and merge keys',
  'test/iac/real-world/network.yaml': 'a CloudFormation template: tags (!Ref, !Sub)',
  'test/iac/real-world/workspaces.yaml': 'a CloudFormation template: tags',
  'test/iac/seed-tokyo.template.yaml': 'a CloudFormation template: tags',
};

describe('every YAML file in examples/ and test/', () => {
  const files = [...yamlFiles('examples'), ...yamlFiles('test')];

  it('reads the same both ways, and takes the fast path where the file is plain YAML', () => {
    expect(files.length).toBeGreaterThan(20);
    const fullOnly: string[] = [];
    for (const file of files) {
      const text = readFileSync(join(ROOT, file), 'utf8').replace(/^\uFEFF/, '');
      if (!expectBothWaysEqual(text)) fullOnly.push(file);
    }
    expect(fullOnly.sort()).toEqual(
      Object.keys(FULL_PARSER_FILES)
        .filter((f) => files.includes(f))
        .sort(),
    );
  });
});

/** Reads `text` both ways and says it took the fast path (and agreed: expectBothWaysEqual checks that). */
const fast = (text: string) => expectBothWaysEqual(text);

describe('what the fast reader reads', () => {
  it('block maps and lists, compact items, same-indent lists, comments, CRLF and a leading ---', () => {
    expect(fast('a: 1\nb:\n  c: x\n  d:\n  - 1\n  - k: v\n    j: w\n')).toBe(true);
    expect(fast('# head\n---  # start\n\na: 1 # one\n  # indented comment\nb: [x, "y", \'z\']\n')).toBe(true);
    expect(fast('a: 1\r\nb:\r\n  - c\r\n')).toBe(true);
    expect(fast('- - a\n  - b\n- -\n    - c\n-\n  k: v\n-\n- # a comment\n')).toBe(true);
    expect(fast('  a: 1\n  b: 2\n')).toBe(true);
    // A no-break space is no YAML white space: `a:\u00a0b` is one plain scalar, not a key and a value.
    expect(fast('a:\u00a0b\n')).toBe(true);
  });

  it('puts a list item whose value starts on the next line there, and an empty item on its dash', () => {
    const read = readYamlFast('a:\n  -\n    k: v\n  -\n  - x\n');
    expect(read?.value).toEqual({ a: [{ k: 'v' }, null, 'x'] });
    const input = parseYamlInput('a:\n  -\n    k: v\n  -\n  - x\n', 'f.yaml');
    if (!('parsed' in input)) throw new Error('refused');
    expect([0, 1, 2].map((i) => input.parsed.locate(['a', i]))).toEqual([3, 4, 5]);
    expect(input.parsed.locate(['a', 0, 'k', 'deeper'])).toBe(3);
  });

  it('resolves scalars as the core schema does', () => {
    const scalars = [
      'null',
      'Null',
      'NULL',
      '~',
      'nULL',
      'true',
      'True',
      'TRUE',
      'tRUE',
      'false',
      'False',
      'FALSE',
      'yes',
      'off',
      '0',
      '-0',
      '+7',
      '007',
      '0o17',
      '0o19',
      '0x1f',
      '0X1F',
      '-0x1',
      '1.5',
      '.5',
      '5.',
      '-5.50',
      '1e3',
      '1E-3',
      '+1.5e+3',
      '.e3',
      '.inf',
      '-.Inf',
      '+.INF',
      '.nan',
      '.NaN',
      '.NAN',
      '-.nan',
      '1_000',
      '12:30:00',
      '2024-01-01',
      '123456789012345678901234',
      '0.1.2',
      '1e',
      '+',
      '.',
      'a#b',
      'x:y',
      '-x',
      '?x',
      ':x',
      "it's",
      'é日本😀',
      'x\u2028y',
      'x\u0085y',
      '\u00a0b',
      '[x\u2029y]',
      '"esc \\t \\n \\" \\\\ \\/ \\0 \\a \\e \\N \\_ \\L \\P \\x41 \\u00e9 \\U0001F600"',
      "'it''s'",
      '""',
      "''",
      '[]',
      '{}',
      '[ ]',
      '{ }',
      '[1, two, "3", null]',
      '{ a: 1, b: [x, y], c: { d: e } }',
    ];
    expect(scalars.filter((s) => !fast(`v: ${s}\n`))).toEqual([]);
    // Keys are strings as written (stringKeys), whatever they look like.
    expect(fast('true: 1\n1: 2\nnull: 3\n~: 4\n0x10: 5\n"": 6\n\'q\': 7\nconstructor: 8\n')).toBe(true);
  });
});

/** Texts the fast reader must leave to the full parser; parseYamlInput must then give today's result. */
const GIVE_UPS: Record<string, string> = {
  anchor: 'a: &x 1\nb: *x\n',
  'merge key': 'base: &b { x: 1 }\nc:\n  <<: *b\n  y: 2\n',
  'merge key, unresolved': 'c:\n  <<: 1\n',
  tag: 'a: !!str 1\n',
  'local tag': 'a: !Ref x\n',
  'literal block scalar': 'a: |\n  x\n  y\n',
  'folded block scalar': 'a: >-\n  x\n  y\n',
  'multi-line plain scalar': 'a: one\n  two\nb: 1\n',
  'multi-line double-quoted scalar': 'a: "one\n  two"\n',
  'multi-line single-quoted scalar': "a: 'one\n  two'\n",
  'scalar on the next line': 'a:\n  value\n',
  'complex key': '? a\n: 1\n',
  directive: '%YAML 1.2\n---\na: 1\n',
  'document end': 'a: 1\n...\n',
  'second document': 'a: 1\n---\nb: 2\n',
  'content on the --- line': '--- a\n',
  'tab in indentation': 'a:\n\tb: 1\n',
  'tab in a value': 'a: x\ty\n',
  'duplicate key': 'a: 1\nb: 2\na: 3\n',
  'duplicate quoted key': 'a: 1\n"a": 2\n',
  'duplicate key in a flow map': 'a: { x: 1, x: 2 }\n',
  'plain __proto__': '__proto__: 1\n',
  'quoted __proto__': '"__proto__": { a: 1 }\n',
  'too deep': `${'- '.repeat(MAX_YAML_DEPTH + 5)}x\n`,
  'deep but readable by the full parser': `${'- '.repeat(MAX_YAML_DEPTH / 2 + 5)}x\n`,
  'a key and a value on one line': 'a: b: c\n',
  'a value ending in a colon': 'a: b:\n',
  'a list item as a map value': 'a: - b\n',
  'less indented line': 'a:\n    b: 1\n  c: 2\n',
  'more indented line after a value': 'a: 1\n  b: 2\n',
  'a list where a key is expected': 'a: 1\n- b\n',
  'text after a quoted value': 'a: "x" y\n',
  'a comment stuck to a quoted value': 'a: "x"#c\n',
  'a bad escape': 'a: "\\q"\n',
  'an escape past Unicode': 'a: "\\UFFFFFFFF"\n',
  'flow list over two lines': 'a: [1,\n  2]\n',
  'trailing comma': 'a: [1, 2, ]\n',
  'empty flow entry': 'a: [1, , 2]\n',
  'a pair in a flow list': 'a: [x: 1]\n',
  'a flow key without a value': 'a: { x }\n',
  'flow collection as a key': '[a]: 1\n',
  'reserved character': 'a: @x\n',
  backtick: 'a: `x`\n',
  alias: 'a: *x\n',
  'empty document': '',
  'comments only': '# nothing\n',
  'byte-order mark': '\uFEFFa: 1\n',
  'control character': 'a: x\u0001y\n',
  'key without a colon': 'a: 1\nb\n',
  'empty plain key': ': 1\n',
  'key at the 1024 limit': `${'k'.repeat(1100)}: 1\n`,
};

describe('what the fast reader leaves to the full parser', () => {
  for (const [name, text] of Object.entries(GIVE_UPS)) {
    it(`${name}: gives up, and the full parser's result stands`, () => {
      expect(readYamlFast(text)).toBeUndefined();
      // parseYamlInput equals parseYamlFull here: values and lines, or the same diagnostics.
      expect(expectBothWaysEqual(text)).toBe(false);
    });
  }

  it('keeps today’s diagnostics for broken input', () => {
    const dup = parseYamlInput('a: 1\nb: 2\na: 3\n', 'f.yaml');
    expect(dup).toEqual({
      diagnostics: [
        {
          severity: 'error',
          code: 'yaml-syntax',
          file: 'f.yaml',
          line: 3,
          message: 'duplicate key "a": a key may appear only once in a map',
        },
      ],
    });
    const tabs = parseYamlInput('a:\n\tb: 1\n', 'f.yaml');
    expect('diagnostics' in tabs && tabs.diagnostics[0]?.message).toMatch(/tab is used for indentation/);
  });
});
