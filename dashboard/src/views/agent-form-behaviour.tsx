// The agent form's behaviour blocks: turn-taking, tools, knowledge and the post-call analysis.
import { Field } from "../ui.tsx";
import {
  block,
  Choice,
  numberOrUndefined,
  Section,
  type SectionProps,
  type Source,
  type Tool,
} from "./agent-form-fields.tsx";

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
