// The secret of an API token and what is stored of it. Secrets carry 256
// random bits, so a plain SHA-256 (not a slow password hash) is enough to
// make a leaked table useless, and it lets a request find its token by an
// indexed equality lookup.
import { createHash, randomBytes } from "node:crypto";
import { API_TOKEN_PATTERN } from "@/lib/schemas/api-tokens";

export type NewApiTokenSecret = { secret: string; tokenHash: string; prefix: string };

export function hashApiTokenSecret(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

export function generateApiTokenSecret(): NewApiTokenSecret {
  const secret = `mw_${randomBytes(32).toString("base64url")}`;
  return { secret, tokenHash: hashApiTokenSecret(secret), prefix: secret.slice(0, 10) };
}

export type BearerToken = { kind: "none" } | { kind: "malformed" } | { kind: "token"; secret: string };

/** Reads `Authorization: Bearer mw_…`; another scheme or a wrong shape is "malformed", never a session. */
export function readBearerToken(headers: Headers): BearerToken {
  const header = headers.get("authorization");
  if (header === null || header.trim() === "") return { kind: "none" };
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header.trim());
  if (!match?.[1] || !API_TOKEN_PATTERN.test(match[1])) return { kind: "malformed" };
  return { kind: "token", secret: match[1] };
}
