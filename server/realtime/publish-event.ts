// Emit a socket.io event to a room after the database commit. Route handlers
// and server actions run inside the app process, next to the socket server;
// in any other process (worker, scripts, tests) there is no socket server and
// this is a no-op — the app's progress poll covers what the worker changes.
import { socketServer } from "./socket-server";

export function imageRoom(imageId: string): string {
  return `image:${imageId}`;
}

export function userRoom(userId: string): string {
  return `user:${userId}`;
}

export function publishEvent(options: { rooms: string[]; event: string; payload: unknown }): void {
  const io = socketServer();
  if (!io || options.rooms.length === 0) return;
  io.to(options.rooms).emit(options.event, options.payload);
}
