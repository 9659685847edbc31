// The contract's exit codes, in a module of their own so commands need not import main.ts (no import cycle).
/** 0: fine. */
export const EXIT_OK = 0;
/** 1: findings, or a failed prediction where the command promises one. */
export const EXIT_FINDINGS = 1;
/** 2: bad usage or unreadable input (or a bug in wspl, said plainly). */
export const EXIT_BAD_INPUT = 2;

/** A command's action stores its exit code here; commander itself knows nothing of exit codes. */
export interface RunState {
  exitCode: number;
}
