// Append-only audit trail: who did what to which object, when.
import type { Prisma } from "../db/generated/client";
import { db } from "../db/client";

type Tx = Prisma.TransactionClient;

export async function recordAuditEvent(options: {
  actorId: string | null;
  projectId?: string | null;
  action: string;
  targetType: string;
  targetId?: string | null;
  data?: Prisma.InputJsonValue;
  tx?: Tx;
}): Promise<void> {
  const client = options.tx ?? db();
  await client.auditEvent.create({
    data: {
      actorId: options.actorId,
      projectId: options.projectId ?? null,
      action: options.action,
      targetType: options.targetType,
      targetId: options.targetId ?? null,
      data: options.data ?? {},
    },
  });
}
