import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { createHarness, type Harness } from "../testing/harness.ts";
import {
  checkRequestText,
  decodeUtf8,
  jsonProblem,
  percentDecode,
  requestBodyText,
  stringProblem,
} from "./text-safety.ts";

const encoder = new TextEncoder();
const bytes = (...parts: Array<string | number[]>): Uint8Array<ArrayBuffer> =>
  Uint8Array.from(parts.flatMap((part) => (typeof part === "string" ? [...encoder.encode(part)] : part)));

describe("the checker", () => {
  test("storable strings pass: ASCII, multi-byte, emoji, surrogate pairs", () => {
    for (const value of [
      "",
      "plain",
      "héllo wörld",
      "日本語のテキスト",
      "😀 👩‍👩‍👧",
      "\ud83d\ude00",
      "tab\tnew\nline",
      "\uFFFD",
    ]) {
      expect(stringProblem(value)).toBeNull();
    }
  });

  test("NUL is invalid_character; a lone surrogate, either half, is invalid_encoding", () => {
    expect(stringProblem("a\u0000b")?.code).toBe("invalid_character");
    for (const value of [
      "\ud800",
      "x\udfff",
      "\ud83d",
      "tail \ud83d",
      "\ude00\ud83d",
      "\ud83d\ude00\ude00",
    ]) {
      expect(stringProblem(value)?.code).toBe("invalid_encoding");
    }
  });

  test("strict UTF-8: valid multi-byte and 4-byte sequences decode, every invalid form is refused", () => {
    expect(decodeUtf8(bytes("€ 日本 😀"))).toBe("€ 日本 😀");
    expect(decodeUtf8(bytes([0xf0, 0x9f, 0x98, 0x80]))).toBe("😀");
    const invalid = [
      [0xc0, 0xaf], // overlong "/"
      [0xe0, 0x80, 0xaf], // overlong, three bytes
      [0xed, 0xa0, 0x80], // an encoded surrogate (CESU-8)
      [0xf4, 0x90, 0x80, 0x80], // above U+10FFFF
      [0xe2, 0x82], // truncated
      [0x80], // lone continuation byte
      [0xff],
    ];
    for (const sequence of invalid) expect(decodeUtf8(bytes("ok", sequence, "ok"))).toBeNull();
  });

  test("percent-decoding is strict about UTF-8 and lenient about stray percent signs", () => {
    expect(percentDecode("%E2%82%AC%20%F0%9F%98%80")).toBe("€ 😀");
    expect(percentDecode("a+b", true)).toBe("a b");
    expect(percentDecode("a+b")).toBe("a+b");
    expect(percentDecode("100%")).toBe("100%");
    expect(percentDecode("%zz%E2%82%AC")).toBe("%zz€");
    expect(percentDecode("%00")).toBe("\u0000");
    for (const value of ["%C0%AF", "%ED%A0%80", "%FF", "%E2%82", "%zz%C0%AF", "%F4%90%80%80"]) {
      expect(percentDecode(value)).toBeNull();
    }
  });

  test("parsed JSON: the dotted path of the first bad string or key", () => {
    expect(jsonProblem(JSON.parse('{"name":"ok","metadata":{"note":"a\\u0000b"}}'))).toMatchObject({
      code: "invalid_character",
      field: "metadata.note",
      inKey: false,
    });
    expect(jsonProblem(JSON.parse('{"tools":[{"name":"a"},{"name":"\\udc00"}]}'))).toMatchObject({
      code: "invalid_encoding",
      field: "tools.1.name",
    });
    expect(jsonProblem(JSON.parse('{"metadata":{"k\\u0000":1}}'))).toMatchObject({
      code: "invalid_character",
      field: "metadata",
      inKey: true,
    });
    expect(jsonProblem(JSON.parse('"\\ud800"'))).toMatchObject({ code: "invalid_encoding", field: "" });
    expect(
      jsonProblem(JSON.parse('{"emoji":"\\ud83d\\ude00","n":[1,null,true,{"\\u00e9":"\\u00e9"}]}')),
    ).toBeNull();
  });

  test("deep nesting is walked without recursion", () => {
    let value: unknown = "deep\u0000";
    for (let i = 0; i < 100_000; i++) value = [value];
    expect(jsonProblem(value)?.code).toBe("invalid_character");
  });

  const request = (body: BodyInit, type: string | null, url = "http://localhost/x") =>
    new Request(url, { method: "POST", body, headers: type ? { "content-type": type } : {} });
  const refusal = async (req: Request) => {
    try {
      await checkRequestText(req);
    } catch (error) {
      return error as { status: number; code: string; detail: string };
    }
    return null;
  };

  test("keeps the body text it read for the pipeline, and leaves the request readable", async () => {
    const req = request('{"name":"日本 😀 \\ud83d\\ude00"}', "application/json");
    await checkRequestText(req);
    expect(await requestBodyText(req)).toBe('{"name":"日本 😀 \\ud83d\\ude00"}');
    expect(await req.json()).toEqual({ name: "日本 😀 😀" });
    // An unread multipart body is read for the pipeline from a clone, as before.
    const multipart = request(bytes("--B\r\n", [0xff], "\r\n--B--\r\n"), "multipart/form-data; boundary=B");
    await checkRequestText(multipart);
    expect(await requestBodyText(multipart)).toBe("--B\r\n\uFFFD\r\n--B--\r\n");
    expect(await multipart.text()).toBe("--B\r\n\uFFFD\r\n--B--\r\n");
  });

  test("bodies of every textual kind, and bodies without a content type", async () => {
    expect(await refusal(request("a\u0000b", "text/plain"))).toMatchObject({
      status: 400,
      code: "invalid_character",
    });
    expect(await refusal(request(bytes("ab", [0xc0, 0xaf]), null))).toMatchObject({
      code: "invalid_encoding",
    });
    expect(await refusal(request('{"key":"\\u0000"}', null))).toMatchObject({ code: "invalid_character" });
    const form = await refusal(request("name=ok&note=a%00b", "application/x-www-form-urlencoded"));
    expect(form).toMatchObject({ code: "invalid_character" });
    expect(form?.detail).toContain('form field "note"');
    expect(await refusal(request("name=%ED%A0%80", "application/x-www-form-urlencoded"))).toMatchObject({
      code: "invalid_encoding",
    });
    expect(await refusal(request("name=%E2%82%AC+ok", "application/x-www-form-urlencoded"))).toBeNull();
    // JSON-looking escapes in text that is not JSON are just text.
    expect(await refusal(request("a literal \\u0000 in prose", "text/plain"))).toBeNull();
  });

  test("query names and values; multipart bodies are left to the parsed-body hook", async () => {
    const name = await refusal(new Request("http://localhost/x?ok=1&a%00=1"));
    expect(name).toMatchObject({
      code: "invalid_character",
      detail: expect.stringContaining("query parameter name"),
    });
    const value = await refusal(new Request("http://localhost/x?ok=1&q=%C0%AF"));
    expect(value).toMatchObject({
      code: "invalid_encoding",
      detail: expect.stringContaining('query parameter "q"'),
    });
    expect(await refusal(new Request("http://localhost/x?q=%E2%82%AC&empty&=&discount=100%"))).toBeNull();
    const multipart = request(
      bytes("--B\r\n", [0xff, 0x00], "\r\n--B--\r\n"),
      "multipart/form-data; boundary=B",
    );
    expect(await refusal(multipart)).toBeNull();
  });
});

// The served OpenAPI document drives the walk, so every route (including ones added later) is
// covered: bad bytes in each path parameter, in a query parameter and in JSON bodies.
interface Parameter {
  name: string;
  in: string;
}
interface SchemaNode {
  type?: string | string[];
  properties?: Record<string, SchemaNode>;
  anyOf?: SchemaNode[];
}
interface OperationDoc {
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: SchemaNode }> };
}
interface Operation {
  method: string;
  path: string;
  doc: OperationDoc;
}

const BODY_METHODS = new Set(["POST", "PUT", "PATCH"]);

function isString(schema: SchemaNode): boolean {
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  return types.includes("string") || (schema.anyOf ?? []).some(isString);
}

/** The path to a string field of the body schema, nearest the top first; ["name"] without a schema. */
function stringField(schema: SchemaNode | undefined): string[] {
  const queue: Array<{ node: SchemaNode; path: string[] }> = schema ? [{ node: schema, path: [] }] : [];
  while (queue.length > 0) {
    const { node, path } = queue.shift()!;
    for (const [name, child] of Object.entries(node.properties ?? {})) {
      if (isString(child)) return [...path, name];
      if (child.properties) queue.push({ node: child, path: [...path, name] });
    }
  }
  return ["name"];
}

/** A JSON body text with `escaped` (a JSON string's contents, escapes allowed) at `field`. */
function bodyWith(field: string[], escaped: string): string {
  return field.reduceRight((inner, name) => `{${JSON.stringify(name)}:${inner}}`, `"before${escaped}after"`);
}

let h: Harness;
let org: { orgId: string; ownerKey: string };
let operations: Operation[];

beforeAll(async () => {
  h = await createHarness();
  org = await h.newOrg();
  const doc = (await (await h.request("GET", "/openapi.json", { key: null })).json()) as {
    paths: Record<string, Record<string, OperationDoc>>;
  };
  operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ method: method.toUpperCase(), path, doc: op })),
  );
});
afterAll(async () => {
  await h.close();
});

function send(method: string, path: string, body?: BodyInit): Promise<Response> {
  const headers: Record<string, string> = { authorization: `Bearer ${org.ownerKey}` };
  if (body !== undefined) headers["content-type"] = "application/json";
  return h.app.handle(new Request(`http://localhost${path}`, { method, headers, body }));
}

// Fields that move with the clock or with the key's own use, not with anything written.
const VOLATILE = new Set(["from", "to", "last_used_at"]);

/** The org's view through every GET without path parameters: lists, balance, settings. */
async function snapshot(): Promise<Record<string, { status: number; body: unknown }>> {
  const seen: Record<string, { status: number; body: unknown }> = {};
  for (const op of operations) {
    if (op.method !== "GET" || op.path.includes("{") || !op.path.startsWith("/api/v1/")) continue;
    const response = await send("GET", op.path);
    const text = await response.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text, (key, value) => (VOLATILE.has(key) ? undefined : value));
    } catch {}
    seen[op.path] = { status: response.status, body };
  }
  return seen;
}

describe("every route of the OpenAPI document refuses unstorable text", () => {
  test("path parameters, query parameters and JSON bodies: 400 problem, never a 500, nothing written", async () => {
    expect(operations.length).toBeGreaterThan(40);
    const before = await snapshot();
    const failures: string[] = [];
    let checked = 0;

    async function expectRefusal(label: string, code: string, response: Promise<Response>, mention?: string) {
      checked++;
      const answer = await response;
      const text = await answer.text();
      let parsed: { code?: string; status?: number; detail?: string } = {};
      try {
        parsed = JSON.parse(text);
      } catch {}
      const problems: string[] = [];
      if (answer.status !== 400) problems.push(`status ${answer.status}`);
      if (!answer.headers.get("content-type")?.startsWith("application/problem+json")) {
        problems.push(`content-type ${answer.headers.get("content-type")}`);
      }
      if (parsed.code !== code) problems.push(`code ${parsed.code}`);
      if (mention && !parsed.detail?.includes(mention))
        problems.push(`detail "${parsed.detail}" lacks ${mention}`);
      // The bad value is never echoed, raw, escaped or replaced.
      if (/[\0\uD800-\uDFFF\uFFFD]|\\u0000|\\ud800|before/iu.test(text)) problems.push("echoes the value");
      if (problems.length > 0) failures.push(`${label}: ${problems.join(", ")}`);
    }

    for (const { method, path, doc } of operations) {
      const parameters = doc.parameters ?? [];
      const pathNames = parameters.filter((p) => p.in === "path").map((p) => p.name);
      const fill = (target: string | null, bad: string) =>
        path.replace(/\{([^}]+)\}/g, (_, name: string) => (name === target ? `id${bad}x` : "x"));
      const jsonBody = BODY_METHODS.has(method);

      for (const name of pathNames) {
        for (const [bad, code] of [
          ["%00", "invalid_character"],
          ["%C0%AF", "invalid_encoding"],
          ["%ED%A0%80", "invalid_encoding"],
        ] as const) {
          const url = fill(name, bad);
          await expectRefusal(
            `${method} ${url}`,
            code,
            send(method, url, jsonBody ? '{"name":"ok"}' : undefined),
            "path",
          );
        }
      }

      const queryNames = parameters.filter((p) => p.in === "query").map((p) => p.name);
      for (const name of queryNames.length > 0 ? queryNames : ["q"]) {
        const url = `${fill(null, "")}?${name}=a%00b`;
        await expectRefusal(`${method} ${url}`, "invalid_character", send(method, url), `"${name}"`);
      }

      if (jsonBody) {
        const url = fill(null, "");
        const field = stringField(doc.requestBody?.content?.["application/json"]?.schema);
        const quoted = `"${field.join(".")}"`;
        await expectRefusal(
          `${method} ${url} NUL at ${quoted}`,
          "invalid_character",
          send(method, url, bodyWith(field, "\\u0000")),
          quoted,
        );
        await expectRefusal(
          `${method} ${url} lone surrogate at ${quoted}`,
          "invalid_encoding",
          send(method, url, bodyWith(field, "\\ud800")),
          quoted,
        );
        const [head, tail] = bodyWith(field, "|").split("|") as [string, string];
        const invalidUtf8 = bytes(head, [0xc0, 0xaf], tail);
        await expectRefusal(
          `${method} ${url} invalid UTF-8`,
          "invalid_encoding",
          send(method, url, invalidUtf8),
          "body",
        );
      }
    }

    expect(failures).toEqual([]);
    expect(checked).toBeGreaterThan(150);
    // Nothing was created, changed or billed in the org the walk ran as.
    const after = await snapshot();
    expect(after).toEqual(before);
    for (const [path, { status, body }] of Object.entries(after)) {
      const data = status === 200 ? (body as { data?: unknown }).data : undefined;
      if (!Array.isArray(data)) continue;
      // Its own owner key, the platform's number inventory and the built-in tools every org has
      // are not the walk's writes.
      const platformLists = ["/api/v1/phone-numbers/search", "/api/v1/tools/built-ins"];
      if (path === "/api/v1/api-keys") expect(data).toHaveLength(1);
      else if (!platformLists.includes(path)) expect({ path, data }).toEqual({ path, data: [] });
    }
  }, 120_000);

  test("a form-encoded body names the field", async () => {
    const response = await h.app.handle(
      new Request("http://localhost/api/v1/agents", {
        method: "POST",
        headers: {
          authorization: `Bearer ${org.ownerKey}`,
          "content-type": "application/x-www-form-urlencoded",
        },
        body: "name=ok&system_prompt=a%00b",
      }),
    );
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      code: "invalid_character",
      errors: [{ field: "system_prompt" }],
    });
  });

  test("multipart uploads: text fields are checked, the file's bytes are not", async () => {
    const upload = (fields: Record<string, string>, file: Uint8Array<ArrayBuffer>) => {
      const form = new FormData();
      for (const [name, value] of Object.entries(fields)) form.append(name, value);
      form.append("file", new File([file], "notes.txt", { type: "text/plain" }));
      return h.app.handle(
        new Request("http://localhost/api/v1/knowledge/file", {
          method: "POST",
          headers: { authorization: `Bearer ${org.ownerKey}` },
          body: form,
        }),
      );
    };
    const nul = await upload({ title: "a\u0000b" }, bytes("hello"));
    expect(nul.status).toBe(400);
    expect(nul.headers.get("content-type")).toStartWith("application/problem+json");
    expect(await nul.json()).toMatchObject({
      code: "invalid_character",
      detail: expect.stringContaining('"title"'),
    });
    // A field that Elysia reads as JSON is walked too.
    const nested = await upload({ title: "ok", meta: '{"note":"\\ud800"}' }, bytes("hello"));
    expect(await nested.json()).toMatchObject({
      code: "invalid_encoding",
      detail: expect.stringContaining('"meta.note"'),
    });
    // Bytes that are not UTF-8 inside the file reach the route, which judges documents itself.
    const binary = await upload({ title: "ok" }, bytes("hello ", [0xc0, 0xaf]));
    expect(await binary.json()).toMatchObject({ status: 422, code: "invalid_document" });
    const list = await h.json("GET", "/api/v1/knowledge", { key: org.ownerKey });
    expect(list.body.data).toEqual([]);
  });

  test("valid text, emoji and escaped surrogate pairs still go through", async () => {
    const response = await send("POST", "/api/v1/agents", '{"name":"Zoë 日本 \\ud83d\\ude00 😀"}');
    expect(response.status).toBe(201);
    const agent = (await response.json()) as { id: string; name: string };
    expect(agent.name).toBe("Zoë 日本 😀 😀");
    expect((await send("DELETE", `/api/v1/agents/${agent.id}`)).status).toBeLessThan(300);
  });
});
