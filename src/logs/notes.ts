// Plain-language remarks about how a file was read: what was ignored and why.
import type { LogFileStats } from './types.js';

const plural = (n: number, word: string, words = `${word}s`): string => `${n} ${n === 1 ? word : words}`;

/** Why a file holds no client log entries, for the exit-2 message. */
export function describeFile(stats: LogFileStats): string {
  if (stats.bytes === 0) return 'the file is empty: no WorkSpaces client log lines';
  if (stats.utf16) return 'the file is UTF-16 text; the WorkSpaces client writes UTF-8 (save it as UTF-8 and retry)';
  const parts = [plural(stats.lines, 'line')];
  if (stats.garbage > 0) parts.push(`${stats.garbage} binary or not UTF-8`);
  if (stats.longLines > 0) parts.push(`${stats.longLines} too long`);
  return (
    `no WorkSpaces client log lines (${parts.join(', ')}; none starts like ` +
    '`2025-08-28T04:29:38.638Z { Version: "…" }: [INF] …`)'
  );
}

export function notesFor(stats: LogFileStats, skipped: boolean): string[] {
  const notes: string[] = [];
  if (skipped) notes.push(`skipped: ${describeFile(stats)}`);
  if (stats.garbage > 0) {
    notes.push(
      `${plural(stats.garbage, 'line')} with invalid UTF-8 or NUL bytes ignored (first: line ${stats.firstGarbageLine})`,
    );
  }
  if (stats.longLines > 0) {
    notes.push(
      `${plural(stats.longLines, 'line')} over the line-length cap skipped (first: line ${stats.firstLongLine})`,
    );
  }
  if (stats.unparsed > 0) {
    notes.push(
      `${plural(stats.unparsed, 'entry', 'entries')} looked like a known message but could not be read (cut short?)`,
    );
  }
  if (!skipped && stats.unknown > 0) notes.push(`${plural(stats.unknown, 'line')} not in the client's format ignored`);
  if (stats.cutLastLine && stats.bytes > 0) {
    notes.push('the last line has no line break: the file may have been cut while the client was writing it');
  }
  return notes;
}
