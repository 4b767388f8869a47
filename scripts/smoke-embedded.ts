// Smoke test of the zero-setup path: no DATABASE_URL, so the launcher starts
// the embedded Postgres. Start, sign in, see the demo project, stop, start
// again and sign in again (the data survived the restart). Each stop happens
// with a signed-in live connection open, like a browser tab: the launcher
// must still stop cleanly, without being killed. On the first start the
// worker is killed outright: the launcher must start a new one while the app
// keeps answering.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { io as connectSocket, type Socket as ClientSocket } from "socket.io-client";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const port = Number(process.env.SMOKE_PORT ?? 3200);
const base = `http://127.0.0.1:${port}`;
const dataDir = mkdtempSync(path.join(os.tmpdir(), "maskwright-smoke-"));

function start(): ChildProcess {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), MASKWRIGHT_DATA_DIR: dataDir, MASKWRIGHT_PUBLIC_URL: base, MASKWRIGHT_EMBEDDED_DB_PORT: "54337" };
  delete env.DATABASE_URL;
  delete env.MASKWRIGHT_SECRET;
  return spawn("npx", ["tsx", "server/launch.ts"], { env, stdio: "inherit", detached: true });
}

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** How long a clean stop may take (the embedded database writes its files on the way out). */
const STOP_GRACE_MS = 30_000;

/**
 * Stops the launcher's whole process group and waits until every member is
 * gone; true when SIGTERM sufficed, false when it had to be killed.
 */
async function stop(child: ChildProcess): Promise<boolean> {
  const pid = child.pid;
  if (!pid || !groupAlive(pid)) return true; // the launcher may have stopped by itself already
  process.kill(-pid, "SIGTERM");
  const deadline = Date.now() + STOP_GRACE_MS;
  while (groupAlive(pid) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 250));
  if (!groupAlive(pid)) return true;
  try {
    process.kill(-pid, "SIGKILL");
  } catch {
    // gone between the check and the kill
  }
  return false;
}

/** A signed-in socket.io connection, as an open editor tab holds. */
async function openLiveConnection(cookie: string): Promise<ClientSocket> {
  const socket = connectSocket(base, { transports: ["websocket"], extraHeaders: { cookie, origin: base }, reconnection: false });
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", () => resolve());
    socket.once("connect_error", reject);
  });
  return socket;
}

async function waitForApp(child: ChildProcess, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`the launcher exited (${child.signalCode ?? child.exitCode}) before the app answered`);
    const ok = await fetch(`${base}/login`).then((r) => r.ok).catch(() => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  throw new Error(`the app did not answer at ${base} within ${timeoutMs / 1000} s`);
}

/** Pid of the launcher group's process whose command line contains `script`, if any. */
function groupProcess(groupId: number, script: string): number | null {
  const lines = execFileSync("ps", ["-eo", "pid=,pgid=,args="], { encoding: "utf8" }).split("\n");
  for (const line of lines) {
    const [pid, pgid, ...args] = line.trim().split(/\s+/);
    if (Number(pgid) === groupId && args.join(" ").includes(script) && !args.join(" ").includes("npx")) return Number(pid);
  }
  return null;
}

/** Kills the worker with SIGKILL and waits for the launcher to run a new one; the app must answer meanwhile. */
async function killWorkerAndWaitForRestart(child: ChildProcess): Promise<number> {
  const group = child.pid!;
  const worker = groupProcess(group, "server/worker-main.ts");
  if (!worker) throw new Error("no worker process in the launcher's group");
  const killedAt = Date.now();
  process.kill(worker, "SIGKILL");
  while (Date.now() - killedAt < 60_000) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    const next = groupProcess(group, "server/worker-main.ts");
    if (next && next !== worker) {
      const ok = await fetch(`${base}/login`).then((r) => r.ok).catch(() => false);
      if (!ok) throw new Error("the app stopped answering after the worker was killed");
      return Date.now() - killedAt;
    }
  }
  throw new Error("the launcher did not start a new worker within 60 s");
}

async function signInAndListProjects(): Promise<{ html: string; cookie: string }> {
  const signIn = await fetch(`${base}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: base },
    body: JSON.stringify({ email: "admin@maskwright.local", password: "admin-demo-pass" }),
  });
  if (!signIn.ok) throw new Error(`sign-in failed: HTTP ${signIn.status} ${await signIn.text()}`);
  const cookie = (signIn.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  const page = await fetch(`${base}/projects`, { headers: { cookie } });
  if (!page.ok) throw new Error(`/projects answered HTTP ${page.status}`);
  return { html: await page.text(), cookie };
}

async function main() {
  let passed = 0;
  let failed = 0;
  for (const round of ["first start", "restart"]) {
    const child = start();
    try {
      await waitForApp(child, 240_000);
      const { html, cookie } = await signInAndListProjects();
      if (!html.includes("Demo: shapes and scenes")) throw new Error("the demo project is not listed");
      if (round === "first start") console.log(`smoke: worker killed, a new one running after ${((await killWorkerAndWaitForRestart(child)) / 1000).toFixed(1)} s`);
      const tab = await openLiveConnection(cookie);
      const stopping = Date.now();
      const clean = await stop(child);
      tab.close();
      if (!clean) throw new Error(`with a live connection open, the launcher did not stop within ${STOP_GRACE_MS / 1000} s of SIGTERM`);
      console.log(`smoke: ${round}: signed in, saw the demo project, stopped in ${((Date.now() - stopping) / 1000).toFixed(1)} s with a live connection open`);
      passed++;
    } catch (error) {
      console.error(`smoke: ${round} failed:`, error);
      failed++;
    } finally {
      await stop(child);
    }
  }
  console.log(`${passed} passed, ${failed} failed`);
  rmSync(dataDir, { recursive: true, force: true, maxRetries: 5 });
  process.exit(failed ? 1 : 0);
}

void main();
