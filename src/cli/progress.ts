// Progress on stderr, for a person watching a terminal: nothing for a run that ends within about a second, then one
// line rewritten in place, cleared when the run ends or something else is written. Never into a pipe or a file (a CI
// log or a redirected stderr gets no progress noise); stdout is never touched. The work is mostly synchronous (a
// matrix, a check), so no timer could fire while it runs: the library calls back as it goes, and the line is drawn
// from those calls once the run is old enough.
import type { Io } from './io.js';

/** How long a run may take before it shows progress, and how often the line is redrawn at most. */
export const PROGRESS_DELAY_MS = 1000;
const REDRAW_MS = 100;

const CLEAR = '\r\u001b[K';

export interface ProgressOptions {
  delayMs?: number;
  /** The clock (tests pass their own). */
  now?: () => number;
}

export class ProgressLine {
  private readonly started: number;
  private readonly delay: number;
  private readonly now: () => number;
  private lastDraw = -Infinity;
  private open = false;

  constructor(
    private readonly io: Io,
    options: ProgressOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.delay = options.delayMs ?? PROGRESS_DELAY_MS;
    this.started = this.now();
  }

  /**
   * Where the run is. A message ending "in N s" closes a run (the AWS reader's "… 42 calls in 3.1 s"): it is a
   * result, printed on a line of its own on a terminal and off one. Others are progress: on a terminal only, once
   * the run has taken the delay. A function is called only when the line is drawn.
   */
  show(message: string | (() => string)): void {
    if (typeof message === 'string' && / in [\d.]+ s$/.test(message)) {
      this.io.err(this.io.errIsTty ? `${CLEAR}${message}\n` : `${message}\n`);
      this.open = false;
      return;
    }
    if (!this.io.errIsTty) return;
    const now = this.now();
    if (now - this.started < this.delay || now - this.lastDraw < REDRAW_MS) return;
    this.lastDraw = now;
    const text = typeof message === 'string' ? message : message();
    this.io.err(`${CLEAR}${text}`);
    this.open = true;
  }

  /** Takes the live line away, so what is written next (a warning, the end of the run) starts on a clean line. */
  end(): void {
    if (this.open) this.io.err(CLEAR);
    this.open = false;
  }
}

/** "12,345 of 500,000": counts people can read at a glance. */
export function ofTotal(done: number, total: number): string {
  return `${done.toLocaleString('en')} of ${total.toLocaleString('en')}`;
}
