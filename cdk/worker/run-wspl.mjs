// Runs wspl's checks on a cloud assembly and prints the outcome as one JSON line. It is a separate process because
// CDK calls validation plugins synchronously while wspl's source API is asynchronous (src/checks/wspl-adapter.ts
// waits for this process). It uses wspl's library API: readSource (any source, here cdk.out, with an overlay),
// runCheck with the report layer's wording.
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const request = JSON.parse(process.argv[2] ?? '{}');
const lib = (file) => import(pathToFileURL(path.join(request.wsplRoot, 'dist', file)).href);

function print(outcome) {
  process.stdout.write(`${JSON.stringify(outcome)}\n`);
}

try {
  const { readSource } = await lib('sources/index.js');
  const { runCheck } = await lib('rules/runner.js');
  const { REPORT_WORDING } = await lib('report/wording.js');
  const loaded = await readSource(request.assembly, request.overlay ? { overlay: request.overlay } : {});
  if (!loaded.ok) {
    print({ ok: false, diagnostics: loaded.diagnostics });
  } else {
    const result = runCheck(loaded.model, { wording: REPORT_WORDING });
    print({
      ok: true,
      diagnostics: loaded.diagnostics,
      findings: result.findings.filter((f) => !f.suppressed),
      unknowns: result.unknowns,
    });
  }
} catch (e) {
  // wspl's InputError carries diagnostics naming file and line; anything else is a failure of wspl itself.
  const diagnostics = Array.isArray(e?.diagnostics) ? e.diagnostics : undefined;
  print({
    ok: false,
    diagnostics: diagnostics ?? [
      { severity: 'error', code: 'wspl-failed', file: request.assembly, message: String(e?.message ?? e) },
    ],
  });
}
