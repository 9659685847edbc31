// Rules get a deep-frozen copy of the model: a rule that tries to change it throws (and becomes an internal-error
// finding) instead of silently affecting the rules that run after it. The caller's model is never frozen.

export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}

export function frozenCopy<T>(value: T): T {
  return deepFreeze(structuredClone(value));
}
