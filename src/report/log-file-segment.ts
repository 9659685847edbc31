// What a worker of the parallel reader does with one file (logs-parallel.ts explains the whole): read it from a fresh
// start, as if no file came before, and render the sessions between its first and its last "fresh start" (a line
// after which the reading cannot depend on what came before). The main thread reads the rest itself: the head, which
// may continue a session of the previous file, up to the first fresh start where its own reading is fresh too, and
// the tail, which may go on into the next file; it takes the worker's rendering for what lies between.
import { addCounts, LogScanner, type FreshStart, type SectionCounts } from '../logs/scanner.js';
import { streamFile } from '../logs/read.js';
import type { LogSession } from '../logs/types.js';
import { BlockOutput } from './block-output.js';
import { HeldDiagnosisList, type PackedDiagnoses } from './held-diagnoses.js';
import { byteRange, type DiagnosisRun, type RenderSpec, type RenderedSegment } from './log-segments.js';
import { JSON_SEPARATOR, LogJsonTexts } from './logs-json.js';
import { SessionJsonBytes } from './logs-json-bytes.js';
import { TextLogWriter } from './logs.js';

/** A fresh start, and how much had been rendered when it came (the sessions before it, all ended). */
export interface FreshMark extends FreshStart {
  sessionBytes: number;
  diagnoses: number;
  /** The counts of the lines after the mark before it (the range's start for the first), up to its own line. */
  counts: SectionCounts;
}

/** The fresh starts recorded from a file's beginning: the main thread's reading is fresh at one of the first few. */
const MAX_MARKS = 256;

export interface FileSegment {
  /** The first fresh starts (up to MAX_MARKS), then the last one; the rendering runs from the first to the last. */
  marks: FreshMark[];
  /** The rendered bytes, in the blocks they were written in (moved to the main thread, not copied). */
  sessionBytes: Uint8Array[];
  /**
   * The diagnoses of the rendered sessions, in order, held as the writer holds its own (held-diagnoses.ts) and moved
   * as that list's chunks: rendered, they were megabytes of bytes kept until the end of the output.
   */
  diagnoses: PackedDiagnoses;
  /** The outcome of each rendered session, in order. */
  outcomes: string[];
  /** What goes between two rendered sessions (JSON's comma). */
  separator: string;
}

/** The writer's rendering of one session into an output of bytes, and what goes between two. */
interface Renderer {
  session: (out: BlockOutput, s: LogSession) => void;
  separator: string;
}

function rendererFor(spec: RenderSpec): Renderer {
  if (spec.format === 'json') {
    const bytes = new SessionJsonBytes(new LogJsonTexts(spec.manyFiles), spec.manyFiles);
    return {
      session: (out, s) => bytes.write(out, s),
      separator: JSON_SEPARATOR,
    };
  }
  const text = new TextLogWriter(() => undefined, spec.manyFiles, spec);
  return {
    session: (out, s) => text.writeSession(out, s),
    separator: '',
  };
}

/** Rendered items as bytes, each after the separator but the first. */
class Pieces {
  readonly blocks: Uint8Array[] = [];
  readonly keys: string[] = [];
  readonly output: BlockOutput;

  constructor(
    private readonly separator: string,
    newBlock?: () => Buffer,
  ) {
    this.output = new BlockOutput(
      () => undefined,
      (b) => (this.blocks.push(b), false),
      newBlock,
    );
  }

  /** One item, written by `render` into the output after the separator. */
  add<T>(render: (out: BlockOutput, item: T) => void, item: T, key: string): void {
    if (this.keys.length > 0 && this.separator !== '') this.output.write(this.separator);
    render(this.output, item);
    this.keys.push(key);
  }

  bytes(upTo: number): Uint8Array[] {
    this.output.flush();
    return byteRange(this.blocks, 0, upTo);
  }
}

/** What a worker is asked to read: bytes [start, end) of a file, a line start after line `startLine`. */
export interface RangeRequest {
  id: number;
  path: string;
  start: number;
  /** Infinity for the file's last range: to its end, as the one-thread reader reads it. */
  end: number;
  startLine: number;
  spec: RenderSpec;
  maxLineBytes?: number;
}

/** Reads a range of a file from a fresh state and renders it between its first and last fresh starts. */
export async function readRange(request: RangeRequest, newBlock?: () => Buffer): Promise<FileSegment> {
  const render = rendererFor(request.spec);
  const sessions = new Pieces(render.separator, newBlock);
  const diagnoses = new HeldDiagnosisList();
  const marks: FreshMark[] = [];
  /**
   * The last fresh start so far, and the counts since the last mark kept up to it: once MAX_MARKS are kept, a mark is
   * made of these only at the end, for the last one (a log has a fresh start per session).
   */
  const latest: { point: FreshStart | null; sizes: number[]; counts: SectionCounts | null } = {
    point: null,
    sizes: [],
    counts: null,
  };
  const scanner: LogScanner = new LogScanner({
    maxLineBytes: request.maxLineBytes,
    // Sessions before the first fresh start may continue one of the previous range: the main thread reads those.
    onSession: (s, found) => {
      if (latest.point === null) return;
      sessions.add(render.session, s, s.outcome);
      for (const d of found) diagnoses.add(d);
    },
    // Every session handed out so far started before this line and has ended.
    onFreshStart: (point) => {
      latest.point = point;
      latest.sizes = [sessions.output.size, diagnoses.size];
      if (marks.length < MAX_MARKS) {
        marks.push(markOf(point, latest.sizes, scanner.takeSection()));
        latest.counts = null;
      } else latest.counts = scanner.peekSection();
    },
  });
  scanner.beginFile(request.path, { line: request.startLine, offset: request.start });
  await streamFile(request.path, (chunk) => scanner.write(chunk), request.start, request.end);
  // No finish(): the sessions still open may go on in the next range or file, and are the main thread's to read.
  scanner.endFile();
  if (latest.point !== null && latest.counts !== null) marks.push(markOf(latest.point, latest.sizes, latest.counts));
  const end = marks.at(-1);
  const first = marks[0];
  return {
    marks,
    sessionBytes: sessions.bytes(end?.sessionBytes ?? 0),
    diagnoses: diagnoses.pack(),
    outcomes: end && first ? sessions.keys.slice(0, end.order - first.order) : [],
    separator: render.separator,
  };
}

function markOf(point: FreshStart, sizes: number[], counts: SectionCounts): FreshMark {
  const [sessionBytes = 0, diagnoses = 0] = sizes;
  return {
    order: point.order,
    line: point.line,
    start: point.start,
    end: point.end,
    sessionBytes,
    diagnoses,
    counts,
  };
}

/**
 * The rendered sessions from mark `from` up to the segment's last mark, for the writer, and the counts of the lines
 * between the two marks (both left out: the main thread reads them).
 */
export function segmentFrom(
  segment: FileSegment,
  from: FreshMark,
): { rendered: RenderedSegment; skipped: SectionCounts } {
  const first = segment.marks[0] ?? from;
  const end = segment.marks.at(-1) ?? from;
  // Each mark's counts run from the mark before it up to and including its own line (an entry).
  let skipped: SectionCounts | null = null;
  for (const mark of segment.marks.slice(segment.marks.indexOf(from) + 1)) {
    skipped = skipped === null ? mark.counts : addCounts(skipped, mark.counts);
  }
  if (skipped === null || from === end) throw new Error('segmentFrom: no lines between the marks');
  skipped = { ...skipped, lines: skipped.lines - 1, entries: skipped.entries - 1 };
  const sep = segment.separator.length;
  // Every text but the very first follows a separator, which the writer puts back itself.
  const sessionStart = from.sessionBytes + (from.order > first.order && end.order > from.order ? sep : 0);
  const rendered = {
    sessions: end.order - from.order,
    sessionBytes: byteRange(segment.sessionBytes, sessionStart, end.sessionBytes),
    outcomes: countInOrder(segment.outcomes, from.order - first.order, end.order - first.order),
    diagnoses: diagnosisRun(segment.diagnoses, from.diagnoses, end.diagnoses),
  };
  return { rendered, skipped };
}

/** How often each key occurs in keys[from, to), in the order each first occurs. */
function countInOrder(keys: readonly string[], from: number, to: number): [string, number][] {
  const counts = new Map<string, number>();
  for (const key of keys.slice(from, to)) counts.set(key, (counts.get(key) ?? 0) + 1);
  return [...counts];
}

/** Diagnoses [from, to) of a worker's packed list. */
function diagnosisRun(packed: PackedDiagnoses, from: number, to: number): DiagnosisRun {
  const list = HeldDiagnosisList.unpack(packed);
  return { forEach: (visit) => list.forEach(visit, from, to) };
}
