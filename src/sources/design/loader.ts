// The design file (`wspl: 1`) behind the source seam.
import type { SourceLoader } from '../loader.js';

export const designLoader: SourceLoader = {
  kind: 'design',
  label: 'design files (wspl: 1)',
  detect: ({ isFile, head, spec }) =>
    // A YAML file with no `wspl:` key and no template keys is most likely a design file that forgot it: load it as
    // one so the user gets the missing-version diagnostic with a line number.
    isFile &&
    (/(^|[{,])\s*["']?wspl["']?\s*:/m.test(head) ||
      (/\.ya?ml$/i.test(spec) && !/^["']?(AWSTemplateFormatVersion|Resources)["']?\s*:/m.test(head))),
  // The reader and its schema load only when a design file is read.
  load: async (spec, options) => (await import('./load.js')).loadDesignFile(spec, options.contents),
};
