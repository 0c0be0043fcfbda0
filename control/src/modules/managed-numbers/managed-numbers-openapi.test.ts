// The deprecated /numbers operations point the reader at canonical operations that exist.
import { describe, expect, test } from "bun:test";
import { useManagedNumbersSuite } from "./testing/managed-numbers-suite.ts";

const suite = useManagedNumbersSuite({ areaCodes: [] });

describe("/numbers in the OpenAPI document", () => {
  test("every operation is deprecated and names canonical operations that exist", async () => {
    const document = (await (
      await suite.harness.app.handle(new Request("http://localhost/openapi.json"))
    ).json()) as {
      paths: Record<string, Record<string, { deprecated?: boolean; description?: string }>>;
    };
    const operations = [
      ["get", "/api/v1/numbers"],
      ["post", "/api/v1/numbers"],
      ["get", "/api/v1/numbers/{id}"],
      ["patch", "/api/v1/numbers/{id}"],
      ["delete", "/api/v1/numbers/{id}"],
    ] as const;
    for (const [method, path] of operations) {
      const operation = document.paths[path]?.[method];
      expect({ path, method, deprecated: operation?.deprecated }).toEqual({ path, method, deprecated: true });
      const canonicals = [
        ...(operation?.description ?? "").matchAll(/`(GET|POST|PATCH|DELETE) (\/api\/v1\/[^`]+)`/g),
      ];
      expect(canonicals.length).toBeGreaterThan(0);
      for (const [, canonicalMethod, canonicalPath] of canonicals) {
        const target = document.paths[canonicalPath!]?.[canonicalMethod!.toLowerCase()];
        expect({ canonicalPath, found: target !== undefined, deprecated: target?.deprecated }).toEqual({
          canonicalPath,
          found: true,
          deprecated: undefined,
        });
      }
    }
  });
});
