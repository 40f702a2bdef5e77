// Names of downloaded files (memos, exports): an ASCII name for old clients plus RFC 5987
// filename* so a title like "Łódź" survives in browsers that read it.

export type TDownloadName = { ascii: string; unicode: string };

/** A title as it may stand in a file name: no path separators, reserved or control characters. */
export function fileTitle(title: string, fallback = "assessment"): string {
  return title.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, " ").trim() || fallback;
}

export function contentDisposition(name: TDownloadName): string {
  // encodeURIComponent leaves ' ( ) * unescaped, which RFC 5987's attr-char does not allow.
  const encoded = encodeURIComponent(name.unicode).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${name.ascii}"; filename*=UTF-8''${encoded}`;
}
