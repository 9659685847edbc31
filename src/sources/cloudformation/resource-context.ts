// What a resource adapter receives: the resource's evaluated properties, its provenance, and helpers to emit the
// graph resources it stands for with the stack's account and Region.
import type { Provenance, SourcePosition } from '../../model/types.js';
import type { RawResource } from '../iac/graph.js';
import type { DocSink } from '../iac/sink.js';
import type { Props } from './props.js';
import type { TemplateResource } from './template.js';

/** Distributes Omit over the union, so each kind keeps its own fields. */
type Without<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
export type RawBody = Without<RawResource, 'key' | 'name' | 'account' | 'region' | 'prov'>;

export interface ResourceContext {
  resource: TemplateResource;
  props: Props;
  prov: Provenance;
  key: string;
  name: string;
  account: string;
  region: string;
  sink: DocSink;
  /** The graph key of another resource of the same template. */
  keyOf(logicalId: string): string | undefined;
  emit(body: RawBody, suffix?: string, prov?: Provenance): void;
  /** A provenance for a part of the resource (an inline rule) at its own position. */
  partProv(position: SourcePosition | undefined, path: string): Provenance;
  /** Marks a model field as filled with CloudFormation's default rather than written. */
  defaulted(field: string): void;
}
