// Debian packages the test suites drive as real peers. Installed with apt-get when running
// as root; otherwise the test command stops with the exact install line.
import { $ } from "bun";

const SYSTEM_PACKAGES: { check: string; pkg: string }[] = [
  { check: "command -v sipp", pkg: "sip-tester" },
  { check: "command -v sox", pkg: "sox" },
  { check: "command -v flite", pkg: "flite" },
  { check: "command -v espeak-ng", pkg: "espeak-ng" },
  { check: "command -v chromium", pkg: "chromium" },
  { check: "command -v baresip", pkg: "baresip" },
  { check: "command -v pocketsphinx_continuous", pkg: "pocketsphinx" },
  // Its acoustic model is only a recommended package, so it is named on its own.
  { check: "test -f /usr/share/pocketsphinx/model/en-us/en-us/mdef", pkg: "pocketsphinx-en-us" },
  { check: "/usr/bin/python3 -c 'import onnx'", pkg: "python3-onnx" },
  // The cluster's SIP edge (deploy/kamailio): dispatcher, pike and permissions are in the base package.
  { check: "command -v kamailio && command -v kamcmd", pkg: "kamailio" },
];

async function present(check: string): Promise<boolean> {
  return (await $`sh -c ${check}`.quiet().nothrow()).exitCode === 0;
}

export async function ensureSystemPackages(): Promise<void> {
  const missing: string[] = [];
  for (const { check, pkg } of SYSTEM_PACKAGES) if (!(await present(check))) missing.push(pkg);
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
