// Reading raw answers defensively: a snapshot may have been edited by hand or an answer may be half there, so every
// field is read through a typed accessor that gives undefined rather than throwing. The index finds the pages of an
// action in a scope, and says whether that action failed.
import type { Action } from '../actions.js';
import type { RawCall, RawError, RawScope } from '../raw.js';

export type Obj = Record<string, unknown>;

export function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function str(o: Obj | undefined, key: string): string | undefined {
  const v = o?.[key];
  return typeof v === 'string' ? v : undefined;
}

export function bool(o: Obj | undefined, key: string): boolean | undefined {
  const v = o?.[key];
  return typeof v === 'boolean' ? v : undefined;
}

export function num(o: Obj | undefined, key: string): number | undefined {
  const v = o?.[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

export function obj(o: Obj | undefined, key: string): Obj | undefined {
  const v = o?.[key];
  return isObj(v) ? v : undefined;
}

export function objs(o: Obj | undefined, key: string): Obj[] {
  const v = o?.[key];
  return Array.isArray(v) ? v.filter(isObj) : [];
}

export function strs(o: Obj | undefined, key: string): string[] {
  const v = o?.[key];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

/** The `Name` tag, trimmed; undefined when absent or blank. */
export function nameTag(o: Obj): string | undefined {
  const tag = objs(o, 'Tags').find((t) => str(t, 'Key') === 'Name');
  const v = str(tag, 'Value')?.trim();
  return v ? v : undefined;
}

export class ScopeIndex {
  private readonly byAction = new Map<string, RawCall[]>();

  constructor(readonly scope: RawScope) {
    for (const c of Array.isArray(scope.calls) ? scope.calls : []) {
      if (!isObj(c) || typeof c.action !== 'string') continue;
      const list = this.byAction.get(c.action) ?? [];
      list.push(c);
      this.byAction.set(c.action, list);
    }
  }

  calls(action: Action, match?: Obj): RawCall[] {
    const all = this.byAction.get(action) ?? [];
    if (!match) return all;
    return all.filter((c) => Object.entries(match).every(([k, v]) => isObj(c.input) && c.input[k] === v));
  }

  /** Every item under `key` across the pages of the action's calls (optionally only calls asking about `match`). */
  items(action: Action, key: string, match?: Obj): Obj[] {
    return this.calls(action, match).flatMap((c) =>
      (Array.isArray(c.pages) ? c.pages : []).flatMap((p) => objs(p, key)),
    );
  }

  /** Pages of the first call asking about `match` (for per-resource calls answered in one piece). */
  page(action: Action, match: Obj): Obj | undefined {
    const pages = this.calls(action, match)[0]?.pages;
    return Array.isArray(pages) && isObj(pages[0]) ? pages[0] : undefined;
  }

  /**
   * Why the action's answer is incomplete: the scope could not be read, the call was never made, or it (or a later
   * page) failed. Undefined when it answered in full.
   */
  failure(action: Action, match?: Obj): RawError | undefined {
    if (this.scope.error) return this.scope.error;
    const calls = this.calls(action, match);
    if (calls.length === 0) return { code: 'NotRead', message: `${action} was not called` };
    return calls.find((c) => c.error)?.error;
  }
}
