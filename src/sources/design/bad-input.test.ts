// The design loader on input a user could hand it by mistake: every case is diagnostics (file, line, field), never
// an exception, and never a silently ignored value.
import { modelOf } from '../loader.js';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadDesignText } from './load.js';

const SEED = readFileSync('examples/seed-tokyo.yaml', 'utf8');

function errorsOf(text: string) {
  const r = loadDesignText(text, 'd.yaml');
  expect(modelOf(r)).toBeUndefined();
  return r.diagnostics.filter((d) => d.severity === 'error');
}

describe('values a design file must not accept silently', () => {
  it('a client version that cannot be compared (it would read as "too old")', () => {
    expect(errorsOf(SEED.replace('198.51.100.7, version: 5.29.1', '198.51.100.7, version: banana'))).toEqual([
      expect.objectContaining({ code: 'bad-version', field: 'clients.home.version', line: 69 }),
    ]);
    expect(
      modelOf(loadDesignText(SEED.replace(/version: 5\.29\.1/g, 'version: "5.29.1.5595"'), 'd.yaml')),
    ).toBeDefined();
  });

  it('an account id written as a number YAML cannot keep', () => {
    for (const n of ['-1', '99999999999999999999999', '1.5']) {
      expect(errorsOf(SEED.replace('account: "111122223333"', `account: ${n}`))).toEqual([
        expect.objectContaining({
          code: 'bad-account',
          field: 'account',
          line: 6,
          message: expect.stringContaining('write it quoted'),
        }),
      ]);
    }
  });

  it('__proto__ as a name anywhere (JavaScript would drop it without a word)', () => {
    expect(errorsOf(SEED.replace('  vpc2:', '  __proto__:'))).toEqual([
      expect.objectContaining({ code: 'reserved-name', line: 41 }),
    ]);
    expect(errorsOf(SEED + '__proto__: { polluted: true }\n')).toEqual([
      expect.objectContaining({ code: 'reserved-name' }),
    ]);
  });

  it('values YAML reads as something other than text say what they were read as', () => {
    const [inf] = errorsOf(SEED.replace('account: "111122223333"', 'account: 1e400'));
    expect(inf?.message).toContain('.inf');
    const [date] = errorsOf(SEED.replace('region: ap-northeast-1', 'region: !!timestamp 2025-08-28'));
    expect(date?.message).toContain('the date 2025-08-28');
  });
});

describe('broken files', () => {
  it('an empty or blank file says it is empty', () => {
    for (const text of ['', '  \n\n', '\uFEFF'])
      expect(errorsOf(text)).toEqual([
        expect.objectContaining({ code: 'not-a-design-file', message: expect.stringContaining('empty') }),
      ]);
  });

  it('a duplicate key, a second document and an alias bomb are named, with the line where YAML knows it', () => {
    expect(errorsOf(SEED.replace('vpcs:\n', 'region: us-east-1\nvpcs:\n'))).toEqual([
      expect.objectContaining({ line: 9, message: expect.stringContaining('duplicate key "region"') }),
    ]);
    expect(errorsOf(SEED + '---\nwspl: 1\n')[0]?.message).toContain('second YAML document');
    const bomb = ['wspl: 1', 'a: &a [x,x,x,x,x,x,x,x,x,x]'];
    for (let i = 1; i < 9; i++)
      bomb.push(
        `l${i}: &l${i} [${Array(10)
          .fill(i === 1 ? '*a' : `*l${i - 1}`)
          .join(',')}]`,
      );
    expect(errorsOf(bomb.join('\n'))[0]?.message).toContain('aliases');
  });

  it('a file cut anywhere, or with CRLF line ends, loads or reports; it never throws', () => {
    for (let cut = 0; cut <= SEED.length; cut += 37) {
      const r = loadDesignText(SEED.slice(0, cut), 'd.yaml');
      if (!modelOf(r)) expect(r.diagnostics.some((d) => d.severity === 'error')).toBe(true);
    }
    expect(modelOf(loadDesignText(SEED.replace(/\n/g, '\r\n'), 'd.yaml'))).toBeDefined();
  });
});

describe('property: the loader returns a model or diagnostics, and never throws', () => {
  const check = (text: string) => {
    const r = loadDesignText(text, 'fuzz.yaml');
    if (!modelOf(r)) expect(r.diagnostics.some((d) => d.severity === 'error')).toBe(true);
    for (const d of r.diagnostics) {
      expect(d.file).toBe('fuzz.yaml');
      expect(typeof d.message).toBe('string');
      if (d.line !== undefined) expect(d.line).toBeGreaterThanOrEqual(1);
    }
  };

  it('on random bytes read as UTF-8', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (b) => check(Buffer.from(b).toString('utf8'))),
      { numRuns: 200 },
    );
  });

  it('on YAML-ish text built from design-file words', () => {
    const token = fc.constantFrom(
      'wspl',
      'vpcs',
      'vpc1',
      'subnets',
      'cidr',
      'clients',
      'directories',
      'workspaces',
      'at',
      'routeTables',
      'ingress',
      'egress',
      ':',
      ': ',
      '\n',
      '\n  ',
      '\n    ',
      '- ',
      '[',
      ']',
      '{',
      '}',
      ',',
      '&a ',
      '*a',
      '!!binary ',
      '"',
      "'",
      '#',
      '---\n',
      '? ',
      '|\n',
      '~',
      '1',
      '-1',
      '1e400',
      '.inf',
      '10.0.0.0/16',
      '10.0.0.0/33',
      'tcp:443 from 10.0.0.0/16',
      'internet',
      'vpc1/client',
      'null',
      'true',
      '__proto__',
    );
    fc.assert(
      fc.property(fc.array(token, { maxLength: 60 }), (parts) => check(parts.join(''))),
      { numRuns: 200 },
    );
  });

  it('on the seed with one random edit', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: SEED.length }),
        fc.nat({ max: 40 }),
        fc.string({ maxLength: 12 }),
        (at, drop, insert) => {
          check(SEED.slice(0, at) + insert + SEED.slice(at + drop));
        },
      ),
      { numRuns: 200 },
    );
    // 200 loads of the whole seed: about a second, several on a busy machine.
  }, 60_000);
});
