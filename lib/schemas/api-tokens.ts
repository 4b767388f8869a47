import { z } from "zod";

/** How long a new token lives; "never" tokens last until revoked. */
export const API_TOKEN_LIFETIMES = ["30", "90", "365", "never"] as const;
export type ApiTokenLifetime = (typeof API_TOKEN_LIFETIMES)[number];

export const MAX_TOKEN_PROJECTS = 50;

/** A token that acts as an annotator or a reviewer only (a labelling bot, an outside reviewer's script). */
export const API_TOKEN_PROJECT_ROLES = ["annotator", "reviewer"] as const;
export type ApiTokenProjectRole = (typeof API_TOKEN_PROJECT_ROLES)[number];

export const createApiTokenInput = z.object({
  name: z.string().trim().min(1, "Give the token a name (what script uses it)").max(80, "Token names are at most 80 characters"),
  lifetime: z.enum(API_TOKEN_LIFETIMES, { message: "Pick how long the token lives: 30, 90 or 365 days, or never" }),
  /** Limit the token to these projects; left out or empty, it reaches every project its owner can. */
  projectIds: z
    .array(z.string().min(1, "A project id is empty").max(64, "A project id is at most 64 characters"), { message: "projectIds must be a list of project ids" })
    .max(MAX_TOKEN_PROJECTS, `A token can be limited to at most ${MAX_TOKEN_PROJECTS} projects; leave the list empty for all of them`)
    .optional(),
  /** Only GET / HEAD requests: for scripts that read (export downloads, dashboards). */
  readOnly: z.boolean({ message: "readOnly must be true or false" }).optional(),
  /** Act with at most this project role, in the projects where the owner's role covers it (their own, or manager). */
  projectRole: z.enum(API_TOKEN_PROJECT_ROLES, { message: `projectRole is ${API_TOKEN_PROJECT_ROLES.join(" or ")} (leave it out to act with your own roles)` }).optional(),
});
export type CreateApiTokenInput = z.infer<typeof createApiTokenInput>;

export const revokeApiTokenInput = z.object({ tokenId: z.string().min(1, "Which token?").max(64) });

/** What a list shows of a token; never the secret. */
export type ApiTokenDto = {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
  /** Empty: every project of its owner. A project deleted since keeps its id with name null. */
  projects: { id: string; name: string | null }[];
  readOnly: boolean;
  /** Null: the owner's own roles. */
  projectRole: ApiTokenProjectRole | null;
};

/** Secrets look like `mw_` + 43 base64url characters (32 random bytes). */
export const API_TOKEN_PATTERN = /^mw_[A-Za-z0-9_-]{43}$/;
