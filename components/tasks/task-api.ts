// Browser calls to the queue routes. Every failure carries the server's own
// message (it is written for the person at the screen).
export type ClaimAnswer = { task: { id: string; imageId: string; projectId: string; stage: string } | null; resumed: boolean; path: string | null };

export class TaskApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string,
  ) {
    super(message);
    this.name = "TaskApiError";
  }
}

export async function taskApi<T>(url: string, options: { method?: string; body?: unknown } = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: options.method ?? "GET",
      headers: options.body === undefined ? undefined : { "content-type": "application/json" },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      cache: "no-store",
    });
  } catch {
    throw new TaskApiError("The server cannot be reached. Check your connection and try again.", 0, "network");
  }
  const payload = (await response.json().catch(() => null)) as ({ error?: { code: string; message: string } } & T) | null;
  if (!response.ok) {
    throw new TaskApiError(payload?.error?.message ?? `The server answered ${response.status}.`, response.status, payload?.error?.code ?? "http");
  }
  return payload as T;
}
