"use client";
import { useId, useMemo, useState } from "react";
import type { TSaveCustomModelResult } from "@/lib/actions/wizard";
import { Button } from "@/components/ui/button";
import { FieldFrame } from "@/components/ui/field-frame";
import { FormMessage } from "@/components/ui/field";
import type { TCustomCandidateErrors, TCustomCandidateForm } from "@/lib/domain/catalog";
import { previewHfConfig, type TSummaryRow } from "@/lib/domain/catalog";
import type { TCandidatePanelData } from "@/lib/wizard/stage-fields";
import { parseNumberText } from "@/lib/wizard/number-text";

type TProps = TCandidatePanelData & {
  canEdit: boolean;
  /** Why saving must wait (the stage is saving, or in conflict); null when it can go ahead. */
  busyReason: string | null;
  onSave: (form: TCustomCandidateForm) => Promise<TSaveCustomModelResult | null>;
};

const inputClass = (error?: string) => `w-full rounded-md border bg-white px-3 py-2 text-sm shadow-sm ${error ? "border-red-700" : "border-slate-300"}`;

function SummaryList({ rows, label }: { rows: TSummaryRow[]; label: string }) {
  return (
    <dl aria-label={label} className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-1 text-sm">
      {rows.map((r) => (
        <div key={r.label} className="contents">
          <dt className="text-slate-700">{r.label}</dt>
          <dd className="font-medium">{r.value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The candidate the infrastructure stage sizes, and a form to make a custom model (from its config.json) the candidate. */
export function CustomModelPanel({ current, saved, licences, canEdit, busyReason, onSave }: TProps) {
  const uid = useId();
  const [name, setName] = useState(saved?.name ?? "");
  const [licenceId, setLicenceId] = useState(saved?.licenceId ?? "");
  const [configText, setConfigText] = useState("");
  const [contextText, setContextText] = useState("");
  const [errors, setErrors] = useState<TCustomCandidateErrors>({});
  const [outcome, setOutcome] = useState<{ kind: "success" | "error"; text: string } | null>(null);
  const [pending, setPending] = useState(false);
  // Parsed in the browser as it is pasted; the server parses it again before saving.
  const preview = useMemo(() => (configText.trim() ? previewHfConfig(configText) : null), [configText]);

  async function submit() {
    setOutcome(null);
    const context = parseNumberText(contextText);
    if (typeof context === "string") {
      setErrors({ contextTokens: "Enter a whole number of tokens (digits only, e.g. 131072)." });
      return;
    }
    setPending(true);
    const r = await onSave({ name, licenceId, configText, ...(typeof context === "number" ? { contextTokens: context } : {}) });
    setPending(false);
    if (!r) return;
    setErrors(r.kind === "invalid" ? r.errors : {});
    if (r.kind === "saved") {
      setConfigText("");
      setContextText("");
      setOutcome({ kind: "success", text: `Saved as version ${r.version}: ${r.candidateName} is now the candidate, and every stage uses it.${r.warnings.length ? ` Note: ${r.warnings.join(" ")}` : ""}` });
    } else if (r.kind === "conflict") setOutcome({ kind: "error", text: `${r.message} Nothing was saved.` });
    else if (r.kind === "error") setOutcome({ kind: "error", text: r.message });
  }

  const ids = { name: `${uid}-name`, licence: `${uid}-licence`, config: `${uid}-config`, context: `${uid}-context` };
  return (
    <section aria-labelledby={`${uid}-heading`} className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id={`${uid}-heading`} className="text-base font-semibold">
        Candidate model
      </h2>
      <p className="text-sm text-slate-800">
        Sized here: <strong>{current.name}</strong> {current.isCustom ? "(your custom model, from its config.json)" : "(from the catalog)"}. Pick another catalog model on the assessment&apos;s overview page.
      </p>
      {current.rows ? <SummaryList rows={current.rows} label="Candidate model architecture" /> : null}
      {canEdit ? (
        <details className="text-sm">
          <summary className="cursor-pointer font-medium text-brand-700">Use a custom model from its config.json</summary>
          <form
            noValidate
            className="mt-3 flex flex-col gap-3"
            onSubmit={(e) => {
              e.preventDefault();
              void submit();
            }}
          >
            <p className="text-slate-700">
              For a model the catalog lacks (a fine-tune, a new release): paste the config.json from its Hugging Face page. Parameter counts, layers, heads and context are read from it; the sizing and
              costs then use it.
            </p>
            <FieldFrame id={ids.config} label="config.json" hint="The whole file, as JSON. Checked as you paste it." error={errors.configText}>
              {({ inputId, describedBy, invalid }) => (
                <textarea
                  id={inputId}
                  rows={8}
                  spellCheck={false}
                  value={configText}
                  aria-invalid={invalid}
                  aria-describedby={describedBy}
                  className={`${inputClass(errors.configText)} font-mono text-xs`}
                  onChange={(e) => setConfigText(e.target.value)}
                />
              )}
            </FieldFrame>
            {preview ? (
              <div role="status" className="flex flex-col gap-2 rounded-md border border-slate-200 bg-slate-50 p-3">
                {preview.ok ? (
                  <>
                    <p className="font-medium">Read from the config{preview.hfId ? ` (${preview.hfId})` : ""}:</p>
                    <SummaryList rows={preview.rows} label="Parsed config.json" />
                    {preview.warnings.length ? (
                      <ul className="list-disc pl-5 text-amber-900">
                        {preview.warnings.map((w) => (
                          <li key={w}>{w}</li>
                        ))}
                      </ul>
                    ) : null}
                  </>
                ) : (
                  <>
                    <p className="font-medium text-red-800">This config.json cannot be used:</p>
                    <ul className="list-disc pl-5 text-red-800">
                      {preview.errors.map((e) => (
                        <li key={e}>{e}</li>
                      ))}
                    </ul>
                  </>
                )}
              </div>
            ) : null}
            <div className="grid gap-3 sm:grid-cols-2">
              <FieldFrame id={ids.name} label="Model name" hint="As it should read in results and the memo." error={errors.name}>
                {({ inputId, describedBy, invalid }) => (
                  <input id={inputId} type="text" value={name} aria-invalid={invalid} aria-describedby={describedBy} className={inputClass(errors.name)} onChange={(e) => setName(e.target.value)} />
                )}
              </FieldFrame>
              <FieldFrame id={ids.licence} label="Licence of the weights" hint="Licence diligence assesses this licence." error={errors.licenceId}>
                {({ inputId, describedBy, invalid }) => (
                  <select id={inputId} value={licenceId} aria-invalid={invalid} aria-describedby={describedBy} className={inputClass(errors.licenceId)} onChange={(e) => setLicenceId(e.target.value)}>
                    <option value="">Choose a licence</option>
                    {licences.map((l) => (
                      <option key={l.value} value={l.value}>
                        {l.label}
                      </option>
                    ))}
                  </select>
                )}
              </FieldFrame>
              <FieldFrame
                id={ids.context}
                label="Context length"
                hint="In tokens. Default: the config's max_position_embeddings; enter it when the config has none, or to size for a shorter context."
                error={errors.contextTokens}
              >
                {({ inputId, describedBy, invalid }) => (
                  <input
                    id={inputId}
                    type="text"
                    inputMode="numeric"
                    value={contextText}
                    aria-invalid={invalid}
                    aria-describedby={describedBy}
                    className={inputClass(errors.contextTokens)}
                    onChange={(e) => setContextText(e.target.value)}
                  />
                )}
              </FieldFrame>
            </div>
            {outcome ? <FormMessage kind={outcome.kind}>{outcome.text}</FormMessage> : null}
            <div className="flex flex-wrap items-center gap-3">
              <Button type="submit" disabled={pending || busyReason !== null}>
                {pending ? "Saving…" : "Save and use this model"}
              </Button>
              {busyReason ? <span className="text-slate-700">{busyReason}</span> : null}
            </div>
          </form>
        </details>
      ) : null}
    </section>
  );
}
