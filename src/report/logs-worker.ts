// The entry point of a parallel reader's worker thread (logs-parallel.ts). The main thread sends every range it plans
// to every worker; a range is read by whoever claims it first in a shared table of claims (a worker takes the
// furthest range ahead it may, the main thread the one it has reached, so neither waits for the other while work is
// left). The rendered bytes are moved, not copied; the main thread hands blocks it has written back (`recycle`), so a
// worker renders into memory already touched: fresh blocks cost a page fault per page and push the garbage collector
// (external memory). Bundled as its own file (tools/bundle-cli.js).
import { parentPort } from 'node:worker_threads';
import { BLOCK_BYTES } from './block-output.js';
import { packedBuffers } from './held-diagnoses.js';
import { readRange, type RangeRequest } from './log-file-segment.js';

/** A range's state in the shared table of claims (slot: the range's id modulo the table's length). */
export const Claim = { Open: 0, Worker: 1, Main: 2 } as const;

/** A message to a worker: the table of claims (first), a range it may read, or blocks to reuse. */
export type WorkerMessage = { claims: Int32Array } | { range: RangeRequest } | { recycle: ArrayBuffer[] };

/** What a worker posts back for a range it read. */
export interface WorkerResult {
  id: number;
  segment?: import('./log-file-segment.js').FileSegment;
  error?: string;
}

/** Blocks kept for reuse, at most: what two ranges in flight need is far more; this bounds idle memory. */
const MAX_FREE_BLOCKS = 256;

const port = parentPort;
if (port) {
  const free: ArrayBuffer[] = [];
  const newBlock = (): Buffer => {
    const reused = free.pop();
    return reused ? Buffer.from(reused, 0, BLOCK_BYTES) : Buffer.allocUnsafeSlow(BLOCK_BYTES);
  };
  let claims: Int32Array | null = null;
  const open: RangeRequest[] = [];
  let busy = false;

  /** The furthest open range this worker could claim, claimed; null when none is left. */
  const claimFurthest = (table: Int32Array): RangeRequest | null => {
    open.sort((a, b) => a.id - b.id);
    for (let request = open.pop(); request !== undefined; request = open.pop()) {
      const slot = request.id % table.length;
      if (Atomics.compareExchange(table, slot, Claim.Open, Claim.Worker) === Claim.Open) return request;
    }
    return null;
  };

  const work = async (table: Int32Array): Promise<void> => {
    busy = true;
    for (let request = claimFurthest(table); request !== null; request = claimFurthest(table)) {
      try {
        const segment = await readRange(request, newBlock);
        const blocks = segment.sessionBytes.filter(ownsMemory).map((b) => b.buffer);
        const moved = [...new Set([...blocks, ...packedBuffers(segment.diagnoses)])];
        const result: WorkerResult = { id: request.id, segment };
        port.postMessage(result, moved as ArrayBuffer[]);
      } catch (e) {
        // The main thread then reads the range itself, and reports any error in its own words.
        const result: WorkerResult = { id: request.id, error: String(e) };
        port.postMessage(result);
      }
    }
    busy = false;
  };

  port.on('message', (message: WorkerMessage) => {
    if ('claims' in message) claims = message.claims;
    else if ('recycle' in message) {
      for (const b of message.recycle) if (free.length < MAX_FREE_BLOCKS && b.byteLength === BLOCK_BYTES) free.push(b);
    } else {
      open.push(message.range);
      // After the messages already queued: the furthest range is chosen among all those offered.
      const table = claims;
      if (!busy && table !== null) {
        busy = true;
        setImmediate(() => void work(table));
      }
    }
  });
}

/**
 * Only a block with memory of its own is moved (a block may be a part of it: a view moves with its buffer); a small
 * one may live in Buffer's shared pool, and is copied.
 */
function ownsMemory(b: Uint8Array): boolean {
  return b.byteOffset === 0 && b.buffer.byteLength >= 64 * 1024;
}
