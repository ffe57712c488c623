import fc from 'fast-check';
import * as v from 'valibot';

/**
 * Valid values for a valibot schema, derived from the schema itself, so every message type
 * added to MESSAGE_SCHEMAS gets fuzzed without a hand-written sample. Covers the schema kinds
 * and pipe actions the contract uses; anything else falls back to arbitrary JSON, and the
 * result is always filtered through the schema, so what it yields is valid by construction.
 */

type AnySchema = v.GenericSchema & {
  type: string;
  pipe?: readonly { kind: string; type: string; requirement?: unknown }[];
  entries?: Record<string, AnySchema>;
  wrapped?: AnySchema;
  options?: readonly unknown[];
  item?: AnySchema;
  literal?: unknown;
};

function actionsOf(schema: AnySchema): { type: string; requirement?: unknown }[] {
  return (schema.pipe ?? []).slice(1).filter((action) => action.kind === 'validation');
}

function requirement(schema: AnySchema, type: string): unknown {
  return actionsOf(schema).find((action) => action.type === type)?.requirement;
}

function stringArbitrary(schema: AnySchema): fc.Arbitrary<string> {
  const max = (requirement(schema, 'max_length') as number | undefined) ?? 200;
  const min = (requirement(schema, 'min_length') as number | undefined) ?? 0;
  const pattern = requirement(schema, 'regex') as RegExp | undefined;
  if (requirement(schema, 'email') !== undefined) {
    return fc.emailAddress().filter((email) => email.length <= max && v.is(schema, email));
  }
  if (pattern) return fc.stringMatching(pattern, { size: 'small' }).filter((value) => value.length <= max);
  return fc.string({ minLength: Math.max(min, 0), maxLength: Math.min(max, 60), unit: 'grapheme' });
}

function numberArbitrary(schema: AnySchema): fc.Arbitrary<number> {
  const min = (requirement(schema, 'min_value') as number | undefined) ?? -1e9;
  const max = (requirement(schema, 'max_value') as number | undefined) ?? 1e9;
  return actionsOf(schema).some((action) => action.type === 'integer')
    ? fc.integer({ min: Math.ceil(min), max: Math.floor(max) })
    : fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
}

function base(schema: AnySchema): fc.Arbitrary<unknown> {
  switch (schema.type) {
    case 'string':
      return stringArbitrary(schema);
    case 'number':
      return numberArbitrary(schema);
    case 'boolean':
      return fc.boolean();
    case 'literal':
      return fc.constant(schema.literal);
    case 'picklist':
    case 'enum':
      return fc.constantFrom(...(schema.options ?? [undefined]));
    case 'optional':
    case 'exact_optional':
    case 'undefinedable':
      return fc.option(validArbitrary(schema.wrapped as AnySchema), { nil: undefined });
    case 'nullable':
    case 'nullish':
      return fc.option(validArbitrary(schema.wrapped as AnySchema), { nil: null });
    case 'array': {
      const max = (requirement(schema, 'max_length') as number | undefined) ?? 5;
      return fc.array(validArbitrary(schema.item as AnySchema), { maxLength: Math.min(max, 5) });
    }
    case 'object':
    case 'strict_object':
    case 'loose_object': {
      const entries = Object.entries(schema.entries ?? {});
      return fc
        .tuple(...entries.map(([, entry]) => validArbitrary(entry)))
        .map((values) =>
          Object.fromEntries(
            entries.map(([key], index) => [key, values[index]]).filter(([, value]) => value !== undefined),
          ),
        );
    }
    case 'union':
    case 'variant':
      return fc.oneof(...((schema.options ?? []) as AnySchema[]).map((option) => validArbitrary(option)));
    default:
      return fc.jsonValue();
  }
}

/** Values that pass `schema` (filtered through it, so a rare miss is retried, never yielded). */
export function validArbitrary(schema: v.GenericSchema): fc.Arbitrary<unknown> {
  return base(schema as AnySchema).filter((value) => v.is(schema, value));
}

/** The keys an object schema (possibly piped) declares, for near-valid mutations. */
export function entriesOf(schema: v.GenericSchema): Record<string, v.GenericSchema> {
  return ((schema as AnySchema).entries ?? {}) as Record<string, v.GenericSchema>;
}

type Path = (string | number)[];

function pathsOf(value: unknown, prefix: Path = []): Path[] {
  if (value === null || typeof value !== 'object') return [prefix];
  const keys = Array.isArray(value) ? value.map((_, index) => index) : Object.keys(value);
  return [prefix, ...keys.flatMap((key) => pathsOf((value as Record<string, unknown>)[key], [...prefix, key]))];
}

function setAt(value: unknown, path: Path, replacement: unknown, remove = false): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path as [string | number, ...Path];
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string | number, unknown>;
  if (rest.length === 0 && remove) Reflect.deleteProperty(copy, head);
  // defineProperty, as structured clone does: `__proto__` becomes an own key, not the prototype.
  else
    Object.defineProperty(copy, head, {
      value: setAt(copy[head], rest, replacement, remove),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  return copy;
}

/** Hostile and boundary values a mutation may drop in at any path. */
export const NASTY_VALUES: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '\u200B',
    '\u202Eevil',
    'javascript:alert(1)',
    '<img src=x onerror=alert(1)>',
    '__proto__',
    'constructor',
    'https://www.linkedin.com/in/x/',
    'x'.repeat(101),
    'x'.repeat(2049),
    'x'.repeat(20_001),
    -1,
    0,
    Number.MAX_SAFE_INTEGER,
    Number.NaN,
    Infinity,
    null,
    true,
    [],
    {},
    { __proto__: { polluted: true } },
  ),
  fc.jsonValue({ maxDepth: 3 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
);

/**
 * Near-valid payloads: a valid one with one thing wrong — a value replaced, a key removed, an
 * unknown key added (including `__proto__`/`constructor`), or a string stretched past its limit.
 */
export function nearValidArbitrary(schema: v.GenericSchema, pool = validPool(schema)): fc.Arbitrary<unknown> {
  return fc.constantFrom(...pool).chain((valid) => {
    const paths = pathsOf(valid);
    return fc.oneof(
      fc.tuple(fc.constantFrom(...paths), NASTY_VALUES).map(([path, nasty]) => setAt(valid, path, nasty)),
      fc
        .constantFrom(...paths.filter((path) => path.length > 0).concat([[]]))
        .map((path) => (path.length === 0 ? undefined : setAt(valid, path, undefined, true))),
      fc
        .tuple(
          fc.constantFrom(...paths),
          fc.oneof(fc.constantFrom('__proto__', 'constructor', 'prototype', 'extra'), fc.string()),
          NASTY_VALUES,
        )
        .map(([path, key, nasty]) => setAt(valid, [...path, key], nasty)),
    );
  });
}

/**
 * A fixed pool of valid payloads, drawn once: deriving each run's payload from the schema is
 * slow for regex and email fields, and mutating a pooled one finds the same boundaries.
 */
export function validPool(schema: v.GenericSchema, size = 300, seed = 1): unknown[] {
  return fc.sample(validArbitrary(schema), { numRuns: size, seed });
}
