// Building blocks the resource schemas share. TypeBox is the library Elysia's `t` wraps, at the
// same version, so these schemas go into control's routes as they are.
import { Kind, type SchemaOptions, type TSchema, type TUnsafe, Type, TypeRegistry } from "@sinclair/typebox";

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

/** Request and resource objects name every field they take: anything else is refused. */
export const STRICT = { additionalProperties: false } as const;

/** A free-form JSON object (`metadata`, a tool's `parameters`): any fields. */
export const JsonObject = (options: SchemaOptions = {}) =>
  Type.Record(Type.String(), Type.Unknown(), options);

export const DateTime = (options: SchemaOptions = {}) => Type.String({ ...options, format: "date-time" });
