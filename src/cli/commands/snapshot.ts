// `wspl snapshot aws:REGION[,REGION…] [--profile P] [--role-arn ARN…] [--redact] -o FILE`: read the accounts (read-only)
// into a file that every command accepts as a source, offline. Exit 2 when nothing at all could be read.
import { InputError, formatDiagnostic } from '../../diagnostics.js';
import { isAwsSpec } from '../../sources/aws/spec.js';
import { loadOptionsOf, profileOption, roleArnOption } from '../source-options.js';
import type { RegisterCommand } from './index.js';

export const registerSnapshot: RegisterCommand = (program, io) => {
  program
    .command('snapshot')
    .description('read AWS accounts (read-only) into a snapshot file that any command can replay offline')
    .argument('<source>', 'aws:REGION[,REGION…]')
    .requiredOption('-o, --output <file>', 'the snapshot file to write')
    .option('--redact', 'replace account ids, public IP addresses and names (consistently) so the file can be shared')
    .addOption(profileOption)
    .addOption(roleArnOption)
    .action(async (source, opts) => {
      if (!isAwsSpec(source))
        throw new InputError(`wspl snapshot reads live AWS: give aws:REGION[,REGION…], not ${source}`, [], 'bad-usage');
      // What the command needs loads when it runs (index.ts says why).
      const [{ takeSnapshot }, { writeSnapshotFile }, { failuresOf }] = await Promise.all([
        import('../../sources/snapshot/take.js'),
        import('../../sources/snapshot/file.js'),
        import('../../sources/aws/raw.js'),
      ]);
      const taken = await takeSnapshot(source, {
        ...loadOptionsOf(opts, io),
        ...(opts.redact ? { redact: true } : {}),
      });
      if ('diagnostics' in taken) throw new InputError(`cannot read ${source}`, taken.diagnostics);
      const { snapshot, stats } = taken;
      const failures = failuresOf(snapshot.scopes);
      const readable = snapshot.scopes.filter((s) => !s.error && s.calls.some((c) => !c.error));
      if (readable.length === 0) {
        const diagnostics = failures.slice(0, 20).map((f) => ({
          severity: 'error' as const,
          code: 'aws-nothing-read',
          file: source,
          message: `${f.account || '(caller)'}/${f.region}${f.action ? ` ${f.action}` : ''}: ${f.code}: ${f.message}`,
        }));
        throw new InputError(`nothing could be read from ${source}; no snapshot written`, diagnostics);
      }
      writeSnapshotFile(opts.output, snapshot);
      for (const f of failures.slice(0, 20))
        io.err(
          formatDiagnostic({
            severity: 'warning',
            code: 'aws-call-failed',
            file: source,
            message: `${f.account}/${f.region}${f.action ? ` ${f.action}` : ''}: ${f.code}: ${f.message}`,
          }) + '\n',
        );
      if (failures.length > 20) io.err(`… and ${failures.length - 20} more failures, listed in the file\n`);
      io.err(
        `wrote ${opts.output}: ${snapshot.accounts.length} account(s) × ${snapshot.regions.length} Region(s), ${stats.calls} calls, ${failures.length} failed${snapshot.redacted ? ', redacted' : ''}\n`,
      );
    });
};
