// Builds sessions from events. Entries that name a session id go to that session; entries without one (the
// "No endpoints are reachable" warning, "Connecting WorkSpace using QUIC", broker errors) belong to the session the
// log was last talking about. Only a few sessions are open at a time, so memory does not grow with the log, and
// sessions are handed on in the order they started.
import { OUTCOMES, type Outcome } from '../workspaces/types.js';
import type { OfferedEndpoint, Transport } from '../workspaces/types.js';
import { pathOfEndpoints, sameEndpoint, regionOfHost, regionOfSessionId, sessionKey } from './endpoint.js';
import type { LogEvent } from './events.js';
import type { LineRef, LogOutcome, LogSession } from './types.js';

/** Sessions kept open at once; an older undecided one is closed as INCOMPLETE when more start. */
const MAX_OPEN = 8;
/** An undecided session this many sessions older than the newest is closed (INCOMPLETE), so later ones can go out. */
const MAX_AGE = 64;

class SessionBuilder {
  constructor(readonly order: number) {}
  key: string | null = null;
  id: string | null = null;
  protocol: string | null = null;
  start: string | null = null;
  end: string | null = null;
  version: string | null = null;
  readonly startBlock: OfferedEndpoint[] = [];
  readonly supported: OfferedEndpoint[] = [];
  readonly reachable: OfferedEndpoint[] = [];
  chosen: OfferedEndpoint | null = null;
  chosenInferred = false;
  outcome: Outcome | null = null;
  /** The outcome came from wspl's own prediction entry, not from a client line. */
  outcomePredicted = false;
  brokerError: string | null = null;
  /** Line references packed as fileIndex * 2^32 + line, in log order: all of them, and by what they prove. */
  readonly refs: number[] = [];
  readonly startRefs: number[] = [];
  readonly supportedRefs: number[] = [];
  readonly reachableRefs: number[] = [];
  readonly chosenRefs: number[] = [];
  readonly resultRefs: number[] = [];

  /** `key` is sessionKey(id), passed in so that it is the very string the assembler compares with. */
  setId(id: string, key: string): void {
    // Keep the longest spelling: "prod-ap-northeast-1-<uuid>" says more than the bare "<uuid>".
    if (this.id === null || id.length > this.id.length) {
      this.id = id;
      this.key = key;
    }
  }

  /** Adds an endpoint to one of the lists once (the client lists reachable endpoints twice). */
  add(list: 'startBlock' | 'supported' | 'reachable', e: OfferedEndpoint): void {
    const endpoints = this[list];
    // Endpoints are interned by the parser, so identity settles almost every comparison.
    if (endpoints.includes(e)) return;
    for (const x of endpoints) if (sameEndpoint(x, e)) return;
    endpoints.push(e);
  }
}

/** Which lines prove which part of a session, for diagnoses that point at the lines that matter. */
export interface SessionEvidence {
  /** The order in which sessions started in the log (0, 1, …). */
  order: number;
  offered: LineRef[];
  reachable: LineRef[];
  chosen: LineRef[];
  /** The lines that decided the outcome (the warning, the broker request and its errors). */
  result: LineRef[];
}

export type SessionSink = (session: LogSession, evidence: SessionEvidence) => void;

export class SessionAssembler {
  private readonly open: SessionBuilder[] = [];
  private current: SessionBuilder | null = null;
  private fileIndex = 0;
  private started = 0;
  private readonly files: string[] = [];

  constructor(private readonly sink: SessionSink) {}

  /** Line numbers of later events belong to this file. */
  beginFile(name: string): void {
    this.fileIndex = this.files.length;
    this.files.push(name);
  }

  /**
   * Called after a line that started a session while closing every earlier one (see `freshAfter`): from here on
   * the reading cannot depend on anything before it.
   */
  onFreshStart: ((order: number, line: number) => void) | null = null;

  event(e: LogEvent): void {
    const ref = this.fileIndex * 2 ** 32 + e.line;
    if (e.kind === 'prediction') {
      this.prediction(e.code, e.time, ref);
      return;
    }
    const s = this.sessionFor(e);
    if (this.onFreshStart !== null && s.refs.length === 0 && this.freshStartKind(e)) {
      s.refs.push(ref);
      this.setFields(s, e, ref);
      if (this.isFresh(s)) this.onFreshStart(s.order, e.line);
      return;
    }
    s.refs.push(ref);
    this.setFields(s, e, ref);
  }

  /**
   * Entries whose reading does not depend on the entry before them (the parser's context) and that begin a
   * connection attempt: a session start, a CONNECT request.
   */
  private freshStartKind(e: LogEvent): boolean {
    return e.kind === 'session-start' || (e.kind === 'broker-request' && e.type === 'CONNECT');
  }

  /** The one open session is `s`, made of its first line only, and every earlier session has gone out. */
  private isFresh(s: SessionBuilder): boolean {
    return (
      this.open.length === 1 &&
      this.open[0] === s &&
      this.current === s &&
      s.refs.length === 1 &&
      this.waiting.size === 0 &&
      this.nextOut === s.order &&
      s.order === this.started - 1
    );
  }

  /**
   * Whether the state is what a fresh assembler would hold after the entry on `line` of the current file alone:
   * one open session, started on that line. Then everything after reads the same from either.
   */
  freshAfter(line: number): boolean {
    const s = this.current;
    return s !== null && s.refs[0] === this.fileIndex * 2 ** 32 + line && this.isFresh(s);
  }

  /**
   * Forgets the one open session (freshAfter held) and counts `count` sessions as handed on by someone else (the
   * parallel reader's worker, who read them from that same line on): the next session gets the order after them.
   */
  skipSessions(count: number): void {
    const s = this.current;
    if (s === null || !this.isFresh(s)) throw new Error('skipSessions: the state is not fresh');
    this.open.length = 0;
    this.current = null;
    this.started = s.order + count;
    this.nextOut = this.started;
  }

  private setFields(s: SessionBuilder, e: LogEvent, ref: number): void {
    if (s.start === null) s.start = e.time;
    s.end = e.time;
    if (s.version === null) s.version = e.version;
    // Each case also files the line under what it proves, for the diagnoses.
    switch (e.kind) {
      case 'session-start':
        s.startRefs.push(ref);
        s.protocol = e.protocol;
        return;
      case 'start-endpoint':
        s.startRefs.push(ref);
        {
          s.add('startBlock', e.endpoint);
          return;
        }
      case 'supported':
        s.supportedRefs.push(ref);
        {
          s.add('supported', e.endpoint);
          return;
        }
      case 'probed':
      case 'reachable':
        s.reachableRefs.push(ref);
        {
          s.add('reachable', e.endpoint);
          return;
        }
      case 'probed-header':
        s.reachableRefs.push(ref);
        return;
      case 'none-reachable':
        s.resultRefs.push(ref);
        s.outcome = 'NO_REACHABLE_ENDPOINT';
        return;
      case 'attempt':
        s.chosenRefs.push(ref);
        s.chosen = e.endpoint;
        s.chosenInferred = false;
        if (e.protocol && !s.protocol) s.protocol = e.protocol;
        s.outcome = 'CONNECTED';
        return;
      case 'connecting-using':
        s.chosenRefs.push(ref);
        if (s.chosen?.transport !== e.transport) {
          s.chosen = firstWithTransport(s, e.transport);
          s.chosenInferred = true;
        }
        s.outcome = 'CONNECTED';
        return;
      case 'broker-request':
        s.resultRefs.push(ref);
        if (e.protocol) s.protocol = e.protocol;
        return;
      case 'broker-error':
        s.resultRefs.push(ref);
        s.brokerError = e.code;
        // RESOURCE_NOT_FOUND is seen (4-4). Other codes that spell a contract outcome are taken at their word
        // (inferred); any other code says the broker refused for a reason this tool does not know.
        s.outcome = (OUTCOMES as readonly string[]).includes(e.code) ? (e.code as Outcome) : 'UNKNOWN';
        return;
      case 'session-init':
        return;
    }
  }

  /**
   * wspl's prediction entry (write.ts) gives the outcome of the session it ends, where no client line shows one;
   * with no session started, or one that has its result, there is nothing for it to complete.
   */
  private prediction(outcome: string, time: string, ref: number): void {
    const s = this.current;
    if (s === null || s.outcome !== null || !(OUTCOMES as readonly string[]).includes(outcome)) return;
    s.refs.push(ref);
    s.resultRefs.push(ref);
    s.end = time;
    s.outcome = outcome as Outcome;
    s.outcomePredicted = true;
  }

  /** Closes every open session (end of the input). */
  finish(): void {
    for (const s of this.open.splice(0)) this.close(s);
    this.current = null;
  }

  /**
   * Sessions finish out of order (an undecided one stays open while later ones end); they are handed on in the
   * order they started, held here until every earlier one has gone. MAX_OPEN and MAX_AGE bound how many wait.
   */
  private readonly waiting = new Map<number, [LogSession, SessionEvidence]>();
  private nextOut = 0;

  private release(order: number, session: LogSession, evidence: SessionEvidence): void {
    if (order === this.nextOut && this.waiting.size === 0) {
      this.nextOut++;
      this.sink(session, evidence);
      return;
    }
    this.waiting.set(order, [session, evidence]);
    for (let next = this.waiting.get(this.nextOut); next; next = this.waiting.get(this.nextOut)) {
      this.waiting.delete(this.nextOut++);
      this.sink(next[0], next[1]);
    }
  }

  private sessionFor(e: LogEvent): SessionBuilder {
    switch (e.kind) {
      case 'session-start':
        return this.byId(e.id, true);
      case 'broker-request':
        // Only a CONNECT request starts a connection attempt; other requests are noted on the current session.
        if (e.type === 'CONNECT') return e.id ? this.byId(e.id, true) : this.startNew(null);
        return this.current ?? this.startNew(null);
      case 'session-init':
        return this.byId(e.id, false);
      case 'supported':
      case 'reachable':
      case 'attempt':
        return e.id ? this.byId(e.id, false) : (this.current ?? this.startNew(null));
      default:
        return this.current ?? this.startNew(null);
    }
  }

  /** The open session with this id; a new one when there is none, or when `starts` and that one has ended. */
  private byId(id: string, starts: boolean): SessionBuilder {
    const key = this.keyOf(id);
    const current = this.current;
    let found: SessionBuilder | null = current !== null && current.key === key ? current : null;
    if (found === null) for (const s of this.open) if (s.key === key) found = s;
    // An entry that names an id may complete a session whose earlier entries named none.
    if (found === null && current !== null && current.key === null) found = current;
    if (found && !(starts && found.outcome !== null)) {
      found.setId(id, key);
      this.current = found;
      return found;
    }
    return this.startNew(id);
  }

  private lastId = '';
  private lastKey = '';

  /**
   * sessionKey, remembered for the id of the previous event (most events name the same session in a row). Handing
   * out the same string object each time lets `===` on keys settle by identity instead of comparing characters.
   */
  private keyOf(id: string): string {
    if (id !== this.lastId) {
      this.lastId = id;
      this.lastKey = sessionKey(id);
    }
    return this.lastKey;
  }

  private startNew(id: string | null): SessionBuilder {
    // Sessions that already have a result are done once another one starts.
    for (let i = this.open.length - 1; i >= 0; i--) {
      const s = this.open[i]!;
      if (s.outcome !== null) {
        this.open.splice(i, 1);
        this.close(s);
      }
    }
    if (this.open.length >= MAX_OPEN) this.close(this.open.shift()!);
    while (this.open.length > 0 && this.open[0]!.order < this.started - MAX_AGE) this.close(this.open.shift()!);
    const s = new SessionBuilder(this.started++);
    if (id !== null) s.setId(id, this.keyOf(id));
    this.open.push(s);
    this.current = s;
    return s;
  }

  private close(s: SessionBuilder): void {
    this.release(s.order, this.build(s), new LazyEvidence(s, this.lineRef));
  }

  private build(s: SessionBuilder): LogSession {
    const offered = s.supported.length > 0 ? s.supported : s.startBlock;
    const all = [...offered, ...s.reachable, ...(s.chosen ? [s.chosen] : [])];
    const inferred: string[] = [];
    let protocol = s.protocol;
    if (protocol === null && offered.length > 0 && pathOfEndpoints(offered) !== null) {
      // Only DCV (WSP) sessions list highlander endpoints in the seed's logs; the entry naming WSP may be cut off.
      protocol = 'WSP';
      inferred.push('protocol');
    }
    if (s.chosenInferred && s.chosen) inferred.push('chosen');
    if (s.outcomePredicted) inferred.push('outcome');
    let region: string | null = null;
    for (const e of all) region ??= regionOfHost(e.hostname);
    if (region === null && s.id !== null) region = regionOfSessionId(s.id);
    const outcome: LogOutcome = s.outcome ?? 'INCOMPLETE';
    return {
      id: s.id,
      protocol,
      start: s.start,
      end: s.end,
      clientVersion: s.version,
      path: pathOfEndpoints(offered.length > 0 ? offered : all),
      region,
      offered,
      reachable: s.reachable,
      chosen: s.chosen,
      outcome,
      brokerError: s.brokerError,
      lines: s.refs.map(this.lineRef),
      inferred,
    };
  }

  private readonly lineRef = (packed: number): LineRef => {
    const index = Math.floor(packed / 2 ** 32);
    return { file: this.files[index] ?? '', line: packed - index * 2 ** 32 };
  };
}

/** Evidence lines are only turned into LineRefs when a diagnosis asks for them (most sessions have none). */
class LazyEvidence implements SessionEvidence {
  readonly order: number;

  constructor(
    private readonly s: SessionBuilder,
    private readonly toRef: (packed: number) => LineRef,
  ) {
    this.order = s.order;
  }

  get offered(): LineRef[] {
    return (this.s.supported.length > 0 ? this.s.supportedRefs : this.s.startRefs).map(this.toRef);
  }
  get reachable(): LineRef[] {
    return this.s.reachableRefs.map(this.toRef);
  }
  get chosen(): LineRef[] {
    return this.s.chosenRefs.map(this.toRef);
  }
  get result(): LineRef[] {
    return this.s.resultRefs.map(this.toRef);
  }
}

/** The endpoint the client would use for this transport: the first reachable one, else the first offered one. */
function firstWithTransport(s: SessionBuilder, transport: Transport): OfferedEndpoint | null {
  const offered = s.supported.length > 0 ? s.supported : s.startBlock;
  return s.reachable.find((e) => e.transport === transport) ?? offered.find((e) => e.transport === transport) ?? null;
}
