// The signed-in person's own tokens that are not revoked, newest first;
// expired ones stay listed (marked by expiresAt) so a failing script's cause is visible.
import type { ApiTokenDto } from "@/lib/schemas/api-tokens";
import type { Actor } from "../auth/actor";
import { db } from "../db/client";
import { apiTokenDtoSelect, readTokenProjectNames, toApiTokenDto } from "./api-token-dto";

export async function listApiTokens(options: { actor: Actor }): Promise<ApiTokenDto[]> {
  const rows = await db().apiToken.findMany({
    where: { userId: options.actor.id, revokedAt: null },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: apiTokenDtoSelect,
  });
  const names = await readTokenProjectNames(rows);
  return rows.map((row) => toApiTokenDto(row, names));
}
