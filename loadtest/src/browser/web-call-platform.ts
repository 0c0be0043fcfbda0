// The platform a browser-call test talks to, all in one process: the loopback stand-ins, an
// in-process bus, a real gateway (WebRTC on 127.0.0.1), control served over HTTP with the
// calls background (events to the database), and headless Chromium whose fake microphone plays
// the caller's WAV. Used by the browser-call, realtime-record and dashboard "Talk" tests.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startCallsBackground } from "@switchboard/control/src/modules/calls/background";
import { createHarness, type Harness } from "@switchboard/control/src/testing/harness";
import { createAgentApplication } from "@switchboard/gateway/pipeline/create";
import { type RunningGateway, startGateway } from "@switchboard/gateway/server";
import { MemoryBus } from "@switchboard/shared/bus/memory";
import { type Config, loadConfig } from "@switchboard/shared/config";
import { createLogger } from "@switchboard/shared/logger";
import { type PartialScript, type StandIns, startStandIns } from "@switchboard/stand-ins/index";
import type { Browser } from "playwright-core";
import { launchChromium } from "./chromium.ts";

export interface WebCallPlatform {
  /** A temporary folder: DATA_DIR of gateway and control (recordings land here). */
  dir: string;
  standIns: StandIns;
  bus: MemoryBus;
  h: Harness;
  gateway: RunningGateway;
  /** Control's origin, `http://127.0.0.1:<port>`. */
  controlUrl: string;
  browser: Browser;
  stop(): Promise<void>;
}

export interface WebCallPlatformOptions {
  /** Prefix of the temporary folder. */
  name: string;
  /** The stand-ins' script (LLM, transcription, realtime ...). */
  script: PartialScript;
  /** Writes what the caller says, as the WAV Chromium's fake microphone loops. */
  writeCallerWav(path: string): void;
  /** Control's configuration beyond the web-call secret, data folder and gateway URL. */
  control?: Partial<Config>;
}

export async function startWebCallPlatform(options: WebCallPlatformOptions): Promise<WebCallPlatform> {
  const dir = mkdtempSync(join(tmpdir(), `${options.name}-`));
  const secret = `${options.name}-web-call-secret-${crypto.randomUUID()}`;
  const wav = join(dir, "caller.wav");
  options.writeCallerWav(wav);
  const standIns = startStandIns(options.script);
  const bus = new MemoryBus();
  const config = loadConfig({
    GATEWAY_PORT: "0",
    SIP_PORT: "0",
    SIP_BIND_ADDRESS: "127.0.0.1",
    WEB_CALL_SECRET: secret,
    DATA_DIR: dir,
    OPENAI_BASE_URL: standIns.urls.openai,
  });
  const log = createLogger("silent");
  const gateway = await startGateway({
    config,
    log,
    bus,
    application: await createAgentApplication({ config, log }),
    webrtcHostAddresses: ["127.0.0.1"],
  });
  const h = await createHarness({
    bus,
    config: {
      webCallSecret: secret,
      dataDir: dir,
      gatewayPublicUrl: gateway.url,
      widgetRateLimitPerMinute: 100,
      ...options.control,
    },
  });
  const callsBackground = startCallsBackground(h.ctx);
  const control = Bun.serve({ port: 0, hostname: "127.0.0.1", fetch: (request) => h.app.handle(request) });
  const browser = await launchChromium(wav);
  return {
    dir,
    standIns,
    bus,
    h,
    gateway,
    controlUrl: `http://127.0.0.1:${control.port}`,
    browser,
    async stop() {
      await browser.close();
      control.stop(true);
      await callsBackground.stop();
      await gateway.stop({ drainTimeoutMs: 0 });
      await h.close();
      await standIns.stop();
      await bus.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
