// Debian packages the test suites drive as real peers. Installed with apt-get when running
// as root; otherwise the test command stops with the exact install line.
import { $ } from "bun";

export const SYSTEM_PACKAGES: { binary: string; pkg: string }[] = [
  { binary: "sipp", pkg: "sip-tester" },
  { binary: "sox", pkg: "sox" },
  { binary: "flite", pkg: "flite" },
  { binary: "espeak-ng", pkg: "espeak-ng" },
  { binary: "chromium", pkg: "chromium" },
  { binary: "baresip", pkg: "baresip" },
];

async function has(binary: string): Promise<boolean> {
  return (await $`command -v ${binary}`.quiet().nothrow()).exitCode === 0;
}

export async function ensureSystemPackages(): Promise<void> {
  const missing: string[] = [];
  for (const { binary, pkg } of SYSTEM_PACKAGES) if (!(await has(binary))) missing.push(pkg);
  if (missing.length === 0) return;
  const line = `apt-get install -y ${missing.join(" ")}`;
  if (process.getuid?.() !== 0) {
    console.error(`The tests need these Debian packages. Install them with:\n  sudo ${line}`);
    process.exit(1);
  }
  console.error(`[test] installing ${missing.join(", ")} with apt-get`);
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  let result = await $`apt-get install -y --no-install-recommends ${missing}`.env(env).nothrow();
  if (result.exitCode !== 0) {
    await $`apt-get update`.env(env).nothrow();
    result = await $`apt-get install -y --no-install-recommends ${missing}`.env(env).nothrow();
  }
  if (result.exitCode !== 0) {
    console.error(`[test] apt-get failed; run by hand: ${line}`);
    process.exit(1);
  }
}
