// Prisma CLI configuration. The CLI runs fully offline through the JS driver
// adapter and the WASM schema engine (no native engine download).
import { defineConfig } from "prisma/config";
import { createMigrationAdapter } from "./server/db/migration-adapter.ts";

export default defineConfig({
  schema: "prisma/schema.prisma",
  experimental: { adapter: true },
  engine: "js",
  adapter: async () => createMigrationAdapter(process.env.DATABASE_URL ?? ""),
});
