// Request bodies the generator cannot see, named in a route's `detail` and written into the
// operation by finalize.ts: a multipart body whose route parses the form itself (a `parse`
// function the generator skips), and a second JSON spelling a `transform` hook rewrites into
// the route's own body before validation.
import type { DocumentDecoration, TSchema } from "elysia";

export const FORM_BODY_EXTENSION = "x-form-body";
export const JSON_ALTERNATIVE_EXTENSION = "x-json-body-alternative";

/** The route's multipart body, spread into its `detail`. */
export function formBody(schema: TSchema): Partial<DocumentDecoration> {
  return { [FORM_BODY_EXTENSION]: schema } as Partial<DocumentDecoration>;
}

/** Another JSON body the route takes besides its own (the document shows `oneOf` the two). */
export function jsonBodyAlternative(schema: TSchema): Partial<DocumentDecoration> {
  return { [JSON_ALTERNATIVE_EXTENSION]: schema } as Partial<DocumentDecoration>;
}
