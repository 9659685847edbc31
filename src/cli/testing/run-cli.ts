// Runs the CLI in-process as a user would call it, and hands back what they would see.
import { captureIo } from '../io.js';
import { main } from '../main.js';

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

export async function runCli(args: string[]): Promise<CliRun> {
  const io = captureIo();
  const code = await main(args, io);
  return { code, out: io.stdout(), err: io.stderr() };
}
