// Test and benchmark plumbing: a fake AWS serving a design file (or a model), and the read settings that point the
// real SDK clients at it with test credentials and short retries.
import type { Model } from '../../../model/types.js';
import { loadSource } from '../../index.js';
import type { LiveReadOptions } from '../live.js';
import { estateFromModel, FakeEstate } from './estate.js';
import { startFakeAws, testCredentials, type FakeAws, type FakeAwsOptions } from './server.js';

export interface Harness {
  fake: FakeAws;
  model: Model;
  /** Settings for `readAws` against the fake: the model's Region and account, 3 attempts 2 ms apart. */
  read: LiveReadOptions;
  /** An environment for `loadSource(…, { env })` and the CLI: the fake's URL and the account's test keys. */
  env: NodeJS.ProcessEnv;
}

export function mergeEstates(...estates: FakeEstate[]): FakeEstate {
  const out = new FakeEstate();
  for (const e of estates) for (const [k, s] of e.scopes) out.scopes.set(k, s);
  return out;
}

export async function fakeFor(
  source: string | Model,
  options: Omit<FakeAwsOptions, 'estate'> & { estate?: FakeEstate } = {},
): Promise<Harness> {
  const model = typeof source === 'string' ? await loadSource(source) : source;
  const fake = await startFakeAws({ ...options, estate: options.estate ?? estateFromModel(model) });
  const credentials = testCredentials(model.account);
  return {
    fake,
    model,
    read: {
      regions: [model.region],
      endpoint: fake.url,
      credentials,
      maxAttempts: 3,
      retryDelayMs: 2,
    },
    env: {
      AWS_ENDPOINT_URL: fake.url,
      AWS_ACCESS_KEY_ID: credentials.accessKeyId,
      AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
    },
  };
}

/** The model without provenance, for comparing sources. */
export function withoutProvenance(model: Model): unknown {
  return JSON.parse(JSON.stringify(model, (k, v: unknown) => (k === 'prov' || k === 'origin' ? undefined : v)));
}

/**
 * Clients are not in AWS: an overlay adds them (`--overlay`/`--clients`). Until overlays are applied by the
 * registry, tests add the reference design's clients and the on-premises facts AWS cannot state by hand.
 */
export function overlayFrom(reference: Model, model: Model): Model {
  const onPremises = model.onPremises.map((o) => {
    const ref = reference.onPremises.find((r) => r.id === o.id);
    if (!ref) return o;
    return {
      ...o,
      dns: ref.dns,
      ...(ref.internet ? { internet: ref.internet } : {}),
      ...(ref.egress ? { egress: ref.egress } : {}),
    };
  });
  return { ...model, onPremises, clients: reference.clients };
}

/**
 * The same environment in another account and Region: every scope moved, and Region names inside service names,
 * zones and DNS names rewritten (for estates spread over several accounts and Regions).
 */
export function rescope(model: Model, account: string, region: string): Model {
  const from = model.region;
  const text = JSON.stringify(model, (k, v: unknown) => {
    // AWS ids are unique across accounts and Regions: let the fake make new ones for the copy.
    if (k === 'directoryId' || k === 'awsId') return undefined;
    if (k === 'account' || k === 'owner') return account;
    if (k === 'region') return region;
    return typeof v === 'string' && v.includes(from) ? v.split(from).join(region) : v;
  });
  return JSON.parse(text) as Model;
}
