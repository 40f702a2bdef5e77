import { STAGE_KEYS, STAGE_TITLES } from "@/lib/domain/shared";
import type { TReport } from "@/lib/domain/report";
import { formatDate, formatDateTime, STAGE_STATUS_LABELS } from "@/lib/domain/report";
import type { TStyledSpan } from "./memo-draw";
import type { MemoBlocks, TBlock, TMemoOptions, TSignOff } from "./memo-kit";
import { BODY_SIZE, COLORS, CONTENT_HEIGHT, CONTENT_WIDTH, H1, SMALL_LINE, SMALL_SIZE } from "./styles";

const ASSESSMENT_STATUS_LABELS: Record<string, string> = { draft: "Draft", "in-review": "In review", in_review: "In review", approved: "Approved", archived: "Archived" };

export function assessmentStatusLabel(status: string): string {
  return ASSESSMENT_STATUS_LABELS[status] ?? status.charAt(0).toUpperCase() + status.slice(1);
}

const NO_SIGN_OFFS = "No sign-offs recorded";

/** One sign-off as the cover prints it: "Label: Name, 28 Nov 2026, 09:30 UTC (“note”)". */
export function signOffText(so: TSignOff): string {
  const note = so.note?.trim();
  return `${so.label}: ${so.byName}, ${formatDateTime(so.at)}${note ? ` (“${note}”)` : ""}`;
}

const BOX = { border: 0.75, padding: 8, marginTop: 6, marginBottom: 8 };
const INNER_X = BOX.border + BOX.padding;
const INNER_WIDTH = CONTENT_WIDTH - 2 * INNER_X;

/** Title, the facts box with every sign-off, and the state of each stage. */
export function coverBlocks(b: MemoBlocks, report: TReport, options: TMemoOptions): TBlock[] {
  const { meta } = report;
  const title = b.sketch();
  title.text([{ text: `Decision memo · ${options.organisationName}`, size: 10, color: COLORS.muted }], { width: CONTENT_WIDTH, lineHeight: 13 });
  title.gap(4);
  title.text([{ text: meta.title, size: H1.size, isBold: true }], { width: CONTENT_WIDTH, lineHeight: H1.line });
  title.gap(H1.marginBottom);
  title.text([{ text: `Run ${meta.candidate.name} on our own infrastructure, or keep ${meta.incumbent.name}?`, size: 12 }], { width: CONTENT_WIDTH, lineHeight: 15 });
  const blocks: TBlock[] = [b.block("cover-title", title, { marginBottom: 8, keepWithNext: true })];
  if (meta.description) blocks.push(...b.para("cover-description", meta.description, { color: COLORS.muted, keepWithNext: true }));

  // The facts box. Many sign-offs print small, one per line; a list longer than a page continues
  // in a second box rather than running off the page.
  const signOffs = options.signOffs ?? [];
  const signOffSize = signOffs.length > 3 ? SMALL_SIZE : BODY_SIZE;
  const facts: [string, readonly TStyledSpan[] | string, boolean?][] = [
    ["Organisation", options.organisationName],
    ["Candidate (open weights)", meta.candidate.name, true],
    ["Incumbent (closed API)", meta.incumbent.name, true],
    ["Assessment status", assessmentStatusLabel(meta.status)],
    ...(signOffs.length === 0
      ? [["Sign-offs", NO_SIGN_OFFS] as [string, string]]
      : signOffs.map((so, i): [string, readonly TStyledSpan[]] => [i === 0 ? (signOffs.length > 1 ? `Sign-offs (${signOffs.length})` : "Sign-offs") : "", [{ text: signOffText(so), size: signOffSize }]])),
    ["Version", `Version ${meta.version}, last changed ${formatDate(new Date(meta.updatedAt))}`],
    ["Generated", formatDateTime(options.generatedAt)],
    ["Stages complete", `${meta.completedStages} of ${STAGE_KEYS.length}`],
  ];
  const boxes: TBlock[] = [];
  let box = b.sketch();
  const closeBox = () => {
    box.gap(BOX.padding);
    // The outline's line is centred on its edges: inset by half its width, the box ends a border below.
    box.frame(BOX.border / 2, BOX.border / 2, CONTENT_WIDTH - BOX.border, box.y, COLORS.rule, BOX.border);
    box.gap(BOX.border);
    boxes.push(b.block(`cover-facts-${boxes.length}`, box, { marginTop: boxes.length === 0 ? BOX.marginTop : 0, marginBottom: BOX.marginBottom }));
  };
  box.gap(INNER_X);
  for (const [label, value, isBold] of facts) {
    for (const row of b.rows(label, value, { x: INNER_X, width: INNER_WIDTH, isBold })) {
      if (box.y + row.y + BOX.padding + BOX.border + BOX.marginTop + BOX.marginBottom > CONTENT_HEIGHT - 40) {
        // Too tall for a page: end this box here and carry on in a new one.
        closeBox();
        box = b.sketch();
        box.gap(INNER_X);
      }
      box.append(row);
    }
  }
  closeBox();
  blocks.push(...boxes);

  // Every stage's state on one line.
  const stages = b.sketch();
  stages.text(
    STAGE_KEYS.map((key, i) => {
      const status = meta.stageStatuses[key];
      return { text: `${i > 0 ? "   " : ""}${STAGE_TITLES[key]}: ${STAGE_STATUS_LABELS[status]}`, size: SMALL_SIZE, color: status === "not-started" ? COLORS.bad : COLORS.muted };
    }),
    { width: CONTENT_WIDTH, lineHeight: SMALL_LINE + 1 },
  );
  blocks.push(b.block("cover-stages", stages, { marginBottom: 8 }));
  return blocks;
}
