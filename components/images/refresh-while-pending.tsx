"use client";
// Re-renders the server page every few seconds while something on it is still
// being made in the background (thumbnails right after an import), so cards
// fill in without a manual reload; unmounting (nothing pending) stops it.
import { useRouter } from "next/navigation";
import { useEffect } from "react";

export function RefreshWhilePending({ intervalMs = 3000 }: { intervalMs?: number }) {
  const router = useRouter();
  useEffect(() => {
    const timer = window.setInterval(() => router.refresh(), intervalMs);
    return () => window.clearInterval(timer);
  }, [router, intervalMs]);
  return null;
}
