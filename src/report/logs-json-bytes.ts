// A session of `wspl logs --format json` encoded straight into the output's block of bytes, in the exact layout of
// LogJsonTexts.session (JSON.stringify(…, null, 2)). Building each session as a string first and encoding it at the
// write made about 2 KB of short-lived text per session: on a log of a hundred thousand sessions that was a third of
// the command's time, most of it in the garbage collector. Here the fixed layout is bytes made once, the endpoints
// (one object per distinct endpoint, the parser interns them) are encoded once each, and the strings of a session are
// copied a byte per character. A session whose fields are not of the types the reader makes goes through the string
// renderer, so the bytes are the same for any value.
import type { LineRef, LogDiagnosis, LogSession } from '../logs/types.js';
import { isIndex, type BlockOutput } from './block-output.js';
import { BoundedMemo } from './bounded-memo.js';
import { inReaderShape } from './held-diagnoses.js';
import type { LogJsonTexts } from './logs-json.js';
import { nestedJson } from './nested-json.js';

const ascii = (text: string): Uint8Array => Buffer.from(text, 'latin1');

// The layout between the values, at the indents of logs-json.ts (a session's fields at 6 spaces, array items at 8).
const FIELD = '\n      ';
const ITEM = '\n        ';
const ID = ascii('{' + FIELD + '"id": ');
const PROTOCOL = ascii(',' + FIELD + '"protocol": ');
const START = ascii(',' + FIELD + '"start": ');
const PATH = ascii(',' + FIELD + '"path": ');
const OFFERED = ascii(',' + FIELD + '"offered": ');
const REACHABLE = ascii(',' + FIELD + '"reachable": ');
const CHOSEN = ascii(',' + FIELD + '"chosen": ');
const OUTCOME = ascii(',' + FIELD + '"outcome": ');
const LINES = ascii(',' + FIELD + '"lines": ');
const END = ascii(',' + FIELD + '"end": ');
const CLIENT_VERSION = ascii(',' + FIELD + '"clientVersion": ');
const REGION = ascii(',' + FIELD + '"region": ');
const BROKER_ERROR = ascii(',' + FIELD + '"brokerError": ');
const INFERRED = ascii(',' + FIELD + '"inferred": ');
const CLOSE = ascii('\n    }');
const CODE = ascii('{' + FIELD + '"code": ');
const SEVERITY = ascii(',' + FIELD + '"severity": ');
const SESSION = ascii(',' + FIELD + '"session": ');
const MESSAGE = ascii(',' + FIELD + '"message": ');
const INFERRED_TRUE = ascii(',' + FIELD + '"inferred": true');
const INFERRED_FALSE = ascii(',' + FIELD + '"inferred": false');
const FIRST_ITEM = ascii('[' + ITEM);
const NEXT_ITEM = ascii(',' + ITEM);
const CLOSE_ARRAY = ascii(FIELD + ']');
const EMPTY_ARRAY = ascii('[]');
const NULL = ascii('null');

const isText = (v: unknown): v is string | null => v === null || typeof v === 'string';

/** Whether every field is of the type the reader makes (so the fixed layout holds: nothing left out). */
function plain(s: LogSession): boolean {
  return (
    isText(s.id) &&
    isText(s.protocol) &&
    isText(s.start) &&
    isText(s.path) &&
    Array.isArray(s.offered) &&
    Array.isArray(s.reachable) &&
    (s.chosen === null || typeof s.chosen === 'object') &&
    typeof s.outcome === 'string' &&
    Array.isArray(s.lines) &&
    isText(s.end) &&
    isText(s.clientVersion) &&
    isText(s.region) &&
    isText(s.brokerError) &&
    Array.isArray(s.inferred)
  );
}

/**
 * Objects encoded once at one indent, by identity (an endpoint is never changed once its session is reported); null
 * for one JSON leaves out (its toJSON gives undefined).
 */
class EncodedObjects {
  private readonly bytes = new WeakMap<object, Uint8Array | null>();

  constructor(private readonly indent: string) {}

  get(value: object): Uint8Array | null {
    let b = this.bytes.get(value);
    if (b === undefined) {
      const text = nestedJson(value, this.indent);
      b = text === undefined ? null : Buffer.from(text);
      this.bytes.set(value, b);
    }
    return b;
  }
}

const encodeJsonString = (text: string): Uint8Array => Buffer.from(JSON.stringify(text));
/** `"FILE:` as the start of JSON.stringify(`${file}:${line}`) (the colon and digits are never escaped). */
const fileLabel = (file: string): Uint8Array => Buffer.from(JSON.stringify(file).slice(0, -1) + ':');
const QUOTE = ascii('"');

export class SessionJsonBytes {
  /** Diagnosis texts (code, severity, message) quoted and encoded, each distinct one once. */
  private readonly quoted = new BoundedMemo<Uint8Array>();
  private readonly fileLabels = new BoundedMemo<Uint8Array>();
  private readonly items = new EncodedObjects(ITEM.slice(1));
  private readonly fields = new EncodedObjects(FIELD.slice(1));

  constructor(
    private readonly texts: LogJsonTexts,
    private readonly manyFiles: boolean,
  ) {}

  /** Writes `s` as an element of the `sessions` array; `out` must take bytes. */
  write(out: BlockOutput, s: LogSession): void {
    const chosen = plain(s) ? (s.chosen === null ? NULL : this.fields.get(s.chosen)) : null;
    if (chosen === null) {
      out.write(this.texts.session(s));
      return;
    }
    out.put(ID);
    this.text(out, s.id);
    out.put(PROTOCOL);
    this.text(out, s.protocol);
    out.put(START);
    this.text(out, s.start);
    out.put(PATH);
    this.text(out, s.path);
    out.put(OFFERED);
    this.objects(out, s.offered);
    out.put(REACHABLE);
    this.objects(out, s.reachable);
    out.put(CHOSEN);
    out.put(chosen);
    out.put(OUTCOME);
    out.putJsonString(s.outcome);
    out.put(LINES);
    this.lines(out, s.lines);
    out.put(END);
    this.text(out, s.end);
    out.put(CLIENT_VERSION);
    this.text(out, s.clientVersion);
    out.put(REGION);
    this.text(out, s.region);
    out.put(BROKER_ERROR);
    this.text(out, s.brokerError);
    out.put(INFERRED);
    this.strings(out, s.inferred);
    out.put(CLOSE);
  }

  /** Writes `d` as an element of the `diagnoses` array; `out` must take bytes. */
  writeDiagnosis(out: BlockOutput, d: LogDiagnosis): void {
    if (!inReaderShape(d)) {
      out.write(this.texts.diagnosis(d));
      return;
    }
    out.put(CODE);
    out.put(this.quoted.get(d.code, encodeJsonString));
    out.put(SEVERITY);
    out.put(this.quoted.get(d.severity, encodeJsonString));
    out.put(SESSION);
    this.text(out, d.session);
    out.put(MESSAGE);
    out.put(this.quoted.get(d.message, encodeJsonString));
    out.put(LINES);
    this.lines(out, d.lines);
    out.put(d.inferred ? INFERRED_TRUE : INFERRED_FALSE);
    out.put(CLOSE);
  }

  private text(out: BlockOutput, value: string | null): void {
    if (value === null) out.put(NULL);
    else out.putJsonString(value);
  }

  /** An array at FIELD whose items `item` writes (each after its line break and indent). */
  private array<T>(out: BlockOutput, list: readonly T[], item: (out: BlockOutput, value: T) => void): void {
    if (list.length === 0) {
      out.put(EMPTY_ARRAY);
      return;
    }
    for (let i = 0; i < list.length; i++) {
      out.put(i === 0 ? FIRST_ITEM : NEXT_ITEM);
      item(out, list[i]!);
    }
    out.put(CLOSE_ARRAY);
  }

  private objects(out: BlockOutput, list: readonly unknown[]): void {
    this.array(out, list, this.object);
  }

  private lines(out: BlockOutput, list: readonly LineRef[]): void {
    this.array(out, list, this.line);
  }

  private strings(out: BlockOutput, list: readonly unknown[]): void {
    this.array(out, list, this.string);
  }

  /** An endpoint (encoded once), or any other value as JSON.stringify prints it. */
  private readonly object = (out: BlockOutput, item: unknown): void => {
    if (typeof item === 'object' && item !== null) out.put(this.items.get(item) ?? NULL);
    else out.write(nestedJson(item, ITEM.slice(1)) ?? 'null');
  };

  private readonly string = (out: BlockOutput, item: unknown): void => {
    if (typeof item === 'string') out.putJsonString(item);
    else out.write(nestedJson(item, ITEM.slice(1)) ?? 'null');
  };

  /** A line as a number (one file) or "FILE:LINE" (several). */
  private readonly line = (out: BlockOutput, r: LineRef): void => {
    const line: unknown = r.line;
    if (!this.manyFiles) {
      if (isIndex(line)) out.putIndex(line);
      else out.write(nestedJson(line, ITEM.slice(1)) ?? 'null');
    } else if (isIndex(line) && typeof r.file === 'string') {
      // The file's quoted name up to the colon encoded once, then the digits (a string made per line number is kept
      // alive by V8's number-to-string cache past the next young-generation collection).
      out.put(this.fileLabels.get(r.file, fileLabel));
      out.putIndex(line);
      out.put(QUOTE);
    } else out.putJsonString(`${r.file}:${r.line}`);
  };
}
