import { toNextJsHandler } from "better-auth/next-js";
import { auth } from "@/lib/auth/auth";

export const dynamic = "force-dynamic";

// A sign-up answers the same for a new and a registered email; its duration must not tell them
// apart either (a new account writes two rows more). Every sign-up response waits until at least
// this long after the request arrived, which is above the slowest path measured here (~230 ms).
const SIGN_UP_MIN_MS = 350;

export async function GET(request: Request) {
  return toNextJsHandler(auth()).GET(request);
}

export async function POST(request: Request) {
  const started = performance.now();
  const response = await toNextJsHandler(auth()).POST(request);
  if (new URL(request.url).pathname.endsWith("/sign-up/email")) {
    const wait = SIGN_UP_MIN_MS + Math.random() * 20 - (performance.now() - started);
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  }
  return response;
}
