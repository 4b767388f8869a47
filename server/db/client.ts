// The application's Prisma client (query compiler in WASM + the pg driver
// adapter, so no native engine is needed). One per process.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";
import { poolOptions } from "./pool-options";

function createClient(): PrismaClient {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: start the app with `npm start` (embedded database) or set it");
  const embedded = process.env.MASKWRIGHT_EMBEDDED_DB === "1";
  const adapter = new PrismaPg(poolOptions(url, embedded));
  return new PrismaClient({
    adapter,
    transactionOptions: embedded ? { maxWait: 60_000, timeout: 120_000 } : { maxWait: 10_000, timeout: 30_000 },
  });
}

const globalForPrisma = globalThis as unknown as { maskwrightPrisma?: PrismaClient };

/** Lazily created so importing a module never needs a database. */
export function db(): PrismaClient {
  globalForPrisma.maskwrightPrisma ??= createClient();
  return globalForPrisma.maskwrightPrisma;
}

export type { PrismaClient };
export * from "./generated/enums";
