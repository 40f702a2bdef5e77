// Builds a TFigure and enforces the one rule every figure shares: never NaN or Infinity.
import type { TFigure } from "./figure";
import { finiteOrNull } from "./field-errors";

/**
 * `formula` is the symbolic form followed by the numbers substituted into it, so a reader can redo
 * the arithmetic: "2 × L × n_kv × d_h × B_kv = 2 × 32 × 8 × 128 × 2".
 */
export function makeFigure(
  key: string,
  label: string,
  value: number | null,
  unit: string,
  formula: string,
  note?: string,
  valueText?: string,
): TFigure {
  const figure: TFigure = { key, label, value: value === null ? null : finiteOrNull(value), unit, formula };
  if (note !== undefined) figure.note = note;
  if (valueText !== undefined && figure.value === null) figure.valueText = valueText;
  return figure;
}

export function findFigure(figures: readonly TFigure[], key: string): TFigure | undefined {
  return figures.find((f) => f.key === key);
}
