// The agent form's "Play sample" button: a gateway speaks a short text with the agent's saved
// voice (POST /agents/{agent_id}/voice-sample) and the page plays the WAV from a blob URL.
import { useEffect, useState } from "preact/hooks";
import { api, problemText } from "../api/client.ts";

type SampleState =
  | { kind: "idle" }
  | { kind: "loading" }
  | { kind: "ready"; url: string }
  | { kind: "error"; message: string };

export function VoiceSample({ agentId }: { agentId: string }) {
  const [state, setState] = useState<SampleState>({ kind: "idle" });
  const url = state.kind === "ready" ? state.url : null;
  useEffect(() => (url ? () => URL.revokeObjectURL(url) : undefined), [url]);

  async function play() {
    setState({ kind: "loading" });
    const { data, error } = await api.POST("/api/v1/agents/{agent_id}/voice-sample", {
      params: { path: { agent_id: agentId } },
      body: {},
      parseAs: "blob",
    });
    if (error || !(data instanceof Blob)) {
      setState({ kind: "error", message: problemText(error) });
      return;
    }
    setState({ kind: "ready", url: URL.createObjectURL(data) });
  }

  return (
    <div class="voice-sample">
      <button
        type="button"
        onClick={play}
        disabled={state.kind === "loading"}
        aria-busy={state.kind === "loading"}
      >
        {state.kind === "loading" ? "Synthesising…" : "Play sample"}
      </button>
      <span class="hint">Plays the saved voice: save changes first.</span>
      {state.kind === "ready" && (
        // biome-ignore lint/a11y/useMediaCaption: a synthesised sample of the text above, no dialogue to caption.
        <audio src={state.url} controls autoplay data-testid="voice-sample-audio" />
      )}
      {state.kind === "error" && (
        <span class="error" role="alert">
          {state.message}
        </span>
      )}
    </div>
  );
}
