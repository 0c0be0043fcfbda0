// What the route schemas cannot say, added to the generated document in one place: the error
// responses every route of its kind gives (as problem+json, with their codes), Idempotency-Key
// on POST, the rate-limit headers on 429, and the request examples. It also corrects what
// @elysiajs/openapi gets wrong: schemas OpenAPI 3.1 does not allow (normalizeSchema) and
// optional request bodies marked required (optionalBodies).
import { ApiError } from "@switchboard/shared/errors";
import { routeRole } from "../http/route-roles.ts";
import { REQUEST_EXAMPLES } from "./examples.ts";
import {
  PROBLEM_CODES,
  PROBLEMS_EXTENSION,
  type ProblemCode,
  type ProblemCodeName,
  type RouteProblem,
} from "./problems.ts";
import { FORM_BODY_EXTENSION, JSON_ALTERNATIVE_EXTENSION } from "./request-bodies.ts";

type Json = Record<string, unknown>;

const API_PREFIX = "/api/v1";
const ADMIN_PREFIX = `${API_PREFIX}/admin/`;
const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];
const PROBLEM_JSON = "application/problem+json";
const RATE_LIMIT_HEADERS = ["RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset", "RateLimit-Policy"];

const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);

type Scope = "public" | "tenant" | "admin";

function scopeOf(path: string): Scope {
  if (path.startsWith(ADMIN_PREFIX)) return "admin";
  return path.startsWith(`${API_PREFIX}/`) ? "tenant" : "public";
}

/** POST routes whose Idempotency-Key is replayed (control/src/app.ts, admin/pipeline.ts). */
function takesIdempotencyKey(scope: Scope, path: string): boolean {
  if (scope === "tenant") return true;
  return scope === "admin" && /^\/api\/v1\/admin\/orgs\/\{[^}]+\}\/[^/]+$/.test(path);
}

// Elysia coerces numbers and booleans sent as strings (query strings, form bodies); the generator
// shows that as `anyOf: [{type: "string", format: "integer", default: 0}, {type: "integer"}]`,
// whose `default` does not fit its branch. A JSON client sends the typed value: keep that branch.
function coercedBranch(anyOf: unknown[]): Json | null {
  if (anyOf.length !== 2) return null;
  const [text, typed] = anyOf;
  if (!isObject(text) || !isObject(typed) || text.type !== "string") return null;
  const coercible = ["integer", "number", "boolean"];
  if (typeof typed.type !== "string" || !coercible.includes(typed.type)) return null;
  return ["integer", "numeric", "boolean"].includes(String(text.format)) ? typed : null;
}

function acceptsNull(schema: Json): boolean {
  if (schema.type === "null" || (Array.isArray(schema.type) && schema.type.includes("null"))) return true;
  return (
    Array.isArray(schema.anyOf) && schema.anyOf.some((branch) => isObject(branch) && acceptsNull(branch))
  );
}

const SCHEMA_MAPS = ["properties", "patternProperties", "$defs"];
const SCHEMA_LISTS = ["anyOf", "oneOf", "allOf", "prefixItems"];
const SCHEMA_VALUES = ["items", "additionalProperties", "not", "contains", "propertyNames"];

/**
 * A 3.1 schema: Elysia's `t.Nullable` leaves the 3.0 keyword `nullable: true` beside the type
 * list it also writes, and a nullable schema is a type list (`["string", "null"]`) rather than
 * an `anyOf` with `{type: "null"}` wherever the other branch is a plain type.
 */
function normalizeSchema(input: unknown): unknown {
  if (!isObject(input)) return input;
  let schema: Json = { ...input };
  for (const key of SCHEMA_MAPS) {
    const map = schema[key];
    if (isObject(map))
      schema[key] = Object.fromEntries(
        Object.entries(map).map(([name, child]) => [name, normalizeSchema(child)]),
      );
  }
  for (const key of SCHEMA_LISTS) {
    const list = schema[key];
    if (Array.isArray(list)) schema[key] = list.map(normalizeSchema);
  }
  for (const key of SCHEMA_VALUES) if (isObject(schema[key])) schema[key] = normalizeSchema(schema[key]);

  if (Array.isArray(schema.anyOf)) {
    const typed = coercedBranch(schema.anyOf);
    if (typed) {
      const { anyOf: _, ...rest } = schema;
      schema = { ...rest, ...typed };
    }
  }
  if (Array.isArray(schema.anyOf)) {
    const others = schema.anyOf.filter((branch) => !(isObject(branch) && branch.type === "null"));
    const [only] = others;
    const nullable = others.length === 1 && others.length < schema.anyOf.length;
    if (nullable && isObject(only) && typeof only.type === "string" && !("anyOf" in only)) {
      const { anyOf: _, ...rest } = schema;
      schema = { ...rest, ...only, type: [only.type, "null"] };
      if (Array.isArray(schema.enum) && !schema.enum.includes(null)) schema.enum = [...schema.enum, null];
    }
  }
  if ("nullable" in schema) {
    const { nullable, ...rest } = schema;
    schema = nullable === true && !acceptsNull(rest) ? { anyOf: [rest, { type: "null" }] } : rest;
  }
  // An `enum` beside a type list that allows null would still refuse the null.
  if (Array.isArray(schema.enum) && Array.isArray(schema.type) && schema.type.includes("null"))
    if (!schema.enum.includes(null)) schema.enum = [...schema.enum, null];
  // A `const` beside a type list that allows null would still refuse the null.
  if ("const" in schema && Array.isArray(schema.type) && schema.type.includes("null")) {
    const { const: value, ...rest } = schema;
    schema = { ...rest, enum: [value, null] };
  }
  return schema;
}

function normalizeContent(content: unknown): void {
  if (!isObject(content)) return;
  for (const media of Object.values(content))
    if (isObject(media)) media.schema = normalizeSchema(media.schema);
}

// The generator's description of a success response without one of its own.
const GENERATED_DESCRIPTION = /^Response for status (\d+)$/;
const SUCCESS: Record<string, string> = {
  "200": "OK.",
  "201": "Created.",
  "202": "Accepted.",
  "204": "No content.",
};

function normalizeOperation(operation: Json): void {
  if (Array.isArray(operation.parameters))
    for (const parameter of operation.parameters)
      if (isObject(parameter)) parameter.schema = normalizeSchema(parameter.schema);
  if (isObject(operation.requestBody)) normalizeContent(operation.requestBody.content);
  if (isObject(operation.responses)) {
    for (const response of Object.values(operation.responses)) {
      if (!isObject(response)) continue;
      const status = GENERATED_DESCRIPTION.exec(String(response.description))?.[1];
      if (status && SUCCESS[status]) response.description = SUCCESS[status];
      normalizeContent(response.content);
      if (isObject(response.headers))
        for (const header of Object.values(response.headers))
          if (isObject(header)) header.schema = normalizeSchema(header.schema);
    }
  }
}

/** A code an operation answers with, at the status it gives it. */
interface Answer {
  code: ProblemCodeName;
  status: number;
}

/** Its components/examples name: the code, suffixed by the status where a route overrides it. */
const exampleName = ({ code, status }: Answer) =>
  status === PROBLEM_CODES[code].status ? code : `${code}_${status}`;

/** The codes an operation can answer with: its kind's, and the ones its route names. */
function answers(path: string, method: string, operation: Json): Answer[] {
  const scope = scopeOf(path);
  const codes = new Map<ProblemCodeName, number>();
  const add = (code: ProblemCodeName, status: number = PROBLEM_CODES[code].status) => {
    if (!codes.has(code)) codes.set(code, status);
  };
  const own = operation[PROBLEMS_EXTENSION];
  for (const entry of Array.isArray(own) ? (own as RouteProblem[]) : []) {
    if (typeof entry === "string") add(entry);
    else add(entry[0], entry[1]);
  }
  // Every request's path, query and body are checked before routing (http/text-safety.ts).
  add("invalid_character");
  add("invalid_encoding");
  if (scope !== "public") add("invalid_api_key");
  if (scope === "tenant") add("rate_limited");
  if (scope === "admin") add("route_not_found");
  const parameters = Array.isArray(operation.parameters) ? operation.parameters.filter(isObject) : [];
  const content = isObject(operation.requestBody) ? operation.requestBody.content : undefined;
  if (isObject(content) && "application/json" in content) add("malformed_body");
  if (content !== undefined || parameters.some((parameter) => "schema" in parameter))
    add("validation_failed");
  if (parameters.some((parameter) => parameter.in === "path")) add("not_found");
  if (method === "post" && takesIdempotencyKey(scope, path)) {
    add("invalid_idempotency_key");
    add("idempotency_key_in_use");
    add("idempotency_key_reused");
  }
  if (scope === "tenant" && routeRole(method.toUpperCase(), path.slice(API_PREFIX.length))) add("forbidden");
  // Catalog order, so each response lists its codes the same way everywhere.
  return (Object.keys(PROBLEM_CODES) as ProblemCodeName[])
    .filter((code) => codes.has(code))
    .map((code) => ({ code, status: codes.get(code)! }));
}

const headerRef = (name: string) => ({ $ref: `#/components/headers/${name}` });

function problemResponse(list: Answer[]): Json {
  const codes = list.map((answer) => answer.code);
  const headers: Json = {};
  if (codes.includes("rate_limited") || codes.includes("idempotency_key_in_use"))
    headers["Retry-After"] = headerRef("Retry-After");
  if (codes.includes("rate_limited")) for (const name of RATE_LIMIT_HEADERS) headers[name] = headerRef(name);
  return {
    description: codes.map((code) => `\`${code}\`: ${PROBLEM_CODES[code].when}`).join("\n\n"),
    ...(Object.keys(headers).length > 0 ? { headers } : {}),
    content: {
      [PROBLEM_JSON]: {
        schema: { $ref: "#/components/schemas/Problem" },
        examples: Object.fromEntries(
          list.map((answer) => [answer.code, { $ref: `#/components/examples/${exampleName(answer)}` }]),
        ),
      },
    },
  };
}

/** The problem exactly as the API writes it (ApiError.toProblem). */
function problemExample({ code, status }: Answer): Json {
  const entry: ProblemCode = PROBLEM_CODES[code];
  const errors = entry.errors?.map((problem) => ({ ...problem }));
  return { summary: entry.when, value: new ApiError(status, code, entry.detail, errors).toProblem() };
}

/** The multipart body a route named with formBody(), where the generator wrote no content. */
function formBodyContent(operation: Json): void {
  const schema = operation[FORM_BODY_EXTENSION];
  delete operation[FORM_BODY_EXTENSION];
  if (!isObject(schema)) return;
  const requestBody: Json = isObject(operation.requestBody) ? operation.requestBody : { required: true };
  // Elysia's t.File carries `default: "File"`, its own marker rather than a value to send.
  const copy = JSON.parse(JSON.stringify(schema), (_key, value) =>
    isObject(value) && value.format === "binary" && value.default === "File"
      ? Object.fromEntries(Object.entries(value).filter(([name]) => name !== "default"))
      : value,
  );
  requestBody.content = { "multipart/form-data": { schema: copy } };
  operation.requestBody = requestBody;
}

/** A second JSON spelling a route takes (jsonBodyAlternative()): the body is `oneOf` the two. */
function jsonBodyAlternative(operation: Json): void {
  const alternative = operation[JSON_ALTERNATIVE_EXTENSION];
  delete operation[JSON_ALTERNATIVE_EXTENSION];
  const content = isObject(operation.requestBody) ? operation.requestBody.content : undefined;
  const json = isObject(content) ? content["application/json"] : undefined;
  if (!isObject(alternative) || !isObject(json) || !isObject(json.schema)) return;
  json.schema = { oneOf: [json.schema, JSON.parse(JSON.stringify(alternative))] };
}

function finalizeOperation(path: string, method: string, operation: Json, used: Map<string, Answer>): void {
  formBodyContent(operation);
  jsonBodyAlternative(operation);
  normalizeOperation(operation);
  const list = answers(path, method, operation);
  delete operation[PROBLEMS_EXTENSION];

  if (method === "post" && takesIdempotencyKey(scopeOf(path), path)) {
    const parameters = Array.isArray(operation.parameters) ? operation.parameters : [];
    operation.parameters = [...parameters, { $ref: "#/components/parameters/IdempotencyKey" }];
  }

  const byStatus = new Map<number, Answer[]>();
  for (const answer of list) {
    used.set(exampleName(answer), answer);
    byStatus.set(answer.status, [...(byStatus.get(answer.status) ?? []), answer]);
  }
  const responses: Json = isObject(operation.responses) ? operation.responses : {};
  for (const [status, group] of [...byStatus].sort(([a], [b]) => a - b))
    responses[String(status)] = problemResponse(group);
  operation.responses = responses;

  const examples =
    typeof operation.operationId === "string" ? REQUEST_EXAMPLES[operation.operationId] : undefined;
  const json =
    isObject(operation.requestBody) && isObject(operation.requestBody.content)
      ? operation.requestBody.content["application/json"]
      : undefined;
  if (examples && isObject(json)) json.examples = examples;
}

// TypeBox marks an optional schema with this symbol, which a copy of the document loses.
const OPTIONAL = Symbol.for("TypeBox.Optional");

/** `body: t.Optional(...)` as "METHOD path": the generator marks every request body required. */
function optionalBodies(document: Json): Set<string> {
  const found = new Set<string>();
  for (const [path, item] of Object.entries(isObject(document.paths) ? document.paths : {})) {
    if (!isObject(item)) continue;
    for (const method of METHODS) {
      const body = isObject(item[method]) ? item[method].requestBody : undefined;
      const content = isObject(body) && isObject(body.content) ? Object.values(body.content) : [];
      if (content.some((media) => isObject(media) && isObject(media.schema) && OPTIONAL in media.schema))
        found.add(`${method} ${path}`);
    }
  }
  return found;
}

/** The served document: the generated one, completed. The input is not modified. */
export function finalizeDocument<T extends object>(generated: T): T {
  const optional = optionalBodies(generated as Json);
  const document = structuredClone(generated) as Json;
  const used = new Map<string, Answer>();
  const paths = isObject(document.paths) ? document.paths : {};
  for (const [path, item] of Object.entries(paths)) {
    if (!isObject(item)) continue;
    for (const method of METHODS) {
      const operation = item[method];
      if (!isObject(operation)) continue;
      if (optional.has(`${method} ${path}`) && isObject(operation.requestBody))
        operation.requestBody.required = false;
      finalizeOperation(path, method, operation, used);
    }
  }
  const components: Json = isObject(document.components) ? document.components : {};
  const schemas = isObject(components.schemas) ? components.schemas : {};
  components.schemas = Object.fromEntries(
    Object.entries(schemas).map(([name, schema]) => [name, normalizeSchema(schema)]),
  );
  components.examples = Object.fromEntries(
    [...used].sort(([a], [b]) => a.localeCompare(b)).map(([name, answer]) => [name, problemExample(answer)]),
  );
  document.components = components;
  return document as T;
}
