// The database a bench runs against: DATABASE_URL when set (it must be a
// scratch database: benches add users, projects and many rows), else the
// embedded database in a temp folder. Migrates it and installs a Prisma client
// with a pool like a few app processes as the one the app's db() returns.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../../server/db/generated/client";
import { poolOptions } from "../../server/db/pool-options";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "../../server/db/embedded-postgres";

async function migrate(): Promise<void> {
  // Async child: with the embedded database this very process serves it.
  const child = spawn("npx", ["prisma", "migrate", "deploy"], { stdio: ["ignore", "ignore", "inherit"], env: process.env });
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  if (code !== 0) throw new Error(`prisma migrate deploy failed (exit ${code})`);
}

export async function prepareBenchDatabase(options: { name: string; pool: number; embeddedPort: number; log: (message: string) => void }): Promise<{ embedded: boolean; stop: () => Promise<void> }> {
  let server: EmbeddedPostgres | null = null;
  let dataDir: string | null = null;
  if (!process.env.DATABASE_URL) {
    dataDir = mkdtempSync(path.join(os.tmpdir(), `maskwright-${options.name}-`));
    server = await startEmbeddedPostgres({ dataDir, port: Number(process.env.BENCH_EMBEDDED_PORT ?? options.embeddedPort) });
    process.env.DATABASE_URL = server.url;
    process.env.MASKWRIGHT_EMBEDDED_DB = "1";
    options.log(`no DATABASE_URL: embedded Postgres in ${dataDir}`);
  }
  await migrate();
  const embedded = process.env.MASKWRIGHT_EMBEDDED_DB === "1";
  // The app's db() picks this client up: a pool sized like a few app processes (one connection on the embedded DB).
  const client = new PrismaClient({
    adapter: new PrismaPg(poolOptions(process.env.DATABASE_URL ?? "", embedded, options.pool)),
    transactionOptions: embedded ? { maxWait: 120_000, timeout: 120_000 } : { maxWait: 30_000, timeout: 30_000 },
  });
  (globalThis as unknown as { maskwrightPrisma?: PrismaClient }).maskwrightPrisma = client;
  return {
    embedded,
    stop: async () => {
      await client.$disconnect();
      await server?.stop();
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
