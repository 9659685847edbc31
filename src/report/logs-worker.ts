// The entry point of a parallel reader's worker thread (logs-parallel.ts): reads the ranges it is sent, one at a
// time, and posts back each one's FileSegment, its rendered bytes moved rather than copied. The main thread hands
// blocks it has written back (`recycle`), so the worker renders into memory already touched: fresh blocks cost a page
// fault per page and push the garbage collector (external memory). Bundled as its own file (tools/bundle-cli.js).
import { parentPort } from 'node:worker_threads';
import { BLOCK_BYTES } from './block-output.js';
import { readRange, type RangeRequest } from './log-file-segment.js';

/** A message to the worker: a range to read, or blocks to reuse. */
export type WorkerMessage = { range: RangeRequest } | { recycle: ArrayBuffer[] };

/** Blocks kept for reuse, at most: what two ranges in flight need is far more; this bounds idle memory. */
const MAX_FREE_BLOCKS = 256;

const port = parentPort;
if (port) {
  const free: ArrayBuffer[] = [];
  const newBlock = (): Buffer => {
    const reused = free.pop();
    return reused ? Buffer.from(reused, 0, BLOCK_BYTES) : Buffer.allocUnsafeSlow(BLOCK_BYTES);
  };
  let queue = Promise.resolve();
  port.on('message', (message: WorkerMessage) => {
    if ('recycle' in message) {
      for (const b of message.recycle) if (free.length < MAX_FREE_BLOCKS && b.byteLength === BLOCK_BYTES) free.push(b);
      return;
    }
    const request = message.range;
    // One range at a time, in the order sent: the main thread consumes them in that order.
    queue = queue.then(async () => {
      try {
        const t0 = performance.now();
        const segment = await readRange(request, newBlock);
        if (process.env.WSPL_DEBUG_RANGES) process.stderr.write(`worker range ${request.start} ${(performance.now() - t0).toFixed(0)} ms, free ${free.length}, at ${performance.now().toFixed(0)}\n`);
        const { sessionBytes, diagnosisBytes } = segment;
        const moved = [...new Set([...sessionBytes, ...diagnosisBytes].filter(ownsMemory).map((b) => b.buffer))];
        port.postMessage({ id: request.id, segment }, moved as ArrayBuffer[]);
      } catch (e) {
        // The main thread then reads the range itself, and reports any error in its own words.
        port.postMessage({ id: request.id, error: String(e) });
      }
    });
  });
}

/**
 * Only a block with memory of its own is moved (a block may be a part of it: a view moves with its buffer); a small
 * one may live in Buffer's shared pool, and is copied.
 */
function ownsMemory(b: Uint8Array): boolean {
  return b.byteOffset === 0 && b.buffer.byteLength >= 64 * 1024;
}
