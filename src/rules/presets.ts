// Presets are data: a preset maps a rule's default severity to the one it reports with. `recommended` keeps the
// contract's defaults; `strict` treats every warning as an error and surfaces info as warnings (for CI gates that
// want nothing left open).
import type { Severity } from './types.js';

export interface Preset {
  name: string;
  description: string;
  /** Default severity → reported severity. Missing entries keep the default. */
  raise: Partial<Record<Severity, Severity>>;
}

export const PRESETS = {
  recommended: {
    name: 'recommended',
    description: 'the severities of the contract: errors break streaming, warnings are risks, info is context',
    raise: {},
  },
  strict: {
    name: 'strict',
    description: 'warnings become errors and info becomes warnings',
    raise: { warning: 'error', info: 'warning' },
  },
} as const satisfies Record<string, Preset>;

export type PresetName = keyof typeof PRESETS;
export const PRESET_NAMES = Object.keys(PRESETS) as PresetName[];

export function isPresetName(name: string): name is PresetName {
  return Object.hasOwn(PRESETS, name);
}

export function applyPreset(preset: Preset, severity: Severity): Severity {
  return preset.raise[severity] ?? severity;
}
