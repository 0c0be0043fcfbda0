// Test support: a browser's offer for a web call, from a werift peer that offers Opus the way
// Chrome does, sends and receives audio, opens the "events" data channel, and has gathered its
// loopback ICE candidates (the offer goes in one POST, without trickle).
import { RTCPeerConnection, RTCRtpCodecParameters } from "werift";

export async function browserOffer() {
  const peer = new RTCPeerConnection({
    codecs: {
      audio: [
        new RTCRtpCodecParameters({
          mimeType: "audio/opus",
          clockRate: 48_000,
          channels: 2,
          payloadType: 111,
        }),
      ],
    },
    iceAdditionalHostAddresses: ["127.0.0.1"],
  });
  const transceiver = peer.addTransceiver("audio", { direction: "sendrecv" });
  const channel = peer.createDataChannel("events");
  await peer.setLocalDescription(await peer.createOffer());
  await new Promise<void>((resolve) => {
    if (peer.iceGatheringState === "complete") resolve();
    else peer.iceGatheringStateChange.subscribe((state) => state === "complete" && resolve());
  });
  return { peer, transceiver, channel, sdp: peer.localDescription!.sdp };
}
