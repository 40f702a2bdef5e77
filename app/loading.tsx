export default function Loading() {
  return (
    <div role="status" className="mx-auto max-w-6xl px-4 py-8 text-slate-700">
      Loading…
    </div>
  );
}
