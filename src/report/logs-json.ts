// The JSON of `wspl logs`, written by hand in the exact layout of JSON.stringify(report, null, 2). A large log has a
// hundred thousand sessions; stringifying each inside a wrapper and slicing the wrapper off cost more than reading
// the log. Here each session is one string concatenation, the endpoints (the parser interns them, so a log has a
// handful) are stringified once each, and the few values a log repeats (protocol, outcome, Region) are quoted once.
// Anything of an unexpected type goes through JSON.stringify itself, so the bytes are the same for any value.
import type { Comparison } from '../logs/compare.js';
import type { LineRef, LogDiagnosis, LogFileReport, LogSession } from '../logs/types.js';
import { BlockOutput } from './block-output.js';
import { BoundedMemo } from './bounded-memo.js';
import { SessionJsonBytes } from './logs-json-bytes.js';
import { nestedJson } from './nested-json.js';
import { HeldDiagnosisList } from './held-diagnoses.js';
import type { RenderedSegment } from './log-segments.js';

/** Between two sessions or two diagnoses in their arrays. */
export const JSON_SEPARATOR = ',\n    ';

/** Quotes values a log repeats (protocol, path, outcome, version, Region, code): each distinct one once. */
class QuoteCache {
  private readonly quoted = new BoundedMemo<string>();

  json(value: unknown, indent: string): string | undefined {
    if (typeof value !== 'string') return nestedJson(value, indent);
    return this.quoted.get(value, quote);
  }
}

const quote = (text: string): string => JSON.stringify(text);

/**
 * Objects stringified once at one indent, by identity: the parser hands out one object per distinct endpoint. An
 * object is never changed once its session is reported, so its text stays right.
 */
class ObjectCache {
  private readonly texts = new WeakMap<object, string | undefined>();

  constructor(private readonly indent: string) {}

  json(value: unknown): string | undefined {
    if (typeof value !== 'object' || value === null) return nestedJson(value, this.indent);
    if (this.texts.has(value)) return this.texts.get(value);
    const text = nestedJson(value, this.indent);
    this.texts.set(value, text);
    return text;
  }
}

// Indents of JSON.stringify(report, null, 2): a session or diagnosis is an element of a top-level array (4 spaces),
// its fields are at 6, the elements of its arrays at 8.
const ELEMENT = '    ';
const FIELD = '      ';
const ITEM = '        ';
// What comes before an array's first element and before each later one (made once, not once per element).
const FIRST_ITEM = '\n' + ITEM;
const NEXT_ITEM = ',\n' + ITEM;

/** An array nested at FIELD whose elements are texts made by `element` (undefined elements print as null). */
function array(list: unknown, element: (item: never) => string | undefined): string | undefined {
  if (!Array.isArray(list)) return nestedJson(list, FIELD);
  if (list.length === 0) return '[]';
  let text = '[';
  for (let i = 0; i < list.length; i++)
    text += (i === 0 ? FIRST_ITEM : NEXT_ITEM) + (element(list[i] as never) ?? 'null');
  return text + '\n' + FIELD + ']';
}

/**
 * Adds `"name": value` to the fields of an object at FIELD, unless JSON leaves the value out. Strings appended one
 * after the other, not a list of pairs: a large log has a hundred thousand sessions of fourteen fields each.
 */
function member(fields: string, name: string, value: string | undefined): string {
  if (value === undefined) return fields;
  return fields + (fields === '' ? '\n' : ',\n') + FIELD + name + ': ' + value;
}

/** The object made of `fields` (from member), as an element of a top-level array. */
function object(fields: string): string {
  return fields === '' ? '{}' : '{' + fields + '\n' + ELEMENT + '}';
}

export class LogJsonTexts {
  private readonly quotes = new QuoteCache();
  private readonly items = new ObjectCache(ITEM);
  private readonly fields = new ObjectCache(FIELD);
  /** A diagnosis's keys, quoted. */
  private readonly keys = new BoundedMemo<string>();

  constructor(private readonly manyFiles: boolean) {}

  private readonly item = (value: unknown): string | undefined => this.items.json(value);
  private readonly plain = (value: unknown): string | undefined => nestedJson(value, ITEM);
  private readonly quoted = (value: unknown): string | undefined => this.quotes.json(value, ITEM);
  /** `lines` as numbers when the output covers one file, "FILE:LINE" when it covers several. */
  private readonly line = (r: LineRef): string | undefined =>
    this.manyFiles ? JSON.stringify(`${r.file}:${r.line}`) : nestedJson(r.line, ITEM);

  /** One session as an element of the `sessions` array: the contract's fields first, then this tool's. */
  session(s: LogSession): string {
    const q = this.quotes;
    let f = member('', '"id"', nestedJson(s.id, FIELD));
    f = member(f, '"protocol"', q.json(s.protocol, FIELD));
    f = member(f, '"start"', nestedJson(s.start, FIELD));
    f = member(f, '"path"', q.json(s.path, FIELD));
    f = member(f, '"offered"', array(s.offered, this.item));
    f = member(f, '"reachable"', array(s.reachable, this.item));
    f = member(f, '"chosen"', this.fields.json(s.chosen));
    f = member(f, '"outcome"', q.json(s.outcome, FIELD));
    f = member(f, '"lines"', array(s.lines, this.line));
    f = member(f, '"end"', nestedJson(s.end, FIELD));
    f = member(f, '"clientVersion"', q.json(s.clientVersion, FIELD));
    f = member(f, '"region"', q.json(s.region, FIELD));
    f = member(f, '"brokerError"', q.json(s.brokerError, FIELD));
    f = member(f, '"inferred"', array(s.inferred, this.quoted));
    return object(f);
  }

  /** One diagnosis as an element of the `diagnoses` array: its own fields in their order, `lines` rewritten. */
  diagnosis(d: LogDiagnosis): string {
    // As `{ ...d, lines }` prints: d's own keys in their order, `lines` in its place (or last if d had none).
    let fields = '';
    let lines = false;
    // for…in, not Object.entries: a log has tens of thousands of diagnoses, and each entries() call made an array
    // of pairs for the collector. A diagnosis is a plain object, so its keys are its own, in the same order.
    for (const name in d) {
      if (!Object.hasOwn(d, name)) continue;
      const value = d[name as keyof LogDiagnosis];
      const key = this.keys.get(name, quote);
      if (name === 'lines') {
        lines = true;
        fields = member(fields, key, array(value, this.line));
      } else if (name === 'message' || name === 'code' || name === 'severity') {
        fields = member(fields, key, this.quotes.json(value, FIELD));
      } else fields = member(fields, key, nestedJson(value, FIELD));
    }
    if (!lines) fields = member(fields, '"lines"', array(d.lines, this.line));
    return object(fields);
  }
}

/** `{ "sessions": [...], "diagnoses": [...], "files": [...] }` as JSON.stringify(…, null, 2) prints it, streamed. */
export class JsonLogWriter {
  private sessions = 0;
  private readonly found = new HeldDiagnosisList();
  private readonly texts: LogJsonTexts;
  private readonly bytes: SessionJsonBytes | null;

  private readonly output: BlockOutput;

  /** `out` takes text; a BlockOutput made with a ByteSink takes bytes too. */
  constructor(out: ((text: string) => void) | BlockOutput, manyFiles: boolean) {
    this.output = out instanceof BlockOutput ? out : new BlockOutput(out);
    this.texts = new LogJsonTexts(manyFiles);
    // Encoded in place where the output takes bytes (logs-json-bytes.ts says why).
    this.bytes = this.output.takesBytes ? new SessionJsonBytes(this.texts, manyFiles) : null;
  }

  session(s: LogSession): void {
    const out = this.output;
    const before = this.sessions++ === 0 ? '{\n  "sessions": [\n    ' : ',\n    ';
    if (this.bytes) {
      out.write(before);
      this.bytes.write(out, s);
    } else out.write(before + this.texts.session(s));
  }

  diagnoses(list: readonly LogDiagnosis[]): void {
    for (const d of list) this.found.add(d);
  }

  /** Sessions rendered elsewhere by LogJsonTexts, joined by JSON_SEPARATOR. */
  segment(seg: RenderedSegment): void {
    if (seg.sessions > 0) {
      this.output.write(this.sessions === 0 ? '{\n  "sessions": [\n    ' : JSON_SEPARATOR);
      for (const b of seg.sessionBytes) this.output.writeBytes(b);
      this.sessions += seg.sessions;
    }
    seg.diagnoses.forEach((d) => this.found.add(d));
  }

  end(files: readonly LogFileReport[], comparisons?: readonly Comparison[]): void {
    const out = this.output;
    out.write(this.sessions === 0 ? '{\n  "sessions": [],\n  "diagnoses": [' : '\n  ],\n  "diagnoses": [');
    // One diagnosis at a time: a large log has many, and one string of them all would need memory of its own.
    let first = true;
    this.found.forEach((d) => {
      if (this.bytes) {
        out.write(first ? '\n    ' : JSON_SEPARATOR);
        this.bytes.writeDiagnosis(out, d);
      } else out.write((first ? '\n    ' : JSON_SEPARATOR) + this.texts.diagnosis(d));
      first = false;
    });
    const rest = JSON.stringify(comparisons ? { comparisons, files } : { files }, null, 2);
    out.write((this.found.size === 0 ? '],\n' : '\n  ],\n') + rest.slice(2) + '\n');
    out.flush();
  }
}
