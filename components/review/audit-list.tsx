import type { TAuditEvent } from "@/lib/domain/report";
import { STAGE_KEYS, STAGE_TITLES, type TStageKey } from "@/lib/domain/shared";
import { formatDateTime } from "@/lib/domain/report";

type TDetail = {
  changed?: Record<string, { from: unknown; to: unknown }>;
  snapshot?: number;
  version?: number;
  note?: string;
  comment?: string;
  stage?: string;
};

const stageTitle = (s: string | undefined) => ((STAGE_KEYS as readonly string[]).includes(s ?? "") ? STAGE_TITLES[s as TStageKey] : (s ?? "a stage"));
const ofSnapshot = (d: TDetail) => (d.snapshot ? ` (snapshot ${d.snapshot}${d.version ? `, version ${d.version}` : ""})` : "");

// What each audit action reads as after the actor's name. Unknown actions show their raw name.
const ACTION_LABELS: Record<string, (d: TDetail) => string> = {
  "assessment.created": () => "created the assessment",
  "assessment.imported": () => "imported the assessment",
  "assessment.updated": () => "saved changes",
  "assessment.deleted": () => "deleted the assessment",
  "assessment.submitted": (d) => `submitted it for review${ofSnapshot(d)}`,
  "assessment.approved": (d) => `approved it${ofSnapshot(d)}`,
  "assessment.rejected": (d) => `rejected it${ofSnapshot(d)}`,
  "assessment.withdrawn": (d) => `withdrew it from review${ofSnapshot(d)}`,
  "stage.signed_off": (d) => `signed off ${stageTitle(d.stage)}${d.version ? ` at version ${d.version}` : ""}`,
};

function describeChange(d: TDetail): string {
  if (!d.changed) return "";
  return Object.entries(d.changed)
    .map(([k, v]) => (k === "inputs" ? "stage inputs" : `${k}: “${String(v.from)}” → “${String(v.to)}”`))
    .join("; ");
}

/** Who did what when, newest first; notes and review comments are quoted. Read-only by nature. */
export function AuditList({ events }: { events: TAuditEvent[] }) {
  if (events.length === 0) return <p className="text-sm text-slate-700">Nothing recorded yet.</p>;
  return (
    <ol className="flex flex-col gap-1 text-sm">
      {events.map((e) => {
        const d = (e.detail ?? {}) as TDetail;
        const change = describeChange(d);
        const words = d.comment || d.note;
        return (
          <li key={e.id} className="text-slate-800">
            <time dateTime={e.createdAt.toISOString()} className="text-slate-600">
              {formatDateTime(e.createdAt)}
            </time>{" "}
            <strong>{e.actorName}</strong> {ACTION_LABELS[e.action]?.(d) ?? e.action}
            {change ? <span className="text-slate-700"> ({change})</span> : null}
            {words ? <span className="text-slate-700">: “{words}”</span> : null}
          </li>
        );
      })}
    </ol>
  );
}
