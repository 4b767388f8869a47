// Prisma CLI configuration. The CLI runs fully offline through the JS driver
// adapter and the WASM schema engine (no native engine download).
import { defineConfig } from "prisma/config";
import { createMigrationAdapter } from "./server/db/migration-adapter.ts";

// The schema's `env("DATABASE_URL")` must resolve even for `prisma generate`
// (run on install, before any database exists), or the CLI falls back to
// downloading a native engine. Commands that connect fail clearly on it.
process.env.DATABASE_URL ??= "postgresql://set-DATABASE_URL@127.0.0.1:1/unset";

export default defineConfig({
  schema: "prisma/schema.prisma",
  experimental: { adapter: true },
  engine: "js",
  adapter: async () => createMigrationAdapter(process.env.DATABASE_URL),
});
