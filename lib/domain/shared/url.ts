// Links a page or a memo renders come from catalog data, pasted configs and imported files. Only
// web addresses may become links: "javascript:" or "data:" in an href runs in the reader's session.
// Kept free of zod so client components can import it without shipping the schema library.

/** True for an absolute http(s) URL with a host and no whitespace or control characters. */
export function isHttpUrl(value: string): boolean {
   
  if (value.length === 0 || value.length > 2000 || /[\s\u0000-\u001f\u007f]/.test(value)) return false;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  return (url.protocol === "http:" || url.protocol === "https:") && url.hostname.length > 0;
}
