import Link from "next/link";
import type { TStageKey, TStageStatus } from "@/lib/domain/shared";
import { Stepper, type TWizardStep } from "./stepper";
import { UnsavedNotice } from "./unsaved-notice";

export function WizardHeader(props: { slug: string; id: string; title: string; heading: string; statuses: Record<TStageKey, TStageStatus>; current: TWizardStep }) {
  const { slug, id, title, heading, statuses, current } = props;
  return (
    <div className="flex flex-col gap-4">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href={`/o/${slug}/assessments`} className="text-brand-700 underline">
          Assessments
        </Link>{" "}
        /{" "}
        <Link href={`/o/${slug}/assessments/${id}`} className="text-brand-700 underline">
          {title}
        </Link>
      </nav>
      <h1 className="text-2xl font-semibold">{heading}</h1>
      <Stepper slug={slug} id={id} statuses={statuses} current={current} />
      <UnsavedNotice slug={slug} id={id} current={current} />
    </div>
  );
}
