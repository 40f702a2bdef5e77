"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { addAttachment, deleteAttachment } from "@/lib/dal/attachments";
import { ATTACHMENT_KINDS, ATTACHMENT_STAGES, formatBytes, MAX_ATTACHMENT_BYTES } from "@/lib/domain/assessment";
import { EDITOR_ROLES } from "@/lib/domain/shared";
import { orgFormAction, ZId } from "./safe-action";

// Evidence attachments: upload and delete. The DAL re-checks the role and the assessment's state
// in its queries and sniffs the file's type from its bytes; the sizes here only spare the server
// reading a file it would refuse.

const ok = (message: string) => ({ kind: "ok" as const, message });
const refresh = (slug: string, id: string) => revalidatePath(`/o/${slug}/assessments/${id}`, "layout");

const ZUpload = z.object({
  kind: z.enum(ATTACHMENT_KINDS, "Choose what kind of evidence this is."),
  file: z
    .instanceof(File, { message: "Choose a file to attach." })
    .refine((f) => f.size > 0, "Choose a file to attach (this one is empty).")
    .refine((f) => f.size <= MAX_ATTACHMENT_BYTES, `The file is too large; the limit is ${formatBytes(MAX_ATTACHMENT_BYTES)}.`),
});

export const uploadAttachmentAction = orgFormAction(
  { name: "uploadAttachment", args: z.tuple([ZId, z.enum(ATTACHMENT_STAGES)]), form: ZUpload, roles: EDITOR_ROLES, forbidden: "Your role in this organisation cannot attach evidence." },
  async ({ org, ...actor }, form, id, stage) => {
    const bytes = new Uint8Array(await form.file.arrayBuffer());
    const saved = await addAttachment(actor, org.slug, id, { stage, kind: form.kind, fileName: form.file.name, bytes });
    refresh(org.slug, id);
    return ok(`Attached ${saved.fileName} (SHA-256 ${saved.sha256.slice(0, 12)}…).`);
  },
);

export const deleteAttachmentAction = orgFormAction(
  { name: "deleteAttachment", args: z.tuple([ZId, ZId]), form: z.object({}), roles: EDITOR_ROLES, forbidden: "Your role in this organisation cannot remove evidence." },
  async ({ org, ...actor }, _form, id, attachmentId) => {
    await deleteAttachment(actor, org.slug, id, attachmentId);
    refresh(org.slug, id);
    return ok("File removed.");
  },
);
