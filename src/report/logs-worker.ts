// The entry point of a parallel reader's worker thread (logs-parallel.ts): reads the files it is sent, one at a
// time, and posts back each one's FileSegment, its rendered bytes moved rather than copied. Bundled as its own file
// (tools/bundle-cli.js).
import { parentPort } from 'node:worker_threads';
import { readFileSegment } from './log-file-segment.js';
import type { RenderSpec } from './log-segments.js';

export interface SegmentRequest {
  id: number;
  path: string;
  spec: RenderSpec;
  maxLineBytes?: number;
}

const port = parentPort;
if (port) {
  let queue = Promise.resolve();
  port.on('message', (request: SegmentRequest) => {
    // One file at a time, in the order sent: the main thread consumes them in that order.
    queue = queue.then(async () => {
      try {
        const segment = await readFileSegment(request.path, request.spec, request.maxLineBytes);
        const { sessionBytes, diagnosisBytes } = segment;
        const moved = [...new Set([...sessionBytes, ...diagnosisBytes].filter(ownsMemory).map((b) => b.buffer))];
        port.postMessage({ id: request.id, segment }, moved as ArrayBuffer[]);
      } catch (e) {
        // The main thread then reads the file itself, and reports any error in its own words.
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
