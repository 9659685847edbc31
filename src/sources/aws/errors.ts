// What went wrong with a call, in words and a stable code, and never with a credential in it: AWS and the SDK
// sometimes echo an access key id or a signature in their messages, so every message passes through `scrub`.
import type { RawError } from './raw.js';

/** Access key ids (AKIA… long-term, ASIA… temporary), session tokens and signatures that a message might quote. */
const SECRETS: [RegExp, string][] = [
  [/\b(AKIA|ASIA|AIDA|AROA)[A-Z0-9]{12,}\b/g, '<redacted key id>'],
  [/(X-Amz-Security-Token|SessionToken|SecretAccessKey|Signature)([=:"\s]+)[A-Za-z0-9+/=%._-]{8,}/gi, '$1$2<redacted>'],
];

export function scrub(text: string): string {
  let out = text;
  for (const [pattern, replacement] of SECRETS) out = out.replace(pattern, replacement);
  return out;
}

const ACCESS_DENIED = new Set([
  'AccessDenied',
  'AccessDeniedException',
  'UnauthorizedOperation',
  'UnauthorizedAccess',
  'AuthFailure',
  'UnrecognizedClientException',
  'InvalidClientTokenId',
  'ExpiredToken',
  'ExpiredTokenException',
  'OptInRequired',
]);

const THROTTLED = new Set([
  'Throttling',
  'ThrottlingException',
  'RequestLimitExceeded',
  'TooManyRequestsException',
  'RequestThrottled',
  'RequestThrottledException',
  'SlowDown',
]);

const NETWORK = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ECONNRESET', 'ETIMEDOUT', 'TimeoutError']);

export type ErrorKind =
  'access-denied' | 'throttled' | 'unreachable' | 'bad-answer' | 'no-credentials' | 'not-read' | 'error';

export function kindOf(code: string): ErrorKind {
  if (ACCESS_DENIED.has(code)) return 'access-denied';
  if (THROTTLED.has(code)) return 'throttled';
  if (NETWORK.has(code)) return 'unreachable';
  if (code === 'CredentialsProviderError') return 'no-credentials';
  if (code === 'BadAnswer' || code === 'SyntaxError') return 'bad-answer';
  if (code === 'NotRead') return 'not-read';
  return 'error';
}

interface SdkErrorLike {
  name?: unknown;
  code?: unknown;
  message?: unknown;
  $metadata?: { httpStatusCode?: unknown };
  $response?: unknown;
}

/**
 * A thrown SDK error as a RawError. An answer the SDK could not parse (malformed XML or JSON) becomes `BadAnswer`, so
 * it reads as what it is rather than as a JavaScript exception name.
 */
export function toRawError(e: unknown, page?: number): RawError {
  const err = (typeof e === 'object' && e !== null ? e : {}) as SdkErrorLike;
  const name = typeof err.name === 'string' ? err.name : 'Error';
  const sysCode = typeof err.code === 'string' ? err.code : undefined;
  const message = typeof err.message === 'string' ? err.message : String(e);
  const status = typeof err.$metadata?.httpStatusCode === 'number' ? err.$metadata.httpStatusCode : undefined;
  let code = sysCode && NETWORK.has(sysCode) ? sysCode : name;
  let text = message;
  if (
    name === 'SyntaxError' ||
    /Deserialization error|Expected .* but|Unexpected token|not valid JSON/i.test(message)
  ) {
    code = 'BadAnswer';
    text = `the answer could not be parsed (${message.split('\n')[0] ?? ''})`;
  } else if (code === 'Error' || code === 'UnknownError') {
    code = status !== undefined ? `HTTP${status}` : 'Error';
  }
  return { code, message: scrub(text).slice(0, 500), ...(page !== undefined ? { page } : {}) };
}

/** A short phrase for a diagnostic: "access denied (UnauthorizedOperation)". */
export function describeError(err: RawError): string {
  const kind = kindOf(err.code);
  const what =
    kind === 'access-denied'
      ? 'access denied'
      : kind === 'throttled'
        ? 'still throttled after every retry'
        : kind === 'unreachable'
          ? 'AWS could not be reached'
          : kind === 'bad-answer'
            ? 'the answer was not readable'
            : kind === 'no-credentials'
              ? 'no AWS credentials'
              : kind === 'not-read'
                ? 'not in the answers read'
                : 'failed';
  return `${what} (${err.code}${err.message ? `: ${err.message}` : ''})`;
}

/** Stable diagnostic code for a failed read. */
export function diagnosticCode(err: RawError): string {
  return `aws-${kindOf(err.code)}`;
}
