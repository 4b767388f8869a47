// SQL fragments shared by the queue statements. Task timestamps are
// `timestamp(3)` without a zone holding UTC (that is how Prisma writes them),
// so "now" must be UTC wall time too, whatever the session's TimeZone is.
import { Prisma } from "../db/generated/client";

export const SQL_NOW = Prisma.sql`(now() AT TIME ZONE 'UTC')`;

/** How long a claim holds an image without a heartbeat. */
export function leaseSeconds(): number {
  const configured = Number(process.env.MASKWRIGHT_LEASE_SECONDS);
  return Number.isFinite(configured) && configured >= 5 ? Math.round(configured) : 600;
}

export function leaseExpirySql(seconds: number = leaseSeconds()): Prisma.Sql {
  return Prisma.sql`(${SQL_NOW} + (${seconds}::int * interval '1 second'))`;
}

/** A client-side cuid stand-in for rows inserted from SQL (AuditEvent ids have no DB default). */
export const SQL_NEW_ID = Prisma.sql`replace(gen_random_uuid()::text, '-', '')`;
