// The raw answers of a live read, exactly as the SDK returned them: what a snapshot file stores and what the
// conversion to the model reads. The live path and the snapshot path share this shape, so a snapshot replays the
// same conversion offline.
import type { Action } from './actions.js';

/** Why a call (or a later page of it) gave no answer. Never holds credentials (errors.ts scrubs messages). */
export interface RawError {
  code: string;
  message: string;
  /** The page that failed (0 for the first request). */
  page?: number;
  /** For a scope that could not be entered: the call that failed (`sts:AssumeRole`), when one was made. */
  action?: string;
}

export interface RawCall {
  /** IAM action name, `ec2:DescribeVpcs`. */
  action: Action;
  /** The request without paging fields (for per-resource calls: which resource it asked about). */
  input: Record<string, unknown>;
  /** The answers, one per page, as the SDK returned them (without `$metadata`). */
  pages: Record<string, unknown>[];
  error?: RawError;
}

/** One account in one Region. */
export interface RawScope {
  account: string;
  region: string;
  calls: RawCall[];
  /** Set when nothing of the scope could be read (no credentials for the account, the Region not enabled). */
  error?: RawError;
}

export const SNAPSHOT_FORMAT = 1;

export interface RawSnapshot {
  /** Marks the file as a wspl snapshot and gives its format version. */
  wsplSnapshot: typeof SNAPSHOT_FORMAT;
  createdAt: string;
  wsplVersion: string;
  accounts: string[];
  regions: string[];
  /** True when account ids, public addresses and names were replaced (`--redact`). */
  redacted: boolean;
  scopes: RawScope[];
  /** Every call or scope that failed, and why: the same facts as the `error` fields, listed once for readers. */
  failures: { account: string; region: string; action?: string; code: string; message: string }[];
}

export function failuresOf(scopes: readonly RawScope[]): RawSnapshot['failures'] {
  const out: RawSnapshot['failures'] = [];
  for (const s of scopes) {
    if (s.error)
      out.push({
        account: s.account,
        region: s.region,
        ...(s.error.action !== undefined ? { action: s.error.action } : {}),
        code: s.error.code,
        message: s.error.message,
      });
    for (const c of s.calls) {
      if (c.error)
        out.push({
          account: s.account,
          region: s.region,
          action: c.action,
          code: c.error.code,
          message: c.error.message,
        });
    }
  }
  return out;
}
