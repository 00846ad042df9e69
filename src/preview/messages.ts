/** The preview bar's sentences (kept out of the lazy workbook chunk: the page shows them before it loads). */
import { MONTH_NAMES } from "../core/month-names";

export interface Message {
  kind: "info" | "error";
  text: string;
}

function dayText(iso: string): string {
  const [y, m, d] = iso.split("-");
  return `${Number(d)} ${MONTH_NAMES[Number(m) - 1] ?? ""} ${y}`;
}

export function openedText(name: string, asOf: string | null): string {
  const judged = asOf
    ? `Its stored settings judge the plan as of ${dayText(asOf)}.`
    : "It is judged as of today unless you choose a date in Settings.";
  return `Showing ${name}, opened in this browser only (nothing is uploaded). ${judged}`;
}

/** Why a file could not be opened, as one sentence for the page. */
export function openProblem(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.trim() || "The file could not be read as an .xlsx workbook.";
}
