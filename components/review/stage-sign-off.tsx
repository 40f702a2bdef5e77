import type { TStageSignOff } from "@/lib/domain/report";
import { formatDateTime } from "@/lib/domain/report";
import { SignOffForm } from "./sign-off-form";

type TProps = {
  slug: string;
  id: string;
  stage: string;
  /** The newest sign-off of this stage, if any. */
  latest: TStageSignOff | undefined;
  /** The stage's inputs still hash to what was signed off. */
  isCurrent: boolean;
  canSignOff: boolean;
};

/** Who last signed this stage off, whether it changed since, and (for owners and managers) the form. */
export function StageSignOff({ slug, id, stage, latest, isCurrent, canSignOff }: TProps) {
  return (
    <section aria-labelledby="sign-off-heading" className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="sign-off-heading" className="text-base font-semibold">
        Stage sign-off
      </h2>
      {latest ? (
        <div className={`rounded-md border p-3 text-sm ${isCurrent ? "border-green-600 bg-green-50 text-green-950" : "border-amber-500 bg-amber-50 text-amber-950"}`}>
          <p>
            Signed off by <strong>{latest.actorName}</strong> on {formatDateTime(latest.createdAt)} (version {latest.assessmentVersion})
            {latest.note ? `: ${latest.note}` : "."}
          </p>
          {isCurrent ? null : <p className="font-semibold">Out of date — the stage changed since.</p>}
        </div>
      ) : (
        <p className="text-sm text-slate-700">Not signed off yet.</p>
      )}
      {canSignOff ? <SignOffForm slug={slug} id={id} stage={stage} /> : null}
    </section>
  );
}
