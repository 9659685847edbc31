// The seed's environment as a CDK app: `npx tsx examples/seed-environment/app.ts` (or `cdk synth` with this
// folder's cdk.json). Context switches: `-c natStopped=true` (case 4-1), `-c pcoipOverInternet=true` (the
// opposite of case 4-4), `-c wsplChecks=true` (wspl's rules at synth time; needs wspl built beside this package).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { App, Validations } from 'aws-cdk-lib';
import { WsplValidationPlugin } from '../../src/index.js';
import { SeedEnvironment, type SeedSwitches } from './seed-stack.js';

export const SEED_OVERLAY = fileURLToPath(new URL('./overlay.yaml', import.meta.url));

function flag(app: App, name: string): boolean {
  const v: unknown = app.node.tryGetContext(name);
  return v === true || v === 'true';
}

export function seedSwitches(app: App): SeedSwitches {
  return { natStopped: flag(app, 'natStopped'), pcoipOverInternet: flag(app, 'pcoipOverInternet') };
}

/** Builds the app into `app` (tests pass their own App with context and an outdir). */
export function buildSeedApp(app: App): SeedEnvironment {
  const stack = new SeedEnvironment(app, 'SeedEnvironment', {
    env: { account: '111122223333', region: 'ap-northeast-1' },
    switches: seedSwitches(app),
  });
  if (flag(app, 'wsplChecks')) Validations.of(app).addPlugins(new WsplValidationPlugin({ overlay: SEED_OVERLAY }));
  return stack;
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  // Run directly (not by the CDK CLI, which sets CDK_OUTDIR), it writes ./cdk.out instead of a temporary folder.
  const app = new App({ outdir: process.env.CDK_OUTDIR ?? 'cdk.out' });
  buildSeedApp(app);
  app.synth();
}
