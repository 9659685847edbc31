// The two outputs of `wspl logs`: JSON for scripts (contract.md, "Client logs") and text for an engineer. Both are
// writers fed one session at a time, so the command can print a large log while it reads it; only diagnoses wait
// for the end. `logReportToJson` and `logReportToText` render a whole report through the same writers.
import { renderComparisons, type Comparison } from '../logs/compare.js';
import pc from 'picocolors';
import { terminalSafe as safe } from '../input/terminal.js';
import type { OfferedEndpoint } from '../workspaces/types.js';
import type { LineRef, LogDiagnosis, LogFileReport, LogReport, LogSession } from '../logs/types.js';
import { DEFAULT_WIDTH, wrapLine, wrapText, wrapWords } from './wrap.js';
import { BlockOutput } from './block-output.js';
import { BoundedMemo } from './bounded-memo.js';
import { JsonLogWriter } from './logs-json.js';
import { HeldDiagnosisList } from './held-diagnoses.js';
import { addCount, type RenderedSegment } from './log-segments.js';
import { lineRanges, lineRangesLength, putLineRanges } from './line-ranges.js';

export { JsonLogWriter, lineRanges };

export interface LogReportWriter {
  session(s: LogSession): void;
  diagnoses(list: readonly LogDiagnosis[]): void;
  /** Writes what waited for the end: diagnoses, files, summary. */
  /** Ends the report; `comparisons` come from `--topology` (reality against the prediction). */
  end(files: readonly LogFileReport[], comparisons?: readonly Comparison[]): void;
}

/**
 * `lines` are line numbers when the output covers one file, and "FILE:LINE" strings when it covers several (the
 * same number means different lines in different files).
 */
function jsonLines(refs: readonly LineRef[], manyFiles: boolean): (number | string)[] {
  return refs.map((r) => (manyFiles ? `${r.file}:${r.line}` : r.line));
}

/** A session as the contract prints it: the contract's fields first, then this tool's additions. */
export function sessionToJson(s: LogSession, manyFiles: boolean): object {
  return {
    id: s.id,
    protocol: s.protocol,
    start: s.start,
    path: s.path,
    offered: s.offered,
    reachable: s.reachable,
    chosen: s.chosen,
    outcome: s.outcome,
    lines: jsonLines(s.lines, manyFiles),
    end: s.end,
    clientVersion: s.clientVersion,
    region: s.region,
    brokerError: s.brokerError,
    inferred: s.inferred,
  };
}

export function diagnosisToJson(d: LogDiagnosis, manyFiles: boolean): object {
  return { ...d, lines: jsonLines(d.lines, manyFiles) };
}

export interface TextOptions {
  color: boolean;
  /** Wrap messages at this width (default 100). */
  width?: number;
  /** The diagnoses only: no session blocks, files read or summary. */
  quiet?: boolean;
}

type Colors = ReturnType<typeof pc.createColors>;

/** A block per session as it comes, then the diagnoses, the files read and a summary. */
export class TextLogWriter implements LogReportWriter {
  private readonly c: Colors;
  private readonly width: number;
  private readonly found = new HeldDiagnosisList();
  private readonly outcomes = new Map<string, number>();
  private readonly severities = new Map<string, number>();
  private diagnosisCount = 0;
  private sessions = 0;
  private readonly output: BlockOutput;
  private readonly quiet: boolean;
  /** Rows and messages as wrapped to the width: sessions of a log repeat them (offered endpoints, a diagnosis). */
  private readonly wrappedRows = new BoundedMemo<string>();
  private readonly wrappedMessages = new BoundedMemo<string>();
  private readonly messageBytes = new BoundedMemo<Uint8Array>();
  private readonly endpointLists = new EndpointLists();

  constructor(
    out: ((text: string) => void) | BlockOutput,
    private readonly manyFiles: boolean,
    opts: TextOptions,
  ) {
    this.output = out instanceof BlockOutput ? out : new BlockOutput(out);
    this.c = pc.createColors(opts.color);
    this.width = opts.width ?? DEFAULT_WIDTH;
    this.quiet = opts.quiet === true;
  }

  session(s: LogSession): void {
    this.sessions++;
    addCount(this.outcomes, s.outcome, 1);
    this.writeSession(this.output, s);
  }

  /** Writes sessionText(s) into `out` (this writer's output, or a worker's of the parallel reader). */
  writeSession(out: BlockOutput, s: LogSession): void {
    if (this.quiet) return;
    // Into bytes, the line numbers of a lines row that fits are written as digits (line-ranges.ts says why).
    // With several files, each file's name (made safe, then encoded) is looked up once.
    if (out.takesBytes) {
      const many = this.manyFiles;
      const length = lineRangesLength(s.lines, many ? this.labelLength : undefined);
      if (length !== -1 && LINES_ROW.length - 1 + length <= this.width) {
        out.write(sessionRows(s, this.c, this.width, this.wrappedRows, this.endpointLists) + LINES_ROW);
        putLineRanges(out, s.lines, many ? this.labelBytes : undefined);
        out.write(inferredRow(s, this.width, this.wrappedRows) + '\n\n');
        return;
      }
    }
    out.write(this.sessionText(s));
  }

  /** A file's name in a lines row, as printed (made safe) and as bytes with its colon. */
  private readonly fileLabels = new BoundedMemo<{ length: number; bytes: Uint8Array }>();
  private readonly fileLabel = (file: string) =>
    this.fileLabels.get(file, (f) => {
      const name = safe(f);
      return { length: name.length, bytes: Buffer.from(name + ':') };
    });
  private readonly labelLength = (file: string): number => this.fileLabel(file).length;
  private readonly labelBytes = (file: string): Uint8Array => this.fileLabel(file).bytes;

  /** A session as this writer prints it (nothing when quiet). */
  sessionText(s: LogSession): string {
    return this.quiet
      ? ''
      : sessionBlock(s, this.c, this.manyFiles, this.width, this.wrappedRows, this.endpointLists) + '\n\n';
  }

  /** A diagnosis as this writer prints it, in the list at the end. */
  diagnosisText(d: LogDiagnosis): string {
    return diagnosisHead(d, this.c, this.manyFiles, this.width) + '\n' + this.wrappedMessage(d.message) + '\n';
  }

  /** A message is made from a few templates: each distinct one is wrapped once. */
  private wrappedMessage(message: string): string {
    return this.wrappedMessages.get(message, (m) => wrapWords(safe(m), this.width, '    ').join('\n'));
  }

  /**
   * diagnosisText written out; where the output takes bytes, the message (most of a diagnosis) is copied from its
   * bytes encoded once, instead of being joined to the heading into a new string and encoded again every time.
   */
  writeDiagnosis(out: BlockOutput, d: LogDiagnosis): void {
    if (!out.takesBytes) {
      out.write(this.diagnosisText(d));
      return;
    }
    out.write(diagnosisHead(d, this.c, this.manyFiles, this.width) + '\n');
    out.put(this.messageBytes.get(d.message, (m) => Buffer.from(this.wrappedMessage(m) + '\n')));
  }

  diagnoses(list: readonly LogDiagnosis[]): void {
    for (const d of list) this.hold(d);
  }

  private hold(d: LogDiagnosis): void {
    this.found.add(d);
    this.diagnosisCount++;
    addCount(this.severities, d.severity, 1);
  }

  /** Sessions rendered elsewhere by sessionText and diagnosisText. */
  segment(seg: RenderedSegment): void {
    this.sessions += seg.sessions;
    for (const [outcome, n] of seg.outcomes) addCount(this.outcomes, outcome, n);
    for (const b of seg.sessionBytes) this.output.writeBytes(b);
    seg.diagnoses.forEach((d) => this.hold(d));
  }

  private writeDiagnoses(): void {
    this.found.forEach((d) => this.writeDiagnosis(this.output, d));
  }

  end(files: readonly LogFileReport[], comparisons?: readonly Comparison[]): void {
    const c = this.c;
    const write = (text: string) => this.output.write(text + '\n');
    if (this.quiet) {
      this.writeDiagnoses();
      this.output.flush();
      return;
    }
    if (comparisons) {
      write(c.bold('Against the prediction'));
      write(comparisons.length > 0 ? wrapText(renderComparisons(comparisons), this.width) : 'No session to compare.\n');
    }
    if (this.sessions === 0) {
      write('No connection attempt found: the logs hold client entries but no session (no endpoints offered, no');
      write('broker connect request). Connect once with the client, then read the newest log file.\n');
    }
    if (this.diagnosisCount > 0) {
      write(c.bold('Diagnoses'));
      this.writeDiagnoses();
      write('');
    }
    const out: string[] = [];
    out.push(c.bold('Read'));
    for (const f of files) {
      const s = f.stats;
      out.push(`  ${safe(f.file)}  ${c.dim(`${s.lines} lines, ${s.entries} client entries, ${formatBytes(s.bytes)}`)}`);
      for (const n of f.notes) out.push(`    ${c.yellow('note')} ${safe(n)}`);
    }
    out.push('', this.summary());
    write(out.map((l) => wrapLine(l, this.width)).join('\n'));
    this.output.flush();
  }

  private summary(): string {
    const outcomes = [...this.outcomes].map(([o, n]) => `${n} ${o}`).join(', ');
    const count = (sev: string, word: string) => {
      const n = this.severities.get(sev) ?? 0;
      return `${n} ${word}${n === 1 ? '' : 's'}`;
    };
    const n = this.sessions;
    return (
      `${n} session${n === 1 ? '' : 's'}${outcomes ? ` (${outcomes})` : ''}; ` +
      `${count('error', 'error')}, ${count('warning', 'warning')}, ${count('info', 'note')}`
    );
  }
}

function writeReport(report: LogReport, writer: LogReportWriter): void {
  for (const s of report.sessions) writer.session(s);
  writer.diagnoses(report.diagnoses);
  writer.end(report.files);
}

/** The contract's JSON for a whole report, as an object. */
export function logReportToJson(report: LogReport): object {
  let text = '';
  writeReport(report, new JsonLogWriter((t) => (text += t), report.files.length > 1));
  return JSON.parse(text) as object;
}

export function logReportToText(report: LogReport, opts: TextOptions): string {
  let text = '';
  writeReport(report, new TextLogWriter((t) => (text += t), report.files.length > 1, opts));
  return text;
}

// Every text in a block that comes from the log (ids, versions, times, host names, codes, file names) goes through
// `safe`: a log line may carry escape sequences or line breaks that would otherwise act on the terminal.

/** What starts each row of a session block: its name in a column 10 wide, indented by 2. */
const ROW = (name: string): string => `\n  ${name.padEnd(10)} `;
const OUTCOME_ROW = ROW('outcome');
const PATH_ROW = ROW('path');
const BROKER_ROW = ROW('broker');
const OFFERED_ROW = ROW('offered');
const REACHABLE_ROW = ROW('reachable');
const CHOSEN_ROW = ROW('chosen');
const LINES_ROW = ROW('lines');
const INFERRED_ROW = ROW('inferred');

/**
 * A row of a session block: `start` is the line break and the row's name, and a row that fits is kept as it is. A
 * longer one (the offered endpoints) continues under itself, past the names of the rows; every row but the lines
 * repeats from session to session, so those are wrapped once (`wrapped`).
 */
function row(start: string, value: string, width: number, wrapped: BoundedMemo<string> | null): string {
  if (start.length - 1 + value.length <= width) return start + value;
  const line = start.slice(1) + value;
  return '\n' + (wrapped ? wrapped.get(line, () => wrapLine(line, width, 13)) : wrapLine(line, width, 13));
}

/** A session's block up to its lines row (that row and the inferred one are sessionBlock's). */
function sessionRows(
  s: LogSession,
  c: Colors,
  width: number,
  wrapped: BoundedMemo<string>,
  lists: EndpointLists,
): string {
  const when = s.start ? (s.end && s.end !== s.start ? `${s.start} .. ${s.end}` : s.start) : 'time unknown';
  let head = `Session ${s.id ?? '(id not logged)'}  ${s.protocol ?? 'protocol unknown'}  ${when}`;
  if (s.clientVersion) head += `  client ${s.clientVersion}`;
  let text = wrapLine(c.bold(safe(head)), width);
  text += row(OUTCOME_ROW, outcomeColor(s.outcome, c), width, wrapped);
  text += row(PATH_ROW, safe(`${s.path ?? 'unknown'}${s.region ? ` (${s.region})` : ''}`), width, wrapped);
  if (s.brokerError) text += row(BROKER_ROW, `error ${safe(s.brokerError)}`, width, wrapped);
  text += row(OFFERED_ROW, s.offered.length > 0 ? lists.text(s.offered) : 'none logged', width, wrapped);
  if (s.offered.length > 0 || s.reachable.length > 0) {
    const of = s.offered.length > 0 ? ` of ${s.offered.length}` : '';
    const found = s.reachable.length > 0 ? ': ' + lists.text(s.reachable) : '';
    text += row(REACHABLE_ROW, `${s.reachable.length}${of}${found}`, width, wrapped);
  }
  const chosen = s.chosen ? safe(`${s.chosen.transport} ${s.chosen.port} ${s.chosen.hostname}`) : 'none';
  return text + row(CHOSEN_ROW, chosen, width, wrapped);
}

/** The row after the lines, when there is one. */
function inferredRow(s: LogSession, width: number, wrapped: BoundedMemo<string>): string {
  return s.inferred.length > 0 ? row(INFERRED_ROW, s.inferred.join(', '), width, wrapped) : '';
}

/**
 * A session's block as lines joined by line breaks (no break at the end). Built as one string, row by row: a large log
 * has a hundred thousand sessions, and arrays of rows joined at the end cost a quarter of the text output.
 */
function sessionBlock(
  s: LogSession,
  c: Colors,
  manyFiles: boolean,
  width: number,
  wrapped: BoundedMemo<string>,
  lists: EndpointLists,
): string {
  const lines = row(LINES_ROW, safe(lineRanges(s.lines, manyFiles)), width, null);
  return sessionRows(s, c, width, wrapped, lists) + lines + inferredRow(s, width, wrapped);
}

/** The first line of a diagnosis in the text (wrapped to the width): severity, code, session, lines. */
function diagnosisHead(d: LogDiagnosis, c: Colors, manyFiles: boolean, width: number): string {
  const sev = d.severity === 'error' ? c.red('error') : d.severity === 'warning' ? c.yellow('warning') : c.cyan('info');
  const where = d.lines.length > 0 ? `  lines ${safe(lineRanges(d.lines, manyFiles))}` : '';
  const inferred = d.inferred ? c.dim('  (inferred)') : '';
  return wrapLine(
    `  ${sev} ${c.bold(d.code)}  session ${safe(d.session ?? '(id not logged)')}${where}${inferred}`,
    width,
    4,
  );
}

function outcomeColor(written: string, c: Colors): string {
  const outcome = safe(written);
  if (outcome === 'CONNECTED') return c.green(outcome);
  if (outcome === 'INCOMPLETE' || outcome === 'UNKNOWN') return c.yellow(outcome);
  return c.red(outcome);
}

/**
 * endpointList once per distinct list: the log reader hands out one object per distinct endpoint, so a list is named
 * by the numbers given to its objects, and sessions of a log offer the same few lists again and again.
 */
class EndpointLists {
  private readonly numbers = new WeakMap<OfferedEndpoint, number>();
  private readonly texts = new BoundedMemo<string>();
  private next = 0;

  text(endpoints: readonly OfferedEndpoint[]): string {
    let key = '';
    for (const e of endpoints) {
      let n = this.numbers.get(e);
      if (n === undefined) {
        n = this.next++;
        this.numbers.set(e, n);
      }
      key += `${n},`;
    }
    return this.texts.get(key, () => endpointList(endpoints));
  }
}

/** "QUIC 4195, TCP 443 @ host" per host name, in the logged order. */
function endpointList(endpoints: readonly OfferedEndpoint[]): string {
  const byHost = new Map<string, string[]>();
  for (const e of endpoints) {
    const list = byHost.get(e.hostname) ?? [];
    list.push(`${e.transport} ${e.port}`);
    byHost.set(e.hostname, list);
  }
  return safe([...byHost].map(([host, ports]) => `${ports.join(', ')} @ ${host}`).join('; '));
}

function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  if (n < 1024 ** 3) return `${(n / 1024 / 1024).toFixed(1)} MiB`;
  return `${(n / 1024 ** 3).toFixed(2)} GiB`;
}
