// What the dashboard's JSON API returns and the page draws. The page imports these types only (no code), so the
// server and the page cannot drift apart. Resource ids in here are model ids ("vpc1/endpoint-sg"); picture element
// ids are namespaced ("subnet:vpc1/public-a") so a VPC and a directory of the same name stay two nodes.
import type { blockerJson, hopJson, TraceJson } from '../report/trace-json.js';
import type { Finding, Severity } from '../rules/types.js';
import type { Outcome, Path, StepStatus, Transport } from '../workspaces/types.js';

/** A hop and a blocker as `wspl trace --format json` writes them: typed facts plus their words (`detail`). */
export type HopView = ReturnType<typeof hopJson>;
export type BlockerView = ReturnType<typeof blockerJson>;

export type NodeKind =
  | 'internet'
  | 'aws-services'
  | 'public-dns'
  | 'dcv-gateways'
  | 'account'
  | 'region'
  | 'vpc'
  | 'subnet'
  | 'vpc-resolver'
  | 'igw'
  | 'vgw'
  | 'instance'
  | 'nat-instance'
  | 'nat-gateway'
  | 'endpoint-eni'
  | 'endpoint'
  | 'resolver-eni'
  | 'directory'
  | 'tgw'
  | 'peering'
  | 'onprem'
  | 'onprem-dns'
  | 'client';

export interface PictureNode {
  id: string;
  kind: NodeKind;
  label: string;
  /** Second line: CIDR, address, state. */
  detail?: string;
  parent?: string;
  /** A group the page may collapse into one box (VPCs, on-premises sites). */
  collapsible?: boolean;
  /** Shown on the collapsed box: what it holds. */
  summary?: string;
  /** Stopped, deleted, not available: drawn faded with the word on it. */
  inactive?: string;
  /** A fact about this box the source did not give (so traces through it are UNKNOWN): drawn dotted with a "?". */
  unknown?: string;
  /** The model id this node stands for, when there is one. */
  resource?: string;
  /** file:line of the resource in its source. */
  where?: string;
}

export type EdgeKind =
  'internet' | 'default-route' | 'peering' | 'tgw-attachment' | 'vpn' | 'dx' | 'uses-endpoint' | 'dns-forward';

export interface PictureEdge {
  id: string;
  source: string;
  target: string;
  kind: EdgeKind;
  label?: string;
}

export interface Topology {
  nodes: PictureNode[];
  edges: PictureEdge[];
  /** Model id (or a hop's node name) → the picture nodes that stand for it. */
  aliases: Record<string, string[]>;
}

/** A box as laid out: top-left corner and size, in picture coordinates. */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Where every visible box goes when these groups are open. */
export interface PictureLayout {
  expanded: string[];
  boxes: Record<string, Box>;
}

/** One distinct kind of cell: cells that share it draw the same. */
export interface CellKind {
  outcome: Outcome;
  path: Path;
  transport?: Transport;
  port?: number;
  /** The first thing that blocks it, what is missing, or how it connects. */
  cause: string;
}

export interface MatrixClient {
  id: string;
  /** Where it sits: "internet", "vpc1/client", "onprem/office". */
  at: string;
}

export interface MatrixWorkspace {
  id: string;
  directory: string;
  protocol?: string;
}

/** The whole matrix, small enough for half a million cells: `cells[c * workspaces.length + w]` indexes `kinds`. */
export interface MatrixView {
  clients: MatrixClient[];
  workspaces: MatrixWorkspace[];
  kinds: CellKind[];
  cells: number[];
}

/** One stretch of the trace as drawn: from the client through the mapped hops to where it goes. */
export interface PictureLeg {
  id: string;
  /** "registration", "dns", "probe QUIC 4195", "broker". */
  label: string;
  kind: 'internet' | 'dns' | 'broker' | 'stream';
  status: StepStatus;
  /** Picture node ids in order. */
  nodes: string[];
  hops: { hop: HopView; nodes: string[] }[];
}

export interface PictureBlocker {
  blocker: BlockerView;
  nodes: string[];
  /** The "How to fix" section of the rule page, when the blocker names a rule. */
  fix?: string;
}

export interface TraceView {
  /** The trace as `wspl trace --format json` prints it. */
  trace: TraceJson;
  legs: PictureLeg[];
  blockers: PictureBlocker[];
  /** Resources the trace names that the picture does not show. */
  unplaced: string[];
}

export interface FindingView extends Finding {
  nodes: string[];
}

export interface FindingsView {
  findings: FindingView[];
  rules: { id: string; description: string; severity: Severity }[];
  counts: Record<Severity, number>;
}

export interface Suggestion {
  /** The whatif change of the contract: set:PATH=VALUE or delete:PATH. */
  change: string;
  label: string;
  group: string;
  /** Model id of the resource the change touches. */
  resource: string;
}

export interface WhatifCellChange {
  client: string;
  workspace: string;
  before: Outcome;
  after: Outcome;
}

export interface WhatifView {
  changes: string[];
  after: MatrixView;
  /** The picture of the changed setup (a stopped NAT shows stopped). */
  topology: Topology;
  changed: WhatifCellChange[];
  changedCount: number;
  sessions: {
    /** Cells connected before the changes: each is a running session that may or may not survive. */
    running: number;
    dropping: { client: string; workspace: string; reason: string; inferred: boolean }[];
    droppingCount: number;
  };
}

export interface Overview {
  /** What was loaded: the path or aws:REGION. */
  source: string;
  /** Whether the source can be read again for fresh facts (`refresh`). */
  refreshable: boolean;
  loadedAt: string;
  counts: {
    accounts: number;
    regions: number;
    vpcs: number;
    subnets: number;
    clients: number;
    workspaces: number;
    directories: number;
  };
  outcomes: Partial<Record<Outcome, number>>;
  /**
   * The source's warnings, one line each as the terminal shows them (file:line, field, code): above all what a live
   * read could not get, which the picture and the matrix then show as unknown.
   */
  warnings: string[];
}

/** Everything the page needs to draw at once (the report embeds it whole). */
export interface Snapshot {
  overview: Overview;
  topology: Topology;
  layout: PictureLayout;
  matrix: MatrixView;
  findings: FindingsView;
  suggestions: Suggestion[];
}

export interface DocPage {
  id: string;
  markdown: string;
}
