import type { TAssessmentStatus } from "@/lib/domain/assessment";

const styles: Record<TAssessmentStatus, { label: string; className: string }> = {
  draft: { label: "Draft", className: "bg-slate-100 text-slate-800" },
  in_review: { label: "In review", className: "bg-amber-100 text-amber-900" },
  approved: { label: "Approved", className: "bg-green-100 text-green-900" },
  rejected: { label: "Rejected", className: "bg-red-100 text-red-900" },
};

export function StatusBadge({ status }: { status: TAssessmentStatus }) {
  const s = styles[status];
  return <span className={`inline-block rounded px-2 py-0.5 text-xs font-medium ${s.className}`}>{s.label}</span>;
}
