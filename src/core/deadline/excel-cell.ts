/**
 * Numeric due cells: Excel stores dates as serial numbers (days since 1899-12-30) and the
 * number format decides how they show. A format that shows no day ("mmm-yy", "mmmm yyyy",
 * built-in 17) means the month: typing "Dec-21" stores 1 December 2021, due 31 December 2021.
 */
import { fromExcelSerial } from "../dates";
import { monthOf, yearOf } from "../day-text";
import { firstOfMonth, lastOfMonth } from "./months";
import type { DatedMention } from "./types";

export type DateFormatShape = "day" | "month" | "not-a-date";

/** Excel's built-in date formats by id (what some readers report instead of the format text). */
const BUILTIN_DATE_FORMATS: Readonly<Record<string, DateFormatShape>> = {
  "14": "day", // m/d/yyyy (the locale's short date)
  "15": "day", // d-mmm-yy
  "16": "day", // d-mmm
  "17": "month", // mmm-yy
  "22": "day", // m/d/yy h:mm
};

/** Parts of a format that are not date codes: "quoted text", \x escapes, [colour] and [$-809] locale tags, _x spacing, *x fill, AM/PM. */
const NOT_CODES = /"[^"]*"|\\.|\[[^\]]*\]|_.|\*.|am\/pm|a\/p/g;

/** Whether a number format shows a date, and whether it shows the day. */
export function dateFormatShape(format: string | null | undefined): DateFormatShape {
  if (!format) return "not-a-date";
  const trimmed = format.trim();
  if (/^\d{1,3}$/.test(trimmed)) return BUILTIN_DATE_FORMATS[trimmed] ?? "not-a-date";
  const codes = (trimmed.split(";")[0] ?? "")
    .toLowerCase()
    .replace(NOT_CODES, "")
    .replace(/general/g, "");
  const hasDay = codes.includes("d");
  const hasYear = codes.includes("y");
  const hasMonth = codes.includes("m") && !/[hs]/.test(codes);
  if (hasDay) return "day";
  if (hasYear || hasMonth) return "month";
  return "not-a-date";
}

/** Serials from 1 January 2000 to 31 December 2099: a bare number in this range may be a date. */
const PLAUSIBLE_SERIALS = { min: 36_526, max: 73_050 };

/** The date a serial shows in a date format: that day, or the last day of its month. */
export function dateOfSerial(serial: number, shape: "day" | "month"): DatedMention | null {
  const day = fromExcelSerial(serial);
  if (!day) return null;
  if (shape === "day") return { from: day, due: day, precision: "day", label: "" };
  const from = firstOfMonth(yearOf(day), monthOf(day));
  const due = lastOfMonth(yearOf(day), monthOf(day));
  return from && due ? { from, due, precision: "month", label: "" } : null;
}

/**
 * A number with no date format (General, or no format reported): read as a date only when it is
 * a whole number of days between 2000 and 2099 (a date whose format was lost, e.g. pasted as a
 * value). Years ("2023"), fractions and other numbers are not deadlines.
 */
export function isPlausibleBareSerial(value: number, format: string | null | undefined): boolean {
  const general = !format || format.trim().toLowerCase() === "general";
  return (
    general && Number.isInteger(value) && value >= PLAUSIBLE_SERIALS.min && value <= PLAUSIBLE_SERIALS.max
  );
}
