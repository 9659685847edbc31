// `wspl probe` as text: a table like the client's network check, grouped by what each part is for, with every
// failure and every inconclusive probe explained, then round trips, the path MTU, the verdict and, with
// --topology, the differences from the prediction.
import type { Comparison, ProbeCheck, ProbeReport } from './types.js';

/** Same shape as the CLI's style (colours on a terminal, plain otherwise). */
export interface ProbeStyle {
  bold(s: string): string;
  red(s: string): string;
  green(s: string): string;
  yellow(s: string): string;
  dim(s: string): string;
}

const WIDTH = 110;
const INDENT = '        ';

function wrap(text: string, indent: string): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && indent.length + line.length + 1 + word.length > WIDTH) {
      lines.push(indent + line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(indent + line);
  return lines;
}

function mark(c: ProbeCheck, s: ProbeStyle): string {
  const quiet = c.need !== 'needed';
  switch (c.status) {
    case 'ok':
      return s.green('✓');
    case 'warn':
      return s.yellow('!');
    case 'fail':
      return quiet ? s.yellow('✗') : s.red('✗');
    case 'inconclusive':
      return s.yellow('?');
    case 'skipped':
      return s.dim('–');
  }
}

function label(c: ProbeCheck): string {
  if (c.kind === 'dns') return `DNS ${c.target}${c.resolver ? ` via ${c.resolver}` : ''}`;
  if (c.kind === 'https') return `HTTPS ${c.host ?? c.target}`;
  return c.target;
}

function checkLines(c: ProbeCheck, s: ProbeStyle): string[] {
  const need = c.need === 'not-needed' ? s.dim(' (not needed)') : c.need === 'informational' ? s.dim(' (info)') : '';
  const rtt = c.rttMs !== undefined && c.status === 'ok' && c.kind === 'dns' ? s.dim(`  ${c.rttMs} ms`) : '';
  const out = [`  ${mark(c, s)} ${label(c)}${need}`, ...wrap(`${c.summary}${rtt}`, INDENT)];
  // A success speaks for itself; everything else says what it means.
  if (c.status !== 'ok' && c.explanation) out.push(...wrap(c.explanation, INDENT).map((l) => s.dim(l)));
  if (c.source && c.status !== 'ok' && c.status !== 'skipped') out.push(s.dim(`${INDENT}source: ${c.source}`));
  return out;
}

const HEADINGS: Record<ProbeCheck['group'], string> = {
  streaming: 'Streaming endpoint (PrivateLink)',
  internet: 'Internet: registration, login, broker',
  public: 'Public DCV gateways and health checks',
};

function groupNote(group: ProbeCheck['group'], r: ProbeReport): string {
  const inUse = r.endpointInUse.value;
  if (group === 'streaming') return inUse === 'no' ? 'not needed: the directory streams over the internet' : 'needed';
  if (group === 'public') {
    return inUse === 'yes'
      ? 'not needed: a streaming endpoint is in use'
      : inUse === 'no'
        ? 'needed: no streaming endpoint'
        : 'needed only without a streaming endpoint';
  }
  return 'needed, even with a streaming endpoint';
}

function comparisonLines(c: Comparison, s: ProbeStyle): string[] {
  const p = c.predicted;
  const chosen = p.endpoint
    ? `, ${p.endpoint.transport} ${p.endpoint.port}${p.endpoint.address ? ` to ${p.endpoint.address}` : ''}`
    : '';
  const out = [
    '',
    s.bold(
      `Compared with the prediction for ${c.client} → ${c.workspace}: ${p.outcome}${p.path ? ` via ${p.path}` : ''}${chosen}`,
    ),
    s.dim('  (this machine is taken to be that client)'),
  ];
  if (c.differences.length === 0) out.push(s.green('  no difference'));
  for (const d of c.differences) {
    out.push(
      `  ${s.red('≠')} ${d.aspect}${d.check ? ` ${d.check}` : ''}: predicted ${d.predicted}; observed ${d.observed}`,
    );
    out.push(...wrap(`likely cause: ${d.likelyCause}`, INDENT).map((l) => s.dim(l)));
  }
  for (const a of c.agreements)
    out.push(...wrap(a, '    ').map((l, i) => (i === 0 ? `  ${s.green('=')} ${l.trim()}` : l)));
  for (const u of c.undecided)
    out.push(...wrap(u, '    ').map((l, i) => (i === 0 ? `  ${s.yellow('?')} ${l.trim()}` : l)));
  return out;
}

export function renderProbeText(r: ProbeReport, s: ProbeStyle): string {
  const out: string[] = [
    s.bold(`wspl probe: ${r.region}, from this machine (${r.startedAt}, ${r.durationMs} ms)`),
    ...wrap(`Streaming endpoint in use: ${r.endpointInUse.value} (${r.endpointInUse.reason})`, ''),
  ];
  for (const group of ['streaming', 'internet', 'public'] as const) {
    const checks = r.checks.filter((c) => c.group === group);
    if (checks.length === 0) continue;
    out.push('', `${s.bold(HEADINGS[group])} ${s.dim(`— ${groupNote(group, r)}`)}`);
    for (const c of checks) out.push(...checkLines(c, s));
    if (group === 'streaming') {
      out.push(
        r.connect
          ? `  → the client would connect with ${r.connect.transport} ${r.connect.port} to ${r.connect.address}`
          : '  → no endpoint confirmed: the client would find none reachable',
      );
    }
  }
  out.push(
    '',
    `${s.bold('Round trips')} ${s.dim("— the client's bands: <100 ms good, 100–200 affected, 200–375 degraded, >375 ends the connection")}`,
  );
  if (r.rtt.length === 0) out.push('  none measured');
  for (const t of r.rtt) {
    const band = t.band === 'good' ? s.green(t.band) : t.band === 'terminated' ? s.red(t.band) : s.yellow(t.band);
    out.push(`  ${t.target.padEnd(48)} ${String(t.ms).padStart(7)} ms  ${band}`);
  }
  out.push(s.dim('  (to an endpoint: a lower bound of the streaming round trip; the WorkSpace sits behind it)'));
  out.push('', ...wrap(`${s.bold('Path MTU')} ${r.mtu.detail}`, ''));
  out.push('');
  if (r.verdict.ok) out.push(s.green(s.bold('Verdict: everything the client needs works')));
  else {
    out.push(
      s.red(
        s.bold(
          `Verdict: ${r.verdict.failures.length} thing${r.verdict.failures.length > 1 ? 's' : ''} the client needs fail${r.verdict.failures.length > 1 ? '' : 's'}`,
        ),
      ),
    );
    for (const f of r.verdict.failures)
      out.push(...wrap(f, '    ').map((l, i) => (i === 0 ? `  ${s.red('✗')} ${l.trim()}` : l)));
  }
  for (const n of r.verdict.notes) out.push(...wrap(n, '    ').map((l, i) => (i === 0 ? `  • ${l.trim()}` : l)));
  if (r.comparison) out.push(...comparisonLines(r.comparison, s));
  return out.join('\n') + '\n';
}
