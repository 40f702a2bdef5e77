import { describe, expect, it } from "vitest";
import { assessmentJsonFilename, PORTFOLIO_CSV_HEADER, portfolioCsv, portfolioCsvFilename, portfolioCsvLines, portfolioCsvStart, type TPortfolioCsvRow } from "./export";
import { importSource } from "../assessment/import-source";
import { candidateName, incumbentName } from "./names";

const row: TPortfolioCsvRow = {
  id: "a1",
  title: "=cmd, \"quoted\"",
  status: "in_review",
  candidateModelId: "llama-3.3-70b-instruct",
  incumbentApiId: "openai-gpt-4o",
  verdict: "stay_api",
  monthlyOwnedUsd: 34148.5,
  monthlyApiUsd: 30300,
  crossoverTokensPerMonth: null,
  capabilityGapPp: -1.4,
  licenceBlockers: 0,
  ownerName: "Ana",
  updatedAt: new Date("2026-11-28T15:34:23.000Z"),
  updatedByName: "Mo",
  version: 3,
};
const names = { candidate: (id: string) => `name of ${id}`, incumbent: (id: string) => `api ${id}` };

describe("portfolioCsv", () => {
  it("starts with a BOM and a header with units, then raw numbers, labels and names", () => {
    const csv = portfolioCsv([row], names);
    expect(csv.startsWith("\uFEFF")).toBe(true);
    const [header, line, end] = csv.slice(1).split("\r\n");
    expect(header).toBe(PORTFOLIO_CSV_HEADER.join(","));
    expect(header).toContain("Owned cost (USD/month)");
    expect(line).toBe(
      `"'=cmd, ""quoted""",In review,name of llama-3.3-70b-instruct,llama-3.3-70b-instruct,api openai-gpt-4o,openai-gpt-4o,Stay on the API,34148.5,30300,,-1.4,0,Ana,2026-11-28T15:34:23.000Z,Mo,3,a1`,
    );
    expect(end).toBe("");
  });

  it("sent in pieces (start, then batches of lines) is the same file byte for byte", () => {
    const rows = [row, { ...row, id: "a2", title: "Second" }, { ...row, id: "a3", verdict: null }];
    expect(portfolioCsvStart() + portfolioCsvLines(rows.slice(0, 1), names) + portfolioCsvLines(rows.slice(1), names) + portfolioCsvLines([], names)).toBe(portfolioCsv(rows, names));
  });

  it("rounds money to cents, volumes to whole tokens and names a custom model by its name (issue 14)", () => {
    const line = portfolioCsv(
      [{ ...row, title: "Plain", candidateModelId: "custom:llama-3-1-70b-instruct-our-build", candidateName: "Llama 3.1 70B Instruct (our build)", monthlyOwnedUsd: 47373.389738202895, monthlyApiUsd: 0.005, crossoverTokensPerMonth: 12_345_678.9, capabilityGapPp: -1.23456 }],
      names,
    ).split("\r\n")[1]!;
    const cells = line.split(",");
    expect(cells[2]).toBe("Llama 3.1 70B Instruct (our build)");
    expect(cells.slice(7, 11)).toEqual(["47373.39", "0.01", "12345679", "-1.23"]);
  });

  it("leaves the recommendation empty when there is none", () => {
    const line = portfolioCsv([{ ...row, verdict: null }], names).split("\r\n")[1]!;
    expect(line.split(",")[7]).toBe("");
  });
});

describe("file names", () => {
  it("names the CSV by organisation and day", () => {
    expect(portfolioCsvFilename("northwind", new Date("2026-11-28T23:59:00Z"))).toBe("freehold-northwind-assessments-2026-11-28.csv");
  });

  it("names the JSON by title and version, ASCII and as typed", () => {
    expect(assessmentJsonFilename("Łódź: triage / v2?", 7)).toEqual({ ascii: "lodz-triage-v2-v7.freehold.json", unicode: "Łódź triage v2-v7.freehold.json" });
    expect(assessmentJsonFilename("***", 1)).toEqual({ ascii: "assessment-v1.freehold.json", unicode: "assessment-v1.freehold.json" });
  });
});

describe("short model names", () => {
  it("names catalog models and APIs briefly, and falls back to the id", () => {
    expect(candidateName("llama-3.3-70b-instruct")).toBe("Llama 3.3 70B Instruct");
    expect(candidateName("custom:my-model")).toBe("my-model (custom model)");
    expect(candidateName("gone-model")).toBe("gone-model");
    expect(incumbentName("openai-gpt-4o")).toBe("OpenAI gpt-4o");
    expect(incumbentName("gone-api")).toBe("gone-api");
  });
});

describe("importSource", () => {
  it("reads the source organisation and id, and tolerates their absence", () => {
    expect(importSource(JSON.stringify({ source: { organization: "Northwind", assessmentId: "abc" } }))).toEqual({ sourceOrganization: "Northwind", sourceAssessmentId: "abc" });
    expect(importSource(JSON.stringify({ source: { organization: 5 } }))).toEqual({ sourceOrganization: "", sourceAssessmentId: "" });
    expect(importSource("not json")).toEqual({ sourceOrganization: "", sourceAssessmentId: "" });
    expect(importSource(JSON.stringify({ source: { organization: "x".repeat(500), assessmentId: "y" } })).sourceOrganization).toHaveLength(200);
  });
});
