import type { ApiTokenDto } from "@/lib/schemas/api-tokens";
import type { Prisma } from "../db/generated/client";
import { db } from "../db/client";

type ApiTokenRow = {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  projectIds: string[];
  readOnly: boolean;
  projectRole: string | null;
};

/** projectNames: the names of the projects the rows are limited to (a deleted project is missing). */
export function toApiTokenDto(row: ApiTokenRow, projectNames: ReadonlyMap<string, string> = new Map()): ApiTokenDto {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt?.toISOString() ?? null,
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    projects: row.projectIds.map((id) => ({ id, name: projectNames.get(id) ?? null })),
    readOnly: row.readOnly,
    projectRole: row.projectRole === "annotator" || row.projectRole === "reviewer" ? row.projectRole : null,
  };
}

export const apiTokenDtoSelect = {
  id: true,
  name: true,
  prefix: true,
  createdAt: true,
  expiresAt: true,
  lastUsedAt: true,
  revokedAt: true,
  projectIds: true,
  projectRole: true,
  readOnly: true,
} as const;

/** The names of the projects some tokens are limited to, for their DTOs. */
export async function readTokenProjectNames(rows: { projectIds: string[] }[], client: Prisma.TransactionClient = db()): Promise<Map<string, string>> {
  const ids = [...new Set(rows.flatMap((row) => row.projectIds))];
  if (ids.length === 0) return new Map();
  const projects = await client.project.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
  return new Map(projects.map((project) => [project.id, project.name]));
}
