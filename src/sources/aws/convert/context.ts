// What the conversion passes share: the model being filled, diagnostics, provenance, and the ids.
//
// Model ids come from names, as in a design file, so traces and `whatif` paths read `vpc1/endpoint-sg` rather than
// `vpc-0a1b…/sg-0c2d…`: a resource's `Name` tag (a security group's group name, a directory's name or alias),
// else its AWS id. Ids must not collide across accounts and Regions: where two resources of one namespace (the
// VPCs, or the subnets of one VPC, …) share a name, each of them is named by its AWS id instead. The AWS id stays
// in provenance (`originalId`) either way.
import type { Diagnostic } from '../../../diagnostics.js';
import type { Model, Provenance, SourceKind } from '../../../model/types.js';
import { describeError, diagnosticCode } from '../errors.js';
import type { Action } from '../actions.js';
import type { RawError, RawScope } from '../raw.js';

export interface Origin {
  source: Extract<SourceKind, 'aws' | 'snapshot'>;
  /** The snapshot file; undefined for a live read (provenance then names `aws:ACCOUNT/REGION`). */
  file?: string;
}

export function scopeLabel(s: Pick<RawScope, 'account' | 'region'>): string {
  return `${s.account || '(unknown account)'}/${s.region}`;
}

interface Entry {
  awsId: string;
  name: string | undefined;
}

/** AWS id → model id, per kind; names resolved once every resource of a namespace is known. */
export class IdRegistry {
  private readonly pending = new Map<string, Entry[]>();
  private readonly resolved = new Map<string, string>();

  /** Registers a resource of `kind` under `parent` (a VPC or TGW model id; '' for top-level ones). */
  add(kind: string, parent: string, awsId: string, name: string | undefined): void {
    const ns = `${kind}|${parent}`;
    const list = this.pending.get(ns) ?? [];
    if (!list.some((e) => e.awsId === awsId)) list.push({ awsId, name: clean(name) });
    this.pending.set(ns, list);
  }

  /** Settles the names of every namespace registered so far. */
  resolve(): void {
    for (const [ns, entries] of this.pending) {
      const [kind = '', parent = ''] = ns.split('|');
      const count = new Map<string, number>();
      for (const e of entries) if (e.name !== undefined) count.set(e.name, (count.get(e.name) ?? 0) + 1);
      const awsIds = new Set(entries.map((e) => e.awsId));
      for (const e of entries) {
        const unique = e.name !== undefined && count.get(e.name) === 1 && !awsIds.has(e.name);
        const local = unique ? (e.name as string) : e.awsId;
        this.resolved.set(`${kind}|${e.awsId}`, parent ? `${parent}/${local}` : local);
      }
    }
    this.pending.clear();
  }

  /** The model id of a resource that was read, or undefined. */
  get(kind: string, awsId: string | undefined): string | undefined {
    return awsId === undefined ? undefined : this.resolved.get(`${kind}|${awsId}`);
  }

  /** The model id when read; otherwise the AWS id itself, a reference the engine reports as not in the input. */
  ref(kind: string, awsId: string): string {
    return this.get(kind, awsId) ?? awsId;
  }
}

/** Names become id segments: a slash would split them, surrounding blanks would hide in output. */
function clean(name: string | undefined): string | undefined {
  const n = name?.trim().replace(/\//g, '-');
  return n ? n : undefined;
}

export function localName(id: string): string {
  return id.slice(id.lastIndexOf('/') + 1);
}

export class ConvertContext {
  readonly diagnostics: Diagnostic[] = [];
  readonly ids = new IdRegistry();

  constructor(
    readonly model: Model,
    readonly origin: Origin,
  ) {}

  fileOf(scope: Pick<RawScope, 'account' | 'region'>): string {
    return this.origin.file ?? `aws:${scope.account ? scopeLabel(scope) : scope.region}`;
  }

  prov(scope: Pick<RawScope, 'account' | 'region'>, awsId: string | undefined): Provenance {
    return {
      source: this.origin.source,
      file: this.fileOf(scope),
      ...(this.origin.file !== undefined ? { path: scopeLabel(scope) } : {}),
      ...(awsId !== undefined ? { originalId: awsId } : {}),
    };
  }

  warn(scope: Pick<RawScope, 'account' | 'region'>, code: string, message: string, field?: string): void {
    const where = this.origin.file !== undefined ? `${scopeLabel(scope)}: ` : '';
    this.diagnostics.push({
      severity: 'warning',
      code,
      file: this.fileOf(scope),
      ...(field !== undefined ? { field } : {}),
      message: `${where}${message}`,
    });
  }

  /** A read that failed: one warning naming the call, why, and what stays unknown because of it. */
  unread(scope: Pick<RawScope, 'account' | 'region'>, action: Action, err: RawError, consequence: string): void {
    this.warn(scope, diagnosticCode(err), `${describeError(err)}; ${consequence}`, action);
  }
}
