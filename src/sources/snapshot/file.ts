// The snapshot file: the raw answers of a live read as JSON, with what it covers and what failed. Reading one
// checks its shape and version first, so a truncated or edited file fails as a diagnostic naming the file, the
// line (JSON syntax) or the field (shape), never as a crash.
import { writeFileSync } from 'node:fs';
import { z } from 'zod';
import type { Diagnostic } from '../../diagnostics.js';
import { decodeInput } from '../../input/decode.js';
import { readInputBytes } from '../../input/read.js';
import { isAction } from '../aws/actions.js';
import { SNAPSHOT_FORMAT, type RawSnapshot } from '../aws/raw.js';

const WHAT = 'a wspl snapshot (JSON)';

const rawError = z.object({
  code: z.string(),
  message: z.string(),
  page: z.number().optional(),
  action: z.string().optional(),
});
const call = z.object({
  action: z.string(),
  input: z.record(z.string(), z.unknown()),
  pages: z.array(z.record(z.string(), z.unknown())),
  error: rawError.optional(),
});
const scope = z.object({
  account: z.string(),
  region: z.string(),
  calls: z.array(call),
  error: rawError.optional(),
});
const snapshotSchema = z.object({
  wsplSnapshot: z.literal(SNAPSHOT_FORMAT),
  createdAt: z.string(),
  wsplVersion: z.string(),
  accounts: z.array(z.string()),
  regions: z.array(z.string()),
  redacted: z.boolean(),
  scopes: z.array(scope),
  failures: z.array(
    z.object({
      account: z.string(),
      region: z.string(),
      action: z.string().optional(),
      code: z.string(),
      message: z.string(),
    }),
  ),
});

function fail(
  file: string,
  code: string,
  message: string,
  extra: Partial<Diagnostic> = {},
): { diagnostics: Diagnostic[] } {
  return { diagnostics: [{ severity: 'error', code, file, ...extra, message }] };
}

function lineAt(text: string, position: number): number {
  let line = 1;
  for (let i = 0; i < position && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** The snapshot in a text, or why it is not one. Unknown actions are dropped with a warning (a newer wspl's file). */
export function parseSnapshot(
  text: string,
  file: string,
): { snapshot: RawSnapshot; warnings: Diagnostic[] } | { diagnostics: Diagnostic[] } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const pos = /position (\d+)/.exec(message)?.[1];
    const line = pos !== undefined ? lineAt(text, Number(pos)) : lineAt(text, text.length);
    return fail(file, 'json-syntax', `not valid JSON: ${message.replace(/ in JSON at position \d+.*$/, '')}`, { line });
  }
  const version = (value as { wsplSnapshot?: unknown } | null)?.wsplSnapshot;
  if (version === undefined)
    return fail(file, 'not-a-snapshot', `not ${WHAT}: it has no "wsplSnapshot" field`, { line: 1 });
  if (version !== SNAPSHOT_FORMAT)
    return fail(
      file,
      'unsupported-version',
      `wsplSnapshot ${JSON.stringify(version)} is not supported; this version reads ${SNAPSHOT_FORMAT}`,
      { field: 'wsplSnapshot' },
    );
  const parsed = snapshotSchema.safeParse(value);
  if (!parsed.success) {
    return {
      diagnostics: parsed.error.issues.slice(0, 20).map((i) => ({
        severity: 'error' as const,
        code: 'bad-snapshot',
        file,
        field: i.path.map(String).join('.'),
        message: i.message,
      })),
    };
  }
  const warnings: Diagnostic[] = [];
  const snapshot = parsed.data as RawSnapshot;
  for (const s of snapshot.scopes) {
    const unknown = s.calls.filter((c) => !isAction(c.action));
    if (unknown.length > 0) {
      warnings.push({
        severity: 'warning',
        code: 'unknown-action',
        file,
        message: `${s.account}/${s.region}: answers of ${[...new Set(unknown.map((c) => c.action))].join(', ')} are not read by this version`,
      });
      s.calls = s.calls.filter((c) => isAction(c.action));
    }
  }
  return { snapshot, warnings };
}

/** Snapshots of large estates run to tens of MiB: read up to this much (what a JSON parse can hold comfortably). */
export const MAX_SNAPSHOT_BYTES = 512 * 1024 * 1024;

/** Reads a snapshot file, or uses the bytes the registry already read (a pipe can be read only once). */
export function readSnapshotFile(
  path: string,
  contents?: Uint8Array,
): { snapshot: RawSnapshot; warnings: Diagnostic[] } | { diagnostics: Diagnostic[] } {
  const read = contents ? { bytes: contents } : readInputBytes(path, MAX_SNAPSHOT_BYTES, WHAT);
  if ('diagnostic' in read) return { diagnostics: [read.diagnostic] };
  const decoded = decodeInput(read.bytes, path, WHAT);
  if ('diagnostic' in decoded) return { diagnostics: [decoded.diagnostic] };
  return parseSnapshot(decoded.text, path);
}

/** Writes a snapshot (pretty JSON: people attach these to tickets and read them). */
export function writeSnapshotFile(path: string, snapshot: RawSnapshot): void {
  writeFileSync(path, JSON.stringify(snapshot, null, 1) + '\n');
}
