"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { savePriceBook } from "@/lib/dal/price-book";
import { APPROVER_ROLES, MAX_VERSION } from "@/lib/domain/shared";
import { DEFAULT_STAFFING_TEMPLATE } from "@/lib/domain/lifecycle";
import { parsePriceBookForm } from "@/lib/domain/assessment";
import { invalid, orgFormAction } from "./safe-action";

// The organisation's price book form. Each field is checked on its own (the domain parser names
// the field and says what is wrong), so one typo is reported where it was typed and nothing is saved.

const ZForm = z.record(z.string().max(300), z.unknown()).refine((r) => Object.keys(r).length <= 2000, "The form is too large.");
const ZVersion = z.number().int().min(0).max(MAX_VERSION);

export const savePriceBookAction = orgFormAction(
  { name: "savePriceBook", args: z.tuple([ZVersion]), form: ZForm, roles: APPROVER_ROLES, forbidden: "Only an owner or a manager can change the organisation's price book." },
  async ({ org, ...actor }, form, expectedVersion) => {
    const parsed = parsePriceBookForm(form, DEFAULT_STAFFING_TEMPLATE.map((r) => r.role));
    if (!parsed.ok) return invalid(parsed.errors);
    const saved = await savePriceBook(actor, org.slug, parsed.values, expectedVersion);
    // Every assessment of the organisation reads the book.
    revalidatePath(`/o/${org.slug}`, "layout");
    return { kind: "ok" as const, ...saved };
  },
);
