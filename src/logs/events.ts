// The facts one log entry can state about a session. Each kind names the fixture it comes from; nothing here is
// invented: the exact message text of every kind was seen in /work/shared/fixtures/client-logs (seed 4-2, 4-3, 4-4).
// At run time every event object carries all the fields of UniformEvent (below); those its kind does not use are null.
import type { OfferedEndpoint, Transport } from '../workspaces/types.js';

interface EventBase {
  /** 1-based line number within the current file. */
  line: number;
  /** The entry's timestamp as written; for continuation lines, their entry's. */
  time: string;
  /** The client version from `{ Version: "…" }`, or null when the prefix has none. */
  version: string | null;
}

export type LogEvent = EventBase &
  (
    | /** 4-2: `[INF] Starting WSP session using SessionId: <id>, endpoints:` */
      {
        kind: 'session-start';
        id: string;
        protocol: string;
      } /** 4-2: the untimestamped `hostname: …` continuation lines of the entry above. */
    | { kind: 'start-endpoint'; endpoint: OfferedEndpoint } /** 4-2: `[INF] Initializing session: <id>` */
    | { kind: 'session-init'; id: string } /** 4-2, 4-3: `[INF] Supported endpoint: "<endpoint>", session ID: <id>` */
    | {
        kind: 'supported';
        id: string | null;
        endpoint: OfferedEndpoint;
      } /** 4-2: `[DBG] Reachable endpoints after probing:` */
    | { kind: 'probed-header' } /** 4-2: `[DBG] hostname: …` entries right after the header above. */
    | {
        kind: 'probed';
        endpoint: OfferedEndpoint;
      } /** 4-2: `[INF] Reachable endpoint: "<endpoint>", session ID: <id>` */
    | {
        kind: 'reachable';
        id: string | null;
        endpoint: OfferedEndpoint;
      } /** 4-3: `[WRN] No endpoints are reachable. A connection may not be able to be established.` */
    | {
        kind: 'none-reachable';
      } /** 4-2: `[INF] Attempting to establish connection to DCV WorkSpace endpoint "<endpoint>", session ID: <id>, …` */
    | {
        kind: 'attempt';
        id: string | null;
        endpoint: OfferedEndpoint;
        protocol: string | null;
      } /** 4-2: `[INF] Connecting WorkSpace using QUIC` */
    | {
        kind: 'connecting-using';
        transport: Transport;
      } /** 4-4: `[DBG] PerformResourceActionRequest Type: CONNECT, Protocol: PCOIP, Session-Id: <id>, Amzn-id: …` */
    | { kind: 'broker-request'; id: string | null; type: string; protocol: string | null } /**
     * 4-4: `[ERR] WorkSpacesClient…PerformResourceAction.AllocateResourceResponse Error. Code: RESOURCE_NOT_FOUND; …`
     * and `[ERR] Error while calling PerformResourceActionConnect: RESOURCE_NOT_FOUND`.
     */
    | { kind: 'broker-error'; code: string } /**
     * Not a client line: `[INF] wspl prediction: <OUTCOME> …`, written by wspl's own log writer (write.ts) where no
     * client line is known; `code` is the outcome.
     */
    | { kind: 'prediction'; code: string }
  );

export type LogEventKind = LogEvent['kind'];

/** The one shape every event object has at run time: the fields a kind does not use are null. */
export interface UniformEvent {
  kind: LogEventKind;
  line: number;
  time: string;
  version: string | null;
  id: string | null;
  endpoint: OfferedEndpoint | null;
  protocol: string | null;
  type: string | null;
  code: string | null;
  transport: string | null;
}
