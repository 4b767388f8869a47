// Vitest global setup: a fresh, migrated test database on the real Postgres
// server. TEST_DATABASE_URL (or DATABASE_URL) names it; the default is the
// local server these machines run at 127.0.0.1:5432.
import { execFileSync } from "node:child_process";
import pg from "pg";

const DEFAULT_URL = "postgresql://postgres@127.0.0.1:5432/maskwright_test";

export default async function setup() {
  const url = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? DEFAULT_URL;
  const target = new URL(url);
  const dbName = target.pathname.slice(1);
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${dbName}"`);
  } finally {
    await client.end();
  }
  execFileSync("npx", ["prisma", "migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: url },
    stdio: "ignore",
  });
  process.env.DATABASE_URL = url;
}
