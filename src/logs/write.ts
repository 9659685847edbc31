// Prints a predicted session (a Trace) the way the WorkSpaces client logs a real one, using only the line shapes of
// the seed's real logs (4-2 connected, 4-3 no reachable endpoint, 4-4 PCoIP refused). Reading the output back with
// the reader gives the trace's protocol, outcome and its offered, reachable and chosen endpoints. Where the seed has
// no client line for what happens (registration, login, device authorization, unsupported, unknown, and any PCoIP
// session the broker accepts: the seed's only PCoIP log is a refusal) it writes no invented client line: it writes
// one clearly marked `wspl prediction: OUTCOME` entry instead. The reader takes that entry's outcome for the session
// it ends (marked inferred) and ignores it when no session was started.
import { createHash } from 'node:crypto';
import type { OfferedEndpoint, Trace } from '../workspaces/types.js';
import { regionOfHost } from './endpoint.js';

export interface FormatTraceAsLogOptions {
  /** Session id to log; default derived from the trace's client and workspace (stable between runs). */
  sessionId?: string;
  /** Time of the first line; default now. */
  start?: Date | string;
  /** Version in the `{ Version: "…" }` prefix; default the seed's client, 5.29.1.5595. */
  clientVersion?: string;
  /**
   * The WorkSpace's protocol; by default PCOIP when the broker refused (seed 4-4) or offered the PCoIP gateways
   * (port 4172), WSP otherwise.
   */
  protocol?: 'WSP' | 'PCOIP';
  /** Line break; default "\n". */
  eol?: '\n' | '\r\n';
}

/** Outcomes decided before the broker offers anything: the client has no session to log. */
const BEFORE_BROKER = new Set(['REGISTRATION_FAILED', 'AUTHENTICATION_FAILED', 'DEVICE_NOT_AUTHORIZED']);

export function formatTraceAsLog(trace: Trace, opts: FormatTraceAsLogOptions = {}): string {
  const log = new LogWriter(opts);
  const uuid = opts.sessionId ?? stableUuid(`${trace.client}/${trace.workspace}`);
  const hosts = [...trace.offered, ...(trace.endpoint ? [trace.endpoint] : [])];
  const region = hosts.map((e) => regionOfHost(e.hostname)).find((r) => r !== null) ?? null;
  const pcoip = trace.outcome === 'RESOURCE_NOT_FOUND' || trace.offered.some((e) => e.port === PCOIP_PORT);
  const protocol = opts.protocol ?? (pcoip ? 'PCOIP' : 'WSP');

  if (trace.outcome === 'RESOURCE_NOT_FOUND') {
    brokerRefusal(log, uuid, protocol, region);
    return log.text();
  }
  if (BEFORE_BROKER.has(trace.outcome) || trace.offered.length === 0) {
    log.entry('INF', prediction(trace.outcome));
    return log.text();
  }
  if (protocol === 'PCOIP') {
    // The broker offered the PCoIP gateways, so the client asked it to connect: that request is the one line of a
    // PCoIP session the seed shows (4-4). The client's lines after an accepted PCoIP request are not known.
    log.entry('DBG', connectRequest(protocol, uuid));
    log.pause(120);
    const chosen = trace.endpoint
      ? `: ${trace.endpoint.transport} ${trace.endpoint.port} to ${trace.endpoint.hostname}`
      : '';
    log.entry('INF', prediction(trace.outcome, `${trace.path ? ` via ${trace.path}` : ''}${chosen}`));
    return log.text();
  }
  const id = opts.sessionId ?? (region ? `prod-${region}-${uuid}` : uuid);
  offer(log, id, trace.offered);
  const reachable = trace.probes.filter((p) => p.reachable === true);
  if (trace.outcome === 'NO_REACHABLE_ENDPOINT') {
    log.pause(109);
    log.entry('WRN', 'No endpoints are reachable. A connection may not be able to be established.');
  } else if (reachable.length > 0) {
    log.pause(131);
    log.entry('DBG', 'Reachable endpoints after probing:');
    for (const e of reachable) log.entry('DBG', endpointText(e));
    for (const e of reachable) log.entry('INF', `Reachable endpoint: "${endpointText(e)} ", session ID: ${id}`);
  }
  const chosen = trace.endpoint ?? reachable[0] ?? null;
  if (trace.outcome === 'CONNECTED' && chosen) {
    log.pause(10);
    log.entry('INF', 'Connecting with extended endpoint configurations');
    log.entry(
      'INF',
      `Attempting to establish connection to DCV WorkSpace endpoint "${endpointText(chosen)} ", session ID: ${id}, ` +
        'is reconnection: false',
    );
    log.pause(2);
    log.entry('INF', `Connecting WorkSpace using ${chosen.transport}`);
  } else if (trace.outcome !== 'NO_REACHABLE_ENDPOINT') {
    log.entry('INF', prediction(trace.outcome));
  }
  return log.text();
}

const PCOIP_PORT = 4172;

/** wspl's own entry for what no real client line shows; `detail` follows the outcome. */
function prediction(outcome: string, detail = ''): string {
  return `wspl prediction: ${outcome}${detail} (no WorkSpaces client log line is known for this outcome)`;
}

/** Seed 4-4: the client's connect request to the broker. */
function connectRequest(protocol: string, uuid: string): string {
  return `PerformResourceActionRequest Type: CONNECT, Protocol: ${protocol}, Session-Id: ${uuid}, Amzn-id: ${stableUuid(uuid)}`;
}

/** Seed 4-2: the broker's offer, logged once as the session starts and once per endpoint. */
function offer(log: LogWriter, id: string, offered: readonly OfferedEndpoint[]): void {
  log.entry('INF', `Starting WSP session using SessionId: ${id}, endpoints:`);
  for (const e of offered) log.continuation(endpointText(e));
  log.pause(1342);
  log.entry('INF', `Initializing session: ${id}`);
  log.pause(1);
  log.entry('DBG', 'Protocol new State: Initializing');
  log.pause(3);
  log.entry('DBG', 'Protocol new State: Connecting');
  for (const e of offered) log.entry('INF', `Supported endpoint: "${endpointText(e)} ", session ID: ${id}`);
}

/** Seed 4-4: the broker's RESOURCE_NOT_FOUND answer to a connect request. */
function brokerRefusal(log: LogWriter, uuid: string, protocol: string, region: string | null): void {
  log.entry('DBG', connectRequest(protocol, uuid));
  log.pause(120);
  if (region) {
    log.entry(
      'DBG',
      `Received Http AllocateResourceResponse(Url: $https://ws-broker-service.${region}.amazonaws.com/) with ()`,
    );
  }
  log.pause(1);
  log.entry(
    'ERR',
    'WorkSpacesClient.Common.UseCases.CommonGateways.WsBroker.PerformResourceAction.AllocateResourceResponse Error. ' +
      'Code: RESOURCE_NOT_FOUND; Message: Resource was not found.; Type: com.amazonaws.wsbrokerservice#ResourceNotFoundException',
  );
  log.pause(1);
  log.entry('ERR', 'Error while calling PerformResourceActionConnect: RESOURCE_NOT_FOUND');
}

/** The client's endpoint description, without the trailing space it adds inside quotes. */
function endpointText(e: OfferedEndpoint): string {
  return `hostname: ${e.hostname}, transport: ${e.transport}, port: ${e.port}, gatewayType: NLB, ipVersion: IPv4, additionalEndpointAttributes:`;
}

class LogWriter {
  private readonly lines: string[] = [];
  private ms: number;
  private readonly version: string;
  private readonly eol: string;

  constructor(opts: FormatTraceAsLogOptions) {
    this.ms = opts.start === undefined ? Date.now() : new Date(opts.start).getTime();
    if (Number.isNaN(this.ms)) throw new RangeError(`formatTraceAsLog: invalid start time ${String(opts.start)}`);
    this.version = opts.clientVersion ?? '5.29.1.5595';
    this.eol = opts.eol ?? '\n';
  }

  entry(level: 'INF' | 'DBG' | 'WRN' | 'ERR', message: string): void {
    this.lines.push(`${new Date(this.ms).toISOString()} { Version: "${this.version}" }: [${level}] ${message}`);
  }

  continuation(text: string): void {
    this.lines.push(text);
  }

  pause(ms: number): void {
    this.ms += ms;
  }

  text(): string {
    return this.lines.map((l) => l + this.eol).join('');
  }
}

/** A UUID-shaped id derived from a name, so the same trace prints the same log. */
function stableUuid(name: string): string {
  const h = createHash('sha256').update(name).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
