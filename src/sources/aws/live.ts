// A live read of AWS: the accounts (identity.ts), then every account × Region at once (read.ts), with bounded
// concurrency per service (limiter.ts) and progress reported as it goes. The result is the raw answers, the same
// thing a snapshot file holds; converting them to the model is a separate, pure step (convert/).
import { DEFAULT_CONCURRENCY, Limiter, type CallStats } from './limiter.js';
import { ClientPool, type ClientSettings, type Credentials } from './clients.js';
import { resolveIdentities } from './identity.js';
import { failuresOf, SNAPSHOT_FORMAT, type RawScope, type RawSnapshot } from './raw.js';
import { readScope } from './read.js';
import { packageVersion } from '../../input/package-root.js';

export interface LiveReadOptions {
  regions: string[];
  profile?: string;
  roleArns?: string[];
  /** Tests and the benchmark: the fake AWS. */
  endpoint?: string;
  credentials?: Credentials;
  /** Attempts per request (default 10: enough to ride out a burst of throttling). */
  maxAttempts?: number;
  retryDelayMs?: number;
  /** In-flight requests per service in each account and Region (limiter.ts has the defaults and why). */
  concurrency?: Record<string, number>;
  /** A cap across everything: 1 reads one call at a time (the benchmark's baseline). */
  maxConcurrency?: number;
  onProgress?: (message: string) => void;
}

export interface LiveRead {
  snapshot: RawSnapshot;
  stats: CallStats;
}

/** Progress lines at most every quarter second, and one at the end; never anything about credentials. */
class Progress {
  private done = 0;
  private failed = 0;
  private last = 0;

  constructor(
    private readonly emit: ((message: string) => void) | undefined,
    private readonly what: string,
  ) {}

  call(ok: boolean): void {
    this.done++;
    if (!ok) this.failed++;
    const now = Date.now();
    if (now - this.last >= 250) {
      this.last = now;
      this.emit?.(this.line());
    }
  }

  line(): string {
    return `reading ${this.what}: ${this.done} call${this.done === 1 ? '' : 's'}${this.failed > 0 ? `, ${this.failed} failed` : ''}`;
  }

  finish(ms: number): void {
    this.emit?.(`${this.line()} in ${(ms / 1000).toFixed(1)} s`);
  }
}

export async function readAws(o: LiveReadOptions): Promise<LiveRead> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const started = Date.now();
  const settings: ClientSettings = {
    maxAttempts: o.maxAttempts ?? 10,
    ...(o.endpoint !== undefined ? { endpoint: o.endpoint } : {}),
    ...(o.retryDelayMs !== undefined ? { retryDelayMs: o.retryDelayMs } : {}),
  };
  const pool = new ClientPool(settings);
  const limiter = new Limiter({ ...DEFAULT_CONCURRENCY, ...o.concurrency }, o.maxConcurrency);
  const roleArns = o.roleArns ?? [];
  const who = roleArns.length > 0 ? `${roleArns.length} account${roleArns.length > 1 ? 's' : ''}` : 'the account';
  const progress = new Progress(o.onProgress, `${who} in ${o.regions.join(', ')}`);
  try {
    const ids = await resolveIdentities({
      regions: o.regions,
      roleArns,
      ...(o.profile !== undefined ? { profile: o.profile } : {}),
      ...(o.credentials ? { credentials: o.credentials } : {}),
      settings,
      pool,
      limiter,
    });
    const failed: RawScope[] = ids.failures.flatMap((f) =>
      o.regions.map((region) => ({ account: f.account ?? '', region, calls: [], error: f.error })),
    );
    const read = await Promise.all(
      ids.accounts.flatMap((a) =>
        o.regions.map((region) =>
          readScope(
            {
              account: a.account,
              region,
              client: (service) => pool.get(service, region, a.credentials, a.key),
              limiter,
              onCall: (_action, ok) => progress.call(ok),
            },
            ids.depth,
          ),
        ),
      ),
    );
    progress.finish(Date.now() - started);
    const scopes = [...read, ...failed];
    const accounts = [...new Set(scopes.map((s) => s.account).filter((a) => a !== ''))];
    const snapshot: RawSnapshot = {
      wsplSnapshot: SNAPSHOT_FORMAT,
      createdAt: new Date().toISOString(),
      wsplVersion: packageVersion(),
      accounts,
      regions: [...o.regions],
      redacted: false,
      scopes,
      failures: failuresOf(scopes),
    };
    return { snapshot, stats: limiter.stats };
  } finally {
    pool.destroy();
  }
}
