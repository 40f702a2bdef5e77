"use client";
import { useActionState, useId, useState, type FormEvent } from "react";
import { deleteAttachmentAction, uploadAttachmentAction } from "@/lib/actions/attachments";
import { fieldError, formError, isFailure } from "@/lib/actions/result";
import { ALLOWED_ATTACHMENT_EXTENSIONS, ALLOWED_ATTACHMENT_TYPES_TEXT, ATTACHMENT_KIND_LABELS, ATTACHMENT_KINDS, DEFAULT_KIND_BY_STAGE, formatBytes, MAX_ATTACHMENT_BYTES, type TAttachmentStage } from "@/lib/domain/assessment";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/field";
import { InlineResult } from "@/components/members/inline-result";

const ACCEPT = ALLOWED_ATTACHMENT_EXTENSIONS.map((e) => `.${e}`).join(",");

/** Upload of one evidence file; the server sniffs its type, and every refusal shows at the field. */
export function UploadAttachmentForm({ slug, id, stage }: { slug: string; id: string; stage: TAttachmentStage }) {
  const [state, action, pending] = useActionState(uploadAttachmentAction.bind(null, slug, id, stage), null);
  const [tooLarge, setTooLarge] = useState("");
  const uid = useId();
  const fileError = tooLarge || fieldError(state, "file");
  const otherError = fileError ? undefined : formError(state);
  const done = !isFailure(state) && state?.kind === "ok" ? state.message : "";

  // Checked here as well as on the server: a file over the request limit would otherwise be cut
  // off by the server action's body limit with a generic error instead of this message.
  function onSubmit(e: FormEvent<HTMLFormElement>) {
    const file = new FormData(e.currentTarget).get("file");
    if (file instanceof File && file.size > MAX_ATTACHMENT_BYTES) {
      e.preventDefault();
      setTooLarge(`The file is too large (${formatBytes(file.size)}); the limit is ${formatBytes(MAX_ATTACHMENT_BYTES)}.`);
    } else setTooLarge("");
  }

  return (
    <form action={action} onSubmit={onSubmit} className="flex flex-col gap-3 border-t border-slate-100 pt-3">
      <div className="flex flex-wrap items-end gap-4">
        <div className="flex flex-col gap-1">
          <label htmlFor={`${uid}-kind`} className="text-sm font-medium">
            Kind of evidence
          </label>
          <select id={`${uid}-kind`} name="kind" defaultValue={DEFAULT_KIND_BY_STAGE[stage]} className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm">
            {ATTACHMENT_KINDS.map((k) => (
              <option key={k} value={k}>
                {ATTACHMENT_KIND_LABELS[k]}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor={`${uid}-file`} className="text-sm font-medium">
            File to attach
          </label>
          <input
            id={`${uid}-file`}
            name="file"
            type="file"
            accept={ACCEPT}
            required
            aria-invalid={fileError ? true : undefined}
            aria-describedby={`${uid}-hint${fileError ? ` ${uid}-error` : ""}`}
            className="text-sm file:mr-3 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:py-1.5 file:text-sm"
          />
        </div>
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? "Attaching…" : "Attach file"}
        </Button>
      </div>
      <p id={`${uid}-hint`} className="text-xs text-slate-600">
        {ALLOWED_ATTACHMENT_TYPES_TEXT}; up to {formatBytes(MAX_ATTACHMENT_BYTES)}. The type is read from the file&apos;s content, not its name.
      </p>
      {fileError ? (
        <p id={`${uid}-error`} role="alert" className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800">
          Not attached: {fileError}
        </p>
      ) : null}
      {otherError ? <FormMessage kind="error">{otherError}</FormMessage> : null}
      {done ? <FormMessage kind="success">{done}</FormMessage> : null}
    </form>
  );
}

export function DeleteAttachmentForm({ slug, id, attachmentId, fileName }: { slug: string; id: string; attachmentId: string; fileName: string }) {
  const [state, action, pending] = useActionState(deleteAttachmentAction.bind(null, slug, id, attachmentId), null);
  return (
    <form
      action={action}
      onSubmit={(e) => {
        if (!window.confirm(`Remove ${fileName} from the current evidence? A submitted version that recorded it keeps the file; a file no submission recorded is deleted.`)) e.preventDefault();
      }}
      className="flex flex-col items-start gap-1"
    >
      <Button type="submit" variant="ghost" disabled={pending} aria-label={`Remove ${fileName}`}>
        {pending ? "Removing…" : "Remove"}
      </Button>
      <InlineResult state={state} />
    </form>
  );
}
