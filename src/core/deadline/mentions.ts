/**
 * Finds every date a due text names, left to right: "31/08/2022", "2022-09-30", "1st September 2022",
 * "May-22", "Sept 22", "end June", "Q3 2022/23", "by the end of Quarter 4", "Summer 2022",
 * "end of financial year", "2022/23". One precompiled regex with an alternative per form;
 * every quantifier is bounded or over a single character class, so long texts scan in linear time.
 */
import {
  MONTH_NAME_PATTERN,
  SEASON_END_MONTH,
  fullYear,
  isConsecutive,
  monthNumber,
  quarterEndMonth,
  quarterNumber,
  yearInFinancialYear,
} from "./months";
import type { Mention } from "./types";

const MON = `(?:${MONTH_NAME_PATTERN})(?![a-z])`;
const ORDINAL = "(?:st|nd|rd|th)";
const YEAR = "(?:\\d{4}|\\d{2})(?!\\d)";
/** "2022", "2022/23", "22/23", "2022-2023" after a quarter, season or year end. */
const YEAR_SUFFIX = (a: string, b: string): string =>
  `(?:[ ,]{0,3}(?<${a}>\\d{4}|\\d{2})(?:[/\\-](?<${b}>\\d{4}|\\d{2}))?(?!\\d))?`;

const ALTERNATIVES = [
  // 2022-09-30
  `(?<![\\d])(?<isoY>\\d{4})-(?<isoM>\\d{1,2})-(?<isoD>\\d{1,2})(?!\\d)`,
  // 01/06/2020, 30.09.22, 1-6-2020 (day first)
  `(?<![\\d])(?<nD>\\d{1,2})[/.\\-](?<nM>\\d{1,2})[/.\\-](?<nY>${YEAR})`,
  // 06/2022 (a month)
  `(?<![\\d])(?<mmM>\\d{1,2})[/.\\-](?<mmY>\\d{4})(?![\\d/.\\-])`,
  // 1st September 2022, 01-May-22, 31 Aug, 12 sept 2022
  `(?<![\\d])(?<dD>\\d{1,2})${ORDINAL}?[ \\-/.,]{0,3}(?:of )?(?<dMon>${MON})(?:[ \\-/.,']{0,3}(?<dY>${YEAR}))?`,
  // Q3, Q3 2022/23, quarter 4, third quarter, 4th quarter of 2022/23
  `(?<![a-z0-9])(?:q(?<q1>[1-4])|quarter ?(?<q2>[1-4]|one|two|three|four)|(?<q3>first|second|third|fourth|1st|2nd|3rd|4th|last|final) (?:financial )?quarter)(?![a-z0-9])` +
    `(?:[ ,]{0,3}(?:of )?(?:the )?(?:fy ?|financial year )?(?<qY1>\\d{4}|\\d{2})(?:[/\\-](?<qY2>\\d{4}|\\d{2}))?(?!\\d))?`,
  // Autumn term, Spring term 2024, end of Summer term 2023/24 (school terms, England)
  `(?<![a-z])(?<term>spring|summer|autumn)[ \\-]term(?![a-z])${YEAR_SUFFIX("tY1", "tY2")}`,
  // academic year, end of academic year 2023/24, academic year end
  `(?<![a-z])(?<ay>academic year(?:[ \\-]?end)?)(?![a-z])` +
    `(?:[ ,]{0,3}(?:(?:of|for) )?(?<ayY1>\\d{4}|\\d{2})(?:[/\\-](?<ayY2>\\d{4}|\\d{2}))?(?!\\d))?`,
  // Spring, Summer 2022, Winter 2022/23
  `(?<![a-z])(?<sea>spring|summer|autumn|winter)(?![a-z])(?: term)?${YEAR_SUFFIX("sY1", "sY2")}`,
  // end of financial year, year end, year-end 2022/23
  `(?<![a-z])(?<ye>end of (?:the )?(?:financial |fiscal |fin )?year|(?:financial |fiscal )?year[ \\-]?end|fye|eofy)(?![a-z])` +
    `(?:[ ,]{0,3}(?:(?:of|for) )?(?<yeY1>\\d{4}|\\d{2})(?:[/\\-](?<yeY2>\\d{4}|\\d{2}))?(?!\\d))?`,
  // May-22, Sept 22, December 2022, June, June 30 2022, Sept 1st
  `(?<![a-z])(?<mMon>${MON})(?:[ \\-.,]{0,3}(?<mD>\\d{1,2})(?:${ORDINAL}|(?=,? \\d{4}(?!\\d))))?(?:[ \\-/.,']{0,3}(?<mY>${YEAR}))?`,
  // 2022/23, 2022-2023 (a financial year: its end)
  `(?<![\\d/.\\-])(?<fy1>\\d{4})[/\\-](?<fy2>\\d{4}|\\d{2})(?![\\d/.\\-])`,
];

const MENTION = new RegExp(ALTERNATIVES.join("|"), "g");

/** Words after which a bare "may" is the month, not the verb ("by May", "end May", "April - May"). */
const MAY_CUE = /(?:^|(?<![a-z])(?:by|end|of|in|until|till|to|from|and|before|early|mid|late) ?|[-,] ?)$/;

/** The result of scanning: the mentions in order, or the first written date that does not exist. */
export type MentionScan = { ok: true; mentions: Mention[] } | { ok: false; invalid: string };

export function findMentions(text: string): MentionScan {
  const mentions: Mention[] = [];
  MENTION.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = MENTION.exec(text)) !== null) {
    if (match[0].length === 0) {
      MENTION.lastIndex += 1;
      continue;
    }
    const g = match.groups ?? {};
    const found = toMention(g, match.index, match.index + match[0].length, match[0], text);
    if (found === "invalid") return { ok: false, invalid: match[0] };
    if (found) mentions.push(found);
  }
  return { ok: true, mentions };
}

type Groups = Record<string, string | undefined>;

function toMention(
  g: Groups,
  start: number,
  end: number,
  source: string,
  text: string,
): Mention | "invalid" | null {
  const base = { start, end, source, label: "" };
  if (g.isoY !== undefined) return calendar(base, Number(g.isoD), Number(g.isoM), Number(g.isoY));
  if (g.nD !== undefined) return calendar(base, Number(g.nD), Number(g.nM), fullYear(g.nY ?? ""));
  if (g.mmM !== undefined) return calendar(base, null, Number(g.mmM), Number(g.mmY));
  if (g.dD !== undefined)
    return calendar(
      base,
      Number(g.dD),
      monthNumber(g.dMon ?? "") ?? 0,
      g.dY === undefined ? null : fullYear(g.dY),
    );
  if (g.q1 !== undefined || g.q2 !== undefined || g.q3 !== undefined) return quarter(base, g);
  if (g.term !== undefined) return term(base, g.term, g.tY1, g.tY2);
  if (g.ay !== undefined) return academicYear(base, g.ayY1, g.ayY2);
  if (g.sea !== undefined) return season(base, g.sea, g.sY1, g.sY2);
  if (g.ye !== undefined) return yearEnd(base, g.yeY1, g.yeY2);
  if (g.mMon !== undefined) {
    if (
      g.mMon === "may" &&
      g.mD === undefined &&
      g.mY === undefined &&
      !MAY_CUE.test(text.slice(Math.max(0, start - 8), start))
    )
      return null;
    return calendar(
      base,
      g.mD === undefined ? null : Number(g.mD),
      monthNumber(g.mMon) ?? 0,
      g.mY === undefined ? null : fullYear(g.mY),
    );
  }
  if (g.fy1 !== undefined && g.fy2 !== undefined) {
    const first = Number(g.fy1);
    return isConsecutive(first, g.fy2) ? mention(base, "year-end", 3, null, first + 1) : null;
  }
  return null;
}

type Base = Pick<Mention, "start" | "end" | "source" | "label">;

function calendar(base: Base, day: number | null, month: number, year: number | null): Mention | "invalid" {
  if (month < 1 || month > 12) return "invalid";
  if (day !== null && (day < 1 || day > daysInMonthAtMost(month))) return "invalid";
  return mention(base, "calendar", month, day, year);
}

/** Every mention is built here, with its fields always in the same order (one object shape for the engine to optimise). */
function mention(
  base: Base,
  shape: Mention["shape"],
  month: number,
  day: number | null,
  year: number | null,
  label = base.label,
  yearOffset: number | null = null,
): Mention {
  return {
    start: base.start,
    end: base.end,
    shape,
    month,
    day,
    year,
    label,
    source: base.source,
    yearOffset,
  };
}

/** The most days a month can have (29 for February): the exact check waits until the year is known. */
function daysInMonthAtMost(month: number): number {
  return month === 2 ? 29 : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * A year written after a quarter, season or year end: "2022/23" is a financial year (the months
 * fall in it by the plan-year rule); a single year is the calendar year the period ends in.
 * Returns the year the period's last month falls in, null when none was written, "invalid" when
 * a split year's halves are not consecutive.
 */
function yearOfPeriod(
  month: number,
  first: string | undefined,
  second: string | undefined,
): number | null | "invalid" {
  if (first === undefined) return null;
  const y = fullYear(first);
  if (second === undefined) return y;
  return isConsecutive(y, second) ? yearInFinancialYear(month, y) : "invalid";
}

function quarter(base: Base, g: Groups): Mention | "invalid" | null {
  const q = quarterNumber(g.q1 ?? g.q2 ?? g.q3 ?? "");
  if (q === null) return null;
  const month = quarterEndMonth(q);
  const year = yearOfPeriod(month, g.qY1, g.qY2);
  if (year === "invalid") return "invalid";
  return mention(base, "quarter", month, null, year, `Q${q}`);
}

function season(
  base: Base,
  name: string,
  first: string | undefined,
  second: string | undefined,
): Mention | "invalid" {
  const month = SEASON_END_MONTH[name] ?? 8;
  let year = yearOfPeriod(month, first, second);
  if (year === "invalid") return "invalid";
  // "Winter 2022" runs December 2022 to February 2023.
  if (name === "winter" && year !== null && second === undefined) year += 1;
  return mention(base, "season", month, null, year, name);
}

function yearEnd(base: Base, first: string | undefined, second: string | undefined): Mention | "invalid" {
  const year = yearOfPeriod(3, first, second);
  if (year === "invalid") return "invalid";
  return mention(base, "year-end", 3, null, year);
}

/** The month each school term ends (England): Autumn 31 December, Spring 31 March, Summer 31 July. */
const TERM_END_MONTH: Readonly<Record<string, number>> = { autumn: 12, spring: 3, summer: 7 };

/**
 * A school term. Without a year the autumn term falls in the plan's first year, spring and summer
 * in its second; "2023/24" is an academic year (autumn 2023, spring and summer 2024); a single
 * year is the calendar year the term ends in.
 */
function term(
  base: Base,
  name: string,
  first: string | undefined,
  second: string | undefined,
): Mention | "invalid" {
  const month = TERM_END_MONTH[name] ?? 7;
  const offset = name === "autumn" ? 0 : 1;
  let year: number | null = null;
  if (first !== undefined) {
    year = fullYear(first);
    if (second !== undefined) {
      if (!isConsecutive(year, second)) return "invalid";
      year += offset;
    }
  }
  return mention(base, "term", month, null, year, `${name} term`, offset);
}

/** The academic year ends 31 July: of the plan's second year, or of the year named ("2023/24": 2024). */
function academicYear(
  base: Base,
  first: string | undefined,
  second: string | undefined,
): Mention | "invalid" {
  let year: number | null = null;
  if (first !== undefined) {
    year = fullYear(first);
    if (second !== undefined) {
      if (!isConsecutive(year, second)) return "invalid";
      year += 1;
    }
  }
  return mention(base, "academic-year", 7, null, year, "academic year", 1);
}
