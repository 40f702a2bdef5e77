// The layer rules in eslint.config.mjs, proved by planting forbidden imports: each planted file must
// fail lint with the rule named, and a file that keeps to its layer must pass.
import path from "node:path";
import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

const root = path.resolve(__dirname, "..");
let eslint: ESLint;

// ESLint's first lint loads every plugin and the TypeScript parser: seconds on a busy machine, so
// it is paid here (with its own timeout) rather than by whichever planted case runs first.
beforeAll(async () => {
  eslint = new ESLint({ cwd: root });
  await eslint.lintText("export {};\n", { filePath: path.join(root, "components/zz-warm.tsx") });
}, 60_000);

async function ruleIds(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result!.messages.filter((m) => m.severity === 2).map((m) => m.ruleId ?? "(parse)");
}

const PATHS = "import/no-restricted-paths";
const IMPORTS = "no-restricted-imports";

describe("layer rules", () => {
  it.each([
    ["a component reads the database", "components/zz-planted.tsx", 'import { prisma } from "@/lib/db";\nexport const x = prisma;', PATHS],
    ["a component imports a DAL type", "components/zz-planted.tsx", 'import type { TMemberRow } from "@/lib/dal/organizations";\nexport type X = TMemberRow;', PATHS],
    ["a component imports Prisma's enum", "components/zz-planted.tsx", 'import type { AssessmentStatus } from "@/lib/generated/prisma/client";\nexport type X = AssessmentStatus;', PATHS],
    ["a component imports from app/", "components/zz-planted.tsx", 'import Page from "@/app/o/[slug]/members/page";\nexport const x = Page;', PATHS],
    ["a page queries the database directly", "app/zz-planted/page.tsx", 'import { prisma } from "@/lib/db";\nexport default function P() { return String(prisma); }', PATHS],
    ["lib/auth imports the DAL", "lib/auth/zz-planted.ts", 'import { getOrgContext } from "@/lib/dal/organizations";\nexport const x = getOrgContext;', PATHS],
    ["the DAL imports an action", "lib/dal/zz-planted.ts", 'import { inviteMemberAction } from "@/lib/actions/members";\nexport const x = inviteMemberAction;', PATHS],
    ["lib/pdf imports the DAL", "lib/pdf/zz-planted.ts", 'import { getAssessment } from "@/lib/dal/assessments";\nexport const x = getAssessment;', PATHS],
    ["lib/pdf imports lib/wizard", "lib/pdf/zz-planted.ts", 'import { reportFor } from "@/lib/wizard/report-for";\nexport const x = reportFor;', PATHS],
    ["the domain imports lib/env", "lib/domain/shared/zz-planted.ts", 'import { env } from "@/lib/env";\nexport const x = env;', PATHS],
    ["the domain imports the PDF renderer", "lib/domain/portfolio/zz-planted.ts", 'import { titleSlug } from "../../pdf/memo-filename";\nexport const x = titleSlug;', PATHS],
    ["the domain imports react", "lib/domain/report/zz-planted.ts", 'import { cache } from "react";\nexport const x = cache;', IMPORTS],
    ["the domain imports server-only", "lib/domain/report/zz-planted.ts", 'import "server-only";\nexport const x = 1;', IMPORTS],
    ["the domain reads process.env", "lib/domain/economics/zz-planted.ts", "export const x = process.env.HOME;", "no-restricted-properties"],
    ["a domain folder deep-imports another", "lib/domain/report/zz-planted.ts", 'import { ZAssessmentInputs } from "../assessment/inputs";\nexport const x = ZAssessmentInputs;', IMPORTS],
    ["a domain folder imports one after it (a cycle)", "lib/domain/sizing/zz-planted.ts", 'import { buildReport } from "../report";\nexport const x = buildReport;', IMPORTS],
    ["code outside the domain deep-imports a folder", "lib/wizard/zz-planted.ts", 'import { usdText } from "@/lib/domain/shared/format";\nexport const x = usdText;', IMPORTS],
    ["a component imports the REST API layer", "components/zz-planted.tsx", 'import { HANDLERS } from "@/lib/api/handlers";\nexport const x = HANDLERS;', PATHS],
    ["the REST API layer reads the database directly", "lib/api/zz-planted.ts", 'import { prisma } from "@/lib/db";\nexport const x = prisma;', PATHS],
    ["the REST API layer imports a server action", "lib/api/zz-planted.ts", 'import { saveStageAction } from "@/lib/actions/wizard";\nexport const x = saveStageAction;', PATHS],
    ["the DAL imports the REST API layer", "lib/dal/zz-planted.ts", 'import { OPERATIONS } from "@/lib/api/contract";\nexport const x = OPERATIONS;', PATHS],
    ["the BOM folder is imported by the report (a cycle)", "lib/domain/report/zz-planted.ts", 'import { buildAiBom } from "../bom";\nexport const x = buildAiBom;', IMPORTS],
    ["a server action outside lib/actions", "app/zz-planted/actions.ts", '"use server";\nexport async function a() {}', "no-restricted-syntax"],
  ])("%s fails lint", async (_what, file, code, rule) => {
    expect(await ruleIds(file, code)).toContain(rule);
  });

  it.each([
    ["a component imports an action and domain types", "components/zz-planted.tsx", 'import { changeRoleAction } from "@/lib/actions/members";\nimport type { TRole } from "@/lib/domain/shared";\nexport const x: [unknown, TRole] = [changeRoleAction, "viewer"];'],
    ["the DAL reads the database and the session", "lib/dal/zz-planted.ts", 'import { prisma } from "@/lib/db";\nimport { getCurrentUser } from "@/lib/auth/session";\nexport const x = [prisma, getCurrentUser];'],
    ["lib/pdf imports the report model", "lib/pdf/zz-planted.ts", 'import { buildReport } from "@/lib/domain/report";\nexport const x = buildReport;'],
    ["the REST API layer calls the DAL, the export renderers and the wizard's report", "lib/api/zz-planted.ts", 'import { getAssessment } from "@/lib/dal/assessments";\nimport { assessmentMemoFor } from "@/lib/export/memo-routes";\nimport { reportFor } from "@/lib/wizard/report-for";\nexport const x = [getAssessment, assessmentMemoFor, reportFor];'],
    ["a route handler imports the REST API layer", "app/zz-planted/route.ts", 'import { apiRoute } from "@/lib/api/route";\nexport const GET = apiRoute("listAssessments");'],
    ["the BOM folder imports the report", "lib/domain/bom/zz-planted.ts", 'import { buildReport } from "../report";\nexport const x = buildReport;'],
    ["a domain folder imports an earlier one's index", "lib/domain/report/zz-planted.ts", 'import { ZAssessmentInputs } from "../assessment";\nexport const x = ZAssessmentInputs;'],
  ])("%s passes", async (_what, file, code) => {
    expect(await ruleIds(file, code)).toEqual([]);
  });
});
