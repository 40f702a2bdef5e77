"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";

type TState = { kind: "idle" } | { kind: "preparing" } | { kind: "error"; message: string };

/** The server's file name: RFC 5987 filename* first (keeps "Łódź"), then the ASCII filename. */
export function filenameFromDisposition(header: string | null, fallback: string): string {
  if (!header) return fallback;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (star) {
    try {
      return decodeURIComponent(star[1].trim());
    } catch {
      // A malformed escape: fall through to the ASCII name.
    }
  }
  const plain = /filename="([^"]+)"/i.exec(header);
  return plain ? plain[1] : fallback;
}

async function failureMessage(res: Response): Promise<string> {
  if (res.status === 401) return "Your session has ended. Sign in again to export the PDF.";
  if (res.status === 404) return "This assessment is no longer available to you.";
  const text = (await res.text().catch(() => "")).trim();
  return text && text.length < 300 ? text : `The PDF could not be produced (error ${res.status}). Try again.`;
}

/** Fetches a memo from a PDF route and saves it under the server's file name. */
export function ExportPdfButton({ href, label = "Export PDF", fallbackName = "freehold-memo.pdf" }: { href: string; label?: string; fallbackName?: string }) {
  const [state, setState] = useState<TState>({ kind: "idle" });

  async function exportPdf() {
    setState({ kind: "preparing" });
    try {
      const res = await fetch(href, { headers: { Accept: "application/pdf" }, cache: "no-store" });
      if (!res.ok || !(res.headers.get("Content-Type") ?? "").includes("application/pdf")) {
        setState({ kind: "error", message: res.ok ? "The server did not return a PDF. Try again." : await failureMessage(res) });
        return;
      }
      const blob = await res.blob();
      const url = URL.createObjectURL(blob);
      const a = document.createElement("a");
      a.href = url;
      a.download = filenameFromDisposition(res.headers.get("Content-Disposition"), fallbackName);
      document.body.appendChild(a);
      a.click();
      a.remove();
      // Revoke later: some browsers start the download asynchronously after click().
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setState({ kind: "idle" });
    } catch {
      setState({ kind: "error", message: "The PDF could not be downloaded: check your connection and try again." });
    }
  }

  const isPreparing = state.kind === "preparing";
  return (
    <div className="flex flex-col items-start gap-1">
      <Button type="button" variant="secondary" onClick={exportPdf} disabled={isPreparing} aria-busy={isPreparing}>
        {isPreparing ? "Preparing PDF…" : label}
      </Button>
      <p role="status" aria-live="polite" className="text-sm text-slate-700">
        {isPreparing ? "Preparing PDF…" : ""}
      </p>
      {state.kind === "error" ? (
        <p role="alert" className="text-sm text-red-800">
          {state.message}
        </p>
      ) : null}
    </div>
  );
}
