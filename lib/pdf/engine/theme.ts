// The memo's page geometry, text styles and the default space around each kind of block.
import type { TBlock, TTextStyle } from "../model/types";
import { COLORS } from "../model/palette";

/** A4 in points and the memo's margins. */
export const PAGE = { width: 595.28, height: 841.89, top: 40, bottom: 54, side: 44 };
export const CONTENT_WIDTH = PAGE.width - 2 * PAGE.side;
export const CONTENT_HEIGHT = PAGE.height - PAGE.top - PAGE.bottom;

export type TFontStyle = { size: number; line: number; isBold?: boolean; color?: string };

/** Body text 9.5 pt on 1.3 lines; small text (formulas, sources, the appendix) 8 pt on 1.3 lines. */
export const TEXT: Record<TTextStyle, TFontStyle> = {
  body: { size: 9.5, line: 9.5 * 1.3 },
  small: { size: 8, line: 8 * 1.3 },
  kicker: { size: 10, line: 13, color: COLORS.muted },
  lead: { size: 12, line: 15 },
  quote: { size: 8.5, line: 8.5 * 1.35, color: COLORS.muted },
  verdict: { size: 13, line: 13 * 1.25, isBold: true },
};

export const HEADINGS: Record<1 | 2 | 3, TFontStyle & { before: number; after: number; color?: string }> = {
  1: { size: 22, line: 22 * 1.25, isBold: true, before: 0, after: 6 },
  2: { size: 14, line: 14 * 1.2, isBold: true, color: COLORS.brand, before: 10, after: 5 },
  3: { size: 11, line: 11 * 1.25, isBold: true, before: 7, after: 3 },
};

/** The line under a section heading (a stage's status). */
export const HEADING_NOTE: TFontStyle = { size: 8, line: 8 * 1.3 + 1, color: COLORS.muted };

/** A section heading starts a new page unless this much room is left (the block can ask for another amount). */
export const SECTION_ROOM = 140;

export const CHART = { titleGap: 3, legendGap: 2, tickSize: 6.5, legendSize: 7.5 };
export const FOOTER = { size: 7.5, line: 9, bottom: 22, labelWidth: 386 };
export const TABLE = { padding: 2, rule: 0.5, gap: 4 };
export const LIST = { gutter: 14 };
export const QUOTE = { indent: 8, bar: 2 };

type TSpacing = { before: number; after: number };

/** Default space around blocks other than headings (which take theirs from HEADINGS). */
export const SPACING: Record<Exclude<TBlock["kind"], "heading" | "pageBreak">, TSpacing> = {
  paragraph: { before: 0, after: 4 },
  list: { before: 0, after: 3 },
  table: { before: 0, after: 0 },
  figure: { before: 0, after: 10 },
  box: { before: 0, after: 8 },
  quote: { before: 2, after: 0 },
};

/** A paragraph of more than twice this many lines is cut into pieces of this many, to break across pages. */
export const PARAGRAPH_CHUNK = 12;
/** Tallest piece of a list item or table row kept whole: a longer one continues in further pieces. */
export const MAX_PIECE = CONTENT_HEIGHT / 3;
/** A box taller than this continues in a second box. */
export const MAX_BOX = CONTENT_HEIGHT - 40;
