import { describe, expect, it } from "vitest";
import { auditActionText, auditChangeText } from "./audit-text";

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
