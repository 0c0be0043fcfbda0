import { describe, expect, test } from "bun:test";
import { buildAnswer, buildOffer, negotiateOffer } from "./offer-answer.ts";

const offer = (media: string, extra = "", connection = "c=IN IP4 192.0.2.4") =>
  ["v=0", "o=- 1 1 IN IP4 192.0.2.4", "s=-", connection, "t=0 0", media, extra].filter(Boolean).join("\r\n") +
  "\r\n";

describe("SDP offer/answer", () => {
  test("picks the first G.711 codec in the offer's order, and telephone-event", () => {
    const result = negotiateOffer(
      offer(
        "m=audio 49170 RTP/AVP 18 8 0 101",
        "a=rtpmap:18 G729/8000\r\na=rtpmap:8 PCMA/8000\r\na=rtpmap:101 telephone-event/8000",
      ),
    );
    expect(result).toEqual({
      ok: true,
      selection: {
        codec: "PCMA",
        payloadType: 8,
        telephoneEventPayloadType: 101,
        remote: { address: "192.0.2.4", port: 49170 },
        direction: "sendrecv",
      },
    });
  });

  test("static payload types without rtpmap are understood", () => {
    const result = negotiateOffer(offer("m=audio 4000 RTP/AVP 0"));
    expect(result.ok && result.selection.codec).toBe("PCMU");
  });

  test("no common codec, SRTP and garbage are refused with a reason", () => {
    expect(negotiateOffer(offer("m=audio 4000 RTP/AVP 18", "a=rtpmap:18 G729/8000"))).toEqual({
      ok: false,
      reason: "no common codec (PCMU or PCMA)",
    });
    expect(negotiateOffer(offer("m=audio 4000 RTP/SAVP 0")).ok).toBe(false);
    expect(negotiateOffer("hello").ok).toBe(false);
  });

  test("hold: sendonly direction and 0.0.0.0 connection", () => {
    const sendonly = negotiateOffer(offer("m=audio 4000 RTP/AVP 0", "a=sendonly"));
    expect(sendonly.ok && sendonly.selection.direction).toBe("sendonly");
    const zero = negotiateOffer(offer("m=audio 4000 RTP/AVP 0", "", "c=IN IP4 0.0.0.0"));
    expect(zero.ok && zero.selection.remote).toBeNull();
  });

  test("answer mirrors direction and carries only the chosen codec", () => {
    const negotiated = negotiateOffer(
      offer("m=audio 4000 RTP/AVP 0 8 101", "a=rtpmap:101 telephone-event/8000\r\na=sendonly"),
    );
    if (!negotiated.ok) throw new Error("not negotiated");
    const answer = buildAnswer(
      { address: "198.51.100.1", port: 30000, sessionId: 1, sessionVersion: 2 },
      negotiated.selection,
    );
    expect(answer).toContain("m=audio 30000 RTP/AVP 0 101");
    expect(answer).toContain("a=recvonly");
    expect(answer).toContain("c=IN IP4 198.51.100.1");
    const ours = buildOffer({ address: "2001:db8::1", port: 30002, sessionId: 1, sessionVersion: 1 });
    expect(ours).toContain("c=IN IP6 2001:db8::1");
    expect(negotiateOffer(ours).ok).toBe(true);
  });
});
