// The probe's default timeout: the CLI names it in its help before the probe's modules load.
export const DEFAULT_TIMEOUT_MS = 1500;
