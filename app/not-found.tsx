import Link from "next/link";

export default function NotFound() {
  return (
    <main id="main" className="mx-auto flex max-w-xl flex-col gap-4 px-6 py-24">
      <h1 className="text-2xl font-semibold">Not found</h1>
      <p className="text-slate-700">This page does not exist, or it belongs to an organisation you are not a member of.</p>
      <Link href="/orgs" className="font-medium text-brand-700 underline">
        Back to your organisations
      </Link>
    </main>
  );
}
