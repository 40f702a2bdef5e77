import { describe, expect, it } from "vitest";
import { auditActionText, auditChangeText, lastEditOf } from "./audit-text";

describe("audit event text", () => {
  it("a stage save names the stage and the fields it changed, and a merge says so", () => {
    const detail = { changed: { inputs: { from: "(previous inputs)", to: "(new inputs)" } }, stage: "lifecycle", fields: ["Hourly rate"], mergedFromVersion: 4 };
    expect(auditActionText("assessment.updated", detail)).toBe("saved Lifecycle operations: Hourly rate, merged with what others saved since version 4");
    // The stage inputs are already named; nothing is repeated in brackets.
    expect(auditChangeText(detail)).toBe("");
  });

  it("names at most six fields, then how many more", () => {
    const fields = ["A", "B", "C", "D", "E", "F", "G", "H"];
    expect(auditActionText("assessment.updated", { stage: "economics", fields })).toBe("saved Economics: A, B, C, D, E, F and 2 more");
  });

  it("older rows (no stage recorded) read as before", () => {
    const detail = { changed: { inputs: { from: "(previous inputs)", to: "(new inputs)" }, title: { from: "Old", to: "New" } } };
    expect(auditActionText("assessment.updated", detail)).toBe("saved changes");
    expect(auditChangeText(detail)).toBe("stage inputs; title: “Old” → “New”");
  });

  it("review events and unknown actions", () => {
    expect(auditActionText("assessment.approved", { snapshot: 2, version: 7 })).toBe("approved it (snapshot 2, version 7)");
    expect(auditActionText("stage.signed_off", { stage: "licence", version: 3 })).toBe("signed off Licence diligence at version 3");
    expect(auditActionText("something.new", null)).toBe("something.new");
  });
});

describe("lastEditOf", () => {
  it("is the newest edit, not a later review decision or sign-off", () => {
    const at = (m: number) => new Date(Date.UTC(2026, 11, 5, 9, m));
    const events = [
      { action: "assessment.approved", actorName: "Morgan Manager", createdAt: at(30) },
      { action: "stage.signed_off", actorName: "Morgan Manager", createdAt: at(20) },
      { action: "assessment.submitted", actorName: "Avery Analyst", createdAt: at(10) },
      { action: "assessment.updated", actorName: "Avery Analyst", createdAt: at(5) },
      { action: "assessment.created", actorName: "Avery Analyst", createdAt: at(1) },
    ];
    expect(lastEditOf(events)).toEqual({ at: at(5), byName: "Avery Analyst" });
    expect(lastEditOf(events.slice(0, 3))).toBeNull();
  });
});
