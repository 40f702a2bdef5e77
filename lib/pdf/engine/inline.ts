import { COLORS } from "../model/palette";
import type { TInline, TRun } from "../model/types";
import { node, type TDrawSpan, type TNode } from "./sketch";
import type { TFontStyle } from "./theme";

/**
 * The URL if it may become a link in the memo: http(s) only. Any other scheme (javascript:,
 * file:, data:) from an imported custom model's source stays plain text, never a /URI action.
 */
export function webLink(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const { protocol } = new URL(url);
    return protocol === "https:" || protocol === "http:" ? url : undefined;
  } catch {
    return undefined;
  }
}

/** Runs (or plain text) in a style, tagged with `tag`; a linked run is a Link element inside it. */
export function drawSpans(text: TInline, style: TFontStyle, tag: TNode, color?: string): TDrawSpan[] {
  const runs: readonly TRun[] = typeof text === "string" ? [{ text }] : text;
  return runs.map((r) => {
    const link = webLink(r.link);
    return {
      text: r.text,
      size: style.size,
      isBold: r.isBold ?? style.isBold ?? false,
      color: r.color ?? color ?? style.color ?? COLORS.ink,
      link,
      tag: link ? node("Link", tag) : tag,
    };
  });
}
