// Text from an input file (a name, a value, a log field, a file name) printed on a terminal must not act on it:
// an escape sequence can retitle or clear the terminal or hide text, a CR can overwrite the start of the line, a LF
// can split the one-line `FILE:LINE: error:` format and forge a line of its own, and Unicode direction controls can
// show text in an order other than the bytes'. Every text renderer passes such text through `terminalSafe`.

/**
 * C0 and C1 controls, DEL, line and paragraph separators, the Unicode direction marks, embeddings and isolates, and
 * the invisible zero-width space and BOM (a name "\uFEFFrules" must not look like "rules").
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/;
const UNSAFE_ALL = new RegExp(UNSAFE.source, 'g');

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\u001b': '\\e' };

function escapeOne(c: string): string {
  const named = NAMED[c];
  if (named !== undefined) return named;
  const code = c.charCodeAt(0);
  return code <= 0xff
    ? `\\x${code.toString(16).toUpperCase().padStart(2, '0')}`
    : `\\u${code.toString(16).toUpperCase()}`;
}

/**
 * `text` with every character a terminal would act on written out visibly instead (`\e`, `\n`, `\r`, `\t`, `\x07`,
 * `\u202E`): the result is one line and shows exactly the characters the input holds. Text without any is returned
 * as it is. A backslash is left alone, so a Windows path reads as written.
 */
export function terminalSafe(text: string): string {
  return UNSAFE.test(text) ? text.replace(UNSAFE_ALL, escapeOne) : text;
}

/** `terminalSafe` for each line of a text whose line breaks are meant (a multi-line message); CR is escaped too. */
export function terminalSafeLines(text: string): string {
  return text.split('\n').map(terminalSafe).join('\n');
}
