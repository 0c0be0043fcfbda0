// A second, independent SIP peer: baresip dials the gateway, sends speech from a WAV, and
// hangs up when the file ends.
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { waitFor } from "@switchboard/shared/testing/wait-for";
import { GreetingApplication } from "../call-core/greeting-application.ts";
import { EspeakTts } from "../providers/espeak/tts.ts";
import { publishRoute, startTestGateway, type TestGateway } from "./testing/test-gateway.ts";

describe("baresip calls the gateway", () => {
  let gateway: TestGateway;
  let workDir: string;
  beforeAll(async () => {
    workDir = await mkdtemp(join(tmpdir(), "baresip-"));
    gateway = await startTestGateway({
      env: { SIP_TRUNK_INBOUND_CIDRS: "127.0.0.1/32" },
      application: new GreetingApplication({ tts: new EspeakTts(), hangupAfterGreetingMs: null }),
      recordingsDir: join(workDir, "recordings"),
    });
    await publishRoute(gateway.bus, "+14155550100");
  });
  afterAll(async () => {
    await gateway.stop();
    await rm(workDir, { recursive: true, force: true });
  });

  test("answered, RTP flows from baresip into the recording, baresip hangs up", async () => {
    const speech16k = join(workDir, "speech16k.wav");
    const speech = join(workDir, "speech.wav");
    await Bun.$`flite -t ${"hello this is the caller speaking"} -o ${speech16k}`.quiet();
    await Bun.$`sox ${speech16k} -r 8000 ${speech}`.quiet();
    await writeFile(
      join(workDir, "config"),
      [
        // Port 0 and a range: baresip binds free ports itself, and tells the gateway in Via and SDP.
        "sip_listen 127.0.0.1:0",
        "module_path /usr/lib/baresip/modules",
        "module g711.so",
        "module aufile.so",
        "module account.so",
        "module menu.so",
        `audio_source aufile,${speech}`,
        `audio_player aufile,${join(workDir, "heard.wav")}`,
        `audio_alert aufile,${join(workDir, "alert.wav")}`,
        "rtp_ports 10000-20000",
        "",
      ].join("\n"),
    );
    await writeFile(join(workDir, "accounts"), "<sip:caller@127.0.0.1>;regint=0;audio_codecs=PCMU\n");
    const child = Bun.spawn(
      ["baresip", "-f", workDir, "-e", `/dial sip:+14155550100@127.0.0.1:${gateway.port}`, "-t", "8"],
      { stdout: "pipe", stderr: "pipe" },
    );
    const output = await new Response(child.stdout).text();
    await child.exited;
    expect(output).toContain("Call established");
    await waitFor(
      "the call.recording event",
      () => gateway.events().some((event) => event.type === "call.recording"),
      { timeoutMs: 15_000 },
    );
    expect(gateway.events().map((event) => event.type)).toEqual([
      "call.status",
      "call.started",
      "call.ended",
      "call.recording",
    ]);
    expect(gateway.events()[2]).toMatchObject({ status: "completed", hangup_cause: "caller_hangup" });
    const recording = gateway.events()[3];
    if (recording?.type !== "call.recording") throw new Error("no recording");
    const wav = Buffer.from(await Bun.file(recording.path).arrayBuffer());
    let callerEnergy = 0;
    for (let offset = 44; offset + 4 <= wav.length; offset += 4)
      callerEnergy += Math.abs(wav.readInt16LE(offset));
    expect(callerEnergy).toBeGreaterThan(0);
  }, 60_000);
});
