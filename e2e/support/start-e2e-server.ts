// Starts the built app for the browser tests on a fresh database and data
// dir: real Postgres (E2E_DATABASE_URL, default the local server) unless
// E2E_EMBEDDED=1, in which case the embedded database is used.
import { spawn } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { writeImageFixtures } from "../../server/testing/fixtures/images";

const port = process.env.E2E_PORT ?? "3100";
const dataDir = path.resolve(`data/e2e-${port}`);
const importRoot = path.join(dataDir, "import-root");

async function recreateDatabase(url: string) {
  const target = new URL(url);
  const name = target.pathname.slice(1);
  target.pathname = "/postgres";
  const client = new pg.Client({ connectionString: target.toString() });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await client.query(`CREATE DATABASE "${name}"`);
  await client.end();
}

async function main() {
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(importRoot, { recursive: true });
  await writeImageFixtures(path.join(importRoot, "fixtures"));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: port,
    MASKWRIGHT_PUBLIC_URL: `http://127.0.0.1:${port}`,
    MASKWRIGHT_DATA_DIR: dataDir,
    MASKWRIGHT_IMPORT_ROOT: importRoot,
    MASKWRIGHT_DEMO: "1",
    MASKWRIGHT_SECRET: "e2e-secret-0123456789abcdef0123456789abcdef",
    MASKWRIGHT_LOGIN_RATE_LIMIT: "100",
    MASKWRIGHT_MAX_IMAGE_PIXELS: String(40_000_000),
    // The webhook test's receiver listens on loopback, which webhooks may not reach by default.
    MASKWRIGHT_WEBHOOK_ALLOWED_HOSTS: "127.0.0.1",
  };
  if (process.env.E2E_EMBEDDED === "1") {
    delete env.DATABASE_URL;
    env.MASKWRIGHT_EMBEDDED_DB_PORT = "54339";
  } else {
    const url = process.env.E2E_DATABASE_URL ?? `postgresql://postgres@127.0.0.1:5432/maskwright_e2e_${port}`;
    await recreateDatabase(url);
    env.DATABASE_URL = url;
  }
  const child = spawn("npx", ["tsx", "server/launch.ts"], { stdio: "inherit", env });
  const stop = () => child.kill("SIGTERM");
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
  child.on("exit", (code) => process.exit(code ?? 0));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
