/**
 * One exceljs cell value -> the engine's CellValue, plus the text Excel would display where
 * that is cheap (text, booleans, errors; numbers and dates are left to the engine, which
 * reads the value with its number format). exceljs types its values loosely: everything
 * here is narrowed from `unknown`.
 */
import type { CellValue } from "../../../src/core/grid";

const DAY_MS = 86_400_000;
/** Excel's day 0 in the 1900 date system (1899-12-30, the leap-year bug folded in). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

export interface ReadCell {
  value: CellValue;
  text: string | null;
  /** A formula saved with no calculated value (some programs never calculate): reads as empty. */
  uncalculated?: boolean;
}

const EMPTY: ReadCell = { value: null, text: null };
const UNCALCULATED: ReadCell = { value: null, text: null, uncalculated: true };

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === "object" && x !== null;
}

/**
 * exceljs builds a Date for a number in a date format, at UTC midnight of that day (plus the
 * time of day), in either date system. This returns the 1900-system serial of that moment.
 */
function dateToSerial(date: Date): number | null {
  const ms = date.getTime();
  if (!Number.isFinite(ms)) return null;
  return (ms - EXCEL_EPOCH_MS) / DAY_MS;
}

function richText(x: unknown): string | null {
  if (!isRecord(x) || !Array.isArray(x.richText)) return null;
  return x.richText
    .map((run: unknown) => (isRecord(run) && typeof run.text === "string" ? run.text : ""))
    .join("");
}

/**
 * Reads any exceljs cell value (or formula result) into a ReadCell. `dateShift` (days) is added to
 * the serial of a date exceljs built: -1462 when exceljs read the workbook as 1904-based itself,
 * so the grid keeps serials as stored (see readXlsx).
 */
export function readValue(raw: unknown, dateShift = 0): ReadCell {
  if (raw === null || raw === undefined) return EMPTY;
  if (typeof raw === "string") return raw === "" ? EMPTY : { value: raw, text: raw };
  if (typeof raw === "number") return Number.isFinite(raw) ? { value: raw, text: null } : EMPTY;
  if (typeof raw === "boolean") return { value: raw, text: raw ? "TRUE" : "FALSE" };
  if (raw instanceof Date) {
    const serial = dateToSerial(raw);
    return serial === null ? EMPTY : { value: serial + dateShift, text: null };
  }
  if (!isRecord(raw)) return EMPTY;
  // Error cell: { error: "#N/A" }
  if (typeof raw.error === "string") return { value: raw.error, text: raw.error };
  // Rich text: { richText: [{ text }, …] }
  const rich = richText(raw);
  if (rich !== null) return readValue(rich);
  // Formula or shared formula: the cached result; none saved -> empty, and marked uncalculated.
  if ("formula" in raw || "sharedFormula" in raw) {
    if (raw.result === undefined) return UNCALCULATED;
    return readValue(raw.result, dateShift);
  }
  // Hyperlink: { text, hyperlink } where text may itself be rich text.
  if ("hyperlink" in raw || "text" in raw) {
    const text = typeof raw.text === "string" ? raw.text : richText(raw.text);
    return text === null ? EMPTY : readValue(text);
  }
  return EMPTY;
}
