// SDP offer/answer for phone calls (RFC 3264): G.711 (PCMU, PCMA) and telephone-event
// (RFC 4733). Parsing and serializing through sdp-transform.
import * as sdpTransform from "sdp-transform";

export type G711Codec = "PCMU" | "PCMA";

export interface MediaSelection {
  codec: G711Codec;
  payloadType: number;
  telephoneEventPayloadType: number | null;
  /** Where to send RTP; null when the peer has no address yet (0.0.0.0, RFC 3264 §8.4). */
  remote: { address: string; port: number } | null;
  direction: "sendrecv" | "sendonly" | "recvonly" | "inactive";
}

type NegotiationResult = { ok: true; selection: MediaSelection } | { ok: false; reason: string };

const STATIC_PAYLOAD_TYPES: Record<number, G711Codec> = { 0: "PCMU", 8: "PCMA" };
const DIRECTIONS = new Set(["sendrecv", "sendonly", "recvonly", "inactive"]);

/** Picks the first G.711 codec in the offer's order, and telephone-event if offered. */
export function negotiateOffer(sdpText: string): NegotiationResult {
  let session: sdpTransform.SessionDescription;
  try {
    session = sdpTransform.parse(sdpText);
  } catch {
    return { ok: false, reason: "unparseable SDP" };
  }
  if (session.version !== 0 || !Array.isArray(session.media)) return { ok: false, reason: "not an SDP body" };
  const audio = session.media.find((media) => media.type === "audio" && media.port !== 0);
  if (!audio) return { ok: false, reason: "no audio stream offered" };
  if (!/^RTP\/(S)?AVP$/.test(audio.protocol))
    return { ok: false, reason: `transport ${audio.protocol} not supported` };
  if (audio.protocol === "RTP/SAVP") return { ok: false, reason: "SRTP not supported" };
  const payloads = String(audio.payloads ?? "")
    .split(/\s+/)
    .filter(Boolean)
    .map(Number);
  const rtpmap = new Map<number, { codec: string; rate: number }>();
  for (const entry of audio.rtp ?? [])
    rtpmap.set(entry.payload, { codec: entry.codec, rate: entry.rate ?? 0 });
  let chosen: { codec: G711Codec; payloadType: number } | null = null;
  let telephoneEvent: number | null = null;
  for (const payload of payloads) {
    const mapped = rtpmap.get(payload);
    const name = mapped ? mapped.codec.toUpperCase() : STATIC_PAYLOAD_TYPES[payload];
    if (!chosen && (name === "PCMU" || name === "PCMA") && (!mapped || mapped.rate === 8000)) {
      chosen = { codec: name, payloadType: payload };
    }
    if (telephoneEvent === null && name === "TELEPHONE-EVENT" && mapped?.rate === 8000)
      telephoneEvent = payload;
  }
  if (!chosen) return { ok: false, reason: "no common codec (PCMU or PCMA)" };
  const address = audio.connection?.ip ?? session.connection?.ip ?? null;
  const held = address === null || address === "0.0.0.0" || address === "::";
  const direction = (audio.direction ?? session.direction ?? "sendrecv") as MediaSelection["direction"];
  return {
    ok: true,
    selection: {
      ...chosen,
      telephoneEventPayloadType: telephoneEvent,
      remote: held ? null : { address, port: audio.port },
      direction: DIRECTIONS.has(direction) ? direction : "sendrecv",
    },
  };
}

/** RFC 3264 §6.1: the answer's direction mirrors the offer's. */
function answerDirection(offered: MediaSelection["direction"]): MediaSelection["direction"] {
  if (offered === "sendonly") return "recvonly";
  if (offered === "recvonly") return "sendonly";
  return offered;
}

interface LocalMedia {
  address: string;
  port: number;
  sessionId: number;
  sessionVersion: number;
}

/** An answer with just the chosen codec (and telephone-event when both sides have it). */
export function buildAnswer(local: LocalMedia, selection: MediaSelection): string {
  return buildDescription(
    local,
    [{ codec: selection.codec, payloadType: selection.payloadType }],
    selection.telephoneEventPayloadType,
    answerDirection(selection.direction),
  );
}

/** Our offer for outbound calls and re-INVITEs: PCMU, PCMA, telephone-event 101. */
export function buildOffer(local: LocalMedia, direction: MediaSelection["direction"] = "sendrecv"): string {
  return buildDescription(
    local,
    [
      { codec: "PCMU", payloadType: 0 },
      { codec: "PCMA", payloadType: 8 },
    ],
    101,
    direction,
  );
}

function buildDescription(
  local: LocalMedia,
  codecs: Array<{ codec: G711Codec; payloadType: number }>,
  telephoneEventPayloadType: number | null,
  direction: MediaSelection["direction"],
): string {
  const ipVer = local.address.includes(":") ? 6 : 4;
  const rtp: Array<{ payload: number; codec: string; rate?: number }> = codecs.map((c) => ({
    payload: c.payloadType,
    codec: c.codec,
    rate: 8000,
  }));
  const fmtp: Array<{ payload: number; config: string }> = [];
  if (telephoneEventPayloadType !== null) {
    rtp.push({ payload: telephoneEventPayloadType, codec: "telephone-event", rate: 8000 });
    fmtp.push({ payload: telephoneEventPayloadType, config: "0-16" });
  }
  const payloads = [
    ...codecs.map((c) => c.payloadType),
    ...(telephoneEventPayloadType === null ? [] : [telephoneEventPayloadType]),
  ];
  const description: sdpTransform.SessionDescription = {
    version: 0,
    origin: {
      username: "switchboard",
      sessionId: local.sessionId,
      sessionVersion: local.sessionVersion,
      netType: "IN",
      ipVer,
      address: local.address,
    },
    name: "switchboard",
    connection: { version: ipVer, ip: local.address },
    timing: { start: 0, stop: 0 },
    media: [
      {
        type: "audio",
        port: local.port,
        protocol: "RTP/AVP",
        payloads: payloads.join(" "),
        rtp,
        fmtp,
        ptime: 20,
        direction,
      },
    ],
  };
  return sdpTransform.write(description);
}
