// `wspl snapshot`: a live read kept as raw answers, optionally redacted, for replay offline.
import type { Diagnostic } from '../../diagnostics.js';
import type { LoadOptions } from '../loader.js';
import type { CallStats } from '../aws/limiter.js';
import type { LiveReadOptions } from '../aws/live.js';
import { liveOptions } from '../aws/loader.js';
import type { RawSnapshot } from '../aws/raw.js';
import { redactSnapshot } from './redact.js';

export interface TakeOptions extends LoadOptions {
  redact?: boolean;
  /** Tests: the fake AWS, fast retries. */
  tuning?: Partial<LiveReadOptions>;
}

export async function takeSnapshot(
  spec: string,
  options: TakeOptions,
): Promise<{ snapshot: RawSnapshot; stats: CallStats } | { diagnostics: Diagnostic[] }> {
  const settings = liveOptions(spec, options);
  if ('diagnostics' in settings) return settings;
  const { readAws } = await import('../aws/live.js');
  const { snapshot, stats } = await readAws({ ...settings.options, ...options.tuning });
  return { snapshot: options.redact ? redactSnapshot(snapshot) : snapshot, stats };
}
