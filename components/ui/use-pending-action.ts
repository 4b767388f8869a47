"use client";
// A form's one request at a time: pending while it runs, and the server's
// message (or the network's) when it fails. The action throws to fail.
import { useCallback, useState } from "react";

export function usePendingAction() {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(async (action: () => Promise<void>) => {
    setPending(true);
    setError(null);
    try {
      await action();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setPending(false);
    }
  }, []);
  return { pending, error, run };
}
