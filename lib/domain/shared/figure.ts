// A key result number as every view (screen, comparison, PDF) shows it: value, unit and the formula
// that produced it, so a reader can check the arithmetic. Shared by all decision-stage modules.
import { z } from "zod";

export const ZFigure = z.object({
  key: z.string().min(1),
  label: z.string().min(1),
  /** null when the figure cannot be computed from the inputs given (never NaN or Infinity). */
  value: z.number().nullable(),
  unit: z.string(),
  formula: z.string(),
  note: z.string().optional(),
  /** How a null value reads when null is a definite answer rather than "not known": "never". */
  valueText: z.string().optional(),
});
export type TFigure = z.infer<typeof ZFigure>;
