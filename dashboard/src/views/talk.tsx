import { useEffect, useRef, useState } from "preact/hooks";
import { api, problemText } from "../api/client.ts";
import { ErrorNote } from "../ui.tsx";

interface TranscriptMessage {
  type: string;
  turn: { role: "agent" | "user"; text: string };
}
interface WidgetCall {
  muted: boolean;
  setMuted(muted: boolean): void;
  hangup(): void;
}
interface Widget {
  connect(
    grant: unknown,
    stream: MediaStream,
    handlers: { onState(state: string, detail: string): void; onMessage(message: TranscriptMessage): void },
  ): Promise<WidgetCall>;
  microphoneMessage(error: unknown): string;
}

/** /widget.js without data-agent only defines window.Switchboard (the same client the widget and /demo use). */
function loadWidget(): Promise<Widget> {
  const existing = (window as unknown as { Switchboard?: Widget }).Switchboard;
  if (existing?.connect) return Promise.resolve(existing);
  return new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = "/widget.js";
    script.onload = () => resolve((window as unknown as { Switchboard: Widget }).Switchboard);
    script.onerror = () => reject(new Error("The call client did not load."));
    document.head.append(script);
  });
}

/** "Talk to this agent": a browser call through the widget's client, with the live transcript. */
export function TalkPanel({
  agentId,
  agentName,
  onClose,
}: {
  agentId: string;
  agentName: string;
  onClose: () => void;
}) {
  const [status, setStatus] = useState("Asking for the microphone…");
  const [error, setError] = useState<string | null>(null);
  const [turns, setTurns] = useState<TranscriptMessage["turn"][]>([]);
  const [muted, setMuted] = useState(false);
  const [live, setLive] = useState(false);
  const call = useRef<WidgetCall | null>(null);

  useEffect(() => {
    let cancelled = false;
    let stream: MediaStream | null = null;
    (async () => {
      try {
        const widget = await loadWidget();
        try {
          stream = await navigator.mediaDevices.getUserMedia({
            audio: { echoCancellation: true, noiseSuppression: true },
          });
        } catch (failure) {
          throw new Error(widget.microphoneMessage(failure));
        }
        setStatus("Connecting…");
        const { data, error: problem } = await api.POST("/api/v1/agents/{agent_id}/web-token", {
          params: { path: { agent_id: agentId } },
          body: {},
        });
        if (!data) throw new Error(problemText(problem));
        if (cancelled) return;
        call.current = await widget.connect(data, stream, {
          onState(state, detail) {
            setStatus(detail);
            setLive(state !== "ended" && state !== "failed");
            if (state === "failed") setError(detail);
          },
          onMessage(message) {
            if (message.type === "transcript") setTurns((previous) => [...previous, message.turn]);
          },
        });
        setLive(true);
      } catch (failure) {
        for (const track of stream?.getTracks() ?? []) track.stop();
        setError((failure as Error).message || "The call could not start.");
        setStatus("Not connected.");
      }
    })();
    return () => {
      cancelled = true;
      call.current?.hangup();
    };
  }, [agentId]);

  return (
    <section class="card talk" aria-label={`Call with ${agentName}`}>
      <h2>Talking to {agentName}</h2>
      <p role="status" data-testid="call-status">
        {status}
      </p>
      <ErrorNote message={error} />
      <ol class="transcript" aria-live="polite" aria-label="Live transcript">
        {turns.map((turn, index) => (
          <li key={`${index}-${turn.role}`} class={turn.role}>
            <span class="speaker">{turn.role === "agent" ? "Agent" : "You"}</span>
            <p>{turn.text}</p>
          </li>
        ))}
      </ol>
      <div class="row">
        <button
          type="button"
          class="secondary"
          disabled={!live}
          onClick={() => {
            call.current?.setMuted(!muted);
            setMuted(!muted);
          }}
        >
          {muted ? "Unmute" : "Mute"}
        </button>
        <button
          type="button"
          class="danger"
          onClick={() => {
            call.current?.hangup();
            call.current = null;
            onClose();
          }}
        >
          {live ? "Hang up" : "Close"}
        </button>
      </div>
    </section>
  );
}
