// Password rules after OWASP ASVS 4.0.3 V2.1 (and NIST SP 800-63B §5.1.1.2):
// - 2.1.1 at least 12 characters; 2.1.2 at least 64 allowed (we allow 128); 2.1.3 no truncation
//   (better-auth hashes the whole string); 2.1.4 any Unicode, spaces and emoji included;
// - 2.1.7 refused when it is a known common/breached password: the list is the 49,000-entry
//   password dictionary of zxcvbn-ts (@zxcvbn-ts/language-common, MIT; Dropbox's zxcvbn data),
//   also matched after stripping leading/trailing digits and symbols ("Password2026!") and against
//   words of this context (the app's name, the user's email and name);
// - 2.1.9 no composition rules (no "one upper case, one digit"); a repeated short pattern or a
//   keyboard/alphabet run is refused because it is as guessable as a listed password.
// Length counts Unicode code points, so "ünïcödé" passwords are not penalised for their bytes.
import { dictionary } from "@zxcvbn-ts/language-common";

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

let common: Set<string> | undefined;
function commonPasswords(): Set<string> {
  common ??= new Set((dictionary["passwords-common"] as string[]).map((p) => p.toLowerCase()));
  return common;
}

const SEQUENCES = ["abcdefghijklmnopqrstuvwxyz", "01234567890123456789", "qwertyuiopasdfghjklzxcvbnm", "qwertzuiopasdfghjklyxcvbnm", "azertyuiopqsdfghjklmwxcvbn", "1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p"];

export type TPasswordContext = { email?: string | null; name?: string | null };

function contextWords(context: TPasswordContext): string[] {
  const words = ["freehold"];
  const local = context.email?.split("@")[0]?.toLowerCase();
  if (local && local.length >= 4) words.push(local, local.replace(/[^\p{L}\p{N}]/gu, ""));
  for (const part of (context.name ?? "").toLowerCase().split(/\s+/)) if (part.length >= 4) words.push(part);
  return words;
}

/** Why a new password is refused, as a sentence for the password field; null when it is acceptable. */
export function passwordProblem(password: string, context: TPasswordContext = {}): string | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return `Use at least ${PASSWORD_MIN_LENGTH} characters (a few unrelated words work well).`;
  if (length > PASSWORD_MAX_LENGTH) return `Use at most ${PASSWORD_MAX_LENGTH} characters.`;
  const lower = password.toLowerCase();
  const compact = lower.replace(/\s+/g, "");
  const core = compact.replace(/^[\p{N}\p{P}\p{S}]+|[\p{N}\p{P}\p{S}]+$/gu, "");
  const list = commonPasswords();
  if (list.has(lower) || list.has(compact) || (core.length >= 4 && list.has(core))) {
    return "This password is on a list of common or breached passwords. Choose another (a few unrelated words work well).";
  }
  const words = contextWords(context);
  if (context.email && lower === context.email.toLowerCase()) return "Don't use your email address as your password.";
  if (words.some((w) => core === w || compact === w)) return "Don't base your password on your name, email or this app's name.";
  if (/^(.{1,4}?)\1+$/u.test(compact) || new Set(compact).size <= 2) return "This password repeats a short pattern; choose something less predictable.";
  if (SEQUENCES.some((s) => s.includes(compact) || [...s].reverse().join("").includes(compact))) return "This password is a keyboard or alphabet sequence; choose something less predictable.";
  return null;
}
