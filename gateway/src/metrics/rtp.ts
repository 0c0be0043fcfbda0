// RTP packet counts come from each session's own per-packet stats, read at scrape time: the
// audio path pays nothing for them. A closed session's counts are folded into the totals.
import { Counter } from "prom-client";
import { gatewayRegistry, jitterSeconds } from "./registry.ts";

/** What a session reports about itself (RtpSession.stats()). */
export interface RtpCounts {
  packetsSent: number;
  packetsReceived: number;
  lost: number;
  jitterMs: number;
}

const live = new Set<() => RtpCounts>();
const closed = { sent: 0, received: 0, lost: 0 };

function totals(): { sent: number; received: number; lost: number } {
  const sum = { ...closed };
  for (const read of live) {
    const counts = read();
    sum.sent += counts.packetsSent;
    sum.received += counts.packetsReceived;
    sum.lost += counts.lost;
  }
  return sum;
}

new Counter({
  name: "switchboard_rtp_packets_total",
  help: "RTP packets sent and received by this gateway's calls.",
  labelNames: ["direction"] as const,
  registers: [gatewayRegistry],
  collect() {
    const sum = totals();
    this.reset();
    this.inc({ direction: "sent" }, sum.sent);
    this.inc({ direction: "received" }, sum.received);
  },
});

new Counter({
  name: "switchboard_rtp_lost_total",
  help: "RTP packets the callers sent that never arrived (RFC 3550 A.3).",
  registers: [gatewayRegistry],
  collect() {
    this.reset();
    this.inc(totals().lost);
  },
});

/** Counts the session's packets from now on; call the result once when it closes. */
export function trackRtpSession(read: () => RtpCounts): () => void {
  live.add(read);
  let done = false;
  return () => {
    if (done) return;
    done = true;
    live.delete(read);
    const counts = read();
    closed.sent += counts.packetsSent;
    closed.received += counts.packetsReceived;
    closed.lost += counts.lost;
    if (counts.packetsReceived > 0) jitterSeconds.observe(counts.jitterMs / 1000);
  };
}
