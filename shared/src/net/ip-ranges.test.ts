import { describe, expect, test } from "bun:test";
import { nonPublicReason } from "./ip-ranges.ts";

describe("nonPublicReason", () => {
  test("global unicast passes, IPv4 and IPv6", () => {
    for (const address of ["93.184.216.34", "8.8.8.8", "2606:4700:4700::1111", "2a00:1450:4001:80b::200e"]) {
      expect([address, nonPublicReason(address)]).toEqual([address, null]);
    }
  });

  test.each([
    ["127.0.0.1", "a loopback address"],
    ["10.0.0.1", "a private-network address"],
    ["172.16.5.4", "a private-network address"],
    ["192.168.1.1", "a private-network address"],
    ["169.254.169.254", "a link-local address (cloud metadata)"],
    ["169.254.1.1", "a link-local address"],
    ["100.64.0.1", "a carrier-grade NAT address"],
    ["224.0.0.1", "a multicast address"],
    ["0.0.0.0", "an unspecified address"],
    ["255.255.255.255", "a broadcast address"],
    ["240.0.0.1", "a reserved address"],
    ["192.0.2.10", "a reserved address"],
    ["::1", "a loopback address"],
    ["::", "an unspecified address"],
    ["fe80::1", "a link-local address"],
    ["fc00::1", "a unique-local (private) address"],
    ["fd12:3456::1", "a unique-local (private) address"],
    ["ff02::1", "a multicast address"],
    ["2001:db8::1", "a reserved address"],
    ["::7f00:1", "a reserved address"],
    ["::ffff:127.0.0.1", "a loopback address"],
    ["::ffff:7f00:1", "a loopback address"],
    ["::ffff:169.254.169.254", "a link-local address (cloud metadata)"],
    ["64:ff9b::a00:1", "a NAT64 address that embeds 10.0.0.1, a private-network address"],
    ["64:ff9b:1::a00:1", "a local-use NAT64 address"],
    ["::ffff:0:a00:1", "an IPv4-translated address"],
    ["2002:7f00:1::1", "a 6to4 address that embeds 127.0.0.1, a loopback address"],
    ["2001:0:808:808:0:0:80ff:fffe", "a Teredo address that embeds 127.0.0.1, a loopback address"],
    ["not-an-ip", "not an IP address"],
  ])("%s is refused: %s", (address, reason) => {
    expect(nonPublicReason(address)).toBe(reason);
  });

  test("NAT64, 6to4 and Teredo forms of a public IPv4 address pass", () => {
    expect(nonPublicReason("64:ff9b::808:808")).toBeNull();
    expect(nonPublicReason("2002:808:808::1")).toBeNull();
    expect(nonPublicReason("2001:0:808:808:0:0:f7f7:f7f7")).toBeNull();
  });
});
