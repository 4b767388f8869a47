// API tokens end to end below the browser: made, used through the real route
// handlers (no actor mock), and refused once revoked, expired, mistyped or
// owned by a deactivated account.
import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { auth } from "../auth/auth";
import { findActor, requireActor } from "../auth/actor";
import { db } from "../db/client";
import { createTestProject, createTestUser } from "../testing/factories";
import { hashApiTokenSecret, readBearerToken } from "./api-token-secret";
import { createApiToken, MAX_LIVE_API_TOKENS } from "./create-api-token";
import { listApiTokens } from "./list-api-tokens";
import { revokeApiToken } from "./revoke-api-token";
import * as meRoute from "../../app/api/me/route";
import * as projectsRoute from "../../app/api/projects/route";
import * as tokensRoute from "../../app/api/account/tokens/route";
import * as tokenRoute from "../../app/api/account/tokens/[tokenId]/route";

const BASE = "http://localhost:3000";
const bearer = (secret: string) => new Headers({ authorization: `Bearer ${secret}` });

async function signInCookie(email: string, password: string): Promise<string> {
  const response = await auth().handler(
    new Request(`${BASE}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: BASE },
      body: JSON.stringify({ email, password }),
    }),
  );
  expect(response.status).toBe(200);
  return response.headers.getSetCookie().map((cookie) => cookie.split(";")[0]).join("; ");
}

describe("API tokens", () => {
  it("shows the secret once, stores only its hash, and lets it act as its owner", async () => {
    const user = await createTestUser("annotator");
    const { token, secret } = await createApiToken({ actor: user, input: { name: "nightly export", lifetime: "90" } });
    expect(secret).toMatch(/^mw_[A-Za-z0-9_-]{43}$/);
    expect(token).toMatchObject({ name: "nightly export", prefix: secret.slice(0, 10), lastUsedAt: null, revokedAt: null });
    expect(new Date(token.expiresAt!).getTime() - new Date(token.createdAt).getTime()).toBe(90 * 24 * 3600 * 1000);
    const row = await db().apiToken.findUniqueOrThrow({ where: { id: token.id } });
    expect(row.tokenHash).toBe(hashApiTokenSecret(secret));
    expect(JSON.stringify(row)).not.toContain(secret.slice(10));
    expect(await listApiTokens({ actor: user })).toEqual([token]);
    expect(JSON.stringify(await listApiTokens({ actor: user }))).not.toContain(secret);

    const actor = await findActor(bearer(secret));
    expect(actor).toEqual({ id: user.id, email: user.email, name: user.name, role: "annotator", viaTokenId: token.id });
    expect((await db().apiToken.findUniqueOrThrow({ where: { id: token.id } })).lastUsedAt).not.toBeNull();
    expect(await db().auditEvent.count({ where: { action: "api_token.create", targetId: token.id, actorId: user.id } })).toBe(1);
  });

  it("reads the owner's role fresh and refuses revoked, expired and deactivated tokens with a clear 401", async () => {
    const user = await createTestUser("annotator");
    const made = await createApiToken({ actor: user, input: { name: "script", lifetime: "30" } });
    await db().user.update({ where: { id: user.id }, data: { role: "manager" } });
    expect((await findActor(bearer(made.secret)))?.role).toBe("manager");

    const in31Days = new Date(Date.now() + 31 * 24 * 3600 * 1000);
    const later = await createApiToken({ actor: user, input: { name: "expires", lifetime: "30" } });
    expect(await findActor(bearer(later.secret))).not.toBeNull();
    const { findTokenActor } = await import("./find-token-actor");
    expect(await findTokenActor({ secret: later.secret, now: in31Days })).toBeNull();
    const forever = await createApiToken({ actor: user, input: { name: "forever", lifetime: "never" } });
    expect(forever.token.expiresAt).toBeNull();
    expect(await findTokenActor({ secret: forever.secret, now: in31Days })).not.toBeNull();

    await revokeApiToken({ actor: user, tokenId: made.token.id });
    await expect(requireActor(bearer(made.secret))).rejects.toMatchObject({ code: "unauthenticated", message: expect.stringContaining("revoked, expired") });
    expect((await listApiTokens({ actor: user })).map((token) => token.name)).toEqual(["forever", "expires"]);
    await expect(revokeApiToken({ actor: user, tokenId: made.token.id })).rejects.toMatchObject({ code: "not_found" });

    await db().user.update({ where: { id: user.id }, data: { active: false } });
    expect(await findActor(bearer(forever.secret))).toBeNull();
  });

  it("judges a request by its token alone, even with a valid session cookie beside it", async () => {
    const owner = await createTestUser("annotator");
    const other = await createTestUser("reviewer", "other-password-1");
    const { secret } = await createApiToken({ actor: owner, input: { name: "mine", lifetime: "never" } });
    const cookie = await signInCookie(other.email, "other-password-1");
    expect((await findActor(new Headers({ cookie })))?.id).toBe(other.id);
    expect((await findActor(new Headers({ cookie, authorization: `Bearer ${secret}` })))?.id).toBe(owner.id);
    for (const header of ["Bearer mw_short", "Basic dXNlcjpwYXNz", `Token ${secret}`, "Bearer"]) {
      expect(readBearerToken(new Headers({ authorization: header })).kind).toBe("malformed");
      expect(await findActor(new Headers({ cookie, authorization: header }))).toBeNull();
    }
    await expect(requireActor(new Headers({ authorization: "Bearer nope" }))).rejects.toMatchObject({ message: expect.stringContaining("not 'Bearer mw_") });
  });

  it("lets only a signed-in person make or revoke tokens, only their own, and caps the live ones", async () => {
    const user = await createTestUser("manager");
    const stranger = await createTestUser("admin");
    const first = await createApiToken({ actor: user, input: { name: "first", lifetime: "never" } });
    const viaToken = (await findActor(bearer(first.secret)))!;
    await expect(createApiToken({ actor: viaToken, input: { name: "child", lifetime: "never" } })).rejects.toMatchObject({ code: "forbidden" });
    await expect(revokeApiToken({ actor: viaToken, tokenId: first.token.id })).rejects.toMatchObject({ code: "forbidden" });
    await expect(revokeApiToken({ actor: stranger, tokenId: first.token.id })).rejects.toMatchObject({ code: "not_found" });
    const error = await createApiToken({ actor: user, input: { name: "  ", lifetime: "7" as "30" } }).catch((failure: unknown) => failure);
    expect(error).toBeInstanceOf(ZodError);
    expect((error as ZodError).issues.map((issue) => issue.message)).toEqual([
      "Give the token a name (what script uses it)",
      "Pick how long the token lives: 30, 90 or 365 days, or never",
    ]);
    for (let k = 1; k < MAX_LIVE_API_TOKENS; k += 1) await createApiToken({ actor: user, input: { name: `t${k}`, lifetime: "30" } });
    await expect(createApiToken({ actor: user, input: { name: "one too many", lifetime: "30" } })).rejects.toMatchObject({
      code: "bad_request",
      message: expect.stringContaining(`at most ${MAX_LIVE_API_TOKENS}`),
    });
    expect(await db().apiToken.count({ where: { userId: user.id } })).toBe(MAX_LIVE_API_TOKENS);
    await revokeApiToken({ actor: user, tokenId: first.token.id });
    await expect(createApiToken({ actor: user, input: { name: "room again", lifetime: "30" } })).resolves.toMatchObject({ token: { name: "room again" } });
  });
});

describe("routes with a token", () => {
  it("answers /api/me and lists only the owner's projects; refuses token management with 403", async () => {
    const user = await createTestUser("annotator");
    const mine = await createTestProject({ members: [{ actor: user, role: "annotator" }] });
    const notMine = await createTestProject();
    const { token, secret } = await createApiToken({ actor: user, input: { name: "ci", lifetime: "never" } });
    const get = (url: string, headers = bearer(secret)) => new Request(`${BASE}${url}`, { headers });

    const me = await meRoute.GET(get("/api/me"));
    expect(me.status).toBe(200);
    expect(await me.json()).toEqual({ id: user.id, email: user.email, name: user.name, role: "annotator", via: "token", token: { projectIds: null, readOnly: false, projectRole: null } });

    const projects = (await (await projectsRoute.GET(get("/api/projects"))).json()) as { projects: { id: string; myRole: string }[] };
    expect(projects.projects.map((project) => project.id)).toContain(mine.id);
    expect(projects.projects.map((project) => project.id)).not.toContain(notMine.id);
    const created = await projectsRoute.POST(
      new Request(`${BASE}/api/projects`, { method: "POST", headers: { authorization: `Bearer ${secret}`, "content-type": "application/json" }, body: JSON.stringify({ name: "x" }) }),
    );
    expect(created.status).toBe(403);

    const listed = await tokensRoute.GET(get("/api/account/tokens"));
    expect(listed.status).toBe(403);
    expect(((await listed.json()) as { error: { message: string } }).error.message).toContain("sign in with your password");
    const revoked = await tokenRoute.DELETE(new Request(`${BASE}/api/account/tokens/${token.id}`, { method: "DELETE", headers: bearer(secret) }), {
      params: Promise.resolve({ tokenId: token.id }),
    });
    expect(revoked.status).toBe(403);

    const wrong = await meRoute.GET(get("/api/me", new Headers({ authorization: "Bearer mw_" + "x".repeat(43) })));
    expect(wrong.status).toBe(401);
    expect(((await wrong.json()) as { error: { message: string } }).error.message).toContain("This API token is not valid");
  });

  it("makes and revokes tokens for a session, and a manager's token creates a project", async () => {
    const manager = await createTestUser("manager", "manager-password-1");
    const cookie = await signInCookie(manager.email, "manager-password-1");
    const post = await tokensRoute.POST(
      new Request(`${BASE}/api/account/tokens`, { method: "POST", headers: { cookie, "content-type": "application/json" }, body: JSON.stringify({ name: "importer", lifetime: "365" }) }),
    );
    expect(post.status).toBe(201);
    const { token, secret } = (await post.json()) as { token: { id: string; name: string }; secret: string };
    expect(token.name).toBe("importer");
    const bad = await tokensRoute.POST(
      new Request(`${BASE}/api/account/tokens`, { method: "POST", headers: { cookie, "content-type": "application/json" }, body: JSON.stringify({ name: "x", lifetime: "forever" }) }),
    );
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toContain("30, 90 or 365 days, or never");

    const created = await projectsRoute.POST(
      new Request(`${BASE}/api/projects`, { method: "POST", headers: { authorization: `Bearer ${secret}`, "content-type": "application/json" }, body: JSON.stringify({ name: "Made by a script" }) }),
    );
    expect(created.status).toBe(201);
    const project = (await created.json()) as { id: string };
    expect(await db().membership.findFirst({ where: { projectId: project.id, userId: manager.id }, select: { role: true } })).toEqual({ role: "manager" });

    const revoked = await tokenRoute.DELETE(new Request(`${BASE}/api/account/tokens/${token.id}`, { method: "DELETE", headers: { cookie } }), {
      params: Promise.resolve({ tokenId: token.id }),
    });
    expect(revoked.status).toBe(200);
    expect((await meRoute.GET(new Request(`${BASE}/api/me`, { headers: bearer(secret) }))).status).toBe(401);
    expect(await (await meRoute.GET(new Request(`${BASE}/api/me`, { headers: { cookie } }))).json()).toMatchObject({ via: "session" });
  });
});
