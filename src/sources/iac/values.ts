// Values read from a template or a plan before anything is deployed. Three things can stand where a setting goes:
// a known value; a link to another resource of the input (its id is not known yet, but which resource it is, is); or
// Unknown, with the reason no one can know it before deployment (an SSM parameter, an import from a stack not given,
// an attribute AWS assigns). Unknown is never replaced by a guess: it becomes `undefined` in the model, or a
// diagnostic when the model cannot do without it.

export class Unknown {
  constructor(readonly why: string) {}
}

/** A link to a resource of the input by its key (logical id, Terraform address), and which attribute of it. */
export class ResourceRef {
  constructor(
    readonly key: string,
    /** Undefined for a plain Ref (or a Terraform reference to the resource's id). */
    readonly attribute?: string,
  ) {}
}

export type Value = string | number | boolean | null | Unknown | ResourceRef | Value[] | { [key: string]: Value };

/** Where a setting points: a resource of the input, an AWS id or ARN the input does not define, or unknown. */
export type Link = ResourceRef | { aws: string } | Unknown;

export function isUnknown(v: unknown): v is Unknown {
  return v instanceof Unknown;
}

export function isRef(v: unknown): v is ResourceRef {
  return v instanceof ResourceRef;
}

export function isPlainMap(v: unknown): v is Record<string, Value> {
  return (
    v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Unknown) && !(v instanceof ResourceRef)
  );
}

/** A value as a link: a reference stays one, a string is an AWS id, anything else cannot point anywhere. */
export function toLink(v: Value | undefined): Link | undefined {
  if (v === undefined || v === null) return undefined;
  if (v instanceof ResourceRef || v instanceof Unknown) return v;
  if (typeof v === 'string') return { aws: v };
  return new Unknown(`${JSON.stringify(v)} is not a resource id`);
}

/** The first unknown inside a value (lists and maps searched too), to say why a whole value is not known. */
export function firstUnknown(v: Value): Unknown | undefined {
  if (v instanceof Unknown) return v;
  if (Array.isArray(v)) {
    for (const x of v) {
      const u = firstUnknown(x);
      if (u) return u;
    }
  } else if (isPlainMap(v)) {
    for (const x of Object.values(v)) {
      const u = firstUnknown(x);
      if (u) return u;
    }
  }
  return undefined;
}
