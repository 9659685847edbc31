// Live AWS behind the source seam: `aws:REGION[,REGION…]` with the default credential chain, `--profile` and
// `--role-arn` (LoadOptions). Read-only: every request goes through clients.ts's `sendAction`.
import type { LoadOptions, LoadResult, SourceLoader } from '../loader.js';
import type { Credentials } from './clients.js';
import type { LiveReadOptions } from './live.js';
import { AWS_PREFIX, checkRoleArns, isAwsSpec, parseAwsSpec } from './spec.js';

/**
 * Settings from an environment a caller hands in (tests): the endpoint and static keys the SDK would otherwise read
 * from the process environment itself. Without one, the SDK reads the process environment and profiles as usual.
 */
function fromEnv(env: NodeJS.ProcessEnv | undefined): Pick<LiveReadOptions, 'endpoint' | 'credentials'> {
  if (!env) return {};
  const credentials: Credentials | undefined =
    env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY
      ? {
          accessKeyId: env.AWS_ACCESS_KEY_ID,
          secretAccessKey: env.AWS_SECRET_ACCESS_KEY,
          ...(env.AWS_SESSION_TOKEN ? { sessionToken: env.AWS_SESSION_TOKEN } : {}),
        }
      : undefined;
  return {
    ...(env.AWS_ENDPOINT_URL ? { endpoint: env.AWS_ENDPOINT_URL } : {}),
    ...(credentials ? { credentials } : {}),
  };
}

/** The live-read settings for a spec and the command's options, or the diagnostics that refuse them. */
export function liveOptions(
  spec: string,
  options: LoadOptions,
): { options: LiveReadOptions } | { diagnostics: LoadResult['diagnostics'] } {
  const parsed = parseAwsSpec(spec);
  if ('diagnostics' in parsed) return parsed;
  const roleArns = options.roleArns ?? [];
  const bad = checkRoleArns(spec, roleArns);
  if (bad.length > 0) return { diagnostics: bad };
  const profile = options.profile ?? options.env?.AWS_PROFILE;
  return {
    options: {
      regions: parsed.regions,
      roleArns,
      ...(profile !== undefined ? { profile } : {}),
      ...fromEnv(options.env),
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    },
  };
}

export async function loadAws(spec: string, options: LoadOptions): Promise<LoadResult> {
  const settings = liveOptions(spec, options);
  if ('diagnostics' in settings) return { ok: false, diagnostics: settings.diagnostics };
  // The SDK loads only when a live read happens: design files and snapshots start fast without it.
  const [{ readAws }, { resultFromRaw }] = await Promise.all([import('./live.js'), import('./result.js')]);
  const { snapshot } = await readAws(settings.options);
  return resultFromRaw(snapshot.scopes, { source: 'aws' }, spec);
}

export const awsLoader: SourceLoader = {
  kind: 'aws',
  label: `live AWS accounts (${AWS_PREFIX}REGION)`,
  detect: (p) => isAwsSpec(p.spec),
  load: loadAws,
};
