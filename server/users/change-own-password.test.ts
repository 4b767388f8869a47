// Through the real better-auth handler: the old password stops working, the
// new one signs in, and only the other sessions end.
import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { auth } from "../auth/auth";
import { db } from "../db/client";
import { createTestUser } from "../testing/factories";
import { changeOwnPassword } from "./change-own-password";

function signIn(email: string, password: string): Promise<Response> {
  return auth().handler(
    new Request("http://localhost:3000/api/auth/sign-in/email", {
      method: "POST",
      headers: { "content-type": "application/json", origin: "http://localhost:3000" },
      body: JSON.stringify({ email, password }),
    }),
  );
}

describe("changeOwnPassword", () => {
  it("replaces the password and ends every session but the one making the change", async () => {
    const user = await createTestUser("annotator", "first-password");
    expect((await signIn(user.email, "first-password")).status).toBe(200);
    expect((await signIn(user.email, "first-password")).status).toBe(200);
    const [here, elsewhere] = await db().session.findMany({ where: { userId: user.id }, orderBy: { createdAt: "asc" } });
    const result = await changeOwnPassword({
      actor: user,
      keepSessionId: here!.id,
      input: { currentPassword: "first-password", newPassword: "second-password", confirmPassword: "second-password" },
    });
    expect(result).toEqual({ endedSessions: 1 });
    expect((await db().session.findMany({ where: { userId: user.id } })).map((session) => session.id)).toEqual([here!.id]);
    expect(elsewhere).toBeDefined();
    expect((await signIn(user.email, "first-password")).status).toBe(401);
    expect((await signIn(user.email, "second-password")).status).toBe(200);
    expect(await db().auditEvent.count({ where: { action: "user.change_password", targetId: user.id } })).toBe(1);
  });

  it("refuses a wrong current password and changes nothing", async () => {
    const user = await createTestUser("reviewer", "kept-password");
    await expect(
      changeOwnPassword({ actor: user, keepSessionId: null, input: { currentPassword: "guess-guess", newPassword: "another-one", confirmPassword: "another-one" } }),
    ).rejects.toMatchObject({ code: "bad_request", message: "The current password is not right." });
    expect((await signIn(user.email, "kept-password")).status).toBe(200);
    expect(await db().auditEvent.count({ where: { action: "user.change_password_refused", targetId: user.id } })).toBe(1);
  });

  it("names a short, mistyped or unchanged new password", async () => {
    const user = await createTestUser("manager", "the-password");
    const attempt = (newPassword: string, confirmPassword = newPassword) =>
      changeOwnPassword({ actor: user, keepSessionId: null, input: { currentPassword: "the-password", newPassword, confirmPassword } });
    const messages = async (promise: Promise<unknown>) => {
      const error = await promise.catch((failure: unknown) => failure);
      expect(error).toBeInstanceOf(ZodError);
      return (error as ZodError).issues.map((issue) => issue.message);
    };
    expect(await messages(attempt("short"))).toContain("Password must be at least 8 characters");
    expect(await messages(attempt("long-enough-1", "long-enough-2"))).toEqual(["The two new passwords differ"]);
    expect(await messages(attempt("the-password"))).toEqual(["The new password is the same as the current one"]);
    expect((await signIn(user.email, "the-password")).status).toBe(200);
  });
});
