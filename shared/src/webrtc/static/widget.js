// Switchboard browser call widget. One tag adds a call button:
//   <script src="https://api.example.com/widget.js" data-agent="agt_..." data-key="pk_live_..."></script>
// Optional: data-api (control base URL; default: where this script came from), data-label.
// Without data-agent it only defines window.Switchboard.connect (the demo page uses that).
(() => {
  const script = document.currentScript;
  const apiBase =
    (script && (script.dataset.api || new URL(script.src, location.href).origin)) || location.origin;

  class ProblemError extends Error {}

  async function problemMessage(response, fallback) {
    try {
      const problem = await response.json();
      return problem.detail || problem.title || fallback;
    } catch {
      return fallback;
    }
  }

  function microphoneMessage(error) {
    if (!navigator.mediaDevices?.getUserMedia) {
      return "This browser cannot use a microphone here (a secure https page is required).";
    }
    switch (error?.name) {
      case "NotAllowedError":
      case "SecurityError":
        return "Microphone access was refused. Allow the microphone for this site and try again.";
      case "NotFoundError":
        return "No microphone was found. Connect one and try again.";
      case "NotReadableError":
        return "The microphone is in use by another application.";
      default:
        return "The microphone could not be opened.";
    }
  }

  function waitForIceGathering(pc, timeoutMs) {
    if (pc.iceGatheringState === "complete") return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, timeoutMs);
      pc.addEventListener("icegatheringstatechange", () => {
        if (pc.iceGatheringState === "complete") {
          clearTimeout(timer);
          resolve();
        }
      });
    });
  }

  /**
   * Starts a call with a grant from /widget/token or /api/v1/agents/{id}/web-token.
   * handlers: onState(state, detail), onMessage(message), onAudio(stream)
   */
  async function connect(grant, stream, handlers = {}) {
    const onState = handlers.onState || (() => {});
    const onMessage = handlers.onMessage || (() => {});
    const pc = new RTCPeerConnection({ iceServers: grant.ice_servers || [] });
    const [track] = stream.getAudioTracks();
    pc.addTransceiver(track, { direction: "sendrecv", streams: [stream] });
    const channel = pc.createDataChannel("events");
    const audio = new Audio();
    audio.autoplay = true;
    let sessionUrl = null;
    let ended = false;

    const call = {
      pc,
      channel,
      audio,
      callId: grant.call_id,
      get muted() {
        return !track.enabled;
      },
      setMuted(muted) {
        track.enabled = !muted;
      },
      async hangup() {
        if (ended) return;
        ended = true;
        try {
          if (channel.readyState === "open") channel.send(JSON.stringify({ type: "hangup" }));
        } catch {}
        if (sessionUrl) {
          await fetch(sessionUrl, {
            method: "DELETE",
            headers: { authorization: `Bearer ${grant.token}` },
          }).catch(() => {});
        }
        finish("ended", "You hung up.");
      },
    };
    window.Switchboard.calls.push(call);

    function finish(state, detail) {
      ended = true;
      for (const t of stream.getTracks()) t.stop();
      try {
        pc.close();
      } catch {}
      onState(state, detail);
    }

    pc.ontrack = (event) => {
      audio.srcObject = event.streams[0] || new MediaStream([event.track]);
      audio.play().catch(() => {});
      if (handlers.onAudio) handlers.onAudio(audio.srcObject);
    };
    pc.onconnectionstatechange = () => {
      if (ended) return;
      if (pc.connectionState === "connected") onState("connected", "Connected.");
      if (pc.connectionState === "failed")
        finish("failed", "The connection to the agent failed (network or firewall).");
    };
    channel.onmessage = (event) => {
      let message;
      try {
        message = JSON.parse(event.data);
      } catch {
        return;
      }
      onMessage(message);
      if (message.type === "call.ended" && !ended) finish("ended", "The call has ended.");
    };

    onState("connecting", "Connecting…");
    await pc.setLocalDescription(await pc.createOffer());
    await waitForIceGathering(pc, 3000);
    const response = await fetch(grant.whip_url, {
      method: "POST",
      headers: { "content-type": "application/sdp", authorization: `Bearer ${grant.token}` },
      body: pc.localDescription.sdp,
    });
    if (response.status !== 201) {
      const message = await problemMessage(response, `The call could not start (HTTP ${response.status}).`);
      finish("failed", message);
      throw new ProblemError(message);
    }
    sessionUrl = new URL(response.headers.get("location"), grant.whip_url).href;
    await pc.setRemoteDescription({ type: "answer", sdp: await response.text() });
    return call;
  }

  async function widgetGrant(key, agentId) {
    const response = await fetch(`${apiBase}/widget/token`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ key, agent_id: agentId }),
    });
    if (response.status !== 201) {
      throw new ProblemError(
        await problemMessage(response, `The call could not start (HTTP ${response.status}).`),
      );
    }
    return response.json();
  }

  window.Switchboard = window.Switchboard || { calls: [] };
  window.Switchboard.connect = connect;
  window.Switchboard.microphoneMessage = microphoneMessage;
  window.Switchboard.ProblemError = ProblemError;

  const agentId = script?.dataset.agent;
  const key = script?.dataset.key;
  if (!agentId || !key) return;

  const STYLE = `
    :host { all: initial; position: fixed; right: 20px; bottom: 20px; z-index: 2147483000; font: 14px/1.4 system-ui, sans-serif; }
    .panel { background: #fff; color: #1b1b1f; border-radius: 12px; box-shadow: 0 6px 24px rgba(0,0,0,.18); width: 300px; padding: 12px; display: none; }
    .panel.open { display: block; }
    .status { font-size: 13px; color: #555; margin-bottom: 8px; }
    .status.error { color: #b00020; }
    .transcript { max-height: 220px; overflow-y: auto; margin-bottom: 8px; }
    .turn { margin: 4px 0; }
    .turn b { font-weight: 600; }
    .controls { display: flex; gap: 8px; }
    button { font: inherit; border: 0; border-radius: 8px; padding: 8px 12px; cursor: pointer; }
    .call { background: #1a7f37; color: #fff; border-radius: 24px; padding: 12px 18px; box-shadow: 0 4px 14px rgba(0,0,0,.2); }
    .hangup { background: #cf222e; color: #fff; }
    .mute { background: #eaeef2; color: #1b1b1f; }
    button:disabled { opacity: .5; cursor: default; }
  `;
  const host = document.createElement("div");
  host.setAttribute("data-switchboard-widget", "");
  const root = host.attachShadow({ mode: "open" });
  root.innerHTML = `<style>${STYLE}</style>
    <div class="panel" part="panel">
      <div class="status" role="status" aria-live="polite"></div>
      <div class="transcript" aria-live="polite"></div>
      <div class="controls">
        <button class="mute" type="button" disabled>Mute</button>
        <button class="hangup" type="button" disabled>Hang up</button>
      </div>
    </div>
    <button class="call" type="button"></button>`;
  const panel = root.querySelector(".panel");
  const statusLine = root.querySelector(".status");
  const transcript = root.querySelector(".transcript");
  const muteButton = root.querySelector(".mute");
  const hangupButton = root.querySelector(".hangup");
  const callButton = root.querySelector(".call");
  const label = script.dataset.label || "Talk to us";
  callButton.textContent = label;

  let current = null;

  function setStatus(text, isError = false) {
    panel.classList.add("open");
    statusLine.textContent = text;
    statusLine.classList.toggle("error", isError);
  }

  function idle() {
    current = null;
    callButton.disabled = false;
    callButton.textContent = label;
    muteButton.disabled = true;
    hangupButton.disabled = true;
    muteButton.textContent = "Mute";
  }

  function showTurn(turn) {
    const line = document.createElement("div");
    line.className = `turn ${turn.role}`;
    const who = document.createElement("b");
    who.textContent = turn.role === "agent" ? "Agent: " : "You: ";
    line.append(who, document.createTextNode(turn.text));
    transcript.append(line);
    transcript.scrollTop = transcript.scrollHeight;
  }

  callButton.addEventListener("click", async () => {
    if (current) return;
    callButton.disabled = true;
    transcript.textContent = "";
    setStatus("Asking for the microphone…");
    let stream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({
        audio: { echoCancellation: true, noiseSuppression: true, autoGainControl: true },
      });
    } catch (error) {
      setStatus(microphoneMessage(error), true);
      idle();
      return;
    }
    try {
      setStatus("Connecting…");
      const grant = await widgetGrant(key, agentId);
      current = await connect(grant, stream, {
        onState(state, detail) {
          setStatus(detail, state === "failed");
          if (state === "ended" || state === "failed") idle();
        },
        onMessage(message) {
          if (message.type === "transcript") showTurn(message.turn);
        },
      });
      muteButton.disabled = false;
      hangupButton.disabled = false;
    } catch (error) {
      for (const t of stream.getTracks()) t.stop();
      setStatus(
        error instanceof ProblemError ? error.message : "The call could not start. Check your connection.",
        true,
      );
      idle();
    }
  });
  muteButton.addEventListener("click", () => {
    if (!current) return;
    current.setMuted(!current.muted);
    muteButton.textContent = current.muted ? "Unmute" : "Mute";
  });
  hangupButton.addEventListener("click", () => {
    if (current) current.hangup();
  });

  if (document.body) document.body.append(host);
  else document.addEventListener("DOMContentLoaded", () => document.body.append(host));
})();
