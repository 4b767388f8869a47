// The end of a test file that used the database: the realtime outbox writes
// its events in batches after the change that made them, so closing the client
// while a batch is in flight logs "Transaction already closed". Waiting for the
// outbox first closes the client only once nothing is using it.
import { db } from "../db/client";
import { outboxIdle } from "../realtime/append-realtime-event";

export async function closeTestDb(): Promise<void> {
  await outboxIdle();
  await db().$disconnect();
}
