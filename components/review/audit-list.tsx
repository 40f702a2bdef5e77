import { auditActionText, auditChangeText, formatDateTime, type TAuditEvent } from "@/lib/domain/report";

type TDetail = { note?: string; comment?: string };

/** Who did what when, newest first; notes and review comments are quoted. Read-only by nature. */
export function AuditList({ events }: { events: TAuditEvent[] }) {
  if (events.length === 0) return <p className="text-sm text-slate-700">Nothing recorded yet.</p>;
  return (
    <ol className="flex flex-col gap-1 text-sm">
      {events.map((e) => {
        const d = (e.detail ?? {}) as TDetail;
        const change = auditChangeText(e.detail);
        const words = d.comment || d.note;
        return (
          <li key={e.id} className="text-slate-800">
            <time dateTime={e.createdAt.toISOString()} className="text-slate-600">
              {formatDateTime(e.createdAt)}
            </time>{" "}
            <strong>{e.actorName}</strong> {auditActionText(e.action, e.detail)}
            {change ? <span className="text-slate-700"> ({change})</span> : null}
            {words ? <span className="text-slate-700">: “{words}”</span> : null}
          </li>
        );
      })}
    </ol>
  );
}
