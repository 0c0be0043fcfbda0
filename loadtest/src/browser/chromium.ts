// Headless Chromium (Debian's package) for browser-call tests: a fake microphone that plays a
// WAV file in a loop, and the media permission prompt accepted.
import { type Browser, chromium } from "playwright-core";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export async function launchChromium(fakeMicrophoneWav: string): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--autoplay-policy=no-user-gesture-required",
      "--use-fake-ui-for-media-stream",
      "--use-fake-device-for-media-stream",
      `--use-file-for-fake-audio-capture=${fakeMicrophoneWav}`,
    ],
  });
}

/**
 * A caller's sentence as a 16 kHz WAV from flite (BSD-style licence, runs as a process), with
 * silence before and after: Chromium loops the file, so the caller speaks, then waits.
 */
export function speechWav(text: string, path: string, leadingSilenceS = 6, trailingSilenceS = 8): void {
  const raw = `${path}.speech.wav`;
  const spoken = Bun.spawnSync(["flite", "-voice", "slt", "-t", text, "-o", raw]);
  if (spoken.exitCode !== 0) throw new Error(`flite failed: ${spoken.stderr.toString()}`);
  const padded = Bun.spawnSync(["sox", raw, path, "pad", String(leadingSilenceS), String(trailingSilenceS)]);
  if (padded.exitCode !== 0) throw new Error(`sox failed: ${padded.stderr.toString()}`);
}
