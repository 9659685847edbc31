// What WSPL_DEBUG=1 adds on stderr besides stack traces: how the work was shared between threads.
import type { Io } from './io.js';

/** For predictSelectedEntries: says on stderr how the clients were shared out, when WSPL_DEBUG is set. */
export function debugShares(io: Io): ((here: number, worker: number) => void) | undefined {
  if (!process.env.WSPL_DEBUG) return undefined;
  return (here, worker) =>
    io.err(`wspl: debug: predicting on two threads (${here} clients here, ${worker} in a worker)\n`);
}
