// The OpenAPI document exactly as the control app serves it at GET /openapi.json, from an app
// built in-process the way the test harness builds it (PGlite unless TEST_DATABASE says otherwise).
import type { ControlApp } from "../../app.ts";
import { createHarness } from "../harness.ts";

export type JsonObject = Record<string, unknown>;

/** The parts of an OpenAPI 3.1 document the client and its response checks read. */
export interface OpenApiDocument extends JsonObject {
  openapi: string;
  paths: Record<string, Record<string, JsonObject>>;
  components?: JsonObject;
}

export async function documentOf(app: ControlApp): Promise<OpenApiDocument> {
  const response = await app.handle(new Request("http://localhost/openapi.json"));
  if (response.status !== 200) throw new Error(`GET /openapi.json answered ${response.status}`);
  return (await response.json()) as OpenApiDocument;
}

/** Builds a control app, reads its document and closes the app again. */
export async function servedDocument(): Promise<OpenApiDocument> {
  const harness = await createHarness();
  try {
    return await documentOf(harness.app);
  } finally {
    await harness.close();
  }
}
