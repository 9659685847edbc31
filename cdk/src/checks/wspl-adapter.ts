// The one place that depends on wspl itself: finds the wspl library and runs its checks on a cloud assembly
// (worker/run-wspl.mjs), synchronously, because CDK's validation plugins are synchronous.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const WORKER = fileURLToPath(new URL('../../worker/run-wspl.mjs', import.meta.url));

/** A finding as wspl's runCheck gives it (src/rules/types.ts), with the location a cdk.out source fills. */
export interface WsplFinding {
  rule: string;
  severity: 'error' | 'warning' | 'info';
  resource: string;
  message: string;
  inferred?: boolean;
  location?: { file: string; line?: number; path?: string; constructPath?: string };
}

export interface WsplUnknown {
  rule: string;
  resource: string;
  missing: string[];
  location?: WsplFinding['location'];
}

export interface WsplDiagnostic {
  severity: 'error' | 'warning';
  code?: string;
  file?: string;
  line?: number;
  message: string;
}

export type WsplOutcome =
  | { ok: true; findings: WsplFinding[]; unknowns: WsplUnknown[]; diagnostics: WsplDiagnostic[] }
  | { ok: false; diagnostics: WsplDiagnostic[] };

export interface RunWsplOptions {
  /** The cloud assembly folder (holds manifest.json). */
  assembly: string;
  /** A wspl overlay file: clients, on-premises networks and facts the templates cannot state. */
  overlay?: string;
  /** Where the wspl package is (its folder holds package.json and dist/). */
  wsplRoot?: string;
}

function isWsplRoot(dir: string): boolean {
  try {
    const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string };
    return pkg.name === 'wspl';
  } catch {
    return false;
  }
}

/**
 * The wspl package: the given folder, $WSPL_ROOT, the `wspl` package installed beside this one, or (in the wspl
 * repository, where this package lives in cdk/) the repository itself.
 */
export function findWsplRoot(given?: string): string {
  const candidates: string[] = [];
  if (given !== undefined) candidates.push(path.resolve(given));
  const fromEnv = process.env.WSPL_ROOT;
  if (fromEnv !== undefined && fromEnv !== '') candidates.push(path.resolve(fromEnv));
  try {
    candidates.push(path.dirname(createRequire(import.meta.url).resolve('wspl/package.json')));
  } catch {
    // not installed as a package
  }
  candidates.push(fileURLToPath(new URL('../../../', import.meta.url)));
  const found = candidates.find(isWsplRoot);
  if (found === undefined) {
    throw new Error(
      `wspl was not found (looked in ${candidates.join(', ')}); install the wspl package beside wspl-cdk or set WSPL_ROOT`,
    );
  }
  if (!existsSync(path.join(found, 'dist', 'sources', 'index.js'))) {
    throw new Error(`wspl at ${found} is not built (no dist/); run \`npm run build\` there`);
  }
  return found;
}

/** Runs wspl's checks on the assembly and waits for them. Throws only when wspl cannot be run at all. */
export function runWspl(options: RunWsplOptions): WsplOutcome {
  const request = {
    assembly: path.resolve(options.assembly),
    wsplRoot: findWsplRoot(options.wsplRoot),
    ...(options.overlay !== undefined ? { overlay: path.resolve(options.overlay) } : {}),
  };
  const run = spawnSync(process.execPath, [WORKER, JSON.stringify(request)], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  });
  if (run.error) throw new Error(`could not run wspl: ${run.error.message}`);
  const line = run.stdout.trim().split('\n').pop() ?? '';
  try {
    return JSON.parse(line) as WsplOutcome;
  } catch {
    throw new Error(`wspl ended without an answer (exit ${run.status ?? run.signal}): ${run.stderr.trim()}`);
  }
}
