import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_WIDTH,
  MIN_WIDTH,
  shortNames,
  visibleLength,
  widthFor,
  wrapLine,
  wrapWords,
  wrapWordsBySplit,
} from './wrap.js';

const ARN = 'arn:aws:iam::111122223333:role/an-audit-role-with-a-very-long-name-that-no-terminal-can-hold-in-one';

describe('wrapping text to a width', () => {
  it('breaks at spaces, never inside a word, and keeps every word in order', () => {
    const text = `the role ${ARN} cannot be assumed from this account; ask its owner`;
    const lines = wrapWords(text, 40);
    expect(lines.join(' ')).toBe(text);
    expect(lines).toContain(ARN); // whole on a line of its own, though longer than 40
    for (const l of lines) if (l !== ARN) expect(l.length).toBeLessThanOrEqual(40);
  });

  it('continues a line under its hang, and leaves a line that fits as it is', () => {
    const line = '    warning endpoint vpc1/streaming has ENIs in one Availability Zone only; use subnets in two';
    expect(wrapLine(line, 200)).toBe(line);
    const wrapped = wrapLine(line, 50, 12).split('\n');
    expect(wrapped[0]).toMatch(/^ {4}warning/);
    for (const l of wrapped.slice(1)) expect(l).toMatch(/^ {12}\S/);
    for (const l of wrapped) expect(l.length).toBeLessThanOrEqual(50);
    expect(wrapped.map((l) => l.trim()).join(' ')).toBe(line.trim());
  });

  it('wraps text without colour codes exactly as the split into words does', () => {
    // Few distinct characters, so runs of spaces, words of every length and trailing blanks all come up.
    const text = fc.string({ unit: fc.constantFrom('a', 'bb', ' ', '  ', '\t', 'é', 'x'.repeat(12)), maxLength: 40 });
    const indent = fc.constantFrom('', ' ', '    ', '  - ');
    fc.assert(
      fc.property(text, fc.integer({ min: 1, max: 30 }), indent, indent, (t, width, first, rest) => {
        expect(wrapWords(t, width, first, rest)).toEqual(wrapWordsBySplit(t, width, first, rest));
      }),
      { numRuns: 2000 },
    );
  });

  it('does not count colour codes as columns', () => {
    const red = '\u001b[31merror\u001b[39m';
    expect(visibleLength(red)).toBe(5);
    const lines = wrapWords(`${red} ${'word '.repeat(20).trim()}`, 30);
    for (const l of lines) expect(visibleLength(l)).toBeLessThanOrEqual(30);
  });

  it('takes the terminal width, 100 off a terminal, and no less than MIN_WIDTH', () => {
    expect(widthFor(undefined)).toBe(DEFAULT_WIDTH);
    expect(DEFAULT_WIDTH).toBe(100);
    expect(widthFor(132)).toBe(132);
    expect(widthFor(20)).toBe(MIN_WIDTH);
  });
});

describe('short names in a table column', () => {
  it('cuts long names in the middle and keeps them apart, even when the plain cut would make them equal', () => {
    const names = [
      'branch-office-london-floor-3-desk-001',
      'branch-office-paris-floor-3-desk-001',
      'branch-office-london-floor-4-desk-001',
      'short',
    ];
    const short = shortNames(names, 16);
    expect(short.has('short')).toBe(false);
    const shown = names.map((n) => short.get(n) ?? n);
    expect(new Set(shown).size).toBe(names.length);
    for (const s of shown) expect(s.length).toBeLessThanOrEqual(16);
    for (const n of names.slice(0, 3)) expect(short.get(n)).toContain('…');
  });

  it('moves the cut when the plain one would look like another name of the column', () => {
    const short = shortNames(['ab…yz', 'abcxyz'], 5);
    expect(short.has('ab…yz')).toBe(false);
    expect(short.get('abcxyz')).not.toBe('ab…yz');
    expect(short.get('abcxyz')).toHaveLength(5);
  });
});
