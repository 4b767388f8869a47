// Vitest global setup: a fresh, migrated test database on the real Postgres
// server. TEST_DATABASE_URL names it (CI sets it); without it each run gets
// its own database on the local server (127.0.0.1:5432), dropped afterwards,
// so parallel runs never trample each other.
import { execFileSync } from "node:child_process";
import pg from "pg";

const LOCAL_SERVER = "postgresql://postgres@127.0.0.1:5432";

async function onAdminDatabase(url: string, fn: (client: pg.Client, name: string) => Promise<void>) {
  const target = new URL(url);
  const name = target.pathname.slice(1);
  target.pathname = "/postgres";
  const client = new pg.Client({ connectionString: target.toString() });
  await client.connect();
  try {
    await fn(client, name);
  } finally {
    await client.end();
  }
}

export default async function setup() {
  const explicit = process.env.TEST_DATABASE_URL;
  const url = explicit ?? `${LOCAL_SERVER}/maskwright_test_${process.pid}`;
  await onAdminDatabase(url, async (client, name) => {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}"`);
  });
  execFileSync("npx", ["prisma", "migrate", "deploy"], { env: { ...process.env, DATABASE_URL: url }, stdio: "ignore" });
  process.env.DATABASE_URL = url;
  return async () => {
    if (explicit) return;
    await onAdminDatabase(url, async (client, name) => {
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    });
  };
}
