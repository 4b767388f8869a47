// Admin creates an account: a user row plus better-auth's credential account
// holding the scrypt password hash, in one transaction.
import { randomUUID } from "node:crypto";
import { hashPassword } from "better-auth/crypto";
import { createUserInput, type CreateUserInput } from "@/lib/schemas/users";
import { db } from "../db/client";
import { AppError } from "../errors/app-error";
import { requireGlobalRole, type Actor } from "../auth/actor";
import { recordAuditEvent } from "../audit/record-audit-event";

export type CreatedUser = { id: string; email: string; name: string; role: CreateUserInput["role"] };

/** Creates a user without authorisation checks: for the seed and for tests. */
export async function insertUser(input: CreateUserInput): Promise<CreatedUser> {
  const parsed = createUserInput.parse(input);
  const existing = await db().user.findUnique({ where: { email: parsed.email }, select: { id: true } });
  if (existing) throw new AppError("conflict", `A user with email ${parsed.email} already exists.`);
  const id = randomUUID();
  const passwordHash = await hashPassword(parsed.password);
  await db().$transaction([
    db().user.create({ data: { id, email: parsed.email, name: parsed.name, role: parsed.role, emailVerified: true } }),
    db().account.create({
      data: { id: randomUUID(), accountId: id, providerId: "credential", userId: id, password: passwordHash },
    }),
  ]);
  return { id, email: parsed.email, name: parsed.name, role: parsed.role };
}

export async function createUser(options: { actor: Actor; input: CreateUserInput }): Promise<CreatedUser> {
  requireGlobalRole(options.actor, ["admin"], "create users");
  const user = await insertUser(options.input);
  await recordAuditEvent({ actorId: options.actor.id, action: "user.create", targetType: "user", targetId: user.id, data: { role: user.role } });
  return user;
}
