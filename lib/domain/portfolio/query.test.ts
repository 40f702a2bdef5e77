import { describe, expect, it } from "vitest";
import { compareSelection } from "./compare-selection";
import { DEFAULT_PAGE_SIZE, hasFilters, pageWindow, parsePortfolioQuery, parsePortfolioSearchParams, portfolioSearch, sortOf } from "./query";

describe("parsePortfolioQuery", () => {
  it("reads every parameter", () => {
    const q = parsePortfolioQuery({ q: "  triage ", status: "approved", verdict: "stay_api", model: "llama-3.1-8b", owner: "u1", sort: "owned", dir: "desc", page: "3", size: "50" });
    expect(q).toEqual({ q: "triage", status: "approved", verdict: "stay_api", model: "llama-3.1-8b", owner: "u1", sort: "owned", dir: "desc", page: 3, size: 50 });
  });

  it("gives defaults for an empty URL", () => {
    expect(parsePortfolioQuery({})).toEqual({ page: 1, size: DEFAULT_PAGE_SIZE });
  });

  it.each([
    ["an unknown status", { status: "archived" }],
    ["an unknown verdict", { verdict: "maybe" }],
    ["an unknown sort", { sort: "password" }],
    ["an unknown direction", { dir: "sideways" }],
    ["an empty filter", { status: "", verdict: "", model: "", owner: "" }],
  ])("drops %s instead of failing", (_what, params) => {
    const q = parsePortfolioQuery(params);
    expect([q.status, q.verdict, q.sort, q.dir, q.model, q.owner]).toEqual([undefined, undefined, undefined, undefined, undefined, undefined]);
  });

  it.each([
    ["0", 1],
    ["-4", 1],
    ["2.5", 1],
    ["abc", 1],
    ["999999999", 1],
    ["7", 7],
  ])("page %s reads as %d", (page, expected) => {
    expect(parsePortfolioQuery({ page }).page).toBe(expected);
  });

  it.each([
    ["25", 25],
    ["100", 100],
    ["10", DEFAULT_PAGE_SIZE],
    ["1000000", DEFAULT_PAGE_SIZE],
    ["x", DEFAULT_PAGE_SIZE],
  ])("size %s reads as %d", (size, expected) => {
    expect(parsePortfolioQuery({ size }).size).toBe(expected);
  });

  it("takes the first of repeated parameters and refuses an over-long search", () => {
    expect(parsePortfolioQuery({ status: ["draft", "approved"] }).status).toBe("draft");
    expect(parsePortfolioQuery({ q: "x".repeat(201) }).q).toBeUndefined();
  });

  it("reads URLSearchParams the same way as the page's searchParams", () => {
    const sp = new URLSearchParams("status=draft&status=approved&sort=gap&page=2");
    expect(parsePortfolioSearchParams(sp)).toEqual(parsePortfolioQuery({ status: ["draft", "approved"], sort: "gap", page: "2" }));
  });
});

describe("sortOf", () => {
  it("defaults to the last update, newest first, and each column has its natural direction", () => {
    expect(sortOf(parsePortfolioQuery({}))).toEqual({ sort: "updated", dir: "desc" });
    expect(sortOf(parsePortfolioQuery({ sort: "title" }))).toEqual({ sort: "title", dir: "asc" });
    expect(sortOf(parsePortfolioQuery({ sort: "title", dir: "desc" }))).toEqual({ sort: "title", dir: "desc" });
  });
});

describe("portfolioSearch", () => {
  it("leaves defaults out and applies the patch", () => {
    const q = parsePortfolioQuery({ q: "a b", status: "draft", page: "3", size: "25" });
    expect(portfolioSearch(q)).toBe("?q=a+b&status=draft&page=3");
    expect(portfolioSearch(q, { page: 1, status: undefined })).toBe("?q=a+b");
    expect(portfolioSearch(parsePortfolioQuery({}))).toBe("");
  });

  it("round-trips through the parser", () => {
    const q = parsePortfolioQuery({ q: "ä&=?", verdict: "hybrid", model: "m", owner: "o", sort: "crossover", dir: "asc", page: "2", size: "100" });
    expect(parsePortfolioSearchParams(new URLSearchParams(portfolioSearch(q)))).toEqual(q);
  });
});

describe("hasFilters", () => {
  it("counts search and filters, not sort or paging", () => {
    expect(hasFilters(parsePortfolioQuery({ sort: "title", page: "2", size: "50" }))).toBe(false);
    for (const key of ["q", "status", "verdict", "model", "owner"]) {
      const value = { q: "x", status: "draft", verdict: "go_self_host", model: "m", owner: "o" }[key]!;
      expect(hasFilters(parsePortfolioQuery({ [key]: value })), key).toBe(true);
    }
  });
});

describe("pageWindow", () => {
  it.each([
    [1, 1, [1]],
    [1, 3, [1, 2, 3]],
    [1, 10, [1, 2, 3, "gap", 10]],
    [5, 10, [1, 2, 3, 4, 5, 6, 7, "gap", 10]],
    [200, 400, [1, "gap", 198, 199, 200, 201, 202, "gap", 400]],
    [400, 400, [1, "gap", 398, 399, 400]],
  ] as const)("page %d of %d", (page, count, expected) => {
    expect(pageWindow(page, count)).toEqual(expected);
  });
});

describe("compareSelection", () => {
  it("joins 2 to 4 distinct ids into one comma-separated parameter", () => {
    expect(compareSelection("northwind", ["a", "b"])).toEqual({ ok: true, href: "/o/northwind/compare?ids=a,b" });
    expect(compareSelection("northwind", ["a", "b", "a", "c", "d"])).toEqual({ ok: true, href: "/o/northwind/compare?ids=a,b,c,d" });
  });

  it.each([
    [[], "Choose 2 to 4 assessments to compare; 0 are chosen."],
    [["a"], "Choose 2 to 4 assessments to compare; 1 is chosen."],
    [["a", "a"], "Choose 2 to 4 assessments to compare; 1 is chosen."],
    [["a", "b", "c", "d", "e"], "Choose 2 to 4 assessments to compare; 5 are chosen."],
  ])("refuses %j with a message", (ids, message) => {
    expect(compareSelection("northwind", ids)).toEqual({ ok: false, message });
  });
});
