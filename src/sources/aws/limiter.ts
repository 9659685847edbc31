// Bounded concurrency: how many requests may be in flight at once, per service in each account and Region (AWS
// throttles per account and Region), plus an optional global cap (1 = the one-call-at-a-time baseline of the
// benchmark). Also counts calls and the longest chain of calls that had to wait for one another.

export class Semaphore {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(readonly size: number) {}

  async run<T>(job: () => Promise<T>): Promise<T> {
    if (this.active >= this.size) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.active++;
    try {
      return await job();
    } finally {
      this.active--;
      this.waiting.shift()?.();
    }
  }
}

/**
 * A token bucket: `capacity` requests at once, then `perSecond`. EC2 documents exactly this per account, Region and
 * non-mutating API (100, refilled at 20 a second), so the reader keeps inside it rather than being throttled.
 */
export class TokenBucket {
  private tokens: number;
  private last = Date.now();
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly capacity: number,
    private readonly perSecond: number,
  ) {
    this.tokens = capacity;
  }

  take(): Promise<void> {
    const turn = this.queue.then(async () => {
      const now = Date.now();
      this.tokens = Math.min(this.capacity, this.tokens + ((now - this.last) / 1000) * this.perSecond);
      this.last = now;
      if (this.tokens < 1) {
        const wait = ((1 - this.tokens) / this.perSecond) * 1000;
        await new Promise((ok) => setTimeout(ok, wait));
        this.tokens = 1;
        this.last = Date.now();
      }
      this.tokens -= 1;
    });
    this.queue = turn;
    return turn;
  }
}

/** EC2's documented bucket for each non-mutating API, per account and Region. */
export const EC2_API_BUCKET = { capacity: 100, perSecond: 20 };

/**
 * In-flight requests per service in one account and Region, on top of EC2's per-API buckets. WorkSpaces and
 * Route 53 Resolver publish no API rates, so they get few at a time; adaptive retries absorb any throttling left.
 */
export const DEFAULT_CONCURRENCY: Record<string, number> = { ec2: 50, workspaces: 10, route53resolver: 5, sts: 5 };

export interface CallStats {
  /** Requests answered or failed (pages count one each; SDK retries of one request do not). */
  calls: number;
  failed: number;
  /** The longest chain of calls that each had to wait for the one before (pages of one list, then the calls
   * that needed its answer): the least wall time any plan of these calls can take at a given latency. */
  longestChain: number;
}

export class Limiter {
  private readonly semaphores = new Map<string, Semaphore>();
  private readonly buckets = new Map<string, TokenBucket>();
  private readonly global?: Semaphore;
  readonly stats: CallStats = { calls: 0, failed: 0, longestChain: 0 };

  constructor(
    private readonly perService: Record<string, number> = DEFAULT_CONCURRENCY,
    maxConcurrency?: number,
  ) {
    if (maxConcurrency !== undefined) this.global = new Semaphore(maxConcurrency);
  }

  /** Runs one request; `depth` is its place in a chain of dependent calls (1 = needs nothing before it). */
  async run<T>(
    key: { account: string; region: string; service: string; action?: string },
    depth: number,
    job: () => Promise<T>,
  ) {
    const id = `${key.account}/${key.region}/${key.service}`;
    let sem = this.semaphores.get(id);
    if (!sem) {
      sem = new Semaphore(this.perService[key.service] ?? 5);
      this.semaphores.set(id, sem);
    }
    const scoped = sem;
    let bucket: TokenBucket | undefined;
    if (key.service === 'ec2' && key.action !== undefined) {
      const bid = `${id}/${key.action}`;
      bucket = this.buckets.get(bid);
      if (!bucket) {
        bucket = new TokenBucket(EC2_API_BUCKET.capacity, EC2_API_BUCKET.perSecond);
        this.buckets.set(bid, bucket);
      }
    }
    const gate = bucket;
    const task = () =>
      scoped.run(async () => {
        await gate?.take();
        return job();
      });
    try {
      return await (this.global ? this.global.run(task) : task());
    } catch (e) {
      this.stats.failed++;
      throw e;
    } finally {
      this.stats.calls++;
      if (depth > this.stats.longestChain) this.stats.longestChain = depth;
    }
  }
}
