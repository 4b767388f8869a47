// Starts the built app for the decode benchmark: `tsx server/launch.ts` on a
// free port with the embedded database and a throw-away data directory, so it
// never touches anyone's data, port 3000 or the e2e port. The demo seed gives
// it the annotator account and generated images; the worker process encodes
// them in the background.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";

export interface BenchServer {
  baseUrl: string;
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitForHttp(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The app exited (code ${child.exitCode}) before it answered ${url}`);
    try {
      const response = await fetch(url, { redirect: "manual" });
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`The app did not answer ${url} within ${timeoutMs / 1000} s`);
}

export async function startBenchServer({ log }: { log: (line: string) => void }): Promise<BenchServer> {
  if (!existsSync(path.resolve(".next", "BUILD_ID"))) {
    throw new Error("No production build found: run `npx next build` (or `npm run build`) first");
  }
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "maskwright-bench-decode-"));
  const [port, dbPort] = [await freePort(), await freePort()];
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    MASKWRIGHT_PUBLIC_URL: `http://127.0.0.1:${port}`,
    MASKWRIGHT_DATA_DIR: dataDir,
    MASKWRIGHT_EMBEDDED_DB_PORT: String(dbPort),
    MASKWRIGHT_DEMO: "1",
    MASKWRIGHT_LOGIN_RATE_LIMIT: "100",
  };
  delete env.DATABASE_URL; // embedded database, owned by this launch
  // Own process group: launch.ts starts app and worker children; stop them all together.
  const child = spawn("npx", ["tsx", "server/launch.ts"], { env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  const output: string[] = [];
  const keep = (chunk: Buffer) => {
    for (const line of chunk.toString().split("\n")) if (line.trim()) output.push(line);
    if (output.length > 200) output.splice(0, output.length - 200);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const stop = async () => {
    if (child.exitCode === null && child.pid) {
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {
        // already gone
      }
      await Promise.race([new Promise((r) => child.once("exit", r)), new Promise((r) => setTimeout(r, 10_000))]);
      if (child.exitCode === null) {
        try {
          process.kill(-child.pid, "SIGKILL");
        } catch {
          // already gone
        }
      }
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  log(`starting the app on port ${port} (embedded database on ${dbPort}, data in ${dataDir})`);
  try {
    await waitForHttp(`http://127.0.0.1:${port}/login`, child, 240_000);
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}\n--- app output ---\n${output.slice(-40).join("\n")}`);
  }
  return { baseUrl: `http://127.0.0.1:${port}`, stop };
}
