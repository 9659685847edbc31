// The SDK clients, and the one function that sends a command. `sendAction` builds the command itself from the
// read-only table in actions.ts (commands.ts) and refuses any other action before anything leaves the process: the reader cannot
// send a write, whatever a caller passes.
import { EC2Client } from '@aws-sdk/client-ec2';
import { Route53ResolverClient } from '@aws-sdk/client-route53resolver';
import { STSClient } from '@aws-sdk/client-sts';
import { WorkSpacesClient } from '@aws-sdk/client-workspaces';
import { isAction, READ_ONLY_VERB, type Service } from './actions.js';
import { COMMANDS } from './commands.js';

export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  expiration?: Date;
}

export interface ClientSettings {
  /** Send every request here (tests and the benchmark: the fake AWS); otherwise the SDK's own endpoint rules. */
  endpoint?: string;
  /** Attempts per request, retries included. */
  maxAttempts: number;
  /**
   * A fixed pause between attempts instead of the SDK's adaptive backoff (which waits up to seconds after
   * throttling): tests use a few milliseconds. Left out, retries are `adaptive`.
   */
  retryDelayMs?: number;
}

/** What a client needs to send: the SDK's `send`, seen without its per-client generics. */
export interface Sender {
  send(command: unknown): Promise<unknown>;
}

/** A retry strategy with a fixed short pause, for tests; same decisions as the SDK on what to retry. */
function fixedDelayRetry(maxAttempts: number, delayMs: number) {
  const token = (count: number) => ({
    getRetryCount: () => count,
    getRetryDelay: () => delayMs,
    getRetryTokenCount: () => 0,
  });
  return {
    mode: 'standard',
    acquireInitialRetryToken: () => Promise.resolve(token(0)),
    refreshRetryTokenForRetry: (t: ReturnType<typeof token>, info: { errorType: string }) => {
      if (t.getRetryCount() + 1 >= maxAttempts || info.errorType === 'CLIENT_ERROR')
        return Promise.reject(new Error('no more retries'));
      return Promise.resolve(token(t.getRetryCount() + 1));
    },
    recordSuccess: () => undefined,
  };
}

export function clientConfig(settings: ClientSettings, region: string, credentials?: Credentials) {
  return {
    region,
    ...(credentials ? { credentials } : {}),
    ...(settings.endpoint !== undefined ? { endpoint: settings.endpoint } : {}),
    maxAttempts: settings.maxAttempts,
    // The reader never changes a client's middleware after its first request, so the stack each command class
    // resolves to can be kept: the SDK's documented switch for that, which saves CPU on every request (a read of
    // the benchmark's estate is CPU-bound in the SDK: docs/benchmarks.md).
    cacheMiddleware: true,
    ...(settings.retryDelayMs !== undefined
      ? { retryStrategy: fixedDelayRetry(settings.maxAttempts, settings.retryDelayMs) }
      : { retryMode: 'adaptive' }),
  };
}

/** One client per service, Region and set of credentials, made on first use. */
export class ClientPool {
  private readonly clients = new Map<string, Sender & { destroy(): void }>();

  constructor(private readonly settings: ClientSettings) {}

  get(service: Service, region: string, credentials: Credentials | undefined, key: string): Sender {
    const id = `${key}|${service}|${region}`;
    let client = this.clients.get(id);
    if (!client) {
      // The clients' config types differ only in SDK generics (route53resolver brings an older SDK core).
      const config = clientConfig(this.settings, region, credentials) as never;
      client =
        service === 'ec2'
          ? new EC2Client(config)
          : service === 'workspaces'
            ? new WorkSpacesClient(config)
            : service === 'route53resolver'
              ? new Route53ResolverClient(config)
              : new STSClient(config);
      this.clients.set(id, client);
    }
    return client;
  }

  destroy(): void {
    for (const c of this.clients.values()) c.destroy();
    this.clients.clear();
  }
}

export class RefusedAction extends Error {
  constructor(action: string) {
    super(`wspl refuses to send ${action}: it is not one of the read-only actions of docs/iam-policy.json`);
    this.name = 'RefusedAction';
  }
}

/** Sends one read-only action; anything else is refused before a request is made. Returns the SDK's answer. */
export async function sendAction(
  client: Sender,
  action: string,
  input: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  if (!isAction(action) || !READ_ONLY_VERB.test(action)) throw new RefusedAction(action);
  const Command = COMMANDS[action] as unknown as new (input: Record<string, unknown>) => unknown;
  return (await client.send(new Command(input))) as Record<string, unknown>;
}
