import { describe, expect, it } from 'vitest';
import { terminalSafe, terminalSafeLines } from './terminal.js';

describe('terminalSafe', () => {
  it('writes out escape sequences, CR, LF, other controls and direction overrides visibly, on one line', () => {
    expect(terminalSafe('vpc\u001b]0;owned\u0007')).toBe('vpc\\e]0;owned\\x07');
    expect(terminalSafe('a\r\nb\tc\u0000\u007f\u009b')).toBe('a\\r\\nb\\tc\\x00\\x7F\\x9B');
    expect(terminalSafe('abc\u202Egpj.exe\u2028')).toBe('abc\\u202Egpj.exe\\u2028');
    expect(terminalSafe('\uFEFFrules\u200B')).toBe('\\uFEFFrules\\u200B');
  });

  it('leaves ordinary text alone: non-ASCII letters, emoji, backslashes of Windows paths', () => {
    for (const text of ['東京 café ✓ 🚀', 'C:\\Users\\me\\logs\\a.log', '']) expect(terminalSafe(text)).toBe(text);
  });

  it('terminalSafeLines keeps the line breaks that are meant', () => {
    expect(terminalSafeLines('a\u001b[2J\nb\r')).toBe('a\\e[2J\nb\\r');
  });
});
