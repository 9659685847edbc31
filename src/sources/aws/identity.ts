// Which accounts to read, with which credentials. Without roles: the caller's own account, learnt from STS
// GetCallerIdentity. With `--role-arn` (one per account): each role's account, entered by assuming the role once
// (its account is in its ARN). Credentials are resolved once per account and handed to the clients in memory only;
// nothing here prints or stores them.
import { fromNodeProviderChain, fromTemporaryCredentials } from '@aws-sdk/credential-providers';
import { clientConfig, sendAction, type ClientPool, type ClientSettings, type Credentials } from './clients.js';
import { toRawError } from './errors.js';
import type { Limiter } from './limiter.js';
import type { RawError } from './raw.js';
import { roleAccount } from './spec.js';

export interface AccountAccess {
  account: string;
  credentials: Credentials;
  /** Keeps each account's clients apart in the pool. */
  key: string;
}

export interface Identities {
  accounts: AccountAccess[];
  /** Accounts that could not be entered; `account` is undefined when not even the caller is known. */
  failures: { account?: string; error: RawError }[];
  /** Calls the identity step made one after another before any read (the first links of every chain). */
  depth: number;
}

export interface IdentityOptions {
  regions: string[];
  roleArns: string[];
  profile?: string;
  /** Static credentials (tests, or AWS_ACCESS_KEY_ID in a given environment); otherwise the default chain. */
  credentials?: Credentials;
  settings: ClientSettings;
  pool: ClientPool;
  limiter: Limiter;
}

export async function resolveIdentities(o: IdentityOptions): Promise<Identities> {
  const region = o.regions[0] ?? 'us-east-1';
  let base: Credentials;
  try {
    base = o.credentials ?? (await fromNodeProviderChain(o.profile !== undefined ? { profile: o.profile } : {})());
  } catch (e) {
    const error = toRawError(e);
    if (o.profile !== undefined) error.message = `${error.message} (profile ${o.profile})`;
    return { accounts: [], failures: [{ error }], depth: 0 };
  }
  if (o.roleArns.length === 0) {
    try {
      const sts = o.pool.get('sts', region, base, 'caller');
      const who = await o.limiter.run({ account: 'caller', region, service: 'sts' }, 1, () =>
        sendAction(sts, 'sts:GetCallerIdentity', {}),
      );
      const account = typeof who.Account === 'string' ? who.Account : undefined;
      if (account === undefined) return { accounts: [], failures: [{ error: noAccount() }], depth: 1 };
      return { accounts: [{ account, credentials: base, key: account }], failures: [], depth: 1 };
    } catch (e) {
      return { accounts: [], failures: [{ error: { ...toRawError(e), action: 'sts:GetCallerIdentity' } }], depth: 1 };
    }
  }
  const results = await Promise.all(
    o.roleArns.map(async (arn) => {
      const account = roleAccount(arn) ?? '';
      const provider = fromTemporaryCredentials({
        params: { RoleArn: arn, RoleSessionName: 'wspl-read-only', DurationSeconds: 3600 },
        masterCredentials: base,
        clientConfig: clientConfig(o.settings, region),
      });
      try {
        const credentials = await o.limiter.run({ account, region, service: 'sts' }, 1, () => provider());
        return { ok: { account, credentials, key: account } };
      } catch (e) {
        return { failure: { account, error: { ...toRawError(e), action: `sts:AssumeRole ${arn}` } } };
      }
    }),
  );
  return {
    accounts: results.flatMap((r) => (r.ok ? [r.ok] : [])),
    failures: results.flatMap((r) => (r.failure ? [r.failure] : [])),
    depth: 1,
  };
}

function noAccount(): RawError {
  return { code: 'BadAnswer', message: 'the answer held no account', action: 'sts:GetCallerIdentity' };
}
