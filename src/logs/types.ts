// What `wspl logs` finds in real WorkSpaces client logs (contract.md, "Client logs").
import type { OfferedEndpoint, Outcome, Path, Transport } from '../workspaces/types.js';

/** A session's outcome: the trace outcomes plus INCOMPLETE (the log ends before a result). */
export type LogOutcome = Outcome | 'INCOMPLETE';

/**
 * The streaming protocol exactly as the client spells it in its log: `WSP` (Amazon DCV, "Starting WSP session",
 * "DCV WorkSpace endpoint") or `PCOIP` ("Protocol: PCOIP"). Other values from a broker request are kept verbatim.
 */
export type LogProtocol = 'WSP' | 'PCOIP' | (string & {});

/** One line of one input file; `line` is 1-based. */
export interface LineRef {
  file: string;
  line: number;
}

export interface LogSession {
  /** The session id as logged ("SessionId:", "session ID:", "Session-Id:"); null when the log never names it. */
  id: string | null;
  protocol: LogProtocol | null;
  /** Timestamp of the session's first entry, as written in the log (ISO 8601, UTC). */
  start: string | null;
  /** Timestamp of the session's last entry. */
  end: string | null;
  /** The client version from the entry prefix `{ Version: "…" }`. */
  clientVersion: string | null;
  /** `privatelink` when the offered names are the private ones, `internet` for public gateway names. */
  path: Path;
  /** Region named by the offered host names or the session id, when there is one. */
  region: string | null;
  /** What the broker offered, in the logged order ("Supported endpoint", else the "Starting WSP session" block). */
  offered: OfferedEndpoint[];
  /** What the client found reachable after probing ("Reachable endpoint" and the "after probing" list). */
  reachable: OfferedEndpoint[];
  /** The endpoint the client connects to ("Attempting to establish connection", "Connecting WorkSpace using"). */
  chosen: OfferedEndpoint | null;
  outcome: LogOutcome;
  /** Broker error code when the broker refused ("Code: RESOURCE_NOT_FOUND"). */
  brokerError: string | null;
  /** The lines that prove what is said above. */
  lines: LineRef[];
  /** Fields set by inference rather than read from a log line (e.g. "protocol"). */
  inferred: string[];
}

export type DiagnosisSeverity = 'error' | 'warning' | 'info';

export interface LogDiagnosis {
  /** Stable code: no-reachable-endpoint, pcoip-blocked-by-streaming-endpoint, udp-blocked, port-4195-blocked, … */
  code: string;
  severity: DiagnosisSeverity;
  /** The session id (null when the log never names it). */
  session: string | null;
  /** Cause and fix in plain words. */
  message: string;
  lines: LineRef[];
  /** True when the explanation rests on an inference, not on what the log says. */
  inferred: boolean;
}

/** How the bytes of one file were read. Chunking never changes these numbers. */
export interface LogFileStats {
  bytes: number;
  lines: number;
  /** Lines in the client's entry shape: `<ISO time> { Version: "…" }: [LVL] message`. */
  entries: number;
  /** Lines without the time prefix that follow an entry (multi-line entries such as the `endpoints:` block). */
  continuation: number;
  /** Lines that are neither (before any entry, or another program's format); counted and ignored. */
  unknown: number;
  blank: number;
  /** Lines holding invalid UTF-8 or NUL bytes (binary data); counted and ignored. */
  garbage: number;
  firstGarbageLine: number | null;
  /** Lines longer than the line cap; counted and skipped without buffering them. */
  longLines: number;
  firstLongLine: number | null;
  /** Entries that looked like a known message but could not be parsed (e.g. cut in the middle). */
  unparsed: number;
  bom: boolean;
  /** The last line has no newline: the file may have been cut while it was written. */
  cutLastLine: boolean;
  /** The file starts with a UTF-16 byte-order mark (not supported; the client writes UTF-8). */
  utf16: boolean;
}

export interface LogFileReport {
  file: string;
  stats: LogFileStats;
  /** Plain-language remarks about the file: garbage, long lines, a cut last line, skipped files. */
  notes: string[];
  /** True when the file was skipped because it holds no client log entries (only inside a folder). */
  skipped: boolean;
}

export interface LogReport {
  sessions: LogSession[];
  diagnoses: LogDiagnosis[];
  files: LogFileReport[];
}

export type { OfferedEndpoint, Transport };
