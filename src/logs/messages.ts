// The message texts the parser looks for, byte for byte. Every one is copied from the seed's real client logs
// (test/logs/seed-4-2…, seed-4-3…, seed-4-4…); none is guessed.

const bytes = (s: string): Uint8Array => Buffer.from(s, 'latin1');
export const STARTING_SESSION = bytes('Starting ');
export const SESSION_ID_LABEL = bytes('SessionId: ');
export const SUPPORTED = bytes('Supported endpoint: ');
export const INITIALIZING = bytes('Initializing session: ');
export const PERFORM_REQUEST = bytes('PerformResourceActionRequest ');
export const PROBED_HEADER = bytes('Reachable endpoints after probing:');
export const REACHABLE = bytes('Reachable endpoint: ');
export const HOSTNAME = bytes('hostname: ');
export const NONE_REACHABLE = bytes('No endpoints are reachable');
export const ATTEMPT = bytes('Attempting to establish connection to ');
export const CONNECTING_USING = bytes('Connecting WorkSpace using ');
export const ERROR_WHILE_CALLING = bytes('Error while calling PerformResourceAction');
export const VERSION_LABEL = bytes('{ Version: "');
export const DCV = bytes('DCV ');
export const SESSION_ID_BYTES = bytes('session ID: ');
export const PERFORM_ACTION = bytes('PerformResourceAction');
export const CODE_LABEL = bytes('Code: ');
export const COLON_SPACE = bytes(': ');

/** Not a client line: the entry wspl's own log writer (write.ts) puts where no client line is known. */
export const WSPL_PREDICTION = bytes('wspl prediction: ');

export const TYPE_LABEL = bytes('Type: ');
export const PROTOCOL_LABEL = bytes('Protocol: ');
export const SESSION_ID_DASHED = bytes('Session-Id: ');

/** Where the value after the first `label` in `buf[from, end)` starts, or -1. */
export function valueStart(buf: Buffer, label: Uint8Array, from: number, end: number): number {
  const at = buf.indexOf(label, from);
  return at === -1 || at + label.length > end ? -1 : at + label.length;
}

/** Where a value that starts at `from` ends: at a comma, semicolon, quote, space, closing parenthesis or `end`. */
export function valueEnd(buf: Buffer, from: number, end: number): number {
  let i = from;
  while (i < end) {
    const b = buf[i];
    if (b === 44 || b === 59 || b === 34 || b === 32 || b === 41) break;
    i++;
  }
  return i;
}

/** The offset of the next double quote in `buf[from, end)`, or -1. */
export function quoteEnd(buf: Buffer, from: number, end: number): number {
  const q = buf.indexOf(34, from);
  return q === -1 || q >= end ? -1 : q;
}
