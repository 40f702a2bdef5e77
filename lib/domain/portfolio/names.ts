// Short names for the portfolio's cells, filters and CSV: "Llama 3.3 70B Instruct", "OpenAI gpt-4o".
// The long labels of the create form (size, licence, prices) would make every row three lines tall.
import { getApiPrice, getModel } from "../catalog";
import { describeCandidate } from "../catalog";

export function candidateName(id: string): string {
  return getModel(id)?.name ?? describeCandidate(id);
}

export function incumbentName(id: string): string {
  const price = getApiPrice(id);
  return price ? `${price.vendor} ${price.model.replace(/\s*\(.*\)\s*$/, "")}` : id;
}
