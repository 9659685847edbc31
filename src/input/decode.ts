// Bytes to text for a YAML input: UTF-8 only, and every refusal names what the bytes are instead (UTF-16, binary
// data, another 8-bit encoding) and, where one byte is to blame, its line.
import { isUtf8 } from 'node:buffer';
import type { Diagnostic } from '../diagnostics.js';

function error(file: string, message: string, line?: number): Diagnostic {
  return { severity: 'error', code: 'not-text', file, ...(line !== undefined ? { line } : {}), message };
}

/** The 1-based line holding byte `offset`. */
export function lineOfOffset(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** Where the first byte that does not belong to well-formed UTF-8 is, or -1 (RFC 3629: no overlongs, surrogates). */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i] ?? 0;
    if (b < 0x80) {
      i++;
      continue;
    }
    // Length of the sequence, and the range its second byte must fall in (excludes overlongs and surrogates).
    let len: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) len = 2;
    else if (b >= 0xe0 && b <= 0xef) {
      len = 3;
      if (b === 0xe0) lo = 0xa0;
      if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      len = 4;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    } else return i;
    for (let k = 1; k < len; k++) {
      const c = bytes[i + k];
      if (c === undefined || c < (k === 1 ? lo : 0x80) || c > (k === 1 ? hi : 0xbf)) return i;
    }
    i += len;
  }
  return -1;
}

/**
 * Decodes UTF-8 text (a BOM is dropped; line breaks are left to the YAML reader). UTF-16 and binary data are named
 * as such, since "not UTF-8" alone does not tell a Windows user what to do. `what` names the expected content.
 */
export function decodeInput(
  bytes: Uint8Array,
  file: string,
  what: string,
): { text: string } | { diagnostic: Diagnostic } {
  const b0 = bytes[0];
  const b1 = bytes[1];
  // With a BOM, or ASCII text as UTF-16 without one (every other byte NUL).
  const le = bytes.length >= 4 && b0 !== 0 && b1 === 0 && bytes[2] !== 0 && bytes[3] === 0;
  const be = bytes.length >= 4 && b0 === 0 && b1 !== 0 && bytes[2] === 0 && bytes[3] !== 0;
  const utf16 = (b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff) || le || be;
  if (utf16)
    return { diagnostic: error(file, `this file is UTF-16 text; ${what} is UTF-8: save it as UTF-8 and retry`) };
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    return { diagnostic: error(file, `this is binary data (a NUL byte), not ${what}`, lineOfOffset(bytes, nul)) };
  }
  if (!isUtf8(bytes)) {
    const bad = firstInvalidUtf8(bytes);
    const at = bad >= 0 ? `: byte 0x${(bytes[bad] ?? 0).toString(16).toUpperCase().padStart(2, '0')} is not UTF-8` : '';
    return {
      diagnostic: error(
        file,
        `this file is not UTF-8 text${at} (Latin-1 or Windows-1252?); ${what} is YAML in UTF-8: save it as UTF-8 and retry`,
        bad >= 0 ? lineOfOffset(bytes, bad) : undefined,
      ),
    };
  }
  const text = new TextDecoder('utf-8').decode(bytes);
  return { text: text.replace(/^\uFEFF/, '') };
}
