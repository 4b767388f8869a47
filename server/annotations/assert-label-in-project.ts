// A label class id sent by a client must be one of the project's classes.
import { db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { AppError } from "../errors/app-error";

export async function assertLabelInProject(options: { labelClassId: string | null | undefined; projectId: string; tx?: Prisma.TransactionClient }): Promise<void> {
  const { labelClassId, projectId } = options;
  if (labelClassId === null || labelClassId === undefined) return;
  const found = await (options.tx ?? db()).labelClass.count({ where: { id: labelClassId, projectId } });
  if (!found) throw new AppError("bad_request", "The label class does not belong to this project.");
}
