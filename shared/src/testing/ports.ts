// Ports for servers and child processes in tests. Best is to need none of these: a server in the
// test's own process binds port 0 and reads its port back, and control and gateways started on
// port 0 print the ports they bound (control/src/e2e/support/processes.ts reads them). A child
// that cannot report its own port (redis-server, baresip) gets one chosen ahead, which another
// process may bind between the probe and the child's own bind: `startOnFreePort` then starts it
// again on another port. What remains: a restart on the same port (redis-server's restart) can
// still find it taken, and SIPp, run by the stand-ins (which import no workspace), retries the
// same way on its own (loadtest/stand-ins/src/testing/sipp.ts).

/** A TCP port nothing listened on a moment ago (or, once released, a port nothing answers on). */
export async function freeTcpPort(): Promise<number> {
  const probe = Bun.serve({ port: 0, hostname: "127.0.0.1", fetch: () => new Response() });
  const port = probe.port!;
  probe.stop(true);
  return port;
}

/** A UDP port nothing was bound to a moment ago. */
export async function freeUdpPort(): Promise<number> {
  const socket = await Bun.udpSocket({ hostname: "127.0.0.1", port: 0 });
  const port = socket.port;
  socket.close();
  return port;
}

/** Whether an error (or a child's output in its message) says the port was taken. */
export function isPortTaken(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  const text = `${error instanceof Error ? error.message : String(error)} ${typeof code === "string" ? code : ""}`;
  return /EADDRINUSE|address already in use|errno = 98/i.test(text);
}

/**
 * Starts something on a port chosen by `pick`; when the start fails because the port was
 * taken in the meantime, picks another and starts again, up to `attempts` times. Any other
 * failure is thrown at once. `start` must clean up after itself when it throws.
 */
export async function startOnFreePort<T>(
  pick: () => Promise<number>,
  start: (port: number) => Promise<T>,
  attempts = 5,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const port = await pick();
    try {
      return await start(port);
    } catch (error) {
      if (attempt >= attempts || !isPortTaken(error)) throw error;
    }
  }
}
