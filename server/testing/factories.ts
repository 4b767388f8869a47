// Test data builders for integration tests against the real database.
import { randomUUID } from "node:crypto";
import { db, type GlobalRole, type ProjectRole } from "../db/client";
import { insertUser } from "../users/create-user";
import type { Actor } from "../auth/actor";

export async function createTestUser(role: GlobalRole, password = "test-password-1"): Promise<Actor & { password: string }> {
  const email = `${role}-${randomUUID().slice(0, 8)}@test.local`;
  const user = await insertUser({ email, name: `${role} tester`, password, role });
  return { id: user.id, email: user.email, name: user.name, role, password };
}

export async function createTestProject(options: { members?: { actor: Actor; role: ProjectRole }[]; name?: string } = {}) {
  return db().project.create({
    data: {
      name: options.name ?? `Project ${randomUUID().slice(0, 6)}`,
      memberships: { create: (options.members ?? []).map((member) => ({ userId: member.actor.id, role: member.role })) },
    },
  });
}
