import { describe, expect, test } from "bun:test";
import { freeTcpPort, freeUdpPort, isPortTaken, startOnFreePort } from "./ports.ts";

const serve = (port: number) => Bun.serve({ port, hostname: "127.0.0.1", fetch: () => new Response("ok") });

describe("startOnFreePort", () => {
  test("a port taken between the probe and the bind is given up for another", async () => {
    const taken = serve(0);
    const picked: number[] = [];
    try {
      const server = await startOnFreePort(
        async () => {
          const port = picked.length === 0 ? taken.port! : await freeTcpPort();
          picked.push(port);
          return port;
        },
        async (port) => serve(port),
      );
      expect(picked).toHaveLength(2);
      expect(server.port).toBe(picked[1]!);
      expect(await (await fetch(`http://127.0.0.1:${server.port}/`)).text()).toBe("ok");
      server.stop(true);
    } finally {
      taken.stop(true);
    }
  });

  test("other failures are thrown at once, and a port taken every time gives up after the attempts", async () => {
    let starts = 0;
    await expect(
      startOnFreePort(freeTcpPort, async () => {
        starts++;
        throw new Error("bad config");
      }),
    ).rejects.toThrow("bad config");
    expect(starts).toBe(1);
    const taken = serve(0);
    try {
      let tries = 0;
      const error = await startOnFreePort(
        async () => taken.port!,
        async (port) => {
          tries++;
          return serve(port);
        },
        3,
      ).catch((caught: unknown) => caught);
      expect(isPortTaken(error)).toBe(true);
      expect(tries).toBe(3);
    } finally {
      taken.stop(true);
    }
  });

  test("a child's own words for a taken port count, as do EADDRINUSE codes", () => {
    expect(isPortTaken(new Error("Unable to bind main socket, errno = 98 (Address already in use)"))).toBe(
      true,
    );
    expect(
      isPortTaken(
        new Error("Could not create server TCP listening socket *:6379: bind: Address already in use"),
      ),
    ).toBe(true);
    expect(isPortTaken(Object.assign(new Error("listen failed"), { code: "EADDRINUSE" }))).toBe(true);
    expect(isPortTaken(new Error("connection refused"))).toBe(false);
  });

  test("free ports are real, bindable ports", async () => {
    const tcp = await freeTcpPort();
    const udp = await freeUdpPort();
    expect(tcp).toBeGreaterThan(0);
    expect(udp).toBeGreaterThan(0);
    serve(tcp).stop(true);
    (await Bun.udpSocket({ hostname: "127.0.0.1", port: udp })).close();
  });
});
