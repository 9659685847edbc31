// `wspl report <source> --html FILE`: the dashboard's views as one self-contained HTML file (no network, no server
// needed to open it). Writes only FILE; refuses to overwrite the source.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { InputError } from '../../diagnostics.js';
import {
  accountOption,
  clientsOption,
  overlayOption,
  parameterOption,
  profileOption,
  regionOption,
  roleArnOption,
} from '../source-options.js';
import type { RegisterCommand } from './index.js';
import { loadDashboard } from './serve.js';

export const registerReport: RegisterCommand = (program, io) => {
  program
    .command('report')
    .description("the dashboard's views as one self-contained HTML file")
    .argument('<source>', 'design file (or another source)')
    .requiredOption('--html <file>', 'where to write the report')
    .option('--config <file>', 'rule configuration for the findings (default: wspl.config.yaml next to the source)')
    .addOption(overlayOption)
    .addOption(clientsOption)
    .addOption(parameterOption)
    .addOption(regionOption)
    .addOption(accountOption)
    .addOption(profileOption)
    .addOption(roleArnOption)
    .action(async (source, opts) => {
      const out = opts.html;
      const inputs = [source, opts.overlay, opts.clients, opts.config].filter((f): f is string => f !== undefined);
      if (inputs.some((f) => path.resolve(f) === path.resolve(out)))
        throw new InputError(
          `--html ${out} is one of the inputs: wspl never writes to its input files`,
          [],
          'bad-usage',
        );
      const [{ allDocs }, { readReportBundle, renderReportHtml }] = await Promise.all([
        import('../../web/package-docs.js'),
        import('../../web/report-html.js'),
      ]);
      const bundle = readReportBundle();
      const dashboard = await loadDashboard(source, opts, io, false);
      const snapshot = await dashboard.snapshot();
      const html = renderReportHtml(
        {
          source,
          loadedAt: snapshot.overview.loadedAt,
          model: dashboard.model,
          policy: dashboard.policy,
          docs: allDocs(),
          snapshot,
        },
        bundle,
      );
      try {
        writeFileSync(out, html);
      } catch (e) {
        const why = e instanceof Error ? e.message : String(e);
        throw new InputError(`cannot write ${out}: ${why}`, [], 'unwritable');
      }
      io.err(`wrote ${out} (${(html.length / 1e6).toFixed(1)} MB): open it in a browser; it needs no network\n`);
    });
};
