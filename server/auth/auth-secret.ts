// The secret that signs session cookies. Production refuses to run without
// one; development falls back to a fixed, clearly-named value.
const DEV_SECRET = "maskwright-development-secret-do-not-use-in-production";

export function authSecret(): string {
  const secret = process.env.MASKWRIGHT_SECRET ?? process.env.BETTER_AUTH_SECRET;
  if (secret && secret.length >= 32) return secret;
  if (secret) throw new Error("MASKWRIGHT_SECRET must be at least 32 characters long");
  if (process.env.NODE_ENV === "production") {
    throw new Error("MASKWRIGHT_SECRET is not set: refusing to start in production without it (generate one with `openssl rand -hex 32`)");
  }
  return DEV_SECRET;
}
