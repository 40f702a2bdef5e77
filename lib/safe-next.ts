// Where to go after sign-in: only a path on this site. An open redirect here would let a phishing
// link borrow our sign-in page ("/sign-in?next=//evil.example" lands on the attacker's site).
//
// Browsers remove tab, CR and LF from URLs before resolving them, so "/\t/evil.example" becomes
// "//evil.example" (another host); CR/LF in a Location header made Next answer 500. So: no control
// characters, whitespace or backslashes at all, and the resolved URL must keep our origin.
const BASE = "https://freehold.invalid";

 
const FORBIDDEN = /[\s\u0000-\u001f\u007f-\u009f\\]/;

export function safeNext(next: string | null | undefined, fallback = "/orgs"): string {
  if (!next || next.length > 2000 || !next.startsWith("/") || next.startsWith("//") || FORBIDDEN.test(next)) return fallback;
  let url: URL;
  try {
    url = new URL(next, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
