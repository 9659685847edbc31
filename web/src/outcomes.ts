// How each outcome and severity looks: an icon and a short word beside the colour, never the colour alone.
import type { Outcome, StepStatus } from '../../src/workspaces/types.js';

export type Tone = 'ok' | 'bad' | 'warn' | 'unknown';

export interface OutcomeLook {
  icon: string;
  short: string;
  tone: Tone;
}

export const OUTCOME_LOOK: Record<Outcome, OutcomeLook> = {
  CONNECTED: { icon: '✓', short: 'OK', tone: 'ok' },
  REGISTRATION_FAILED: { icon: '⊘', short: 'REG', tone: 'bad' },
  AUTHENTICATION_FAILED: { icon: '⊘', short: 'AUTH', tone: 'bad' },
  DEVICE_NOT_AUTHORIZED: { icon: '⊘', short: 'DEV', tone: 'bad' },
  RESOURCE_NOT_FOUND: { icon: '∅', short: 'RNF', tone: 'bad' },
  NO_REACHABLE_ENDPOINT: { icon: '✗', short: 'NRE', tone: 'bad' },
  UNSUPPORTED_CONFIGURATION: { icon: '⚠', short: 'UNS', tone: 'warn' },
  UNKNOWN: { icon: '?', short: 'UNK', tone: 'unknown' },
};

export const STATUS_LOOK: Record<StepStatus, { icon: string; tone: Tone }> = {
  ok: { icon: '✓', tone: 'ok' },
  fail: { icon: '✗', tone: 'bad' },
  skipped: { icon: '–', tone: 'unknown' },
  unknown: { icon: '?', tone: 'unknown' },
};

export const SEVERITY_LOOK = {
  error: { icon: '✖', tone: 'bad' },
  warning: { icon: '▲', tone: 'warn' },
  info: { icon: 'ℹ', tone: 'unknown' },
} as const;
