// Reading a YAML input the user hands us (a design file, the check configuration, a --clients file) without
// trusting it: the bytes must be UTF-8 text, the YAML must parse as one document with unique string keys, aliases
// must not expand without bound, and nesting must not exhaust the stack. Every failure is a diagnostic naming the
// file and, where YAML knows it, the line; nothing here throws for bad input.
import { readFileSync } from 'node:fs';
import { LineCounter, parseDocument, type Document, type YAMLError } from 'yaml';
import type { Diagnostic } from '../diagnostics.js';

/** How many alias expansions a document may make: enough for hand-written reuse, far too few for a bomb. */
export const MAX_ALIAS_COUNT = 1000;

/** Names JavaScript objects treat specially: a key with one of them would vanish or pollute, so it is refused. */
const RESERVED_KEYS = new Set(['__proto__']);

function error(file: string, code: string, message: string, line?: number, field?: string): Diagnostic {
  return {
    severity: 'error',
    code,
    file,
    ...(line !== undefined ? { line } : {}),
    ...(field ? { field } : {}),
    message,
  };
}

/** A read error in a user's words, without Node's syscall text. */
export function describeReadError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EISDIR':
      return 'it is a folder, not a file';
    case 'ENOTDIR':
      return 'a part of the path is a file, not a folder';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ELOOP':
      return 'too many symbolic links (a link loop?)';
    case 'ERR_FS_FILE_TOO_LARGE':
    case 'ERR_STRING_TOO_LONG':
      return 'the file is too large to be a YAML input';
    default:
      return code ?? (e instanceof Error ? e.message : String(e));
  }
}

/** Reads a file's bytes, or a diagnostic saying why they cannot be read. */
export function readInputBytes(path: string): { bytes: Buffer } | { diagnostic: Diagnostic } {
  try {
    return { bytes: readFileSync(path) };
  } catch (e) {
    return { diagnostic: error(path, 'unreadable', `cannot read it: ${describeReadError(e)}`) };
  }
}

function lineOfOffset(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/**
 * Decodes UTF-8 text (a BOM is dropped; CRLF is left to YAML, which reads it). UTF-16 and binary data are named as
 * such, since "not UTF-8" alone does not tell a Windows user what to do. `what` names the expected content.
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
  if (utf16) {
    return {
      diagnostic: error(file, 'not-text', `this file is UTF-16 text; ${what} is UTF-8: save it as UTF-8 and retry`),
    };
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    return {
      diagnostic: error(file, 'not-text', `this is binary data (a NUL byte), not ${what}`, lineOfOffset(bytes, nul)),
    };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { diagnostic: error(file, 'not-text', `this file is not UTF-8 text; ${what} is YAML in UTF-8`) };
  }
  return { text: text.replace(/^\uFEFF/, '') };
}

/** The key a DUPLICATE_KEY error points at, as written. */
function keyAt(text: string, offset: number): string {
  const m = /^("(?:[^"\\\n]|\\.)*"|'[^'\n]*'|[^:\n,{}[\]]*)/.exec(text.slice(offset, offset + 200));
  return (m?.[1] ?? '').trim();
}

function yamlMessage(e: YAMLError, text: string): string {
  const first = e.message.split('\n')[0] ?? e.message;
  switch (e.code) {
    case 'DUPLICATE_KEY':
      return `duplicate key ${JSON.stringify(keyAt(text, e.pos[0]).replace(/^["']|["']$/g, ''))}: a key may appear only once in a map`;
    case 'MULTIPLE_DOCS':
      return 'a second YAML document starts here (`---`); the file must hold one document';
    case 'NON_STRING_KEY':
      return 'a key must be a plain name, not a list or a map';
    case 'RESOURCE_EXHAUSTION':
      return /call stack/i.test(first) ? 'the YAML is nested too deeply to read' : first;
    default:
      return first.replace(/ at line \d+, column \d+:?$/, '');
  }
}

export interface YamlParsed {
  doc: Document;
  lines: LineCounter;
  /** The document as plain data (maps are objects with string keys). */
  value: unknown;
  /** YAML warnings (the document still parsed). */
  warnings: Diagnostic[];
}

/** Parses one YAML document into plain data; `diagnostics` holds the errors when it cannot. */
export function parseYamlInput(text: string, file: string): { parsed: YamlParsed } | { diagnostics: Diagnostic[] } {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true, stringKeys: true });
  const toDiagnostic = (e: YAMLError, severity: Diagnostic['severity']): Diagnostic => ({
    severity,
    code: 'yaml-syntax',
    file,
    line: lines.linePos(e.pos[0]).line,
    message: yamlMessage(e, text),
  });
  const warnings = doc.warnings.map((w) => toDiagnostic(w, 'warning'));
  if (doc.errors.length > 0) return { diagnostics: [...doc.errors.map((e) => toDiagnostic(e, 'error')), ...warnings] };
  const reserved: Diagnostic[] = [];
  const seen = new Set<unknown>();
  const walk = (node: unknown): void => {
    if (node === null || typeof node !== 'object' || seen.has(node)) return;
    seen.add(node);
    const n = node as {
      items?: unknown[];
      key?: { value?: unknown; range?: [number, number, number] };
      value?: unknown;
    };
    if (n.key !== undefined && RESERVED_KEYS.has(String(n.key.value))) {
      const at = n.key.range?.[0];
      reserved.push(
        error(
          file,
          'reserved-name',
          `"${String(n.key.value)}" cannot be used as a name`,
          at !== undefined ? lines.linePos(at).line : undefined,
        ),
      );
    }
    if (Array.isArray(n.items)) for (const item of n.items) walk(item);
    if (n.key !== undefined) walk(n.value);
  };
  try {
    walk(doc.contents);
  } catch {
    return { diagnostics: [error(file, 'yaml-syntax', 'the YAML is nested too deeply to read')] };
  }
  if (reserved.length > 0) return { diagnostics: reserved };
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    const why =
      e instanceof RangeError
        ? 'the YAML is nested too deeply to read'
        : /alias/i.test((e as Error).message)
          ? `the aliases (*name) expand to more than ${MAX_ALIAS_COUNT} copies; write the values out instead`
          : `cannot read the YAML: ${(e as Error).message}`;
    return { diagnostics: [error(file, 'yaml-syntax', why)] };
  }
  return { parsed: { doc, lines, value, warnings } };
}

/** zod's names for expected types, in the words of a YAML file. */
export const EXPECTED: Record<string, string> = {
  record: 'a map',
  object: 'a map',
  array: 'a list',
  string: 'a string',
  number: 'a number',
  boolean: 'true or false',
};

/** What a YAML value is, in the words of a YAML file. */
export function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (v instanceof Date) return `the date ${v.toISOString()} (quote it to keep it text)`;
  if (v instanceof Uint8Array) return 'binary data (!!binary)';
  if (v instanceof Set || v instanceof Map) return 'a YAML set or ordered map';
  if (typeof v === 'object') return 'a map';
  if (typeof v === 'number' && !Number.isFinite(v))
    return `number ${Number.isNaN(v) ? '.nan' : v > 0 ? '.inf (too large)' : '-.inf (too large)'}`;
  return `${typeof v} ${JSON.stringify(v)}`;
}

/** The value at a validator's issue path in parsed YAML, to quote it in a message. */
export function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v = root;
  for (const seg of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[seg];
  }
  return v;
}
