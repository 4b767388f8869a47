// One JSON request for a form's action under usePendingAction: the answer's
// body, or an Error carrying the server's message (else the network's, else
// `failure` with the HTTP status), which the hook then shows.
export async function requestJson<T>(url: string, options: { method?: string; json?: unknown; failure: string }): Promise<T> {
  const init: RequestInit =
    options.json === undefined
      ? { method: options.method ?? "GET", cache: "no-store" }
      : { method: options.method ?? "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(options.json) };
  const response = await fetch(url, init).catch(() => null);
  if (!response) throw new Error("Network error: the server could not be reached.");
  const body = (await response.json().catch(() => null)) as (T & { error?: { message: string } }) | null;
  if (!response.ok || !body) throw new Error(body?.error?.message ?? `${options.failure} (HTTP ${response.status}).`);
  return body;
}
