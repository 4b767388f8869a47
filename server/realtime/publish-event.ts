// Emit a socket.io event to rooms after the database commit. In the app
// process (socket server present) it goes out to this process's sockets at
// once; it is also appended to the live-event outbox, from which every other
// app process's relay emits it to theirs (server/realtime/start-realtime-relay.ts).
// So the worker, scripts and a second app process publish the same way.
// The outbox write is fire-and-forget: the caller's change is committed
// already and a lost live event only delays a view until its next refetch.
import { appendRealtimeEvent } from "./append-realtime-event";
import { socketServer } from "./socket-server";

export function imageRoom(imageId: string): string {
  return `image:${imageId}`;
}

export function userRoom(userId: string): string {
  return `user:${userId}`;
}

export function publishEvent(options: { rooms: string[]; event: string; payload: unknown }): void {
  if (options.rooms.length === 0) return;
  socketServer()?.to(options.rooms).emit(options.event, options.payload);
  void appendRealtimeEvent(options).catch((error: unknown) => {
    console.error(`[realtime] outbox write for ${options.event} failed`, error instanceof Error ? error.message : error);
  });
}
