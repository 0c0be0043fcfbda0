// Every answer checked against the document that describes it: the status must be one the
// operation documents, the content type one that status lists, and a JSON body must match its
// schema. OpenAPI 3.1 schemas are JSON Schema draft 2020-12 (OAS 3.1 §4.8.24), so Ajv's 2020
// build checks them, formats included; `#/components/...` references resolve inside the document.
import Ajv2020, { type ErrorObject, type ValidateFunction } from "ajv/dist/2020";
import addFormats from "ajv-formats";
import type { JsonObject, OpenApiDocument } from "./served-document.ts";

const DOCUMENT_ID = "https://switchboard.invalid/openapi.json";

interface MediaObject {
  schema?: JsonObject;
}
interface ResponseObject {
  content?: Record<string, MediaObject>;
}

/** RFC 6901: `~` and `/` inside one reference token. */
function pointerToken(token: string): string {
  return token.replaceAll("~", "~0").replaceAll("/", "~1");
}

function mediaTypeOf(response: Response): string | null {
  const header = response.headers.get("content-type");
  return header ? header.split(";")[0]!.trim().toLowerCase() : null;
}

const isJson = (mediaType: string) => mediaType === "application/json" || mediaType.endsWith("+json");

function describeErrors(errors: ErrorObject[] | null | undefined): string {
  return (errors ?? [])
    .map(
      (error) => `  ${error.instancePath || "(body)"} ${error.message ?? ""} ${JSON.stringify(error.params)}`,
    )
    .join("\n");
}

export class ResponseContractError extends Error {
  override name = "ResponseContractError";
}

export class ResponseContract {
  readonly #document: OpenApiDocument;
  readonly #ajv: Ajv2020;
  readonly #validators = new Map<string, ValidateFunction>();

  constructor(document: OpenApiDocument) {
    this.#document = document;
    // strict off: the document carries OpenAPI's own keywords (`example`, `discriminator`)
    // beside the JSON Schema ones.
    this.#ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false });
    addFormats(this.#ajv);
    this.#ajv.addSchema({ ...document, $id: DOCUMENT_ID });
  }

  /** Throws a ResponseContractError naming the operation, the status and what is wrong. */
  async check(method: string, schemaPath: string, response: Response): Promise<void> {
    const lower = method.toLowerCase();
    const operation = this.#document.paths[schemaPath]?.[lower] as
      | (JsonObject & { operationId?: string; responses?: Record<string, ResponseObject> })
      | undefined;
    const where = `${operation?.operationId ?? "?"} (${method.toUpperCase()} ${schemaPath})`;
    if (!operation) throw new ResponseContractError(`${where}: no such operation in the document`);
    const status = String(response.status);
    const responses = operation.responses ?? {};
    const statusKey = [status, `${status[0]}XX`, "default"].find((key) => key in responses);
    if (!statusKey)
      throw new ResponseContractError(
        `${where} answered ${status}, which the document does not list (documented: ${Object.keys(responses).join(", ")})\n${await bodyExcerpt(response)}`,
      );
    const text = await response.clone().text();
    if (text.length === 0) return;
    const content = responses[statusKey]!.content ?? {};
    const mediaType = mediaTypeOf(response);
    if (!mediaType || !(mediaType in content))
      throw new ResponseContractError(
        `${where} answered ${status} with ${mediaType ?? "no content type"}, the document lists ${Object.keys(content).join(", ") || "no body"}\n${text.slice(0, 500)}`,
      );
    if (!isJson(mediaType)) return;
    const validate = this.#validator(schemaPath, lower, statusKey, mediaType);
    if (!validate) return;
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new ResponseContractError(
        `${where} answered ${status} ${mediaType} that is not JSON:\n${text.slice(0, 500)}`,
      );
    }
    if (!validate(body))
      throw new ResponseContractError(
        `${where} answered ${status} ${mediaType} that does not match its schema:\n${describeErrors(validate.errors)}\nbody: ${text.slice(0, 2000)}`,
      );
  }

  #validator(
    schemaPath: string,
    method: string,
    statusKey: string,
    mediaType: string,
  ): ValidateFunction | null {
    const pointer = ["paths", schemaPath, method, "responses", statusKey, "content", mediaType]
      .map(pointerToken)
      .join("/");
    const media = this.#document.paths[schemaPath]?.[method] as JsonObject;
    const responses = media.responses as Record<string, ResponseObject>;
    if (!responses[statusKey]?.content?.[mediaType]?.schema) return null;
    let validate = this.#validators.get(pointer);
    if (!validate) {
      validate = this.#ajv.compile({ $ref: `${DOCUMENT_ID}#/${pointer}/schema` });
      this.#validators.set(pointer, validate);
    }
    return validate;
  }
}

async function bodyExcerpt(response: Response): Promise<string> {
  return (await response.clone().text()).slice(0, 500);
}
