"use client";
import Link from "next/link";
import { useParams } from "next/navigation";
import { Button } from "@/components/ui/button";

export default function CompareError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const { slug } = useParams<{ slug: string }>();
  return (
    <div className="flex max-w-xl flex-col gap-4">
      <h1 className="text-2xl font-semibold">The comparison could not be shown</h1>
      <p className="text-slate-700">Nothing has changed in the assessments. Try again; if it keeps failing, tell your administrator. {error.digest ? `(Reference ${error.digest})` : null}</p>
      <div className="flex flex-wrap items-center gap-4">
        <Button onClick={reset}>Try again</Button>
        <Link href={`/o/${slug}/assessments`} className="text-brand-700 underline">
          Back to the assessments
        </Link>
      </div>
    </div>
  );
}
