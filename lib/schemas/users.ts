import { z } from "zod";

export const GLOBAL_ROLES = ["admin", "manager", "annotator", "reviewer"] as const;
export const globalRoleSchema = z.enum(GLOBAL_ROLES);

export const passwordSchema = z
  .string()
  .min(8, "Password must be at least 8 characters")
  .max(128, "Password must be at most 128 characters");

export const createUserInput = z.object({
  email: z.string().trim().toLowerCase().email("Enter a valid email address"),
  name: z.string().trim().min(1, "Name is required").max(100),
  password: passwordSchema,
  role: globalRoleSchema,
});
export type CreateUserInput = z.infer<typeof createUserInput>;

export const updateUserInput = z.object({
  userId: z.string().min(1),
  role: globalRoleSchema.optional(),
  active: z.boolean().optional(),
});
export type UpdateUserInput = z.infer<typeof updateUserInput>;

export const resetPasswordInput = z.object({ userId: z.string().min(1), password: passwordSchema });
export type ResetPasswordInput = z.infer<typeof resetPasswordInput>;

/** Anyone signed in changes their own password; the current one proves it is them. */
export const changeOwnPasswordInput = z
  .object({
    currentPassword: z.string().min(1, "Enter your current password").max(128),
    newPassword: passwordSchema,
    confirmPassword: z.string(),
  })
  .refine((value) => value.newPassword === value.confirmPassword, { message: "The two new passwords differ", path: ["confirmPassword"] })
  .refine((value) => value.newPassword !== value.currentPassword, { message: "The new password is the same as the current one", path: ["newPassword"] });
export type ChangeOwnPasswordInput = z.infer<typeof changeOwnPasswordInput>;
