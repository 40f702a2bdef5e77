import "server-only";
import { readAttachment } from "@/lib/dal/attachments";
import { contentDisposition } from "@/lib/domain/shared";
import { attachment, withCaller } from "./route-kit";

// Downloads of evidence files. Like the other downloads the caller is re-checked and the tenant is
// in the query (a foreign id is a 404). A file is always sent as an attachment with nosniff, under
// the type its bytes were found to be, so an uploaded file is never rendered inside the app.

const FAILURE = "The file could not be read. Try again; if it keeps failing, tell your administrator.";

/** The name as plain ASCII for old clients' filename="…" (the UTF-8 name goes in filename*). */
const asciiName = (name: string) => name.normalize("NFKD").replace(/[^\x20-\x7e]/g, "_").replace(/["\\%]/g, "_");

export function attachmentResponse(slug: string, id: string, attachmentId: string): Promise<Response> {
  return withCaller("this file", FAILURE, async (userId) => {
    const file = await readAttachment(userId, slug, id, attachmentId);
    const response = attachment(new Uint8Array(file.bytes), file.contentType, contentDisposition({ ascii: asciiName(file.fileName), unicode: file.fileName }));
    response.headers.set("X-Checksum-SHA256", file.sha256);
    return response;
  });
}
