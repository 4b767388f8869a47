// better-auth through its real HTTP handler: sign-in, rate limiting,
// deactivated accounts, the production secret rule.
import { beforeAll, describe, expect, it } from "vitest";

process.env.MASKWRIGHT_LOGIN_RATE_LIMIT = "3";
process.env.MASKWRIGHT_LOGIN_RATE_WINDOW_S = "60";

type Modules = {
  auth: typeof import("./auth");
  factories: typeof import("../testing/factories");
  actor: typeof import("./actor");
  db: typeof import("../db/client");
};
let m: Modules;

beforeAll(async () => {
  m = {
    auth: await import("./auth"),
    factories: await import("../testing/factories"),
    actor: await import("./actor"),
    db: await import("../db/client"),
  };
});

function signInRequest(email: string, password: string, ip: string): Request {
  return new Request("http://localhost:3000/api/auth/sign-in/email", {
    method: "POST",
    headers: { "content-type": "application/json", origin: "http://localhost:3000", "x-forwarded-for": ip },
    body: JSON.stringify({ email, password }),
  });
}

describe("sign-in", () => {
  it("signs in with the right password and resolves the actor from the cookie", async () => {
    const user = await m.factories.createTestUser("annotator");
    const response = await m.auth.auth().handler(signInRequest(user.email, user.password, "10.0.0.1"));
    expect(response.status).toBe(200);
    const cookie = response.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const actor = await m.actor.findActor(new Headers({ cookie: cookie.split(";")[0] ?? "" }));
    expect(actor?.id).toBe(user.id);
    expect(actor?.role).toBe("annotator");
  });

  it("rejects a wrong password with 401", async () => {
    const user = await m.factories.createTestUser("reviewer");
    const response = await m.auth.auth().handler(signInRequest(user.email, "wrong-password", "10.0.0.2"));
    expect(response.status).toBe(401);
  });

  it("rate-limits repeated sign-in attempts from one address", async () => {
    const user = await m.factories.createTestUser("reviewer");
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 5; attempt++) {
      statuses.push((await m.auth.auth().handler(signInRequest(user.email, "wrong-password", "10.0.0.3"))).status);
    }
    expect(statuses.slice(0, 3)).toEqual([401, 401, 401]);
    expect(statuses.slice(3)).toEqual([429, 429]);
    // Another address is not affected.
    expect((await m.auth.auth().handler(signInRequest(user.email, user.password, "10.0.0.4"))).status).toBe(200);
  });

  it("refuses deactivated accounts, also for sessions opened before", async () => {
    const user = await m.factories.createTestUser("annotator");
    const first = await m.auth.auth().handler(signInRequest(user.email, user.password, "10.0.0.5"));
    const cookie = (first.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    await m.db.db().user.update({ where: { id: user.id }, data: { active: false } });
    expect(await m.actor.findActor(new Headers({ cookie }))).toBeNull();
    const again = await m.auth.auth().handler(signInRequest(user.email, user.password, "10.0.0.6"));
    expect(again.status).toBe(403);
  });
});
