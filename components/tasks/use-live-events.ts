"use client";

// Socket hooks for the queue pages, on the tab's one shared socket: listen to
// events (the user's own room is joined by the server at the handshake), join
// a project room for a page's lifetime, join an image room and follow who
// else is on the image.
import { useEffect, useRef, useState } from "react";
import { projectRooms, sharedSocket } from "@/components/realtime/use-project-socket";

export type Viewer = { id: string; name: string };

/** Calls the latest `onEvent` for each of `events`; subscribes once per event list. */
export function useSocketEvents(events: readonly string[], onEvent: (event: string, payload: unknown) => void) {
  const handler = useRef(onEvent);
  useEffect(() => {
    handler.current = onEvent;
  });
  const key = events.join("|");
  useEffect(() => {
    const socket = sharedSocket();
    const listeners = key.split("|").map((event) => {
      const listener = (payload: unknown) => handler.current(event, payload);
      socket.on(event, listener);
      return [event, listener] as const;
    });
    return () => {
      for (const [event, listener] of listeners) socket.off(event, listener);
    };
  }, [key]);
}

/**
 * Joins the project's room while mounted (and again after a reconnect).
 * `onJoined` runs after each join the server confirms: a page whose data was
 * loaded before it joined refetches then, so events sent in between (a
 * submit just after the page rendered) are not missed.
 */
export function useProjectRoom(projectId: string, onJoined?: () => void) {
  const joined = useRef(onJoined);
  useEffect(() => {
    joined.current = onJoined;
  });
  useEffect(() => {
    const socket = sharedSocket();
    const join = () =>
      socket.emit("project:join", projectId, (response: { ok: boolean } | undefined) => {
        if (response?.ok) joined.current?.();
      });
    projectRooms.retain(projectId);
    join();
    socket.on("connect", join);
    return () => {
      socket.off("connect", join);
      projectRooms.release(projectId);
    };
  }, [projectId]);
}

/** Joins the image's room (authorised by the server) and returns who is viewing it and how often it (re)joined. */
export function useImageRoom(imageId: string | null): { viewers: Viewer[]; error: string | null; joins: number } {
  const [viewers, setViewers] = useState<Viewer[]>([]);
  const [error, setError] = useState<string | null>(null);
  // Counts successful joins: a view refetches then, so nothing saved before it joined is missed.
  const [joins, setJoins] = useState(0);
  useEffect(() => {
    if (!imageId) return;
    const socket = sharedSocket();
    const join = () =>
      socket.emit("image:join", imageId, (response: { ok: boolean; data?: { viewers: Viewer[] }; error?: { message: string } }) => {
        if (response.ok) {
          setError(null);
          setJoins((count) => count + 1);
          setViewers(response.data?.viewers ?? []);
        } else setError(response.error?.message ?? "Could not join the image's live room.");
      });
    const onPresence = (event: { imageId: string; viewers: Viewer[] }) => {
      if (event.imageId === imageId) setViewers(event.viewers);
    };
    join();
    socket.on("connect", join);
    socket.on("presence:image", onPresence);
    return () => {
      socket.off("connect", join);
      socket.off("presence:image", onPresence);
      socket.emit("image:leave", imageId);
    };
  }, [imageId]);
  return { viewers, error, joins };
}
