// Reading a YAML input the user hands us (a design file, the check configuration, an overlay, a `whatif` value)
// without trusting it: the YAML must parse as one document with unique string keys, nesting must stay within a
// bound, aliases must name a value above them, must not loop and must not multiply without bound, and merge keys
// must merge maps. Every failure is a diagnostic naming the file and, where there is one, the line and the field;
// nothing here throws for bad input. Reading the bytes and decoding them are in read.ts and decode.ts.
import { isScalar, LineCounter, visit, type Document, type YAMLError } from 'yaml';
import type { Diagnostic } from '../diagnostics.js';
import { checkYamlTree, isMergeKey } from './yaml-check.js';
import { readYamlFast } from './yaml-fast.js';
import { positionLocator, yamlLocator, type Locator } from './yaml-locate.js';
import { MAX_YAML_DEPTH, parseBounded } from './yaml-parse.js';

function error(file: string, code: string, message: string, line?: number): Diagnostic {
  return { severity: 'error', code, file, ...(line !== undefined ? { line } : {}), message };
}

/** Keys written twice in one map, in one pass over the document (a set of keys per map). */
function duplicateKeys(doc: Document, lines: LineCounter, file: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  visit(doc, {
    Map: (_key, map) => {
      const seen = new Set<string>();
      for (const pair of map.items) {
        if (isMergeKey(pair.key)) continue;
        const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
        if (!seen.has(key)) {
          seen.add(key);
          continue;
        }
        const at = (pair.key as { range?: [number, number, number] } | null)?.range?.[0];
        out.push(
          error(
            file,
            'yaml-syntax',
            `duplicate key ${JSON.stringify(key)}: a key may appear only once in a map`,
            at === undefined ? undefined : lines.linePos(at).line,
          ),
        );
        if (out.length >= MAX_SYNTAX_ERRORS) return visit.BREAK;
      }
      return undefined;
    },
  });
  return out;
}

/** The key a DUPLICATE_KEY error points at, as written. */
function keyAt(text: string, offset: number): string {
  const m = /^("(?:[^"\\\n]|\\.)*"|'[^'\n]*'|[^:\n,{}[\]]*)/.exec(text.slice(offset, offset + 200));
  return (m?.[1] ?? '').trim();
}

const TOO_DEEP = `the YAML is nested too deeply to read (more than ${MAX_YAML_DEPTH} levels)`;
/** Syntax errors listed one by one; a broken file can have thousands, and the first ones say what is wrong. */
const MAX_SYNTAX_ERRORS = 20;
const SECOND_DOCUMENT = 'a second YAML document starts here (`---`); the file must hold one document';

function yamlMessage(e: YAMLError, text: string): string {
  const first = e.message.split('\n')[0] ?? e.message;
  switch (e.code) {
    case 'DUPLICATE_KEY':
      return `duplicate key ${JSON.stringify(keyAt(text, e.pos[0]).replace(/^["']|["']$/g, ''))}: a key may appear only once in a map`;
    case 'MULTIPLE_DOCS':
      return SECOND_DOCUMENT;
    case 'NON_STRING_KEY':
      return 'a key must be a plain name, not a list or a map';
    case 'RESOURCE_EXHAUSTION':
      return /call stack/i.test(first) ? TOO_DEEP : first;
    default:
      return first.replace(/ at line \d+, column \d+:?$/, '');
  }
}

export interface YamlParsed {
  /** The line (1-based) of a path of keys and indexes in `value` (see yaml-locate.ts). */
  locate: Locator;
  /** The document as plain data (maps are objects with string keys). */
  value: unknown;
  /** YAML warnings (the document still parsed). */
  warnings: Diagnostic[];
}

/**
 * Parses one YAML document into plain data; `diagnostics` holds the errors when it cannot. Merge keys (`<<: *base`)
 * are read as YAML 1.1 defines them; a line break may be LF, CRLF or a lone CR (YAML 1.2 allows all three).
 */
export function parseYamlInput(source: string, file: string): { parsed: YamlParsed } | { diagnostics: Diagnostic[] } {
  // A lone CR becomes LF, one character for one, so offsets and the lines YAML counts stay those of the file.
  const text = source.includes('\r') ? source.replace(/\r(?!\n)/g, '\n') : source;
  // Most inputs are plain block YAML, which the fast reader takes without building yaml's nodes; it gives up on
  // anything else, and the full parser below (the reference for values and diagnostics) reads that.
  const fast = readYamlFast(text);
  if (fast) return { parsed: { locate: positionLocator(fast.positions), value: fast.value, warnings: [] } };
  return parseYamlFull(text, file);
}

/** parseYamlInput without the fast reader: exported for the tests that compare the two. */
export function parseYamlFull(source: string, file: string): { parsed: YamlParsed } | { diagnostics: Diagnostic[] } {
  const text = source.includes('\r') ? source.replace(/\r(?!\n)/g, '\n') : source;
  const lines = new LineCounter();
  // Unique keys are checked below in one pass; yaml's own check compares each key with every earlier one.
  const read = parseBounded(text, lines, { uniqueKeys: false, stringKeys: true, merge: true });
  if (read.tooDeep)
    return { diagnostics: [error(file, 'yaml-syntax', TOO_DEEP, lines.linePos(read.tooDeep.offset).line)] };
  const { doc } = read;
  const toDiagnostic = (e: YAMLError, severity: Diagnostic['severity']): Diagnostic => ({
    severity,
    code: 'yaml-syntax',
    file,
    line: lines.linePos(e.pos[0]).line,
    message: yamlMessage(e, text),
  });
  const warnings = doc.warnings.map((w) => toDiagnostic(w, 'warning'));
  // One tab in the indentation throws every line under it out of place: one error at the first tab, not one per
  // line and per consequence.
  const tabs = doc.errors.filter((e) => e.code === 'TAB_AS_INDENT');
  const firstTab = tabs[0];
  if (firstTab) {
    const lineNumbers = new Set(tabs.map((e) => lines.linePos(e.pos[0]).line));
    const others = lineNumbers.size - 1;
    return {
      diagnostics: [
        {
          ...toDiagnostic(firstTab, 'error'),
          message: `a tab is used for indentation${others > 0 ? ` (here and on ${others} more line${others === 1 ? '' : 's'})` : ''}: YAML indents with spaces only`,
        },
      ],
    };
  }
  const errors = doc.errors.slice(0, MAX_SYNTAX_ERRORS).map((e) => toDiagnostic(e, 'error'));
  const more = doc.errors[MAX_SYNTAX_ERRORS];
  if (more) {
    const rest = doc.errors.length - MAX_SYNTAX_ERRORS;
    errors.push({
      ...toDiagnostic(more, 'error'),
      message: `${rest} more YAML error${rest === 1 ? '' : 's'} from here on, not listed`,
    });
  }
  if (read.secondDocAt !== undefined) {
    errors.push(error(file, 'yaml-syntax', SECOND_DOCUMENT, lines.linePos(read.secondDocAt).line));
  }
  if (errors.length > 0) return { diagnostics: [...errors, ...warnings] };
  const duplicates = duplicateKeys(doc, lines, file);
  if (duplicates.length > 0) return { diagnostics: duplicates };
  const problems = checkYamlTree(doc, lines, file);
  if (problems.length > 0) return { diagnostics: problems };
  let value: unknown;
  try {
    // Aliases are bounded by checkYamlTree (with their lines); yaml's own count is quadratic in the aliases.
    value = doc.toJS({ maxAliasCount: -1 });
  } catch (e) {
    const why = e instanceof RangeError ? TOO_DEEP : `cannot read the YAML: ${(e as Error).message}`;
    return { diagnostics: [error(file, 'yaml-syntax', why)] };
  }
  return { parsed: { locate: yamlLocator(doc, lines), value, warnings } };
}

/** A YAML map read as data: a plain object (not a list, a set, an ordered map, binary data or a date). */
export function isPlainMap(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== 'object') return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
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
