import type { ReactNode } from "react";
import { isHttpUrl } from "@/lib/domain/shared";

/**
 * A link to another site, only for http(s) addresses: anything else (javascript:, data:, a note
 * typed where a URL belongs) is shown as plain text, so no stored value can run script on a click.
 */
export function ExternalLink({ href, className, children }: { href: string; className?: string; children: ReactNode }) {
  if (!isHttpUrl(href)) return <span className={className}>{children}</span>;
  return (
    <a href={href} className={className} target="_blank" rel="noopener noreferrer">
      {children}
    </a>
  );
}
