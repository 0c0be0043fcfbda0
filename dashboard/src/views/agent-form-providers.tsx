// The agent form's provider blocks: the LLM, speech-to-text and voice, and realtime mode.
import { Field } from "../ui.tsx";
import {
  type Block,
  block,
  Choice,
  type Credential,
  CredentialChoice,
  numberOrUndefined,
  Section,
  type SectionProps,
} from "./agent-form-fields.tsx";
import { VoiceSample } from "./voice-sample.tsx";

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
  savedAgentId,
}: SectionProps & {
  credentials: Credential[] /** Set when editing: the sample speaks its saved voice. */;
  savedAgentId?: string;
}) {
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
      {savedAgentId && <VoiceSample agentId={savedAgentId} />}
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
