// An output for the writers' tests, as the CLI makes it: text, or bytes through a sink like a file's or a pipe's.
import { BlockOutput } from './block-output.js';

/**
 * An output taking text, or (bytes=true) bytes through a sink that keeps every other block by reference (as a full
 * pipe keeps it: the writer must not fill that memory again) and copies the others (which the writer may reuse).
 * `written()` is everything received, as text.
 */
export function testOutput(bytes: boolean): { out: BlockOutput; written: () => string } {
  let text = '';
  const kept: Uint8Array[] = [];
  let n = 0;
  const out = new BlockOutput(
    (t) => (text += t),
    bytes
      ? (b) => {
          const keep = n++ % 2 === 1;
          kept.push(keep ? b : Buffer.from(b));
          return !keep;
        }
      : undefined,
  );
  return { out, written: () => (bytes ? Buffer.concat(kept).toString('utf8') : text) };
}
