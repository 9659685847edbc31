// The guard every YAML input passes through: YAML traps (duplicate keys, several documents, alias bombs, aliases
// that loop or name nothing, deep nesting, reserved names, bad merge keys) each become a diagnostic with the line
// instead of an exception; merge keys and every kind of line break are read.
import { describe, expect, it } from 'vitest';
import { isPlainMap, parseYamlInput } from './yaml.js';

function diagnosticsOf(text: string) {
  const r = parseYamlInput(text, 'f.yaml');
  if (!('diagnostics' in r)) throw new Error('expected diagnostics');
  return r.diagnostics;
}

function valueOf(text: string): unknown {
  const r = parseYamlInput(text, 'f.yaml');
  if ('diagnostics' in r) throw new Error(JSON.stringify(r.diagnostics));
  return r.parsed.value;
}

function aliasBomb(): string {
  const levels = ['a: &a [x,x,x,x,x,x,x,x,x,x]'];
  for (let i = 1; i < 9; i++)
    levels.push(
      `l${i}: &l${i} [${Array(10)
        .fill(i === 1 ? '*a' : `*l${i - 1}`)
        .join(',')}]`,
    );
  return levels.join('\n') + '\n';
}

describe('parseYamlInput', () => {
  it('names the duplicated key and its line', () => {
    expect(diagnosticsOf('a: 1\nb:\n  c: 1\n  "c": 2\n')).toEqual([
      expect.objectContaining({ code: 'yaml-syntax', line: 4, message: expect.stringMatching(/^duplicate key "c"/) }),
    ]);
  });

  it('says plainly that a file holds a second document', () => {
    expect(diagnosticsOf('a: 1\n---\nb: 2\n')[0]).toMatchObject({
      line: 2,
      message: expect.stringContaining('second YAML document'),
    });
  });

  it('stops an alias bomb at the line where the aliases pass the bound', () => {
    expect(diagnosticsOf(aliasBomb())).toEqual([
      expect.objectContaining({
        code: 'yaml-syntax',
        line: 5,
        field: 'l4.7',
        message: expect.stringContaining('the aliases (*name) expand to more than 100000 values'),
      }),
    ]);
    // Reuse well below the bound reads as written.
    expect(valueOf('a: &a [1, 2]\nb: [*a, *a, *a]\n')).toEqual({
      a: [1, 2],
      b: [
        [1, 2],
        [1, 2],
        [1, 2],
      ],
    });
  });

  it('refuses an alias inside the value it names (the data would be endless), with its line and field', () => {
    expect(diagnosticsOf('x: 1\na: &a [*a]\n')).toEqual([
      expect.objectContaining({ line: 2, field: 'a.0', message: expect.stringContaining('*a is inside the value') }),
    ]);
    expect(diagnosticsOf('a: &a\n  b:\n    c: [1, *a]\n')[0]).toMatchObject({ line: 3, field: 'a.b.c.1' });
    expect(diagnosticsOf('a: &a {<<: *a}\n')[0]).toMatchObject({ line: 1, field: 'a.<<' });
  });

  it('names an alias without an anchor, with its line', () => {
    expect(diagnosticsOf('a: 1\nb: *nope\n')).toEqual([
      expect.objectContaining({
        line: 2,
        field: 'b',
        message: '*nope names no anchor: write &nope on a value above it',
      }),
    ]);
  });

  it('reads merge keys, their own keys winning and earlier sources winning over later ones', () => {
    expect(valueOf('base: &b {p: 1, q: 2}\nx:\n  <<: *b\n  q: 3\n')).toEqual({
      base: { p: 1, q: 2 },
      x: { p: 1, q: 3 },
    });
    expect(valueOf('a: &a {p: 1}\nb: &b {p: 2, r: 2}\nx: {<<: [*a, *b]}\n')).toMatchObject({ x: { p: 1, r: 2 } });
    // Quoted, "<<" is an ordinary key.
    expect(valueOf('x: {"<<": 1}\n')).toEqual({ x: { '<<': 1 } });
  });

  it('names a merge key whose value is not a map, with its line', () => {
    for (const text of ['x:\n  <<: 5\n', 'a: &a [1]\nx:\n  <<: *a\n', 'x:\n  <<: [{p: 1}, 2]\n']) {
      expect(diagnosticsOf(text)).toEqual([
        expect.objectContaining({ line: text.startsWith('a:') ? 3 : 2, message: expect.stringContaining('merge key') }),
      ]);
    }
  });

  it('stops nesting too deep to read before it exhausts the stack, also when it is dedented after', () => {
    for (const text of [
      'x: ' + '['.repeat(5000) + ']'.repeat(5000) + '\n',
      'x:\n' + '- '.repeat(3000) + '1\ny: 1\n',
      '? '.repeat(3000) + '1\n',
      'x:\n' + Array.from({ length: 3000 }, (_, i) => ' '.repeat(i + 1) + 'k:').join('\n') + ' 1\nz: 2\n',
    ]) {
      expect(diagnosticsOf(text)).toEqual([
        expect.objectContaining({ message: 'the YAML is nested too deeply to read (more than 200 levels)' }),
      ]);
    }
    // 150 levels read.
    const deep = 'a:\n' + Array.from({ length: 150 }, (_, i) => ' '.repeat(i + 1) + 'k:').join('\n') + ' 1\n';
    expect(valueOf(deep)).toBeTruthy();
  });

  it('refuses __proto__ as a name (it would vanish from the data), naming the field, and keys that are maps', () => {
    expect(diagnosticsOf('vpcs:\n  __proto__: { cidr: 10.0.0.0/16 }\n')).toEqual([
      expect.objectContaining({ code: 'reserved-name', line: 2, field: 'vpcs.__proto__' }),
    ]);
    expect(diagnosticsOf('? [a, b]\n: 1\n')[0]?.message).toContain('plain name');
  });

  it('reads CR-only line breaks (YAML 1.2 allows them) with the lines an editor shows', () => {
    expect(valueOf('a: 1\rb:\r  c: 2\r')).toEqual({ a: 1, b: { c: 2 } });
    expect(diagnosticsOf('a: 1\rb: [\r')[0]).toMatchObject({ line: 3 });
  });

  it('lists at most 20 syntax errors, then says how many more there are', () => {
    const d = diagnosticsOf('- a: '.repeat(200) + '1\n');
    expect(d).toHaveLength(21);
    expect(d[20]?.message).toMatch(/^\d+ more YAML errors from here on, not listed$/);
  });
});

describe('isPlainMap', () => {
  it('is true for a YAML map only: not for a list, a set, an ordered map, binary data or a date', () => {
    expect(isPlainMap(valueOf('a: 1'))).toBe(true);
    for (const text of ['[1]', '!!set {a, b}', '!!omap [a: 1]', '!!binary aGVsbG8=', '2025-08-28', 'x', '']) {
      expect(isPlainMap(valueOf(text)), text).toBe(false);
    }
  });
});

describe('tabs', () => {
  it('a tab in the indentation is one error at the first tab, counting the other lines', () => {
    const r = parseYamlInput('a:\n\tb: 1\n\tc:\n\t\td: 2\n', 'tabs.yaml');
    expect('diagnostics' in r && r.diagnostics).toEqual([
      expect.objectContaining({
        line: 2,
        message: 'a tab is used for indentation (here and on 2 more lines): YAML indents with spaces only',
      }),
    ]);
  });
});
