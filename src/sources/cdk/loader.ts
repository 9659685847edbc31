// CDK output folders (`cdk.out`) behind the source seam; load.ts reads them.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { SourceLoader } from '../loader.js';

export const cdkLoader: SourceLoader = {
  kind: 'cdk',
  label: 'CDK output folders (cdk.out)',
  detect: ({ isDirectory, spec }) => isDirectory && existsSync(path.join(spec, 'manifest.json')),
  // The converter loads only when an assembly is read: the commands that read none start without it.
  load: async (spec, options) => (await import('./load.js')).loadCloudAssembly(spec, options),
};
