// wspl as a CDK policy-validation plugin: after synthesis, wspl reads the cloud assembly (every stack, with the
// construct paths of metadata.json), runs every rule and reports each finding against the construct that holds it.
// An error fails `cdk synth` (and `app.synth()`); warnings and notes are printed in CDK's validation report.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type {
  IPolicyValidationContext,
  IPolicyValidationPlugin,
  PolicyValidationPluginReport,
  PolicyViolation,
  PolicyViolatingResource,
} from 'aws-cdk-lib';
import { runWspl, type WsplFinding, type WsplOutcome, type WsplUnknown } from './wspl-adapter.js';

export interface WsplChecksOptions {
  /**
   * A wspl overlay file (`--overlay`): the clients, on-premises networks and facts a template cannot state (a
   * WorkSpace's protocol, a NAT instance's public address). Without it, rules about clients have no one to check.
   */
  readonly overlay?: string;
  /**
   * The lowest severity that fails synthesis.
   * @default 'error'
   */
  readonly failOn?: 'error' | 'warning';
  /** Where the wspl package is; found on its own when installed beside this package. */
  readonly wsplRoot?: string;
  /**
   * Report only findings on constructs under these paths (what an Aspect was applied to).
   * @default - every finding
   */
  readonly scopes?: readonly string[];
}

/** The folder of the whole assembly: the highest ancestor of the templates that holds a manifest.json. */
export function assemblyRoot(templatePaths: readonly string[]): string | undefined {
  let best: string | undefined;
  for (const t of templatePaths) {
    let dir = path.dirname(path.resolve(t));
    for (;;) {
      if (existsSync(path.join(dir, 'manifest.json')) && (best === undefined || best.startsWith(dir))) best = dir;
      const up = path.dirname(dir);
      if (up === dir) break;
      dir = up;
    }
  }
  return best;
}

function where(location: WsplFinding['location'], resource: string): PolicyViolatingResource {
  if (location?.constructPath !== undefined) {
    return { constructPath: location.constructPath, locations: [location.path ?? resource] };
  }
  // Not from a template (a client of the overlay, say): name the wspl resource and where it was written.
  const at = location ? ` (${location.file}${location.line !== undefined ? `:${location.line}` : ''})` : '';
  return { locations: [`${resource}${at}`] };
}

/** Findings on constructs outside the scopes are left out; those on no construct (an overlay's client) stay. */
function inScope(scopes: readonly string[] | undefined, r: PolicyViolatingResource): boolean {
  if (scopes === undefined || scopes.includes('')) return true;
  const p = r.constructPath;
  return p === undefined || scopes.some((s) => p === s || p.startsWith(`${s}/`));
}

/** Turns wspl's outcome into CDK's report. Exported for tests of the mapping alone. */
export function toReport(outcome: WsplOutcome, options: WsplChecksOptions = {}): PolicyValidationPluginReport {
  const failOn = options.failOn ?? 'error';
  const failing = (s: string) => s === 'error' || (failOn === 'warning' && s === 'warning');
  if (!outcome.ok) {
    return {
      success: false,
      violations: [
        {
          ruleName: 'wspl-input',
          severity: 'error',
          description: `wspl could not read the synthesized assembly: ${outcome.diagnostics
            .map((d) => `${d.file ?? ''}${d.line !== undefined ? `:${d.line}` : ''} ${d.message}`.trim())
            .join('; ')}`,
          violatingResources: [{ locations: ['cdk.out'] }],
        },
      ],
    };
  }
  const violations: PolicyViolation[] = [];
  const add = (v: PolicyViolation) => {
    const resources = v.violatingResources.filter((r) => inScope(options.scopes, r));
    if (resources.length > 0) violations.push({ ...v, violatingResources: resources });
  };
  for (const f of outcome.findings) {
    add({
      ruleName: f.rule,
      severity: f.severity,
      description: f.inferred ? `${f.message} (inferred)` : f.message,
      fix: `wspl explain ${f.rule}`,
      violatingResources: [where(f.location, f.resource)],
    });
  }
  for (const u of outcome.unknowns satisfies WsplUnknown[]) {
    add({
      ruleName: u.rule,
      severity: 'info',
      description: `could not be decided for ${u.resource}: ${u.missing.join('; ')}`,
      violatingResources: [where(u.location, u.resource)],
    });
  }
  return { success: !violations.some((v) => failing(v.severity ?? 'error')), violations };
}

export class WsplValidationPlugin implements IPolicyValidationPlugin {
  readonly name = 'wspl';
  readonly version = '0.1.0';

  constructor(private readonly options: WsplChecksOptions = {}) {}

  validate(context: IPolicyValidationContext): PolicyValidationPluginReport {
    const assembly = assemblyRoot(context.templatePaths);
    if (assembly === undefined) {
      return {
        success: false,
        violations: [
          {
            ruleName: 'wspl-input',
            severity: 'error',
            description: 'no manifest.json found above the synthesized templates',
            violatingResources: [{ locations: context.templatePaths }],
          },
        ],
      };
    }
    const outcome = runWspl({
      assembly,
      ...(this.options.overlay !== undefined ? { overlay: this.options.overlay } : {}),
      ...(this.options.wsplRoot !== undefined ? { wsplRoot: this.options.wsplRoot } : {}),
    });
    return toReport(outcome, this.options);
  }
}
