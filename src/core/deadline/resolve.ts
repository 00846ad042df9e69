/**
 * Settles the years of mentions and turns them into a deadline shape: one date, a range
 * ("April - July 2022"), or milestones (two or more distinct dates).
 */
import { dayOf } from "./calendar";
import type { DatePrecision, IsoDate } from "../model";
import { firstOfMonth, lastOfMonth, yearInFinancialYear } from "./months";
import type { DatedMention, Mention } from "./types";

/** Between the two ends of a range: "April - July", "April to July", "from April until July". */
const RANGE_JOIN = /^(?:-|to|until|till|through|thru)$/;
/** "between April and July 2022" is a range too. */
const BETWEEN = /(?:^|(?<![a-z]))between $/;

export type Shape =
  | { kind: "date"; date: DatedMention }
  | { kind: "range"; start: IsoDate; due: IsoDate }
  | { kind: "milestones"; dates: IsoDate[] }
  | { kind: "invalid"; reason: string };

/** The shape of a text's mentions (at least one), given the plan's first year (null: none usable). */
export function shapeOf(text: string, mentions: Mention[], base: number | null): Shape {
  if (mentions.length === 2 && isRange(text, mentions[0], mentions[1]))
    return range(mentions[0], mentions[1], base);
  const dated: DatedMention[] = [];
  for (const m of mentions) {
    const d = dateMention(m, m.year ?? ruleYear(m, base));
    if (!d) return { kind: "invalid", reason: notRealDate(m, base) };
    dated.push(d);
  }
  const dues = [...new Set(dated.map((d) => d.due))].sort();
  if (dues.length === 1) return { kind: "date", date: dated[0] };
  return { kind: "milestones", dates: dues };
}

function isRange(text: string, a: Mention, b: Mention): boolean {
  if (a.shape !== "calendar" || b.shape !== "calendar") return false;
  const gap = text.slice(a.end, b.start).trim();
  if (RANGE_JOIN.test(gap)) return true;
  return gap === "and" && BETWEEN.test(text.slice(Math.max(0, a.start - 8), a.start));
}

/**
 * A range's missing years: a start without a year lies before its end ("Nov - Feb 2023" starts
 * Nov 2022); an end without a year comes on or after its start ("November - January" ends in
 * the January after); with no years at all the start follows the plan-year rule.
 */
function range(a: Mention, b: Mention, base: number | null): Shape {
  let startYear = a.year;
  let endYear = b.year;
  if (startYear === null && endYear !== null) startYear = endYear - (a.month > b.month ? 1 : 0);
  if (startYear === null) startYear = yearByRule(a.month, base);
  if (endYear === null && startYear !== null) endYear = startYear + (b.month < a.month ? 1 : 0);
  const from = dateMention(a, startYear);
  const to = dateMention(b, endYear);
  if (!from) return { kind: "invalid", reason: notRealDate(a, base) };
  if (!to) return { kind: "invalid", reason: notRealDate(b, base) };
  if (to.due < from.from) return { kind: "invalid", reason: "the range ends before it starts" };
  return { kind: "range", start: from.from, due: to.due };
}

/** The year of a mention written without one: by its own offset (terms), else by the financial-year rule. */
function ruleYear(m: Mention, base: number | null): number | null {
  if (m.yearOffset !== null) return base === null ? null : base + m.yearOffset;
  return yearByRule(m.month, base);
}

function yearByRule(month: number, base: number | null): number | null {
  return base === null ? null : yearInFinancialYear(month, base);
}

function dateMention(m: Mention, year: number | null): DatedMention | null {
  if (year === null) return null;
  const precision: DatePrecision = m.shape === "calendar" ? (m.day === null ? "month" : "day") : m.shape;
  if (m.day !== null) {
    const day = dayOf(year, m.month, m.day);
    return day ? { from: day, due: day, precision, label: m.label } : null;
  }
  const from = firstOfMonth(year, m.month);
  const due = lastOfMonth(year, m.month);
  return from && due ? { from, due, precision, label: m.label } : null;
}

function notRealDate(m: Mention, base: number | null): string {
  const source = m.source.trim();
  return m.year === null && base === null
    ? `"${source}" has no year and there is no plan year`
    : `"${source}" is not a real date`;
}
