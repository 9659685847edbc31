// The names a prediction is stated in (contract.md, "Trace outcomes"): the engine answers with them and the intents
// of an `expect:` section are written in them, so both read them from here.

export const OUTCOMES = [
  'CONNECTED',
  'REGISTRATION_FAILED',
  'AUTHENTICATION_FAILED',
  'DEVICE_NOT_AUTHORIZED',
  'RESOURCE_NOT_FOUND',
  'NO_REACHABLE_ENDPOINT',
  'UNSUPPORTED_CONFIGURATION',
  'UNKNOWN',
] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** QUIC is DCV over UDP; UDP alone is PCoIP's streaming channel. */
export const TRANSPORTS = ['QUIC', 'TCP', 'UDP'] as const;
export type Transport = (typeof TRANSPORTS)[number];

export const STREAM_PATHS = ['privatelink', 'internet'] as const;
export type StreamPath = (typeof STREAM_PATHS)[number];
