// A snapshot file behind the source seam: the same conversion as a live read, offline.
import type { SourceLoader } from '../loader.js';
import { resultFromRaw } from '../aws/result.js';
import { readSnapshotFile } from './file.js';

export const snapshotLoader: SourceLoader = {
  kind: 'snapshot',
  label: 'snapshot files (wspl snapshot)',
  detect: (p) => p.isFile && /"wsplSnapshot"\s*:/.test(p.head),
  load: (spec, options) => {
    const read = readSnapshotFile(spec, options.contents);
    if ('diagnostics' in read) return Promise.resolve({ ok: false, diagnostics: read.diagnostics });
    const result = resultFromRaw(read.snapshot.scopes, { source: 'snapshot', file: spec }, spec);
    return Promise.resolve({ ...result, diagnostics: [...read.warnings, ...result.diagnostics] });
  },
};
