import { afterEach, describe, expect, it } from "vitest";
import { authSecret } from "./auth-secret";

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
});

describe("authSecret", () => {
  it("refuses to run in production without a secret", () => {
    delete process.env.MASKWRIGHT_SECRET;
    delete process.env.BETTER_AUTH_SECRET;
    (process.env as Record<string, string>).NODE_ENV = "production";
    expect(() => authSecret()).toThrow(/MASKWRIGHT_SECRET is not set/);
  });

  it("refuses a short secret and accepts a long one", () => {
    process.env.MASKWRIGHT_SECRET = "short";
    expect(() => authSecret()).toThrow(/at least 32/);
    process.env.MASKWRIGHT_SECRET = "x".repeat(40);
    expect(authSecret()).toBe("x".repeat(40));
  });
});
