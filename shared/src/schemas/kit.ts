// Building blocks the resource schemas share. TypeBox is the library Elysia's `t` wraps, at the
// same version, so these schemas go into control's routes as they are.
import {
  CloneType,
  Kind,
  type SchemaOptions,
  type TSchema,
  type TUnsafe,
  Type,
  TypeRegistry,
} from "@sinclair/typebox";

const STRING_ENUM = "StringEnum";

// A string that is one of a fixed list, written as JSON Schema `enum` (TypeBox's documented
// custom-kind idiom) rather than a union of literals, so documents and errors list the values.
if (!TypeRegistry.Has(STRING_ENUM)) {
  TypeRegistry.Set<{ enum: readonly unknown[] }>(STRING_ENUM, (schema, value) => schema.enum.includes(value));
}

export function StringEnum<const Values extends readonly string[]>(
  values: Values,
  options: SchemaOptions = {},
): TUnsafe<Values[number]> {
  return Type.Unsafe<Values[number]>({ ...options, [Kind]: STRING_ENUM, type: "string", enum: [...values] });
}

/** The value or `null`. */
export const Nullable = <T extends TSchema>(schema: T, options: SchemaOptions = {}) =>
  Type.Union([schema, Type.Null()], options);

/** An object that names every field it takes: anything else is refused. */
export const STRICT = { additionalProperties: false } as const;

function close(schema: TSchema): void {
  if (schema[Kind] === "Object") {
    schema.additionalProperties ??= false;
    for (const property of Object.values(schema.properties as Record<string, TSchema>)) close(property);
  }
  for (const branches of [schema.anyOf, schema.allOf, schema.oneOf])
    if (Array.isArray(branches)) for (const branch of branches) close(branch);
  if (schema.items && !Array.isArray(schema.items)) close(schema.items);
}

/**
 * `schema` as a request body takes it: every object in it is closed (STRICT), so a field it does
 * not have is refused. Free-form maps (records such as `metadata`) stay open. Resources keep their
 * objects open, so fields stored before they were declared do not break a response.
 */
export function Strict<T extends TSchema>(schema: T): T {
  const copy = CloneType(schema);
  close(copy);
  return copy;
}

/** A free-form JSON object (`metadata`, a tool's `parameters`): any fields. */
export const JsonObject = (options: SchemaOptions = {}) =>
  Type.Record(Type.String(), Type.Unknown(), options);

export const DateTime = (options: SchemaOptions = {}) => Type.String({ ...options, format: "date-time" });
