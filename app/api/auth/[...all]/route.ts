// better-auth's own routes (sessions in Postgres, HttpOnly cookies). The ones a client uses:
//   POST /api/auth/sign-in/email  { email, password } (Origin header required) → 200 + session cookie | 401 | 429 too many tries
//   POST /api/auth/sign-out → 200, the session ends
//   GET  /api/auth/get-session → the session and user, or null
// Scripts should prefer an API token (Authorization: Bearer) to signing in with a password.
import { toNextJsHandler } from "better-auth/next-js";
import { auth } from "@/server/auth/auth";

export const runtime = "nodejs";

const handlers = () => toNextJsHandler(auth());

export async function GET(request: Request) {
  return handlers().GET(request);
}

export async function POST(request: Request) {
  return handlers().POST(request);
}
