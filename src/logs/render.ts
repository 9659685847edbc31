// The two outputs of `wspl logs`: JSON for scripts (contract.md, "Client logs") and text for an engineer.
import pc from 'picocolors';
import type { OfferedEndpoint } from '../workspaces/types.js';
import type { LineRef, LogDiagnosis, LogReport, LogSession } from './types.js';

/**
 * The contract's JSON. `lines` are line numbers when the report covers one file, and "FILE:LINE" strings when it
 * covers several (the same number means different lines in different files).
 */
export function logReportToJson(report: LogReport): object {
  const manyFiles = report.files.length > 1;
  const lines = (refs: LineRef[]) => refs.map((r) => (manyFiles ? `${r.file}:${r.line}` : r.line));
  return {
    sessions: report.sessions.map((s) => ({
      id: s.id,
      protocol: s.protocol,
      start: s.start,
      path: s.path,
      offered: s.offered,
      reachable: s.reachable,
      chosen: s.chosen,
      outcome: s.outcome,
      lines: lines(s.lines),
      end: s.end,
      clientVersion: s.clientVersion,
      region: s.region,
      brokerError: s.brokerError,
      inferred: s.inferred,
    })),
    diagnoses: report.diagnoses.map((d) => ({ ...d, lines: lines(d.lines) })),
    files: report.files,
  };
}

export interface TextOptions {
  color: boolean;
  /** Wrap messages at this width (default 100). */
  width?: number;
}

export function logReportToText(report: LogReport, opts: TextOptions): string {
  const c = pc.createColors(opts.color);
  const width = opts.width ?? 100;
  const out: string[] = [];
  const manyFiles = report.files.length > 1;

  for (const f of report.files) {
    const s = f.stats;
    out.push(`${c.bold(f.file)}  ${c.dim(`${s.lines} lines, ${s.entries} client entries, ${formatBytes(s.bytes)}`)}`);
    for (const n of f.notes) out.push(`  ${c.yellow('note')} ${n}`);
  }
  out.push('');
  if (report.sessions.length === 0) {
    out.push('No connection attempt found: the logs hold client entries but no session (no endpoints offered, no');
    out.push('broker connect request). Connect once with the client, then read the newest log file.');
  }
  for (const s of report.sessions) {
    out.push(...sessionBlock(s, c, manyFiles), '');
  }
  if (report.diagnoses.length > 0) {
    out.push(c.bold('Diagnoses'));
    for (const d of report.diagnoses) out.push(...diagnosisBlock(d, c, manyFiles, width));
    out.push('');
  }
  out.push(summary(report));
  return out.join('\n') + '\n';
}

type Colors = ReturnType<typeof pc.createColors>;

function sessionBlock(s: LogSession, c: Colors, manyFiles: boolean): string[] {
  const when = s.start ? (s.end && s.end !== s.start ? `${s.start} .. ${s.end}` : s.start) : 'time unknown';
  const head = [`Session ${s.id ?? '(id not logged)'}`, s.protocol ?? 'protocol unknown', when];
  if (s.clientVersion) head.push(`client ${s.clientVersion}`);
  const rows: [string, string][] = [['outcome', outcomeColor(s.outcome, c)]];
  rows.push(['path', `${s.path ?? 'unknown'}${s.region ? ` (${s.region})` : ''}`]);
  if (s.brokerError) rows.push(['broker', `error ${s.brokerError}`]);
  rows.push(['offered', s.offered.length > 0 ? endpointList(s.offered) : 'none logged']);
  if (s.offered.length > 0 || s.reachable.length > 0) {
    const of = s.offered.length > 0 ? ` of ${s.offered.length}` : '';
    rows.push(['reachable', `${s.reachable.length}${of}${s.reachable.length > 0 ? ': ' + endpointList(s.reachable) : ''}`]);
  }
  rows.push(['chosen', s.chosen ? `${s.chosen.transport} ${s.chosen.port} ${s.chosen.hostname}` : 'none']);
  rows.push(['lines', lineRanges(s.lines, manyFiles)]);
  if (s.inferred.length > 0) rows.push(['inferred', s.inferred.join(', ')]);
  return [c.bold(head.join('  ')), ...rows.map(([k, v]) => `  ${k.padEnd(10)} ${v}`)];
}

function diagnosisBlock(d: LogDiagnosis, c: Colors, manyFiles: boolean, width: number): string[] {
  const sev = d.severity === 'error' ? c.red('error') : d.severity === 'warning' ? c.yellow('warning') : c.cyan('info');
  const where = d.lines.length > 0 ? `  lines ${lineRanges(d.lines, manyFiles)}` : '';
  const inferred = d.inferred ? c.dim('  (inferred)') : '';
  const head = `  ${sev} ${c.bold(d.code)}  session ${d.session ?? '(id not logged)'}${where}${inferred}`;
  return [head, ...wrap(d.message, width - 4).map((l) => `    ${l}`)];
}

function summary(report: LogReport): string {
  const byOutcome = new Map<string, number>();
  for (const s of report.sessions) byOutcome.set(s.outcome, (byOutcome.get(s.outcome) ?? 0) + 1);
  const outcomes = [...byOutcome].map(([o, n]) => `${n} ${o}`).join(', ');
  const count = (sev: string) => report.diagnoses.filter((d) => d.severity === sev).length;
  const n = report.sessions.length;
  return (
    `${n} session${n === 1 ? '' : 's'}${outcomes ? ` (${outcomes})` : ''}; ` +
    `${count('error')} errors, ${count('warning')} warnings, ${count('info')} notes`
  );
}

function outcomeColor(outcome: string, c: Colors): string {
  if (outcome === 'CONNECTED') return c.green(outcome);
  if (outcome === 'INCOMPLETE' || outcome === 'UNKNOWN') return c.yellow(outcome);
  return c.red(outcome);
}

/** "host: QUIC 4195, TCP 443" per host name, in the logged order. */
function endpointList(endpoints: readonly OfferedEndpoint[]): string {
  const byHost = new Map<string, string[]>();
  for (const e of endpoints) {
    const list = byHost.get(e.hostname) ?? [];
    list.push(`${e.transport} ${e.port}`);
    byHost.set(e.hostname, list);
  }
  return [...byHost].map(([host, ports]) => `${ports.join(', ')} @ ${host}`).join('; ');
}

/** "1-6, 9-12" (one file) or "a.log:1-6, b.log:2" (several). */
export function lineRanges(refs: readonly LineRef[], manyFiles: boolean): string {
  const parts: string[] = [];
  let lastFile: string | null = null;
  let i = 0;
  while (i < refs.length) {
    const first = refs[i]!;
    let last = first;
    while (i + 1 < refs.length && refs[i + 1]!.file === first.file && refs[i + 1]!.line === last.line + 1) last = refs[++i]!;
    const range = last.line === first.line ? `${first.line}` : `${first.line}-${last.line}`;
    parts.push(manyFiles && first.file !== lastFile ? `${first.file}:${range}` : range);
    lastFile = first.file;
    i++;
  }
  return parts.join(', ');
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  if (n < 1024 ** 3) return `${(n / 1024 / 1024).toFixed(1)} MiB`;
  return `${(n / 1024 ** 3).toFixed(2)} GiB`;
}
