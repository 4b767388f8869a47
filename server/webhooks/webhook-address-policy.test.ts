// The webhook address rule on its own: which addresses count as non-public,
// how the operator's allow-list is read, and the save-time check with a
// stand-in resolver (the delivery-time check is in webhooks.test.ts).
import { describe, expect, it } from "vitest";
import { checkWebhookDestination } from "./check-webhook-destination";
import { nonPublicRangeOf, readWebhookAllowedHosts, webhookAddressRefusal, webhookHostOf } from "./webhook-address-policy";

describe("nonPublicRangeOf", () => {
  it("names loopback, private, link-local, CGNAT, multicast and reserved addresses, IPv4 and IPv6", () => {
    expect(nonPublicRangeOf("127.0.0.1")).toBe("loopback");
    expect(nonPublicRangeOf("127.255.1.2")).toBe("loopback");
    expect(nonPublicRangeOf("::1")).toBe("loopback");
    expect(nonPublicRangeOf("10.20.30.40")).toBe("private network");
    expect(nonPublicRangeOf("172.16.0.1")).toBe("private network");
    expect(nonPublicRangeOf("172.31.255.255")).toBe("private network");
    expect(nonPublicRangeOf("192.168.1.1")).toBe("private network");
    expect(nonPublicRangeOf("fd12:3456::1")).toBe("private network");
    expect(nonPublicRangeOf("169.254.169.254")).toBe("link-local");
    expect(nonPublicRangeOf("fe80::1")).toBe("link-local");
    expect(nonPublicRangeOf("100.64.0.1")).toBe("carrier-grade NAT");
    expect(nonPublicRangeOf("239.1.1.1")).toBe("multicast");
    expect(nonPublicRangeOf("ff02::1")).toBe("multicast");
    expect(nonPublicRangeOf("0.0.0.0")).toBe("reserved");
    expect(nonPublicRangeOf("::")).toBe("reserved");
    expect(nonPublicRangeOf("255.255.255.255")).toBe("reserved");
  });

  it("sees through IPv4 written as IPv6", () => {
    expect(nonPublicRangeOf("::ffff:127.0.0.1")).toBe("loopback");
    expect(nonPublicRangeOf("::ffff:a00:1")).toBe("private network");
    expect(nonPublicRangeOf("::ffff:8.8.8.8")).toBeNull();
  });

  it("leaves public addresses alone, including neighbours of the private ranges", () => {
    for (const address of ["8.8.8.8", "1.1.1.1", "172.15.255.255", "172.32.0.1", "192.169.0.1", "100.128.0.1", "11.0.0.1", "2606:4700::1111"]) {
      expect(nonPublicRangeOf(address), address).toBeNull();
    }
  });

  it("refuses what is not an IP address", () => {
    expect(() => nonPublicRangeOf("example.com")).toThrow('"example.com" is not an IP address');
  });
});

describe("readWebhookAllowedHosts", () => {
  it("reads host names, addresses, ranges and * separated by commas or spaces", () => {
    const allowed = readWebhookAllowedHosts(" hooks.internal, 10.0.0.0/8  192.168.1.5,fd00::/8 Build.Local. ");
    expect(allowed.everything).toBe(false);
    expect([...allowed.names]).toEqual(["hooks.internal", "build.local"]);
    expect(allowed.ranges.check("10.9.9.9", "ipv4")).toBe(true);
    expect(allowed.ranges.check("192.168.1.5", "ipv4")).toBe(true);
    expect(allowed.ranges.check("192.168.1.6", "ipv4")).toBe(false);
    expect(allowed.ranges.check("fd00::5", "ipv6")).toBe(true);
    expect(readWebhookAllowedHosts("*").everything).toBe(true);
    expect(readWebhookAllowedHosts(undefined)).toMatchObject({ everything: false, text: "" });
  });

  it("names a malformed entry", () => {
    expect(() => readWebhookAllowedHosts("10.0.0.0/33")).toThrow('MASKWRIGHT_WEBHOOK_ALLOWED_HOSTS: "10.0.0.0/33" is not a valid IP range');
    expect(() => readWebhookAllowedHosts("10.0.0.0/8/1")).toThrow('"10.0.0.0/8/1" is not a valid IP range');
    expect(() => readWebhookAllowedHosts("http://hooks.internal")).toThrow('"http://hooks.internal" is neither a host name');
  });
});

describe("webhookAddressRefusal", () => {
  const none = readWebhookAllowedHosts("");
  it("refuses non-public addresses with what they are and how to allow them", () => {
    expect(webhookAddressRefusal({ hostname: "127.0.0.1", address: "127.0.0.1", allowed: none })).toBe(
      "127.0.0.1 is a loopback address; webhooks only go to public addresses unless the administrator allows this one (MASKWRIGHT_WEBHOOK_ALLOWED_HOSTS)",
    );
    expect(webhookAddressRefusal({ hostname: "metadata.internal", address: "169.254.169.254", allowed: none })).toContain("metadata.internal resolves to 169.254.169.254, a link-local address");
    expect(webhookAddressRefusal({ hostname: "example.org", address: "93.184.215.14", allowed: none })).toBeNull();
  });

  it("lets through what the operator allowed, by name, by range or everything", () => {
    expect(webhookAddressRefusal({ hostname: "ci.internal", address: "10.1.2.3", allowed: readWebhookAllowedHosts("ci.internal") })).toBeNull();
    expect(webhookAddressRefusal({ hostname: "other.internal", address: "10.1.2.3", allowed: readWebhookAllowedHosts("ci.internal") })).not.toBeNull();
    expect(webhookAddressRefusal({ hostname: "other.internal", address: "10.1.2.3", allowed: readWebhookAllowedHosts("10.1.0.0/16") })).toBeNull();
    expect(webhookAddressRefusal({ hostname: "other.internal", address: "10.2.0.1", allowed: readWebhookAllowedHosts("10.1.0.0/16") })).not.toBeNull();
    expect(webhookAddressRefusal({ hostname: "127.0.0.1", address: "127.0.0.1", allowed: readWebhookAllowedHosts("*") })).toBeNull();
  });

  it("compares hosts as the URL parser normalises them", () => {
    expect(webhookHostOf("http://[::1]:8080/x")).toBe("::1");
    expect(webhookHostOf("http://CI.Internal./hook")).toBe("ci.internal");
    // Numeric spellings of an address become the dotted form, so they cannot slip past the check.
    expect(webhookHostOf("http://2130706433/")).toBe("127.0.0.1");
    expect(webhookHostOf("http://0x7f.1/")).toBe("127.0.0.1");
  });
});

describe("checkWebhookDestination (when a webhook is saved)", () => {
  const none = readWebhookAllowedHosts("");
  const resolvingTo = (...addresses: string[]) => async () => addresses.map((address) => ({ address }));

  it("refuses a URL whose host is or resolves to a non-public address, with a 400", async () => {
    await expect(checkWebhookDestination({ url: "http://10.0.0.7:9000/hook", allowed: none })).rejects.toMatchObject({
      code: "bad_request",
      message: "Webhook URL refused: 10.0.0.7 is a private network address; webhooks only go to public addresses unless the administrator allows this one (MASKWRIGHT_WEBHOOK_ALLOWED_HOSTS).",
    });
    await expect(checkWebhookDestination({ url: "https://hooks.example.test/x", allowed: none, resolve: resolvingTo("93.184.215.14", "::1") })).rejects.toMatchObject({
      message: expect.stringContaining("hooks.example.test resolves to ::1, a loopback address"),
    });
  });

  it("accepts public addresses, allowed hosts, and hosts that do not resolve yet (the delivery checks again)", async () => {
    await expect(checkWebhookDestination({ url: "https://hooks.example.test/x", allowed: none, resolve: resolvingTo("93.184.215.14") })).resolves.toBeUndefined();
    await expect(checkWebhookDestination({ url: "http://ci.internal/x", allowed: readWebhookAllowedHosts("ci.internal"), resolve: resolvingTo("10.0.0.1") })).resolves.toBeUndefined();
    const failing = async () => Promise.reject(Object.assign(new Error("getaddrinfo ENOTFOUND"), { code: "ENOTFOUND" }));
    await expect(checkWebhookDestination({ url: "http://nowhere.invalid/x", allowed: none, resolve: failing })).resolves.toBeUndefined();
  });
});
