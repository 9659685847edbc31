import pc from 'picocolors';
import type { Style } from '../report/trace-text.js';
import { plain } from '../report/trace-text.js';
import type { Io } from './io.js';

/** Colours only for a terminal; pipes and files get plain text. */
export function styleFor(io: Io): Style {
  if (!io.isTty) return plain;
  return { bold: pc.bold, red: pc.red, green: pc.green, yellow: pc.yellow, dim: pc.dim };
}
