import { afterAll, describe, expect, test } from "bun:test";
import { waitFor } from "@switchboard/shared/testing/wait-for";
import { rms, sine, toneShare } from "@switchboard/stand-ins/testing/signals";
import type { Subprocess } from "bun";
import { MediaClock } from "../media/clock.ts";
import type { RtpSession } from "./session.ts";
import { openLoopbackSession } from "./testing/loopback-session.ts";

// SIPp (Debian sip-tester) as an independent RTP peer: -rtp_echo sends every datagram on
// the media port straight back to its source.

const clock = new MediaClock();
let sipp: Subprocess | null = null;
let session: RtpSession | null = null;

afterAll(async () => {
  await session?.close();
  if (sipp) {
    sipp.kill();
    await sipp.exited;
  }
});

/**
 * Starts `sipp -rtp_echo` on random ports above Linux's ephemeral range (SIPp also echoes on
 * mediaPort + 2); retries elsewhere when its bind fails and it exits.
 */
async function startEcho(): Promise<{ process: Subprocess; mediaPort: number }> {
  for (let attempt = 0; attempt < 8; attempt++) {
    const mediaPort = 61000 + 4 * Math.floor(Math.random() * 1000);
    const sipPort = mediaPort + 1;
    const process = Bun.spawn(
      [
        "sipp",
        "-sn",
        "uas",
        "-rtp_echo",
        "-mp",
        String(mediaPort),
        "-p",
        String(sipPort),
        "-i",
        "127.0.0.1",
        "-nostdin",
      ],
      { stdin: "ignore", stdout: "ignore", stderr: "ignore" },
    );
    const echoing = await echoes(mediaPort);
    if (echoing && process.exitCode === null && !process.killed) return { process, mediaPort };
    process.kill();
    await process.exited;
  }
  throw new Error("could not start sipp -rtp_echo");
}

async function echoes(mediaPort: number): Promise<boolean> {
  let answered = false;
  const probe = await Bun.udpSocket({
    hostname: "127.0.0.1",
    port: 0,
    socket: {
      data() {
        answered = true;
      },
      error() {},
    },
  });
  try {
    // Not echoing within 2 s (its bind failed): the caller tries other ports.
    return await waitFor(
      "sipp to echo a probe",
      () => {
        if (!answered)
          probe.send(Uint8Array.from([0x80, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1]), mediaPort, "127.0.0.1");
        return answered;
      },
      { timeoutMs: 2000, intervalMs: 50 },
    ).catch(() => false);
  } finally {
    probe.close();
  }
}

describe("RtpSession against sipp -rtp_echo", () => {
  test("our own audio and DTMF come back through an independent RTP peer", async () => {
    const echo = await startEcho();
    sipp = echo.process;
    session = await openLoopbackSession(clock, { remote: { address: "127.0.0.1", port: echo.mediaPort } });
    const heard: Int16Array[] = [];
    session.onFrame((frame) => heard.push(frame.slice()));
    const digits: string[] = [];
    session.onDtmf((digit) => digits.push(digit));

    session.enqueue(sine(1000, 16000, 16000));
    await waitFor("the tone played", () => session!.playedSamples === 16000, { timeoutMs: 15_000 });
    await session.sendDtmf("42#");
    // A last digit after every packet of the others: once it is echoed, a duplicate report of
    // an earlier digit, and the tone's echo, would have come before it.
    await session.sendDtmf("D");
    await waitFor("the closing digit's echo", () => digits.at(-1) === "D", { timeoutMs: 15_000 });

    const loud = heard.filter((frame) => rms(frame) > 2000);
    expect(loud.length).toBeGreaterThanOrEqual(45);
    const firstLoud = heard.findIndex((frame) => rms(frame) > 2000);
    const block = new Int16Array(30 * 320);
    for (let index = 0; index < 30; index++) block.set(heard[firstLoud + 5 + index]!, index * 320);
    expect(toneShare(block, 1000, 16000)).toBeGreaterThan(0.9);
    expect(digits.join("")).toBe("42#D");
    expect(session.stats().lost).toBe(0);
    expect(session.remote).toEqual({ address: "127.0.0.1", port: echo.mediaPort });
  });
});
