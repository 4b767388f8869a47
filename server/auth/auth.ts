// better-auth: email + password sessions stored in Postgres, HttpOnly
// SameSite=Lax cookies, scrypt password hashes, database-backed login rate
// limiting (shared by every app process). Public sign-up is off: admins
// create accounts (server/users/create-user.ts).
import { betterAuth } from "better-auth";
import { APIError } from "better-auth/api";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { db } from "../db/client";
import { appConfig } from "../config/app-config";
import { authSecret } from "./auth-secret";

function trustedOrigins(publicUrl: string, port: number): string[] {
  return [publicUrl, `http://localhost:${port}`, `http://127.0.0.1:${port}`];
}

function createAuth() {
  const config = appConfig();
  return betterAuth({
    appName: "Maskwright",
    secret: authSecret(),
    baseURL: config.publicUrl,
    trustedOrigins: trustedOrigins(config.publicUrl, config.port),
    database: prismaAdapter(db(), { provider: "postgresql" }),
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: 8 },
    user: {
      additionalFields: {
        role: { type: "string", input: false, defaultValue: "annotator" },
        active: { type: "boolean", input: false, defaultValue: true },
      },
    },
    session: { expiresIn: 60 * 60 * 24 * 7, updateAge: 60 * 60 * 24 },
    rateLimit: {
      enabled: true,
      storage: "database",
      window: 60,
      max: 300,
      customRules: {
        "/sign-in/email": { window: config.loginRateLimitWindowSeconds, max: config.loginRateLimitMax },
      },
    },
    // server/main.ts overwrites x-forwarded-for with the socket's address, so
    // a client cannot pick its own rate-limit key.
    advanced: { ipAddress: { ipAddressHeaders: ["x-forwarded-for"] } },
    databaseHooks: {
      session: {
        create: {
          // A deactivated account cannot open a new session.
          before: async (session) => {
            const user = await db().user.findUnique({ where: { id: session.userId }, select: { active: true } });
            if (!user?.active) throw new APIError("FORBIDDEN", { message: "This account is deactivated. Ask an administrator." });
            return { data: session };
          },
        },
      },
    },
  });
}

type Auth = ReturnType<typeof createAuth>;
const globalForAuth = globalThis as unknown as { maskwrightAuth?: Auth };

export function auth(): Auth {
  globalForAuth.maskwrightAuth ??= createAuth();
  return globalForAuth.maskwrightAuth;
}
