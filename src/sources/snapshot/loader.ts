// A snapshot file behind the source seam: the same conversion as a live read, offline.
import type { SourceLoader } from '../loader.js';

export const snapshotLoader: SourceLoader = {
  kind: 'snapshot',
  label: 'snapshot files (wspl snapshot)',
  detect: (p) => p.isFile && /"wsplSnapshot"\s*:/.test(p.head),
  // The reader and the converter load only when a snapshot is read.
  load: async (spec, options) => {
    const [{ readSnapshotFile }, { resultFromRaw }] = await Promise.all([
      import('./file.js'),
      import('../aws/result.js'),
    ]);
    const read = readSnapshotFile(spec, options.contents);
    if ('diagnostics' in read) return { ok: false, diagnostics: read.diagnostics };
    const result = resultFromRaw(read.snapshot.scopes, { source: 'snapshot', file: spec }, spec);
    return { ...result, diagnostics: [...read.warnings, ...result.diagnostics] };
  },
};
