import { beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { ConflictError, ForbiddenError, InputError, NotFoundError } from "@/lib/dal/errors";

// One test per outcome of the action wrapper. The session and the membership lookup are stand-ins
// here; the integration suites (tenancy matrix, fuzz) run the same wrapper on a real database.
const session = vi.hoisted(() => ({ getCurrentUser: vi.fn() }));
const orgs = vi.hoisted(() => ({ getOrgContext: vi.fn() }));
const navigation = vi.hoisted(() => ({ redirect: vi.fn((url: string) => { throw Object.assign(new Error("NEXT_REDIRECT"), { url }); }) }));
vi.mock("@/lib/auth/session", () => session);
vi.mock("@/lib/dal/organizations", () => orgs);
const log = vi.hoisted(() => ({ logServerError: vi.fn(async (_error: unknown, _where: string) => {}) }));
vi.mock("next/navigation", () => navigation);
vi.mock("@/lib/log", () => log);

const { orgAction, orgFormAction, redirectTo, userAction, ZId } = await import("./safe-action");

const USER = { id: "u1", name: "Ann", email: "ann@example.com" };
const ORG = { id: "o1", name: "Acme", slug: "acme", role: "analyst" as const };

const handler = vi.fn(async (..._args: unknown[]): Promise<unknown> => ({ kind: "ok" }));
const rename = orgAction({ name: "test", args: z.tuple([ZId, z.number().int()]), roles: ["owner", "manager", "analyst"] }, (caller, id, n) => handler(caller, id, n));
const form = orgFormAction({ name: "testForm", args: z.tuple([ZId]), form: z.object({ title: z.string().trim().min(3, "At least 3 characters.") }), roles: ["owner", "manager", "analyst"] }, (caller, f, id) => handler(caller, f, id));
const fd = (entries: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(entries)) f.append(k, v);
  return f;
};

beforeEach(() => {
  vi.clearAllMocks();
  session.getCurrentUser.mockResolvedValue(USER);
  orgs.getOrgContext.mockResolvedValue(ORG);
  handler.mockImplementation(async () => ({ kind: "ok" }));
});

describe("action wrapper", () => {
  it("ok: runs the handler with the parsed arguments and the caller's membership", async () => {
    await expect(rename("acme", "a1", 3)).resolves.toEqual({ kind: "ok" });
    expect(orgs.getOrgContext).toHaveBeenCalledWith("u1", "acme");
    expect(handler).toHaveBeenCalledWith({ userId: "u1", userName: "Ann", email: "ann@example.com", org: ORG }, "a1", 3);
  });

  it("signed out: a result, and the handler never runs", async () => {
    session.getCurrentUser.mockResolvedValue(null);
    await expect(rename("acme", "a1", 3)).resolves.toMatchObject({ kind: "error", code: "signed-out" });
    expect(handler).not.toHaveBeenCalled();
  });

  it("forbidden: a role the action does not allow is refused before the handler", async () => {
    orgs.getOrgContext.mockResolvedValue({ ...ORG, role: "viewer" });
    await expect(rename("acme", "a1", 3)).resolves.toMatchObject({ kind: "error", code: "forbidden", message: expect.stringContaining("viewer") });
    expect(handler).not.toHaveBeenCalled();
  });

  it("forbidden: the DAL's refusal comes back with its message", async () => {
    handler.mockRejectedValue(new ForbiddenError("This assessment is in review."));
    await expect(rename("acme", "a1", 3)).resolves.toEqual({ kind: "error", code: "forbidden", message: "This assessment is in review." });
  });

  it("not found: another organisation's slug is answered like a missing one", async () => {
    orgs.getOrgContext.mockRejectedValue(new NotFoundError("Organisation not found"));
    await expect(rename("fabrikam", "a1", 3)).resolves.toMatchObject({ kind: "error", code: "not-found", message: expect.stringContaining("no longer exists, or you are not a member") });
    expect(handler).not.toHaveBeenCalled();
  });

  it("conflict: a stale version comes back with the version stored now", async () => {
    handler.mockRejectedValue(new ConflictError("Someone else saved.", 7));
    await expect(rename("acme", "a1", 3)).resolves.toEqual({ kind: "conflict", message: "Someone else saved.", currentVersion: 7 });
  });

  it("invalid arguments: refused before the session is even read", async () => {
    await expect(rename("acme", "a1", "3" as unknown as number)).resolves.toMatchObject({ kind: "invalid", errors: { form: "The page is out of date; reload it." } });
    await expect(rename("../etc", "a1", 3)).resolves.toMatchObject({ kind: "invalid" });
    expect(session.getCurrentUser).not.toHaveBeenCalled();
  });

  it("invalid form: per-field messages, with what was typed echoed back", async () => {
    await expect(form("acme", "a1", null, fd({ title: " x " }))).resolves.toEqual({ kind: "invalid", message: "At least 3 characters.", errors: { title: "At least 3 characters." }, values: { title: " x " } });
    expect(handler).not.toHaveBeenCalled();
  });

  it("invalid form: something that is not FormData is refused, not touched", async () => {
    await expect(form("acme", "a1", null, { title: "a real title" } as unknown as FormData)).resolves.toMatchObject({ kind: "invalid" });
    expect(session.getCurrentUser).not.toHaveBeenCalled();
  });

  it("invalid: a NUL character (which PostgreSQL cannot store) is refused at the field, in arguments too", async () => {
    await expect(form("acme", "a1", null, fd({ title: "Bad\u0000title" }))).resolves.toMatchObject({ kind: "invalid", errors: { title: expect.stringContaining("NUL") } });
    await expect(rename("acme", "a1\u0000", 3)).resolves.toMatchObject({ kind: "invalid" });
    expect(handler).not.toHaveBeenCalled();
  });

  it("invalid (from the DAL): a rule only the database can check lands on its field", async () => {
    handler.mockRejectedValue(new InputError({ email: "Already a member." }));
    await expect(form("acme", "a1", null, fd({ title: "Good title" }))).resolves.toMatchObject({ kind: "invalid", errors: { email: "Already a member." }, values: { title: "Good title" } });
  });

  it("error: an unexpected failure is logged and answered with a generic message", async () => {
    log.logServerError.mockClear();
    handler.mockRejectedValue(new Error("relation \"Member\" does not exist"));
    const result = await rename("acme", "a1", 3);
    expect(result).toEqual({ kind: "error", code: "failed", message: "Something went wrong; nothing was changed. Try again." });
    expect(log.logServerError).toHaveBeenCalledOnce();
    expect(log.logServerError.mock.calls[0]?.[1]).toBe("action test");
  });

  it("error: a session lookup that fails (database restarting) is a result, not an exception", async () => {
    session.getCurrentUser.mockRejectedValue(new Error("Connection terminated unexpectedly"));
    await expect(rename("acme", "a1", 3)).resolves.toMatchObject({ kind: "error", code: "failed" });
    const signedIn = userAction({ name: "user", args: z.tuple([]) }, async () => ({ kind: "ok" as const }));
    await expect(signedIn()).resolves.toMatchObject({ kind: "error", code: "failed" });
  });

  it("redirect: runs after the handler succeeds, outside the wrapper's try/catch", async () => {
    handler.mockResolvedValue(redirectTo("/o/acme/assessments/a2"));
    await expect(rename("acme", "a1", 3)).rejects.toMatchObject({ message: "NEXT_REDIRECT", url: "/o/acme/assessments/a2" });
    expect(navigation.redirect).toHaveBeenCalledOnce();
  });
});
