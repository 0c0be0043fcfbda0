import { describe, expect, test } from "bun:test";
import { CidrSet, isValidCidr } from "./cidr.ts";

describe("CIDR ranges", () => {
  test("CIDR sets match IPv4, IPv6 and IPv4-mapped IPv6", () => {
    const set = new CidrSet(["192.0.2.0/24", "2001:db8::/32", "198.51.100.7"]);
    expect(set.contains("192.0.2.55")).toBe(true);
    expect(set.contains("::ffff:192.0.2.55")).toBe(true);
    expect(set.contains("[2001:db8::1]")).toBe(true);
    expect(set.contains("198.51.100.7")).toBe(true);
    expect(set.contains("198.51.100.8")).toBe(false);
    expect(set.contains("2001:db9::1")).toBe(false);
    expect(set.contains("not-an-ip")).toBe(false);
  });

  test("valid ranges and addresses are told from invalid ones", () => {
    for (const valid of ["192.0.2.0/24", "198.51.100.7", "2001:db8::/32", "::1", "::ffff:192.0.2.1/128"]) {
      expect(isValidCidr(valid)).toBe(true);
    }
    for (const invalid of ["192.0.2.0/33", "2001:db8::/129", "300.1.2.3", "example.com", "192.0.2.0/", ""]) {
      expect(isValidCidr(invalid)).toBe(false);
    }
  });

  test("invalid entries are left out of a set", () => {
    const set = new CidrSet(["10.0.0.0/8", "not-a-range", "192.0.2.0/40"]);
    expect(set.size).toBe(1);
    expect(set.contains("10.1.2.3")).toBe(true);
  });
});
