// docker-compose.yml read as Compose reads it, for tests on a machine without a Docker engine:
// YAML with merge keys, then `${...}` interpolation of every string value, then the Compose
// specification's JSON schema (the copy the dclint package ships) checked with ajv.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { Ajv } from "ajv";
import { parse } from "yaml";

export const REPO_ROOT = join(import.meta.dir, "..", "..", "..", "..");
const COMPOSE_PATH = join(REPO_ROOT, "docker-compose.yml");

export interface ComposeHealthcheck {
  test: string[] | string;
}

export interface ComposeService {
  image?: string;
  build?: unknown;
  command?: string[];
  environment?: Record<string, string | number | boolean | null>;
  ports?: string[];
  volumes?: string[];
  network_mode?: string;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: ComposeHealthcheck;
  restart?: string;
}

export interface ComposeFile {
  services: Record<string, ComposeService>;
  volumes?: Record<string, unknown>;
}

export class MissingVariablesError extends Error {
  constructor(readonly messages: string[]) {
    super(`required variables are missing:\n${messages.join("\n")}`);
  }
}

type Env = Record<string, string | undefined>;

// Compose specification, "Interpolation": ${VAR}, ${VAR:-default}, ${VAR-default},
// ${VAR:?error}, ${VAR?error}, ${VAR:+replacement}, ${VAR+replacement}, $VAR, and $$ for "$".
const REFERENCE = /\$(?:(\$)|\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g;

function interpolate(text: string, env: Env, missing: string[] = []): string {
  return text.replace(REFERENCE, (_match, dollar, braced, operator, argument, bare) => {
    if (dollar) return "$";
    const name: string = braced ?? bare;
    const value = env[name];
    const isSet = value !== undefined;
    const isNonEmpty = isSet && value !== "";
    const present = operator?.startsWith(":") ? isNonEmpty : isSet;
    switch (operator) {
      case ":-":
      case "-":
        return present ? value! : interpolate(argument, env, missing);
      case ":?":
      case "?":
        if (!present) missing.push(`${name}: ${argument}`);
        return value ?? "";
      case ":+":
      case "+":
        return present ? interpolate(argument, env, missing) : "";
      default:
        return value ?? "";
    }
  });
}

function interpolateValues(node: unknown, env: Env, missing: string[]): unknown {
  if (typeof node === "string") return interpolate(node, env, missing);
  if (Array.isArray(node)) return node.map((item) => interpolateValues(item, env, missing));
  if (node !== null && typeof node === "object") {
    return Object.fromEntries(
      Object.entries(node).map(([key, value]) => [key, interpolateValues(value, env, missing)]),
    );
  }
  return node;
}

/** The compose file with `env` substituted; throws MissingVariablesError for unset required ones. */
export function loadCompose(env: Env, path = COMPOSE_PATH): ComposeFile {
  const raw = parse(readFileSync(path, "utf8"), { merge: true }) as unknown;
  const missing: string[] = [];
  const file = interpolateValues(raw, env, missing) as ComposeFile;
  if (missing.length > 0) throw new MissingVariablesError([...new Set(missing)]);
  return file;
}

const require = createRequire(import.meta.url);
let validator: ReturnType<Ajv["compile"]> | null = null;

/** Schema violations of a parsed, interpolated compose file; empty when it is valid. */
export function composeSchemaErrors(file: unknown): string[] {
  if (!validator) {
    // The package's exports omit its schema files; they sit beside its package.json.
    const schemaPath = join(
      dirname(require.resolve("dclint/package.json")),
      "schemas",
      "compose.schema.json",
    );
    const schema = JSON.parse(readFileSync(schemaPath, "utf8")) as { $schema: string };
    // The published schema leaves some object types implicit, which strict mode only warns about.
    const ajv = new Ajv({ allErrors: true, allowUnionTypes: true, strictTypes: false });
    // It names draft-07 by its https address; ajv knows draft-07 by the http one.
    const draft07 = require("ajv/dist/refs/json-schema-draft-07.json") as Record<string, unknown>;
    ajv.addMetaSchema({ ...draft07, $id: schema.$schema });
    validator = ajv.compile(schema);
  }
  if (validator(file)) return [];
  return (validator.errors ?? []).map((error) => `${error.instancePath || "/"} ${error.message ?? ""}`);
}

/** A service's environment as strings, as the container sees it. */
export function serviceEnvironment(service: ComposeService): Record<string, string> {
  return Object.fromEntries(
    Object.entries(service.environment ?? {}).map(([name, value]) => [
      name,
      value === null ? "" : String(value),
    ]),
  );
}

/** Named-volume mounts of a service as {volume, target}. */
export function namedVolumeMounts(
  file: ComposeFile,
  service: ComposeService,
): { volume: string; target: string }[] {
  return (service.volumes ?? [])
    .map((entry) => entry.split(":"))
    .filter(([source]) => source !== undefined && file.volumes !== undefined && source in file.volumes)
    .map(([volume, target]) => ({ volume: volume!, target: target! }));
}
