// socket.io on the app's HTTP server. The handshake is authenticated with the
// same session cookie as the pages; joining a project room is authorised per
// event. Origins other than our own are refused; messages are size-capped.
import type { Server as HttpServer } from "node:http";
import { Server, type Socket } from "socket.io";
import { findActor, type Actor } from "../auth/actor";
import { requireProjectAccess } from "../auth/project-access";
import { isAppError } from "../errors/app-error";
import { registerCollaborationHandlers } from "./collaboration-handlers";

export type SocketData = { actor: Actor };
export type Ack = (response: { ok: true } | { ok: false; error: { code: string; message: string } }) => void;

function headersOf(socket: Socket): Headers {
  const headers = new Headers();
  for (const [key, value] of Object.entries(socket.handshake.headers)) {
    if (typeof value === "string") headers.set(key, value);
    else if (Array.isArray(value)) headers.set(key, value.join(", "));
  }
  return headers;
}

export function projectRoom(projectId: string): string {
  return `project:${projectId}`;
}

export function attachSocketServer(options: { httpServer: HttpServer; allowedOrigins: string[] }): Server {
  const io = new Server(options.httpServer, {
    maxHttpBufferSize: 64 * 1024,
    serveClient: false,
    allowRequest: (request, callback) => {
      const origin = request.headers.origin;
      callback(null, !origin || options.allowedOrigins.includes(origin));
    },
  });

  io.use(async (socket, next) => {
    const actor = await findActor(headersOf(socket)).catch(() => null);
    if (!actor) return next(new Error("unauthenticated"));
    (socket.data as SocketData).actor = actor;
    next();
  });

  io.on("connection", (socket) => {
    const { actor } = socket.data as SocketData;
    socket.join(`user:${actor.id}`);
    socket.on("project:join", async (projectId: unknown, ack?: Ack) => {
      try {
        if (typeof projectId !== "string") throw new Error("projectId must be a string");
        await requireProjectAccess({ actor, projectId });
        await socket.join(projectRoom(projectId));
        ack?.({ ok: true });
      } catch (error) {
        ack?.({ ok: false, error: isAppError(error) ? { code: error.code, message: error.message } : { code: "bad_request", message: String(error) } });
      }
    });
    socket.on("project:leave", (projectId: unknown) => {
      if (typeof projectId === "string") void socket.leave(projectRoom(projectId));
    });
    // Image rooms and presence (server/realtime/collaboration-handlers.ts).
    registerCollaborationHandlers(io, socket);
  });

  (globalThis as unknown as { maskwrightIo?: Server }).maskwrightIo = io;
  return io;
}

/** The app process's socket server, for emitting after a database commit. */
export function socketServer(): Server | null {
  return (globalThis as unknown as { maskwrightIo?: Server }).maskwrightIo ?? null;
}
