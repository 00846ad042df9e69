/**
 * Month, quarter and season names, and the year rules (SEMANTICS.md "Deadlines"):
 * a month without a year takes it from the plan year (April-December: its first year,
 * January-March: its second).
 */
import { dayOf, lastDayOf, partsOf } from "./calendar";
import type { DeadlineContext } from "./types";

/** Regex source for a month name or abbreviation (lower case), longest forms first where it matters. */
export const MONTH_NAME_PATTERN =
  "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept(?:ember)?|sep|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?";

const MONTH_BY_PREFIX: Readonly<Record<string, number>> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

/** 1-12 for a month name matched by MONTH_NAME_PATTERN, else null. */
export function monthNumber(name: string): number | null {
  return MONTH_BY_PREFIX[name.slice(0, 3)] ?? null;
}

/** The month each season is due by: Spring = May, Summer = August, Autumn = November, Winter = February. */
export const SEASON_END_MONTH: Readonly<Record<string, number>> = {
  spring: 5,
  summer: 8,
  autumn: 11,
  winter: 2,
};

const QUARTER_WORDS: Readonly<Record<string, number>> = {
  "1": 1,
  "2": 2,
  "3": 3,
  "4": 4,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  last: 4,
  final: 4,
  "1st": 1,
  "2nd": 2,
  "3rd": 3,
  "4th": 4,
};

/** 1-4 for "3", "three", "third", "3rd", "last"; null otherwise. */
export function quarterNumber(word: string): number | null {
  return QUARTER_WORDS[word] ?? null;
}

/** The last month of a financial quarter: Q1 = June, Q2 = September, Q3 = December, Q4 = March. */
export function quarterEndMonth(quarter: number): number {
  return quarter === 4 ? 3 : quarter * 3 + 3;
}

/** A year as written: "22" -> 2022 ("70"-"99" -> 1970-1999), "2022" -> 2022. */
export function fullYear(digits: string): number {
  const n = Number(digits);
  if (digits.length !== 2) return n;
  return n < 70 ? 2000 + n : 1900 + n;
}

/** The year a month falls in within the financial year that starts in April of `fyStart`. */
export function yearInFinancialYear(month: number, fyStart: number): number {
  return month >= 4 ? fyStart : fyStart + 1;
}

/** True when "2022/23" or "2022-2023" names two consecutive years. */
export function isConsecutive(first: number, secondDigits: string): boolean {
  const second = secondDigits.length === 2 ? (first + 1) % 100 : first + 1;
  return Number(secondDigits) === second;
}

/** The first calendar year of the plan year, else of the as-of day's financial year; null when neither is usable. */
export function baseYear(ctx: DeadlineContext): number | null {
  const planStart = ctx.planYear && typeof ctx.planYear.start === "string" ? ctx.planYear.start : null;
  const asOf = typeof ctx.asOf === "string" ? ctx.asOf : null;
  const plan = planStart === null ? null : partsOf(planStart);
  if (plan) return plan.year;
  const day = asOf === null ? null : partsOf(asOf);
  if (day) return day.month >= 4 ? day.year : day.year - 1;
  return null;
}

/** The first day of a month, or null when the year is out of range. */
export function firstOfMonth(year: number, month: number): string | null {
  return dayOf(year, month, 1);
}

/** The last day of a month, or null when the year is out of range. */
export function lastOfMonth(year: number, month: number): string | null {
  return lastDayOf(year, month);
}
