"use client";

// Joins the open image's live room for the editor's lifetime and shows who
// else is on it. `onJoined` runs after each (re)join: the task editor then
// refetches the image's masks, so saves made before it listened are not missed.
import { useEffect, useRef } from "react";
import { PresenceAvatars } from "./presence-avatars";
import { useImageRoom } from "./use-live-events";

export function EditorPresence({ imageId, selfId, onJoined }: { imageId: string; selfId: string; onJoined?: () => void }) {
  const room = useImageRoom(imageId);
  const joined = useRef(onJoined);
  useEffect(() => {
    joined.current = onJoined;
  });
  useEffect(() => {
    if (room.joins > 0) joined.current?.();
  }, [room.joins]);
  return <PresenceAvatars viewers={room.viewers} selfId={selfId} error={room.error} />;
}
