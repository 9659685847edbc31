// Turns lines into events. The client's entry shape (all three seed fixtures) is
//   2025-08-28T04:29:38.638Z { Version: "5.29.1.5595" }: [INF] Supported endpoint: "hostname: …", session ID: …
// Lines are tested with byte comparisons at fixed offsets and a first-byte dispatch on the message, so the common
// uninteresting line costs a few byte reads and no string; only lines with a known message are decoded.
import { ByteMemo, RepeatDecoder, startsWithAt } from './bytes.js';
import { EndpointInterner } from './endpoint.js';
import {
  ATTEMPT,
  CODE_LABEL,
  COLON_SPACE,
  CONNECTING_USING,
  DCV,
  ERROR_WHILE_CALLING,
  HOSTNAME,
  INITIALIZING,
  NONE_REACHABLE,
  PERFORM_ACTION,
  PERFORM_REQUEST,
  PROBED_HEADER,
  REACHABLE,
  SESSION_ID_BYTES,
  SESSION_ID_LABEL,
  STARTING_SESSION,
  WSPL_PREDICTION,
  SUPPORTED,
  VERSION_LABEL,
  PROTOCOL_LABEL,
  SESSION_ID_DASHED,
  TYPE_LABEL,
  valueEnd,
  valueStart,
  quoteEnd,
} from './messages.js';
import type { LogEvent, LogEventKind, UniformEvent } from './events.js';
import { OUTCOMES, type OfferedEndpoint } from '../workspaces/types.js';
import type { LogFileStats } from './types.js';
import type { LineHandler } from './lines.js';

/** The part of a file's statistics the entry parser counts (the line splitter counts the rest). */
export type EntryStats = Pick<
  LogFileStats,
  'entries' | 'continuation' | 'unknown' | 'blank' | 'garbage' | 'firstGarbageLine' | 'unparsed'
>;

export function emptyEntryStats(): EntryStats {
  return { entries: 0, continuation: 0, unknown: 0, blank: 0, garbage: 0, firstGarbageLine: null, unparsed: 0 };
}

const isDigit = (b: number | undefined): boolean => b !== undefined && b >= 48 && b <= 57;

/** What a continuation line may add to the entry before it. */
const Context = {
  None: 0,
  /** Inside an entry whose continuation lines are not understood. */
  Entry: 1,
  /** After `Starting WSP session … endpoints:`: continuation lines are offered endpoints. */
  StartBlock: 2,
  /** After `Reachable endpoints after probing:`: `[DBG] hostname: …` entries are reachable endpoints. */
  ProbedList: 3,
} as const;
type Context = (typeof Context)[keyof typeof Context];

export class EntryParser implements LineHandler {
  private stats: EntryStats = emptyEntryStats();
  private context: Context = Context.None;
  private entryTime = '';
  private entryVersion: string | null = null;
  // Header offsets of the current line, set by readHeader.
  private timeEnd = 0;
  private levelStart = 0;
  private readonly endpoints = new EndpointInterner();
  /** The last entry header's bytes and layout (lines in a burst share time, version and level). */
  private readonly headers = new ByteMemo();
  private headerLength = 0;
  private timeLength = 0;
  private levelOffset = 0;
  /** entryTime and entryVersion belong to the remembered header. */
  private headerDecoded = false;
  private readonly versions = new RepeatDecoder();
  private readonly ids = new RepeatDecoder();
  private readonly types = new RepeatDecoder();
  private readonly times = new RepeatDecoder();
  /** Short words: a transport, a broker error code. */
  private readonly words = new RepeatDecoder();
  private readonly protocols = new RepeatDecoder();

  /** `sink.event` is called directly (not through a closure): it runs for most lines of a log. */
  constructor(private readonly sink: { event(e: LogEvent): void }) {}

  /** The counts since the last takeFileStats (read only). */
  get statsSoFar(): Readonly<EntryStats> {
    return this.stats;
  }

  get entriesSoFar(): number {
    return this.stats.entries;
  }

  /** The counts since the last call (one file's), and a fresh start for the next file. */
  takeFileStats(): EntryStats {
    const stats = this.stats;
    this.stats = emptyEntryStats();
    return stats;
  }

  /** Adds the counts of lines someone else read (the parallel reader's worker), as if read here. */
  addStats(skipped: EntryStats): void {
    const s = this.stats;
    s.entries += skipped.entries;
    s.continuation += skipped.continuation;
    s.unknown += skipped.unknown;
    s.blank += skipped.blank;
    s.garbage += skipped.garbage;
    s.firstGarbageLine ??= skipped.firstGarbageLine;
    s.unparsed += skipped.unparsed;
  }

  /** A new file starts: its first lines cannot continue the last entry of the previous file. */
  resetContext(): void {
    this.context = Context.None;
  }

  line(buf: Buffer, start: number, end: number, lineNo: number, clean: boolean): void {
    if (!clean) {
      this.stats.garbage++;
      if (this.stats.firstGarbageLine === null) this.stats.firstGarbageLine = lineNo;
      this.context = Context.None;
      return;
    }
    if (end === start) {
      this.stats.blank++;
      return;
    }
    const msg = this.headerEnd(buf, start, end);
    if (msg < 0) {
      this.continuation(buf, start, end, lineNo);
      return;
    }
    this.stats.entries++;
    const previous = this.context;
    this.context = Context.Entry;
    if (msg >= end) return;
    this.message(buf, start, msg, end, lineNo, previous);
  }

  /**
   * The offset of the message, as readHeader, but a line whose header (time, version, level) repeats the previous
   * entry's byte for byte is settled by one comparison, and its decoded time and version are reused.
   */
  private headerEnd(buf: Buffer, start: number, end: number): number {
    const n = this.headerLength;
    if (n > 0 && end - start >= n && this.headers.same(buf, start, start + n, this.timeLength)) {
      this.timeEnd = start + this.timeLength;
      this.levelStart = start + this.levelOffset;
      return start + n;
    }
    const msg = this.readHeader(buf, start, end);
    if (msg < 0) return msg;
    this.headers.remember(buf, start, msg);
    this.headerLength = msg - start;
    this.timeLength = this.timeEnd - start;
    this.levelOffset = this.levelStart - start;
    this.headerDecoded = false;
    return msg;
  }

  /**
   * Returns the offset of the message after `<time> { Version: "…" }: [LVL] `, or -1 when the line does not start
   * with an ISO timestamp and a level in brackets.
   */
  private readHeader(buf: Buffer, start: number, end: number): number {
    if (end - start < 26) return -1;
    // 2025-08-28T04:29:38.638Z
    if (
      buf[start + 4] !== 45 ||
      buf[start + 7] !== 45 ||
      buf[start + 10] !== 84 ||
      buf[start + 13] !== 58 ||
      buf[start + 16] !== 58 ||
      !isDigit(buf[start]) ||
      !isDigit(buf[start + 3]) ||
      !isDigit(buf[start + 9])
    ) {
      return -1;
    }
    let i = start + 19;
    const timeLimit = Math.min(end, start + 40);
    while (i < timeLimit && buf[i] !== 32) i++;
    if (i >= timeLimit) return -1;
    this.timeEnd = i;
    i++;
    if (buf[i] === 123 /* { */) {
      const limit = Math.min(end, i + 256);
      while (i < limit && buf[i] !== 125 /* } */) i++;
      if (i >= limit) return -1;
      i++;
      if (buf[i] === 58 /* : */) i++;
      if (buf[i] === 32) i++;
    }
    if (buf[i] !== 91 /* [ */) return -1;
    this.levelStart = i + 1;
    const limit = Math.min(end, i + 10);
    while (i < limit && buf[i] !== 93 /* ] */) i++;
    if (i >= limit) return -1;
    i++;
    if (buf[i] === 32) i++;
    return i;
  }

  private continuation(buf: Buffer, start: number, end: number, lineNo: number): void {
    if (this.context === Context.None) {
      this.stats.unknown++;
      return;
    }
    this.stats.continuation++;
    if (this.context === Context.StartBlock && startsWithAt(buf, start, end, HOSTNAME)) {
      const endpoint = this.endpoints.get(buf, start, end);
      if (endpoint) this.send('start-endpoint', lineNo, null, endpoint);
      else this.stats.unparsed++;
    }
  }

  private message(buf: Buffer, start: number, at: number, end: number, lineNo: number, previous: Context): void {
    switch (buf[at]) {
      case 83 /* S */:
        if (startsWithAt(buf, at, end, SUPPORTED)) {
          this.withEndpoint('supported', buf, start, at, end, lineNo);
          return;
        }
        if (startsWithAt(buf, at, end, STARTING_SESSION)) {
          this.sessionStart(buf, start, at, end, lineNo);
          return;
        }
        return;
      case 82 /* R */:
        if (startsWithAt(buf, at, end, REACHABLE)) {
          this.withEndpoint('reachable', buf, start, at, end, lineNo);
          return;
        }
        if (startsWithAt(buf, at, end, PROBED_HEADER)) {
          this.header(buf, start);
          this.send('probed-header', lineNo);
          this.context = Context.ProbedList;
        }
        return;
      case 104 /* h */:
        if (previous === Context.ProbedList && startsWithAt(buf, at, end, HOSTNAME)) {
          const endpoint = this.endpoints.get(buf, at, end);
          if (!endpoint) {
            this.unparsed();
            return;
          }
          this.header(buf, start);
          this.send('probed', lineNo, null, endpoint);
          this.context = Context.ProbedList;
        }
        return;
      case 73 /* I */:
        if (startsWithAt(buf, at, end, INITIALIZING)) {
          const from = at + INITIALIZING.length;
          const to = valueEnd(buf, from, end);
          if (to === from) {
            this.unparsed();
            return;
          }
          const id = this.ids.decode(buf, from, to);
          this.header(buf, start);
          this.send('session-init', lineNo, id);
        }
        return;
      case 78 /* N */:
        if (startsWithAt(buf, at, end, NONE_REACHABLE)) {
          this.header(buf, start);
          this.send('none-reachable', lineNo);
        }
        return;
      case 65 /* A */:
        if (startsWithAt(buf, at, end, ATTEMPT)) {
          this.attempt(buf, start, at, end, lineNo);
          return;
        }
        return;
      case 67 /* C */:
        if (startsWithAt(buf, at, end, CONNECTING_USING)) {
          const from = at + CONNECTING_USING.length;
          const transport = this.words.decode(buf, from, valueEnd(buf, from, end)).toUpperCase();
          if (transport !== 'QUIC' && transport !== 'TCP') {
            this.unparsed();
            return;
          }
          this.header(buf, start);
          this.send('connecting-using', lineNo, null, null, null, transport);
        }
        return;
      case 80 /* P */:
        if (startsWithAt(buf, at, end, PERFORM_REQUEST)) {
          this.brokerRequest(buf, start, at, end, lineNo);
          return;
        }
        return;
      case 119 /* w */:
        if (startsWithAt(buf, at, end, WSPL_PREDICTION)) {
          const from = at + WSPL_PREDICTION.length;
          const outcome = this.words.decode(buf, from, valueEnd(buf, from, end));
          if (!(OUTCOMES as readonly string[]).includes(outcome)) {
            this.unparsed();
            return;
          }
          this.header(buf, start);
          this.send('prediction', lineNo, null, null, null, outcome);
        }
        return;
      default:
        // Broker errors come at level ERR with messages that start in several ways (4-4).
        if (buf[this.levelStart] === 69 /* E */ && buf[this.levelStart + 1] === 82 /* R */) {
          this.brokerError(buf, start, at, end, lineNo);
        }
    }
  }

  private sessionStart(buf: Buffer, start: number, at: number, end: number, lineNo: number): void {
    // Starting WSP session using SessionId: <id>, endpoints:
    const idFrom = valueStart(buf, SESSION_ID_LABEL, at, end);
    const idTo = idFrom === -1 ? -1 : valueEnd(buf, idFrom, end);
    if (idTo <= idFrom) {
      this.unparsed();
      return;
    }
    const id = this.ids.decode(buf, idFrom, idTo);
    const protocolFrom = at + STARTING_SESSION.length;
    const protocol = this.protocols.decode(buf, protocolFrom, valueEnd(buf, protocolFrom, end)).toUpperCase();
    this.header(buf, start);
    this.send('session-start', lineNo, id, null, protocol);
    this.context = Context.StartBlock;
  }

  private withEndpoint(
    kind: 'supported' | 'reachable',
    buf: Buffer,
    start: number,
    at: number,
    end: number,
    lineNo: number,
  ): void {
    // Supported endpoint: "hostname: …, additionalEndpointAttributes: ", session ID: <id>
    const open = at + (kind === 'supported' ? SUPPORTED.length : REACHABLE.length);
    const close = buf[open] === 34 ? quoteEnd(buf, open + 1, end) : -1;
    const endpoint = close === -1 ? null : this.endpoints.get(buf, open + 1, close);
    if (!endpoint) {
      this.unparsed();
      return;
    }
    this.header(buf, start);
    this.send(kind, lineNo, this.lastSessionId(buf, close, end), endpoint);
  }

  private attempt(buf: Buffer, start: number, at: number, end: number, lineNo: number): void {
    // Attempting to establish connection to DCV WorkSpace endpoint "<endpoint>", session ID: <id>, is reconnection: …
    const from = at + ATTEMPT.length;
    const open = quoteEnd(buf, from, end);
    const close = open === -1 ? -1 : quoteEnd(buf, open + 1, end);
    const endpoint = close === -1 ? null : this.endpoints.get(buf, open + 1, close);
    if (!endpoint) {
      this.unparsed();
      return;
    }
    // "DCV WorkSpace endpoint": the client calls DCV "WSP" in its other entries.
    const protocol = startsWithAt(buf, from, open, DCV) ? 'WSP' : null;
    this.header(buf, start);
    const id = this.sessionIdIn(buf, close, end);
    this.send('attempt', lineNo, id, endpoint, protocol);
  }

  private brokerRequest(buf: Buffer, start: number, at: number, end: number, lineNo: number): void {
    // PerformResourceActionRequest Type: CONNECT, Protocol: PCOIP, Session-Id: <id>, Amzn-id: <id>
    const type = this.valueOf(buf, TYPE_LABEL, at, end, this.types);
    if (!type) {
      this.unparsed();
      return;
    }
    const protocol = this.valueOf(buf, PROTOCOL_LABEL, at, end, this.protocols);
    const id = this.valueOf(buf, SESSION_ID_DASHED, at, end, this.ids);
    this.header(buf, start);
    this.send('broker-request', lineNo, id, null, protocol?.toUpperCase() ?? null, type.toUpperCase());
  }

  /** The value after `label`, decoded through `decoder`; null when the label or the value is missing. */
  private valueOf(buf: Buffer, label: Uint8Array, from: number, end: number, decoder: RepeatDecoder): string | null {
    const valueFrom = valueStart(buf, label, from, end);
    if (valueFrom === -1) return null;
    const valueTo = valueEnd(buf, valueFrom, end);
    return valueTo > valueFrom ? decoder.decode(buf, valueFrom, valueTo) : null;
  }

  private brokerError(buf: Buffer, start: number, at: number, end: number, lineNo: number): void {
    // Error while calling PerformResourceActionConnect: RESOURCE_NOT_FOUND
    // …PerformResourceAction.AllocateResourceResponse Error. Code: RESOURCE_NOT_FOUND; Message: …
    // Searched in the bytes: most ERR lines of a real log are about something else and need no string.
    let codeAt: number;
    if (startsWithAt(buf, at, end, ERROR_WHILE_CALLING)) {
      const colon = buf.indexOf(COLON_SPACE, at + ERROR_WHILE_CALLING.length);
      codeAt = colon === -1 || colon >= end ? -1 : colon + COLON_SPACE.length;
    } else {
      const action = buf.indexOf(PERFORM_ACTION, at);
      if (action === -1 || action >= end) return;
      const label = buf.indexOf(CODE_LABEL, action);
      if (label === -1 || label >= end) return;
      codeAt = label + CODE_LABEL.length;
    }
    const code = codeAt === -1 ? '' : this.words.decode(buf, codeAt, valueEnd(buf, codeAt, end));
    if (!code) {
      this.unparsed();
      return;
    }
    this.header(buf, start);
    this.send('broker-error', lineNo, null, null, null, code);
  }

  /** Decodes the timestamp and version of the current entry (only for lines that produce an event). */
  private header(buf: Buffer, start: number): void {
    if (this.headerDecoded) return;
    this.headerDecoded = true;
    this.entryTime = this.times.decode(buf, start, this.timeEnd);
    const v = this.timeEnd + 1;
    if (!startsWithAt(buf, v, this.levelStart, VERSION_LABEL)) {
      this.entryVersion = null;
      return;
    }
    const from = v + VERSION_LABEL.length;
    let to = from;
    while (to < this.levelStart && buf[to] !== 34) to++;
    this.entryVersion = this.versions.decode(buf, from, to);
  }

  /** `…", session ID: <id>` at the end of the line: the id is the last word, checked against its label. */
  private lastSessionId(buf: Buffer, from: number, end: number): string | null {
    // Most often the same id as on the previous line: try its length first, which skips the scan for the space.
    const n = this.ids.lastLength;
    const guess = end - n;
    if (
      n > 0 &&
      guess - SESSION_ID_BYTES.length >= from &&
      buf[guess - 1] === 32 &&
      this.ids.isLast(buf, guess, end) &&
      startsWithAt(buf, guess - SESSION_ID_BYTES.length, guess, SESSION_ID_BYTES)
    ) {
      return this.ids.last;
    }
    let idStart = end;
    for (let b = buf[idStart - 1]; idStart > from && b !== 32 && b !== 44 && b !== 34; b = buf[--idStart - 1]);
    const labelStart = idStart - SESSION_ID_BYTES.length;
    if (idStart === end || labelStart < from || !startsWithAt(buf, labelStart, idStart, SESSION_ID_BYTES)) {
      return this.sessionIdIn(buf, from, end);
    }
    return this.ids.decode(buf, idStart, end);
  }

  /** The session id after `session ID: ` in `buf[from, end)`, up to a comma, space or quote; null when absent. */
  private sessionIdIn(buf: Buffer, from: number, end: number): string | null {
    const label = buf.indexOf(SESSION_ID_BYTES, from);
    if (label === -1 || label >= end) return null;
    const idStart = label + SESSION_ID_BYTES.length;
    let idEnd = idStart;
    while (idEnd < end) {
      const b = buf[idEnd];
      if (b === 44 || b === 32 || b === 34) break;
      idEnd++;
    }
    return idEnd > idStart ? this.ids.decode(buf, idStart, idEnd) : null;
  }

  /**
   * Every event is built here with every field, those its kind does not use set to null: the assembler then reads
   * one object shape instead of a dozen, which keeps its property reads fast. `word` is the transport of
   * connecting-using, the code of broker-error and the type of broker-request.
   */
  private send(
    kind: LogEventKind,
    line: number,
    id: string | null = null,
    endpoint: OfferedEndpoint | null = null,
    protocol: string | null = null,
    word: string | null = null,
  ): void {
    const event: UniformEvent = {
      kind,
      line,
      time: this.entryTime,
      version: this.entryVersion,
      id,
      endpoint,
      protocol,
      type: kind === 'broker-request' ? word : null,
      code: kind === 'broker-error' || kind === 'prediction' ? word : null,
      transport: kind === 'connecting-using' ? word : null,
    };
    this.sink.event(event as LogEvent);
  }

  private unparsed(): void {
    this.stats.unparsed++;
  }
}
