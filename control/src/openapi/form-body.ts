// A multipart body whose route parses the form itself (a `parse` function, which the generator
// cannot read) is named here, in the route's `detail`; finalize.ts writes it into the
// operation's requestBody as `multipart/form-data`.
import type { DocumentDecoration, TSchema } from "elysia";

export const FORM_BODY_EXTENSION = "x-form-body";

/** The route's multipart body, spread into its `detail`. */
export function formBody(schema: TSchema): Partial<DocumentDecoration> {
  return { [FORM_BODY_EXTENSION]: schema } as Partial<DocumentDecoration>;
}
