// The agent form's building blocks: a titled fieldset, a labelled select, a credential picker.
import type { ComponentChildren } from "preact";
import type { paths } from "../api/schema";
import { Field } from "../ui.tsx";
import type { AgentBody } from "./agent-draft.ts";

export type Credential =
  paths["/api/v1/provider-credentials"]["get"]["responses"][200]["content"]["application/json"]["data"][number];
export type Tool =
  paths["/api/v1/tools"]["get"]["responses"][200]["content"]["application/json"]["data"][number];
export type Source =
  paths["/api/v1/knowledge"]["get"]["responses"][200]["content"]["application/json"]["data"][number];

// biome-ignore lint/suspicious/noExplicitAny: one setter for the nested blocks; the API validates them (422 names the field).
export type Block = Record<string, any>;

export interface SectionProps {
  draft: AgentBody;
  /** Merges `values` into the block `key` (llm, stt, voice ...); null removes the block. */
  setBlock: (key: keyof AgentBody, values: Block | null) => void;
  set: <K extends keyof AgentBody>(key: K, value: AgentBody[K]) => void;
}

export const block = (draft: AgentBody, key: keyof AgentBody): Block =>
  (draft[key] as Block | undefined) ?? {};
export const numberOrUndefined = (value: string) => (value === "" ? undefined : Number(value));

export function Section({ title, children }: { title: string; children: ComponentChildren }) {
  return (
    <fieldset class="section">
      <legend>{title}</legend>
      {children}
    </fieldset>
  );
}

export function Choice({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: string;
  options: ReadonlyArray<readonly [string, string]>;
  onChange: (value: string) => void;
}) {
  return (
    <Field label={label}>
      <select value={value} onChange={(e) => onChange(e.currentTarget.value)}>
        {options.map(([v, text]) => (
          <option value={v} key={v}>
            {text}
          </option>
        ))}
      </select>
    </Field>
  );
}

export function CredentialChoice({
  label,
  value,
  credentials,
  providers,
  onChange,
}: {
  label: string;
  value: string | null | undefined;
  credentials: Credential[];
  providers: string[];
  onChange: (id: string | null) => void;
}) {
  const fitting = credentials.filter((c) => providers.includes(c.provider));
  return (
    <Choice
      label={label}
      value={value ?? ""}
      options={[
        ["", "the platform's key"],
        ...fitting.map((c) => [c.id, `${c.name} (${c.provider})`] as const),
      ]}
      onChange={(id) => onChange(id || null)}
    />
  );
}
