import { describe, expect, it } from "vitest";
import { PASSWORD_MAX_LENGTH, passwordProblem } from "@/lib/auth/password-policy";

describe("password policy (ASVS 4.0.3 V2.1)", () => {
  it.each([
    // Issue 17: any 10 characters used to be accepted.
    ["aaaaaaaaaa", /at least 12/],
    ["short pass", /at least 12/],
    ["aaaaaaaaaaaa", /repeats/],
    ["abcabcabcabc", /repeats/],
    ["123456789012", /list|sequence/],
    ["qwertyuiopas", /sequence/],
    ["1qaz2wsx3edc", /list/],
    ["passwordpassword", /list|repeats/],
    ["Password2026!", /list/],
    ["  iloveyou!!  2024", /list/],
    ["Freehold2026!", /list|app's name/],
  ])("refuses %j", (password, message) => {
    expect(passwordProblem(password)).toMatch(message);
  });

  it("refuses the user's own email or name", () => {
    expect(passwordProblem("jane.doe@corp.example", { email: "jane.doe@corp.example" })).toMatch(/email/);
    expect(passwordProblem("margaretha#1", { email: "x@y.example", name: "Margaretha Smith" })).toMatch(/name/);
  });

  it.each([
    "correct horse battery staple",
    "freehold-demo-2026",
    "Tr0ub4dor&3xyz",
    "ünïcödé pässwörd",
    "🔒🦄🌈🍕🚀🎈🐙🌵🎲🧩🪁🦔", // 12 code points
    "12 chars, ok",
  ])("accepts %j (spaces, unicode, no composition rules)", (password) => {
    expect(passwordProblem(password)).toBeNull();
  });

  it("allows long passwords up to the maximum and refuses beyond", () => {
    expect(PASSWORD_MAX_LENGTH).toBeGreaterThanOrEqual(64);
    expect(passwordProblem("a long passphrase ".repeat(7).slice(0, PASSWORD_MAX_LENGTH))).toBeNull();
    expect(passwordProblem("x".repeat(PASSWORD_MAX_LENGTH + 1) + "y")).toMatch(/at most/);
  });
});
