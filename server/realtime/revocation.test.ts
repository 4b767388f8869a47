// A real socket.io server on an ephemeral port, real session cookies: image
// rooms are authorised per event, presence reaches the project, and a member
// who is removed (or deactivated) loses the rooms (or the connection) at once
// and every server call afterwards.
import { createServer, type Server as HttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { io as connect, type Socket as ClientSocket } from "socket.io-client";
import type { Server } from "socket.io";

type Modules = {
  auth: typeof import("../auth/auth");
  socketServer: typeof import("./socket-server");
  factories: typeof import("../testing/factories");
  removeMember: typeof import("../projects/remove-project-member");
  updateUser: typeof import("../users/update-user");
  claim: typeof import("../tasks/claim-next-task");
  fixtures: typeof import("../tasks/testing/queue-fixtures");
  publish: typeof import("../tasks/publish-task-changes");
};
let m: Modules;
let httpServer: HttpServer;
let io: Server;
let url: string;
const clients: ClientSocket[] = [];

beforeAll(async () => {
  m = {
    auth: await import("../auth/auth"),
    socketServer: await import("./socket-server"),
    factories: await import("../testing/factories"),
    removeMember: await import("../projects/remove-project-member"),
    updateUser: await import("../users/update-user"),
    claim: await import("../tasks/claim-next-task"),
    fixtures: await import("../tasks/testing/queue-fixtures"),
    publish: await import("../tasks/publish-task-changes"),
  };
  httpServer = createServer();
  await new Promise<void>((resolve) => httpServer.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
  io = m.socketServer.attachSocketServer({ httpServer, allowedOrigins: [url] });
});

afterAll(async () => {
  for (const client of clients) client.close();
  await new Promise<void>((resolve) => io.close(() => resolve()));
  (globalThis as unknown as { maskwrightIo?: Server }).maskwrightIo = undefined;
});

async function sessionCookie(email: string, password: string): Promise<string> {
  const response = await m.auth.auth().handler(
    new Request("http://localhost:3000/api/auth/sign-in/email", {
      method: "POST",
      headers: { "content-type": "application/json", origin: "http://localhost:3000", "x-forwarded-for": "10.9.0.1" },
      body: JSON.stringify({ email, password }),
    }),
  );
  expect(response.status).toBe(200);
  return (response.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
}

async function connectAs(cookie: string, origin?: string): Promise<ClientSocket> {
  const socket = connect(url, { transports: ["websocket"], extraHeaders: { cookie, ...(origin ? { origin } : {}) }, reconnection: false, forceNew: true });
  clients.push(socket);
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", () => resolve());
    socket.once("connect_error", (error) => reject(error));
  });
  return socket;
}

type AckResponse = { ok: boolean; data?: unknown; error?: { code: string; message: string } };
const ask = (socket: ClientSocket, event: string, arg: unknown) => socket.timeout(5000).emitWithAck(event, arg) as Promise<AckResponse>;
const nextEvent = <T>(socket: ClientSocket, event: string, timeoutMs = 5000) =>
  new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${event} within ${timeoutMs} ms`)), timeoutMs);
    socket.once(event, (payload: T) => {
      clearTimeout(timer);
      resolve(payload);
    });
  });

async function roomMembers(room: string): Promise<string[]> {
  return (await io.in(room).fetchSockets()).map((socket) => (socket.data as { actor: { id: string } }).actor.id);
}

describe("socket rooms and revocation", () => {
  it("refuses a handshake without a session or from a foreign origin", async () => {
    await expect(connectAs("")).rejects.toThrow(/unauthenticated/);
    const user = await m.factories.createTestUser("annotator");
    const cookie = await sessionCookie(user.email, user.password);
    await expect(connectAs(cookie, "http://evil.example")).rejects.toThrow();
  });

  it("authorises image:join per event, shares presence, and cuts a removed member off", async () => {
    const manager = await m.factories.createTestUser("manager");
    const annotator = await m.factories.createTestUser("annotator");
    const outsider = await m.factories.createTestUser("annotator");
    const { project, imageIds } = await m.fixtures.createQueueProject({ members: [{ actor: manager, role: "manager" }, { actor: annotator, role: "annotator" }], images: 2 });
    await m.fixtures.batchEverything({ projectId: project.id });
    const imageId = imageIds[0]!;
    const managerSocket = await connectAs(await sessionCookie(manager.email, manager.password));
    const annotatorSocket = await connectAs(await sessionCookie(annotator.email, annotator.password));
    const outsiderSocket = await connectAs(await sessionCookie(outsider.email, outsider.password));

    expect((await ask(managerSocket, "project:join", project.id)).ok).toBe(true);
    expect((await ask(annotatorSocket, "project:join", project.id)).ok).toBe(true);
    expect(await ask(outsiderSocket, "image:join", imageId)).toMatchObject({ ok: false, error: { code: "not_found" } });
    expect(await ask(outsiderSocket, "image:join", { not: "a string" })).toMatchObject({ ok: false, error: { code: "bad_request" } });

    const presence = nextEvent<{ imageId: string; viewers: { id: string }[] }>(managerSocket, "presence:image");
    const joined = await ask(annotatorSocket, "image:join", imageId);
    expect(joined).toMatchObject({ ok: true, data: { viewers: [{ id: annotator.id }] } });
    expect(await presence).toMatchObject({ imageId, viewers: [{ id: annotator.id }] });
    const listed = await ask(managerSocket, "presence:list", project.id);
    expect(listed).toMatchObject({ ok: true, data: { [imageId]: [{ id: annotator.id }] } });

    // Task events reach the project room after the commit.
    const changed = nextEvent<{ tasks: { imageId: string; status: string }[] }>(managerSocket, "task:changed");
    const claimed = await m.claim.claimNextTask({ actor: annotator, projectId: project.id, prefetch: false });
    expect((await changed).tasks[0]).toMatchObject({ id: claimed.task!.id, status: "in_progress" });

    // Removal: the socket is told, leaves the project's rooms, gets nothing more; their work returns to the pool.
    const revoked = nextEvent<{ projectId: string }>(annotatorSocket, "access:revoked");
    const left = nextEvent<{ viewers: unknown[] }>(managerSocket, "presence:image");
    await m.removeMember.removeProjectMember({ actor: manager, input: { projectId: project.id, userId: annotator.id } });
    expect(await revoked).toMatchObject({ projectId: project.id });
    expect((await left).viewers).toEqual([]);
    expect(await roomMembers(m.socketServer.projectRoom(project.id))).not.toContain(annotator.id);
    expect(await roomMembers(`image:${imageId}`)).not.toContain(annotator.id);
    expect(annotatorSocket.connected).toBe(true);
    let leaked = false;
    annotatorSocket.on("task:changed", () => (leaked = true));
    m.publish.publishTaskChanges({ projectId: project.id, tasks: [{ ...claimed.task!, status: "todo" }] });
    expect(await ask(annotatorSocket, "image:join", imageId)).toMatchObject({ ok: false, error: { code: "not_found" } });
    expect(await ask(annotatorSocket, "project:join", project.id)).toMatchObject({ ok: false });
    expect(leaked).toBe(false);
    await expect(m.claim.claimNextTask({ actor: annotator, projectId: project.id })).rejects.toMatchObject({ code: "not_found" });
    const { db } = await import("../db/client");
    expect(await db().task.findUniqueOrThrow({ where: { id: claimed.task!.id } })).toMatchObject({ status: "todo", assigneeId: null });
  });

  it("disconnects a deactivated user and refuses their next handshake", async () => {
    const admin = await m.factories.createTestUser("admin");
    const user = await m.factories.createTestUser("annotator");
    const cookie = await sessionCookie(user.email, user.password);
    const socket = await connectAs(cookie);
    const disconnected = nextEvent<string>(socket, "disconnect");
    await m.updateUser.updateUser({ actor: admin, input: { userId: user.id, active: false } });
    expect(await disconnected).toBe("io server disconnect");
    await expect(connectAs(cookie)).rejects.toThrow(/unauthenticated/);
  });
});
