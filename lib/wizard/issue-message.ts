// What a stage field says when its value is refused. zod's own wording ("Too big: expected number
// to be <=1") is rewritten into plain words; messages a schema wrote itself are kept as they are.
import type { z } from "zod";
import { fmt } from "@/lib/domain/shared";

const isZodDefault = (message: string) => /^(Too big|Too small|Invalid input)/.test(message);
const bound = (x: number | bigint) => fmt(Number(x));

export function issueMessage(issue: z.core.$ZodIssue): string {
  const m = issue.message;
  switch (issue.code) {
    case "invalid_type":
      if (m.endsWith("received undefined")) return issue.expected === "number" || issue.expected === "int" ? "Required: enter a number." : "Required: fill this in.";
      if (issue.expected === "int") return "Enter a whole number.";
      if (issue.expected === "number") return "Enter a number (digits only, e.g. 1500).";
      return m;
    case "invalid_union":
      return m.includes("discriminator") ? "Required: choose one of the options." : m;
    case "too_big":
      if (issue.origin !== "number" || !isZodDefault(m)) return m;
      return issue.inclusive ? `Enter at most ${bound(issue.maximum)}.` : `Enter less than ${bound(issue.maximum)}.`;
    case "too_small":
      if (!isZodDefault(m)) return m;
      if (issue.origin === "array") return Number(issue.minimum) === 1 ? "Choose at least one." : `Choose at least ${bound(issue.minimum)}.`;
      if (issue.origin !== "number") return m;
      return issue.inclusive ? `Enter at least ${bound(issue.minimum)}.` : `Enter more than ${bound(issue.minimum)}.`;
    case "unrecognized_keys":
      return "This field is not part of the stage.";
    default:
      return m;
  }
}
