"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";

export function CopyLink({ url, label = "Invitation link" }: { url: string; label?: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <span className="mt-2 flex flex-wrap items-center gap-2">
      <input readOnly aria-label={label} value={url} className="w-full max-w-md rounded border border-slate-300 bg-white px-2 py-1 font-mono text-xs text-slate-900" onFocus={(e) => e.currentTarget.select()} />
      <Button
        type="button"
        variant="secondary"
        onClick={async () => {
          await navigator.clipboard?.writeText(url).catch(() => undefined);
          setCopied(true);
        }}
      >
        {copied ? "Copied" : "Copy"}
      </Button>
    </span>
  );
}
