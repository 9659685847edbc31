// The client log reader: what other parts of wspl (trace --format log, logs --topology) and library users import.
//
// What it recognises, and from where: every message it reads comes from the seed's three real client logs
// (test/logs/, seed cases 4-2, 4-3, 4-4); see events.ts for the exact lines. Not recognised, for want of a real
// log line: registration failures and a missing internet path (seed 4-1 only shows a dialog), login failures,
// device authorization refusals. Inferred, and marked so in the output: the public (internet) gateway host names,
// the tie between a broker Session-Id and the DCV session id, the protocol of a session whose start was cut off,
// and the causes named by diagnoses other than no-reachable-endpoint on the private path.
export { readLogs, readLogFile, planLogs, readPlanned, type LogInput, type ReadLogsOptions } from './read.js';
export { LogScanner, scanChunks, SessionCollector, type LogScannerOptions, type ScanResult } from './scanner.js';
export { formatTraceAsLog, type FormatTraceAsLogOptions } from './write.js';
export { diagnoseSession, DIAGNOSIS_CODES, type DiagnosisCode } from './diagnose.js';
export { clientLogFolders, existingClientLogFolders, type ClientLogFolder } from './locations.js';
export { pathOfHost } from './endpoint.js';
export type { LogEvent, LogEventKind } from './events.js';
export type { SessionEvidence } from './sessions.js';
export type * from './types.js';
