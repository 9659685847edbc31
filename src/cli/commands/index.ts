import type { Command } from '@commander-js/extra-typings';
import type { Io } from '../io.js';
import type { RunState } from '../exit-codes.js';
import { registerLogs } from './logs.js';
import { registerMatrix } from './matrix.js';
import { registerProbe } from './probe.js';
import { registerSchema } from './schema.js';
import { registerSnapshot } from './snapshot.js';
import { registerExport } from './export.js';
import { registerTrace } from './trace.js';
import { registerCheck } from './check.js';
import { registerExplain } from './explain.js';
import { registerEndpoints } from './endpoints.js';
import { registerWhatif } from './whatif.js';
import { registerServe } from './serve.js';
import { registerReport } from './report.js';

/**
 * Each command lives in its own file and registers itself on the program: an import and an entry here. A command's
 * file imports only what registering needs (names, options, help); what it runs on (source readers, the engine,
 * reporters, zod, yaml) it imports inside its action. Node compiles every module it loads, so one command started
 * paying for all of them: `wspl logs` loaded the design reader, zod and every source for nothing (0.2 s of its
 * start-up, docs/benchmarks.md). Keep new commands the same way.
 */
export type RegisterCommand = (program: Command, io: Io, state: RunState) => void;

export const commands: RegisterCommand[] = [
  registerTrace,
  registerMatrix,
  registerWhatif,
  registerLogs,
  registerSchema,
  registerExport,
  registerCheck,
  registerExplain,
  registerEndpoints,
  registerProbe,
  registerSnapshot,
  registerServe,
  registerReport,
];
