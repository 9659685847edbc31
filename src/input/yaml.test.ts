// The guard every YAML input passes through: encodings, binary data, YAML traps (duplicate keys, several
// documents, alias bombs, deep nesting, reserved names) each become one clear diagnostic instead of an exception.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeInput, describeReadError, parseYamlInput, readInputBytes } from './yaml.js';

const bytes = (s: string, enc: BufferEncoding = 'utf8') => Buffer.from(s, enc);
const WHAT = 'a YAML design file';

function diagnosticsOf(text: string) {
  const r = parseYamlInput(text, 'f.yaml');
  if (!('diagnostics' in r)) throw new Error('expected diagnostics');
  return r.diagnostics;
}

describe('decodeInput', () => {
  it('names UTF-16 with or without a BOM, in either byte order', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), bytes('wspl: 1\n', 'utf16le')]);
    const be = Buffer.from(bytes('wspl: 1\n', 'utf16le')).swap16();
    for (const b of [le, bytes('wspl: 1\n', 'utf16le'), be]) {
      const r = decodeInput(b, 'f.yaml', WHAT);
      expect(r).toEqual({
        diagnostic: expect.objectContaining({ code: 'not-text', message: expect.stringContaining('UTF-16') }),
      });
    }
  });

  it('names binary data with the line of the first NUL byte', () => {
    expect(decodeInput(bytes('wspl: 1\nx: 2\n\u0000\u0001'), 'f.yaml', WHAT)).toEqual({
      diagnostic: expect.objectContaining({ code: 'not-text', line: 3, message: expect.stringContaining('binary') }),
    });
  });

  it('refuses bytes that are not UTF-8 (Latin-1) and drops a UTF-8 BOM', () => {
    expect(decodeInput(Buffer.from('region: caf\xe9\n', 'latin1'), 'f.yaml', WHAT)).toEqual({
      diagnostic: expect.objectContaining({ code: 'not-text', message: expect.stringContaining('not UTF-8') }),
    });
    expect(decodeInput(bytes('\uFEFFwspl: 1\r\n'), 'f.yaml', WHAT)).toEqual({ text: 'wspl: 1\r\n' });
  });
});

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

  it('stops an alias bomb without throwing', () => {
    const levels = ['a: &a [x,x,x,x,x,x,x,x,x,x]'];
    for (let i = 1; i < 9; i++)
      levels.push(
        `l${i}: &l${i} [${Array(10)
          .fill(i === 1 ? '*a' : `*l${i - 1}`)
          .join(',')}]`,
      );
    expect(diagnosticsOf(levels.join('\n') + '\n')).toEqual([
      expect.objectContaining({ code: 'yaml-syntax', message: expect.stringContaining('aliases') }),
    ]);
  });

  it('reads a self-referencing alias as data (the caller finds it has the wrong shape)', () => {
    const r = parseYamlInput('a: &a [*a]\n', 'f.yaml');
    expect('parsed' in r).toBe(true);
  });

  it('reports nesting too deep to read, in flow and block style', () => {
    for (const text of [
      'x: ' + '['.repeat(5000) + ']'.repeat(5000) + '\n',
      'x:\n' + Array.from({ length: 3000 }, (_, i) => ' '.repeat(i + 1) + 'k:').join('\n') + ' 1\n',
    ]) {
      expect(diagnosticsOf(text).some((d) => d.message === 'the YAML is nested too deeply to read')).toBe(true);
    }
  });

  it('refuses __proto__ as a name (it would vanish from the data) and keys that are lists or maps', () => {
    expect(diagnosticsOf('vpcs:\n  __proto__: { cidr: 10.0.0.0/16 }\n')).toEqual([
      expect.objectContaining({ code: 'reserved-name', line: 2 }),
    ]);
    expect(diagnosticsOf('? [a, b]\n: 1\n')[0]?.message).toContain('plain name');
  });
});

describe('reading files', () => {
  it('says why a file cannot be read, without Node syscall text', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wspl-yaml-input-'));
    const file = join(dir, 'a.yaml');
    writeFileSync(file, 'a: 1\n');
    const cases: [string, string][] = [
      [join(dir, 'missing.yaml'), 'no such file'],
      [dir, 'it is a folder, not a file'],
      [join(file, 'below'), 'a part of the path is a file, not a folder'],
    ];
    for (const [path, why] of cases) {
      expect(readInputBytes(path)).toEqual({
        diagnostic: expect.objectContaining({ code: 'unreadable', file: path, message: `cannot read it: ${why}` }),
      });
    }
    expect(describeReadError(Object.assign(new Error('x'), { code: 'EACCES' }))).toBe('permission denied');
  });
});
