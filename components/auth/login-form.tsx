"use client";

import { useState, type FormEvent } from "react";
import { useRouter, useSearchParams } from "next/navigation";
import { buttonPrimary, inputField, labelText } from "../ui/button-styles";
import { FormError } from "../ui/form-message";

// Talks to better-auth's HTTP endpoint directly: login must go through HTTP
// (not a server-side call) so its rate limit applies.
async function signIn(email: string, password: string): Promise<string | null> {
  const response = await fetch("/api/auth/sign-in/email", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password }),
  });
  if (response.ok) return null;
  if (response.status === 429) {
    const retry = response.headers.get("x-retry-after");
    return `Too many sign-in attempts. Try again${retry ? ` in ${retry} seconds` : " in a minute"}.`;
  }
  const body = (await response.json().catch(() => null)) as { message?: string } | null;
  if (response.status === 401) return "Wrong email or password.";
  return body?.message ?? `Sign-in failed (HTTP ${response.status}).`;
}

export function LoginForm() {
  const router = useRouter();
  const params = useSearchParams();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const failure = await signIn(String(form.get("email") ?? ""), String(form.get("password") ?? ""));
    setPending(false);
    if (failure) return setError(failure);
    const next = params.get("next");
    router.replace(next && next.startsWith("/") && !next.startsWith("//") ? next : "/projects");
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <div>
        <label htmlFor="email" className={labelText}>Email</label>
        <input id="email" name="email" type="email" autoComplete="username" required autoFocus className={inputField} />
      </div>
      <div>
        <label htmlFor="password" className={labelText}>Password</label>
        <input id="password" name="password" type="password" autoComplete="current-password" required className={inputField} />
      </div>
      <FormError message={error} />
      <button type="submit" className={`${buttonPrimary} w-full`} disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
