/**
 * Fast calendar-day helpers for the parser's hot path, in plain integer arithmetic (no Date
 * objects: the UTCDate-based helpers in ../dates cost microseconds per call, and the parser runs
 * for every action). They give exactly the answers of ../dates (tests/deadline/calendar.test.ts
 * checks that), which stays the engine's reference for dates.
 */
import type { IsoDate } from "../model";

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
}

/** The IsoDate of year / month / day (as ../dates isoDate): null when that day does not exist or the year is outside 1900-9999. */
export function dayOf(year: number, month: number, day: number): IsoDate | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (year < 1900 || year > 9999 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month))
    return null;
  return `${year}-${month < 10 ? "0" : ""}${month}-${day < 10 ? "0" : ""}${day}`;
}

/** The last day of a month, or null when the year is outside 1900-9999. */
export function lastDayOf(year: number, month: number): IsoDate | null {
  return dayOf(year, month, daysInMonth(year, month));
}

/** The year, month and day of a real calendar day written YYYY-MM-DD, else null. */
export function partsOf(date: string): { year: number; month: number; day: number } | null {
  const m = ISO.exec(date);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  return dayOf(year, month, day) === date ? { year, month, day } : null;
}
