// Everything the dashboard shows, computed from one model: the picture, the matrix, the findings of `check`, a
// trace drawn on the picture, what-if. No file system and no HTTP here, so the same code answers the server's API
// and runs inside the self-contained HTML report.
import { formatDiagnostic, type Diagnostic } from '../diagnostics.js';
import type { Model } from '../model/types.js';
import { DEFAULT_POLICY, type CheckPolicy } from '../rules/policy.js';
import { runCheck } from '../rules/runner.js';
import type { Severity } from '../rules/types.js';
import { predictMatrixEntries, type MatrixEntry } from '../workspaces/matrix.js';
import type { Outcome } from '../workspaces/types.js';
import { fixSection, type DocSource } from './docs.js';
import { matrixView } from './matrix-view.js';
import { suggestChanges } from './suggestions.js';
import { initialLayout } from './layout.js';
import { buildTopology } from './topology.js';
import { nodesFor, tracePicture } from './trace-picture.js';
import type {
  DocPage,
  FindingsView,
  MatrixView,
  Overview,
  PictureLayout,
  Snapshot,
  Suggestion,
  Topology,
  TraceView,
  WhatifView,
} from './types.js';
import { changedSetup, compareSetups, type ChangedSetup } from './whatif.js';

export interface DashboardOptions {
  /** What was loaded, as the user named it. */
  source: string;
  /** Whether the source can be read again (the server can; a report cannot). */
  refreshable: boolean;
  policy?: CheckPolicy;
  docs: DocSource;
  /** When the model was read (ISO time). */
  loadedAt?: string;
  /** The warnings of the source as it loaded. */
  warnings?: readonly Diagnostic[];
}

function findingsOf(
  model: Model,
  entries: readonly MatrixEntry[],
  topology: Topology,
  policy: CheckPolicy,
): FindingsView {
  // The cells are predicted already: check reads them instead of predicting every cell again.
  const result = runCheck(model, { policy, cells: () => entries });
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of result.findings) if (!f.suppressed) counts[f.severity]++;
  return {
    findings: result.findings.map((f) => ({ ...f, nodes: nodesFor(topology, f.resource) })),
    rules: result.rules.map((r) => ({ id: r.id, description: r.description, severity: r.severity })),
    counts,
  };
}

export class Dashboard {
  readonly topology: Topology;
  readonly matrix: MatrixView;
  private readonly entries: MatrixEntry[];
  private findingsView: FindingsView | undefined;
  private laidOut: Promise<PictureLayout> | undefined;
  /** The last what-if setup, so tracing its cells does not apply the changes again. */
  private lastChanged: ChangedSetup | undefined;

  constructor(
    readonly model: Model,
    private readonly options: DashboardOptions,
  ) {
    this.topology = buildTopology(model);
    this.entries = predictMatrixEntries(model);
    this.matrix = matrixView(model, this.entries);
  }

  get policy(): CheckPolicy {
    return this.options.policy ?? DEFAULT_POLICY;
  }

  findings(): FindingsView {
    this.findingsView ??= findingsOf(this.model, this.entries, this.topology, this.policy);
    return this.findingsView;
  }

  overview(): Overview {
    const m = this.model;
    const scopes = [...m.vpcs, ...m.directories, ...m.transitGateways];
    const outcomes: Partial<Record<Outcome, number>> = {};
    const perKind = new Array<number>(this.matrix.kinds.length).fill(0);
    for (const k of this.matrix.cells) perKind[k] = (perKind[k] ?? 0) + 1;
    this.matrix.kinds.forEach((k, i) => (outcomes[k.outcome] = (outcomes[k.outcome] ?? 0) + (perKind[i] ?? 0)));
    return {
      source: this.options.source,
      refreshable: this.options.refreshable,
      loadedAt: this.options.loadedAt ?? new Date().toISOString(),
      counts: {
        accounts: new Set(scopes.map((s) => s.account)).size,
        regions: new Set(scopes.map((s) => `${s.account}/${s.region}`)).size,
        vpcs: m.vpcs.length,
        subnets: m.subnets.length,
        clients: m.clients.length,
        workspaces: m.workspaces.length,
        directories: m.directories.length,
      },
      outcomes,
      warnings: (this.options.warnings ?? []).map(formatDiagnostic),
    };
  }

  suggestions(): Suggestion[] {
    return suggestChanges(this.model);
  }

  /** The first picture, laid out once. */
  layout(): Promise<PictureLayout> {
    this.laidOut ??= initialLayout(this.topology);
    return this.laidOut;
  }

  async snapshot(): Promise<Snapshot> {
    return {
      overview: this.overview(),
      topology: this.topology,
      layout: await this.layout(),
      matrix: this.matrix,
      findings: this.findings(),
      suggestions: this.suggestions(),
    };
  }

  /**
   * The trace of one cell drawn on the picture, in the setup as it is or after what-if changes; undefined when the
   * client or the WorkSpace is not there. Throws InputError when a change does not apply.
   */
  trace(client: string, workspace: string, changes: readonly string[] = []): TraceView | undefined {
    const setup =
      changes.length === 0
        ? { model: this.model, entries: this.entries, topology: this.topology }
        : this.changed(changes);
    const c = setup.model.clients.findIndex((x) => x.id === client);
    const w = setup.model.workspaces.findIndex((x) => x.id === workspace);
    if (c < 0 || w < 0) return undefined;
    const entry = setup.entries[c * setup.model.workspaces.length + w];
    if (!entry) return undefined;
    // A trace is shared by WorkSpaces of one directory and protocol: show it under the WorkSpace asked for.
    const trace = entry.trace.workspace === workspace ? entry.trace : { ...entry.trace, workspace };
    return tracePicture(setup.topology, trace, (rule) => {
      const page = this.options.docs.rule(rule);
      return page !== undefined ? fixSection(page) : undefined;
    });
  }

  /** Throws InputError (with diagnostics) when a change does not apply. */
  whatif(changes: readonly string[]): WhatifView {
    return compareSetups(this.changed(changes));
  }

  private changed(changes: readonly string[]): ChangedSetup {
    if (this.lastChanged?.changes.join('\n') !== changes.join('\n'))
      this.lastChanged = changedSetup(this.model, this.entries, changes, this.options.source);
    return this.lastChanged;
  }

  doc(kind: 'rules' | 'outcomes', id: string): DocPage | undefined {
    const markdown = kind === 'rules' ? this.options.docs.rule(id) : this.options.docs.outcome(id);
    return markdown === undefined ? undefined : { id, markdown };
  }
}
