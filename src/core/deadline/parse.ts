/**
 * parseDeadline: one due cell -> a Deadline (SEMANTICS.md "Deadlines"). Never throws, deterministic.
 * Order: empty -> missing; a number -> an Excel date (by its number format); text -> status
 * words first (recurring, complete, tbc), then the dates it names; anything else -> unparsed.
 */
import type { Deadline } from "../model";
import { dateFormatShape, dateOfSerial, isPlausibleBareSerial } from "./excel-cell";
import { findMentions } from "./mentions";
import { baseYear } from "./months";
import { normaliseDueText } from "./normalise";
import {
  dateCellText,
  dateDeadline,
  milestonesDeadline,
  noDeadline,
  rangeDeadline,
  recurringFrom,
  unparsedDeadline,
} from "./reading";
import { shapeOf } from "./resolve";
import type { DeadlineContext, DueCell } from "./types";
import { isStartOnly, mentionsRecurrence, statusOfText } from "./words";

export function parseDeadline(cell: DueCell, ctx: DeadlineContext): Deadline {
  // No safety net: every path is written not to throw, so an exception here is a bug that must fail
  // a test (tests/deadline fuzz every path), never a silent "unparsed".
  return readCell(cell, displayText(cell), ctx);
}

/** The cell as the user sees it: Excel's text when the adapter gave it, else the value. */
function displayText(cell: DueCell | null | undefined): string {
  if (!cell) return "";
  if (hasText(cell)) return cell.text ?? "";
  const value = cell.value;
  if (value === null || value === undefined) return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return String(value);
}

function readCell(cell: DueCell, shown: string, ctx: DeadlineContext): Deadline {
  const value = cell.value;
  if (typeof value === "number") return readNumber(value, cell, shown, ctx);
  if (typeof value === "boolean") return unparsedDeadline(shown, "a TRUE/FALSE value is not a date");
  const typed = typeof value === "string" ? value : shown;
  return readText(typed, shown, ctx);
}

/** Days from 30 December 1899 (day 0 of the 1900 system) to 1 January 1904 (day 0 of the 1904 system). */
const DAYS_1904 = 1462;

function readNumber(value: number, cell: DueCell, shown: string, ctx: DeadlineContext): Deadline {
  const shape = dateFormatShape(cell.numberFormat);
  // the engine's date helpers count in the 1900 system: a 1904 serial is moved onto it first
  const serial = ctx.date1904 === true ? value + DAYS_1904 : value;
  if (shape !== "not-a-date") {
    const date = dateOfSerial(serial, shape);
    if (!date) return unparsedDeadline(shown, "the date is out of range");
    // A reader that has no display text for a date cell (exceljs) may pass the bare serial: show the date instead.
    return dateDeadline(hasText(cell) && shown.trim() !== String(value) ? shown : dateCellText(date), date);
  }
  // No date format: what Excel shows may still be a date the adapter reported only as text.
  const text = typeof cell.text === "string" ? cell.text.trim() : "";
  if (text !== "" && text !== String(value)) return readText(text, shown, ctx);
  if (isPlausibleBareSerial(serial, cell.numberFormat)) {
    const date = dateOfSerial(serial, "day");
    if (date) return dateDeadline(shown, date, `the number ${value} read as an Excel date`);
  }
  return unparsedDeadline(shown, "a number, not a date");
}

function hasText(cell: DueCell): boolean {
  return typeof cell.text === "string" && cell.text.trim() !== "";
}

/** Reads free text; `shown` is what the Deadline reports as its text. */
export function readText(typed: string, shown: string, ctx: DeadlineContext): Deadline {
  const text = normaliseDueText(typed);
  if (text === "") return noDeadline(shown, "missing");
  const status = statusOfText(text);
  if (status) return noDeadline(shown, status);
  const scan = findMentions(text);
  if (!scan.ok) return unparsedDeadline(shown, `"${scan.invalid.trim()}" is not a real date`);
  if (scan.mentions.length === 0)
    return mentionsRecurrence(text) ? noDeadline(shown, "recurring") : unparsedDeadline(shown);
  const shape = shapeOf(text, scan.mentions, baseYear(ctx));
  // "From April 2025", "April 2024 onwards": when the work starts, never a deadline (§8)
  if (
    scan.mentions.length === 1 &&
    shape.kind === "date" &&
    (shape.date.precision === "day" || shape.date.precision === "month") &&
    isStartOnly(text)
  )
    return recurringFrom(shown, shape.date.from);
  switch (shape.kind) {
    case "date":
      return dateDeadline(shown, shape.date);
    case "range":
      return rangeDeadline(shown, shape.start, shape.due);
    case "milestones":
      return milestonesDeadline(shown, shape.dates, ctx.asOf);
    case "invalid":
      return unparsedDeadline(shown, shape.reason);
  }
}
