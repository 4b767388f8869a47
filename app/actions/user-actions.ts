"use server";

import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/server/http/run-action";
import { createUser } from "@/server/users/create-user";
import { updateUser } from "@/server/users/update-user";
import { resetUserPassword } from "@/server/users/reset-user-password";
import { changeOwnPassword } from "@/server/users/change-own-password";
import { auth } from "@/server/auth/auth";
import { headers } from "next/headers";
import { changeOwnPasswordInput, createUserInput, globalRoleSchema, resetPasswordInput } from "@/lib/schemas/users";

const text = (form: FormData, key: string) => String(form.get(key) ?? "");

export async function createUserAction(_: unknown, form: FormData): Promise<ActionResult<{ email: string }>> {
  return runAction(async (actor) => {
    const input = createUserInput.parse({
      email: text(form, "email"),
      name: text(form, "name"),
      password: text(form, "password"),
      role: text(form, "role"),
    });
    const user = await createUser({ actor, input });
    revalidatePath("/admin/users");
    return { email: user.email };
  });
}

export async function setUserRoleAction(userId: string, role: string): Promise<ActionResult> {
  return runAction(async (actor) => {
    await updateUser({ actor, input: { userId, role: globalRoleSchema.parse(role) } });
    revalidatePath("/admin/users");
    return null;
  });
}

export async function setUserActiveAction(userId: string, active: boolean): Promise<ActionResult> {
  return runAction(async (actor) => {
    await updateUser({ actor, input: { userId, active } });
    revalidatePath("/admin/users");
    return null;
  });
}

export async function resetPasswordAction(_: unknown, form: FormData): Promise<ActionResult> {
  return runAction(async (actor) => {
    await resetUserPassword({ actor, input: resetPasswordInput.parse({ userId: text(form, "userId"), password: text(form, "password") }) });
    return null;
  });
}

export async function changeOwnPasswordAction(_: unknown, form: FormData): Promise<ActionResult<{ endedSessions: number }>> {
  return runAction(async (actor) => {
    const input = changeOwnPasswordInput.parse({
      currentPassword: text(form, "currentPassword"),
      newPassword: text(form, "newPassword"),
      confirmPassword: text(form, "confirmPassword"),
    });
    // This browser's session stays; the user's others end.
    const session = await auth().api.getSession({ headers: await headers() });
    return changeOwnPassword({ actor, keepSessionId: session?.session.id ?? null, input });
  });
}
