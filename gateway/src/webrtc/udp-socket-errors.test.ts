import { describe, expect, test } from "bun:test";
import { UdpTransport } from "werift";
import { guardWeriftUdpSockets, weriftSocketErrors } from "./udp-socket-errors.ts";

guardWeriftUdpSockets();

describe("werift's UDP sockets", () => {
  test("an error reported on a bound socket (ICMP port unreachable) is counted, not thrown", async () => {
    const transport = await UdpTransport.init("udp4");
    const before = weriftSocketErrors.count;
    // What the socket emits when a read returns the queued ICMP error.
    const refused = Object.assign(new Error("recvmsg ECONNREFUSED"), {
      code: "ECONNREFUSED",
      syscall: "recvmsg",
    });
    expect(() => transport.socket.emit("error", refused)).not.toThrow();
    expect(weriftSocketErrors.count).toBe(before + 1);
    // The socket still works afterwards.
    const echo = await UdpTransport.init("udp4");
    const received = new Promise<string>((resolve) => {
      echo.onData = (data) => resolve(data.toString());
    });
    await transport.send(Buffer.from("still here"), ["127.0.0.1", echo.port]);
    expect(await received).toBe("still here");
    await transport.close();
    await echo.close();
  });

  test("a port already taken rejects the socket's set-up instead of throwing", async () => {
    const taken = await UdpTransport.init("udp4");
    await expect(UdpTransport.init("udp4", { port: taken.port })).rejects.toThrow();
    await taken.close();
  });
});
