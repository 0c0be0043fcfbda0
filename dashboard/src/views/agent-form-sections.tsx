import type { ComponentChildren } from "preact";
import type { paths } from "../api/schema";
import { Field } from "../ui.tsx";
import type { AgentBody } from "./agent-draft.ts";

type Credential =
  paths["/api/v1/provider-credentials"]["get"]["responses"][200]["content"]["application/json"]["data"][number];
type Tool = paths["/api/v1/tools"]["get"]["responses"][200]["content"]["application/json"]["data"][number];
type Source =
  paths["/api/v1/knowledge"]["get"]["responses"][200]["content"]["application/json"]["data"][number];

// biome-ignore lint/suspicious/noExplicitAny: one setter for the nested blocks; the API validates them (422 names the field).
type Block = Record<string, any>;

export interface SectionProps {
  draft: AgentBody;
  /** Merges `values` into the block `key` (llm, stt, voice ...); null removes the block. */
  setBlock: (key: keyof AgentBody, values: Block | null) => void;
  set: <K extends keyof AgentBody>(key: K, value: AgentBody[K]) => void;
}

const block = (draft: AgentBody, key: keyof AgentBody): Block => (draft[key] as Block | undefined) ?? {};
const numberOrUndefined = (value: string) => (value === "" ? undefined : Number(value));

function Section({ title, children }: { title: string; children: ComponentChildren }) {
  return (
    <fieldset class="section">
      <legend>{title}</legend>
      {children}
    </fieldset>
  );
}

function Choice({
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

function CredentialChoice({
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

export function ModelSection({ draft, setBlock, credentials }: SectionProps & { credentials: Credential[] }) {
  const llm = block(draft, "llm");
  return (
    <Section title="Language model">
      <div class="inline">
        <Choice
          label="LLM provider"
          value={llm.provider ?? "openai"}
          options={[
            ["openai", "OpenAI-compatible"],
            ["custom", "your webhook (custom LLM)"],
          ]}
          onChange={(provider) => setBlock("llm", { provider })}
        />
        <Field label="LLM model">
          <input
            value={llm.model ?? ""}
            placeholder="gpt-4o-mini"
            onInput={(e) => setBlock("llm", { model: e.currentTarget.value })}
          />
        </Field>
        <Field label="Temperature">
          <input
            type="number"
            step="0.1"
            min={0}
            max={2}
            value={llm.temperature ?? ""}
            onInput={(e) => setBlock("llm", { temperature: numberOrUndefined(e.currentTarget.value) })}
          />
        </Field>
      </div>
      <div class="inline">
        <CredentialChoice
          label="LLM credential"
          value={llm.credential_id}
          credentials={credentials}
          providers={["openai", "openai_compatible"]}
          onChange={(credential_id) => setBlock("llm", { credential_id })}
        />
        {llm.provider === "custom" ? (
          <Field label="Custom LLM webhook URL" hint="Receives chat-completions requests, answers with SSE.">
            <input
              type="url"
              value={llm.webhook_url ?? ""}
              onInput={(e) => setBlock("llm", { webhook_url: e.currentTarget.value || null })}
            />
          </Field>
        ) : (
          <Field label="LLM base URL" hint="With a credential of yours; empty for the platform's.">
            <input
              type="url"
              value={llm.base_url ?? ""}
              onInput={(e) => setBlock("llm", { base_url: e.currentTarget.value || null })}
            />
          </Field>
        )}
      </div>
    </Section>
  );
}

export function SpeechSection({
  draft,
  setBlock,
  credentials,
}: SectionProps & { credentials: Credential[] }) {
  const stt = block(draft, "stt");
  const voice = block(draft, "voice");
  return (
    <Section title="Speech">
      <div class="inline">
        <Choice
          label="Speech-to-text provider"
          value={stt.provider ?? "openai"}
          options={[
            ["openai", "OpenAI audio"],
            ["deepgram", "Deepgram"],
            ["whisper", "local Whisper"],
          ]}
          onChange={(provider) => setBlock("stt", { provider })}
        />
        <Field label="Speech-to-text model">
          <input
            value={stt.model ?? ""}
            placeholder="whisper-1"
            onInput={(e) => setBlock("stt", { model: e.currentTarget.value })}
          />
        </Field>
        <CredentialChoice
          label="Speech-to-text credential"
          value={stt.credential_id}
          credentials={credentials}
          providers={stt.provider === "deepgram" ? ["deepgram"] : ["openai", "openai_compatible"]}
          onChange={(credential_id) => setBlock("stt", { credential_id })}
        />
      </div>
      <div class="inline">
        <Choice
          label="Voice provider"
          value={voice.provider ?? "espeak"}
          options={[
            ["espeak", "espeak-ng (local)"],
            ["flite", "flite (local)"],
            ["openai", "OpenAI speech"],
            ["elevenlabs", "ElevenLabs"],
          ]}
          onChange={(provider) => setBlock("voice", { provider })}
        />
        <Field label="Voice" hint="e.g. en-us (espeak), slt (flite), alloy (OpenAI).">
          <input
            value={voice.voice_id ?? ""}
            onInput={(e) => setBlock("voice", { voice_id: e.currentTarget.value })}
          />
        </Field>
        <Field label="Speed">
          <input
            type="number"
            step="0.1"
            min={0.5}
            max={2}
            value={voice.speed ?? ""}
            onInput={(e) => setBlock("voice", { speed: numberOrUndefined(e.currentTarget.value) })}
          />
        </Field>
        <CredentialChoice
          label="Voice credential"
          value={voice.credential_id}
          credentials={credentials}
          providers={voice.provider === "elevenlabs" ? ["elevenlabs"] : ["openai", "openai_compatible"]}
          onChange={(credential_id) => setBlock("voice", { credential_id })}
        />
      </div>
    </Section>
  );
}

export function RealtimeSection({
  draft,
  setBlock,
  credentials,
}: SectionProps & { credentials: Credential[] }) {
  const realtime = draft.realtime as Block | undefined | null;
  return (
    <Section title="Realtime mode">
      <label class="check">
        <input
          type="checkbox"
          checked={!!realtime}
          onChange={(e) =>
            setBlock(
              "realtime",
              e.currentTarget.checked ? { provider: "openai", model: "gpt-realtime", voice: "marin" } : null,
            )
          }
        />{" "}
        Speech-to-speech model (replaces the STT, LLM and voice above)
      </label>
      {realtime && (
        <div class="inline">
          <Choice
            label="Realtime provider"
            value={realtime.provider}
            options={[
              ["openai", "OpenAI Realtime"],
              ["gemini", "Gemini Live"],
            ]}
            onChange={(provider) => setBlock("realtime", { provider })}
          />
          <Field label="Realtime model">
            <input
              value={realtime.model ?? ""}
              onInput={(e) => setBlock("realtime", { model: e.currentTarget.value })}
            />
          </Field>
          <Field label="Realtime voice">
            <input
              value={realtime.voice ?? ""}
              onInput={(e) => setBlock("realtime", { voice: e.currentTarget.value })}
            />
          </Field>
          <Choice
            label="Turn detection"
            value={realtime.turn_detection ?? "server_vad"}
            options={[
              ["server_vad", "the model's VAD"],
              ["semantic_vad", "semantic VAD"],
              ["gateway", "the gateway's endpointing"],
            ]}
            onChange={(turn_detection) => setBlock("realtime", { turn_detection })}
          />
          <CredentialChoice
            label="Realtime credential"
            value={realtime.credential_id}
            credentials={credentials}
            providers={realtime.provider === "gemini" ? ["gemini"] : ["openai", "openai_compatible"]}
            onChange={(credential_id) => setBlock("realtime", { credential_id })}
          />
        </div>
      )}
    </Section>
  );
}

export function TurnSection({ draft, setBlock, set }: SectionProps) {
  const turn = block(draft, "turn");
  const interruptions = block(draft, "interruptions");
  return (
    <Section title="Turn-taking">
      <div class="inline">
        <Choice
          label="End of turn"
          value={turn.mode ?? "fixed"}
          options={[
            ["fixed", "fixed silence"],
            ["adaptive", "adaptive silence"],
            ["model", "turn model"],
          ]}
          onChange={(mode) => setBlock("turn", { mode })}
        />
        <Field label="Minimum silence (ms)">
          <input
            type="number"
            min={0}
            value={turn.min_silence_ms ?? ""}
            onInput={(e) => setBlock("turn", { min_silence_ms: numberOrUndefined(e.currentTarget.value) })}
          />
        </Field>
        <Field label="Maximum silence (ms)">
          <input
            type="number"
            min={0}
            value={turn.max_silence_ms ?? ""}
            onInput={(e) => setBlock("turn", { max_silence_ms: numberOrUndefined(e.currentTarget.value) })}
          />
        </Field>
      </div>
      <div class="inline">
        <label class="check">
          <input
            type="checkbox"
            checked={interruptions.enabled ?? true}
            onChange={(e) => setBlock("interruptions", { enabled: e.currentTarget.checked })}
          />{" "}
          The caller may interrupt
        </label>
        <Field label="Minimum speech to interrupt (ms)">
          <input
            type="number"
            min={0}
            value={interruptions.min_speech_ms ?? ""}
            onInput={(e) =>
              setBlock("interruptions", { min_speech_ms: numberOrUndefined(e.currentTarget.value) })
            }
          />
        </Field>
        <Field label="Longest call (s)">
          <input
            type="number"
            min={1}
            value={draft.max_duration_s ?? ""}
            onInput={(e) => set("max_duration_s", numberOrUndefined(e.currentTarget.value))}
          />
        </Field>
      </div>
    </Section>
  );
}

export function ToolsSection({ draft, set, tools }: SectionProps & { tools: Tool[] }) {
  const selected = new Set(draft.tool_ids ?? []);
  const inline = draft.tools ?? [];
  const endsCalls = inline.some((tool) => tool.type === "end_call");
  return (
    <Section title="Tools">
      <label class="check">
        <input
          type="checkbox"
          checked={endsCalls}
          onChange={(e) =>
            set(
              "tools",
              e.currentTarget.checked
                ? [...inline, { type: "end_call" } as (typeof inline)[number]]
                : inline.filter((tool) => tool.type !== "end_call"),
            )
          }
        />{" "}
        May end the call (built-in end_call)
      </label>
      {tools.length === 0 && <p class="muted">No tools in the catalogue yet (POST /api/v1/tools).</p>}
      {tools.map((tool) => (
        <label class="check" key={tool.id}>
          <input
            type="checkbox"
            checked={selected.has(tool.id)}
            onChange={(e) => {
              const next = new Set(selected);
              if (e.currentTarget.checked) next.add(tool.id);
              else next.delete(tool.id);
              set("tool_ids", [...next]);
            }}
          />{" "}
          {tool.name} <span class="muted">({tool.type})</span>
        </label>
      ))}
    </Section>
  );
}

export function KnowledgeSection({ draft, setBlock, sources }: SectionProps & { sources: Source[] }) {
  const knowledge = block(draft, "knowledge");
  const mode = knowledge.mode ?? "all";
  const selected = new Set<string>(knowledge.source_ids ?? []);
  return (
    <Section title="Knowledge">
      <div class="inline">
        <Choice
          label="Sources used"
          value={mode}
          options={[
            ["all", "all of the org's sources"],
            ["selected", "the sources chosen below"],
            ["none", "none"],
          ]}
          onChange={(value) => setBlock("knowledge", { mode: value })}
        />
        <Field label="Passages per turn">
          <input
            type="number"
            min={1}
            max={20}
            value={knowledge.top_k ?? ""}
            onInput={(e) => setBlock("knowledge", { top_k: numberOrUndefined(e.currentTarget.value) })}
          />
        </Field>
      </div>
      {mode === "selected" &&
        sources.map((source) => (
          <label class="check" key={source.id}>
            <input
              type="checkbox"
              checked={selected.has(source.id)}
              onChange={(e) => {
                const next = new Set(selected);
                if (e.currentTarget.checked) next.add(source.id);
                else next.delete(source.id);
                setBlock("knowledge", { source_ids: [...next] });
              }}
            />{" "}
            {source.title}
          </label>
        ))}
    </Section>
  );
}

export function AnalysisSection({
  draft,
  setBlock,
  schemaText,
  setSchemaText,
}: SectionProps & { schemaText: string; setSchemaText: (text: string) => void }) {
  const analysis = block(draft, "analysis");
  return (
    <Section title="After the call">
      <label class="check">
        <input
          type="checkbox"
          checked={!!analysis.summary}
          onChange={(e) => setBlock("analysis", { summary: e.currentTarget.checked })}
        />{" "}
        Write a summary
      </label>
      <Field label="Success criteria" hint="In plain words; the analysis answers yes or no with a reason.">
        <input
          value={analysis.success_criteria ?? ""}
          onInput={(e) =>
            setBlock("analysis", {
              summary: !!analysis.summary,
              success_criteria: e.currentTarget.value || undefined,
            })
          }
        />
      </Field>
      <Field
        label="Data to extract (JSON Schema)"
        hint='An object schema, e.g. {"type":"object","properties":{"party_size":{"type":"integer"}}}'
      >
        <textarea rows={3} value={schemaText} onInput={(e) => setSchemaText(e.currentTarget.value)} />
      </Field>
    </Section>
  );
}
