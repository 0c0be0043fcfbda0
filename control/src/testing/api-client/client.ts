// The typed API client the suites drive the control plane with: openapi-fetch over the types
// in schema.d.ts (generated from the served document), in-process through `app.handle` for the
// unit suites or over HTTP to a base URL for the end-to-end ones. Every answer passes through
// ResponseContract, so a status or body the document does not describe fails the test.
import createClient, { type Client, type Middleware } from "openapi-fetch";
import type { ControlApp } from "../../app.ts";
import { ResponseContract } from "./response-contract.ts";
import type { paths } from "./schema.d.ts";
import { documentOf, type OpenApiDocument } from "./served-document.ts";

export type ApiClient = Client<paths>;
export type { paths };

type JsonContentOf<T> = T extends { content: { "application/json": infer Body } } ? Body : never;

/** The JSON request body the document gives an operation, e.g. `RequestBody<"/api/v1/agents", "post">`. */
export type RequestBody<
  Path extends keyof paths,
  Method extends keyof paths[Path],
> = paths[Path][Method] extends {
  requestBody?: infer Body;
}
  ? JsonContentOf<NonNullable<Body>>
  : never;

/** The query parameters the document gives an operation. */
export type QueryOf<
  Path extends keyof paths,
  Method extends keyof paths[Path],
> = paths[Path][Method] extends {
  parameters: { query?: infer Query };
}
  ? NonNullable<Query>
  : never;

/** The JSON body the document gives one status of an operation. */
export type ResponseBody<
  Path extends keyof paths,
  Method extends keyof paths[Path],
  Status extends number = 200,
> = paths[Path][Method] extends { responses: infer Responses }
  ? Status extends keyof Responses
    ? JsonContentOf<Responses[Status]>
    : never
  : never;

export type ApiClientTarget =
  | { app: ControlApp; apiKey: string | null; baseUrl?: never }
  | { baseUrl: string; apiKey: string | null; app?: never };

const IN_PROCESS_BASE_URL = "http://localhost";

// One document and one set of compiled schemas per app (or base URL), shared by its clients.
const contractsByApp = new WeakMap<ControlApp, Promise<ResponseContract>>();
const contractsByUrl = new Map<string, Promise<ResponseContract>>();

async function contractFrom(document: Promise<OpenApiDocument>): Promise<ResponseContract> {
  return new ResponseContract(await document);
}

function contractFor(target: ApiClientTarget): Promise<ResponseContract> {
  if (target.app) {
    let contract = contractsByApp.get(target.app);
    if (!contract) {
      contract = contractFrom(documentOf(target.app));
      contractsByApp.set(target.app, contract);
    }
    return contract;
  }
  let contract = contractsByUrl.get(target.baseUrl);
  if (!contract) {
    contract = contractFrom(
      fetch(new URL("/openapi.json", target.baseUrl)).then((r) => r.json() as Promise<OpenApiDocument>),
    );
    contractsByUrl.set(target.baseUrl, contract);
  }
  return contract;
}

export function createApiClient(target: ApiClientTarget): ApiClient {
  const headers: Record<string, string> = {};
  if (target.apiKey !== null) headers.authorization = `Bearer ${target.apiKey}`;
  const client = target.app
    ? createClient<paths>({
        baseUrl: IN_PROCESS_BASE_URL,
        headers,
        fetch: (request: Request) => target.app.handle(request),
      })
    : createClient<paths>({ baseUrl: target.baseUrl, headers });
  const checkAgainstDocument: Middleware = {
    async onResponse({ request, schemaPath, response }) {
      await (await contractFor(target)).check(request.method, schemaPath, response);
    },
  };
  client.use(checkAgainstDocument);
  return client;
}

/** A client of a test harness's app, with the harness org's owner key unless another is given. */
export function harnessClient(
  harness: { app: ControlApp; ownerKey: string },
  apiKey: string | null = harness.ownerKey,
): ApiClient {
  return createApiClient({ app: harness.app, apiKey });
}

/** One answer as status, body (the data, or the problem) and headers: for suites that compare
 * an alias's answer with its canonical route's, whatever either returned. */
export async function answerOf<Body = Record<string, unknown>>(
  pending: Promise<{ data?: unknown; error?: unknown; response: Response }>,
): Promise<{ status: number; body: Body; headers: Headers }> {
  const { data, error, response } = await pending;
  return { status: response.status, body: (data ?? error ?? null) as Body, headers: response.headers };
}
