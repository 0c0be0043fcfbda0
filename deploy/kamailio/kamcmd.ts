// Kamailio's RPC through `kamcmd` on the ctl module's socket (kamailio.cfg's CTL_SOCKET).

export class KamcmdError extends Error {}

/** Runs one RPC command and returns what it printed; throws with Kamailio's answer on failure. */
export async function kamcmd(ctlSocket: string, ...command: string[]): Promise<string> {
  const proc = Bun.spawn(["kamcmd", "-s", ctlSocket, ...command], { stdout: "pipe", stderr: "pipe" });
  const [stdout, stderr, code] = await Promise.all([
    new Response(proc.stdout).text(),
    new Response(proc.stderr).text(),
    proc.exited,
  ]);
  if (code !== 0 || /^error:/m.test(stdout)) {
    throw new KamcmdError(`kamcmd ${command.join(" ")}: ${(stderr || stdout).trim()}`);
  }
  return stdout;
}
