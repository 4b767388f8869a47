import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { db } from "../db/client";
import { createTestUser } from "../testing/factories";
import { createUser } from "./create-user";
import { updateUser } from "./update-user";
import { resetUserPassword } from "./reset-user-password";
import { listUsers } from "./list-users";

describe("user administration", () => {
  it("lets an admin create a user with a hashed password and a credential account", async () => {
    const admin = await createTestUser("admin");
    const user = await createUser({ actor: admin, input: { email: "New.Person@Example.com ", name: "New", password: "long-enough", role: "annotator" } });
    expect(user.email).toBe("new.person@example.com");
    const account = await db().account.findFirstOrThrow({ where: { userId: user.id, providerId: "credential" } });
    expect(account.password).toBeTruthy();
    expect(account.password).not.toContain("long-enough");
    expect((await listUsers({ actor: admin })).map((u) => u.email)).toContain("new.person@example.com");
  });

  it("refuses non-admins, duplicate emails and short passwords", async () => {
    const admin = await createTestUser("admin");
    const manager = await createTestUser("manager");
    const input = { email: "dup@example.com", name: "Dup", password: "long-enough", role: "annotator" as const };
    await expect(createUser({ actor: manager, input })).rejects.toMatchObject({ code: "forbidden" });
    await createUser({ actor: admin, input });
    await expect(createUser({ actor: admin, input })).rejects.toMatchObject({ code: "conflict" });
    await expect(createUser({ actor: admin, input: { ...input, email: "short@example.com", password: "short" } })).rejects.toBeInstanceOf(ZodError);
    await expect(listUsers({ actor: manager })).rejects.toMatchObject({ code: "forbidden" });
  });

  it("deactivating a user ends their sessions", async () => {
    const admin = await createTestUser("admin");
    const target = await createTestUser("annotator");
    await db().session.create({ data: { id: "s-" + target.id, token: "t-" + target.id, userId: target.id, expiresAt: new Date(Date.now() + 60_000) } });
    const updated = await updateUser({ actor: admin, input: { userId: target.id, active: false } });
    expect(updated.active).toBe(false);
    expect(await db().session.count({ where: { userId: target.id } })).toBe(0);
  });

  it("never removes the last active admin", async () => {
    await db().user.updateMany({ where: { role: "admin" }, data: { active: false } });
    const admin = await createTestUser("admin");
    await expect(updateUser({ actor: admin, input: { userId: admin.id, role: "manager" } })).rejects.toMatchObject({ code: "conflict" });
    await expect(updateUser({ actor: admin, input: { userId: admin.id, active: false } })).rejects.toMatchObject({ code: "conflict" });
    expect((await db().user.findUniqueOrThrow({ where: { id: admin.id } })).role).toBe("admin");
  });

  it("resets a password and ends the user's sessions", async () => {
    const admin = await createTestUser("admin");
    const target = await createTestUser("reviewer");
    const before = (await db().account.findFirstOrThrow({ where: { userId: target.id } })).password;
    await resetUserPassword({ actor: admin, input: { userId: target.id, password: "a-new-password" } });
    const after = (await db().account.findFirstOrThrow({ where: { userId: target.id } })).password;
    expect(after).not.toBe(before);
    await expect(resetUserPassword({ actor: admin, input: { userId: "missing", password: "a-new-password" } })).rejects.toMatchObject({ code: "not_found" });
  });
});
