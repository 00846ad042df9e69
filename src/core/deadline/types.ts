/** The inputs of the deadline parser and the intermediate "mention" it finds in text. */
import type { CellValue } from "../grid";
import type { DatePrecision, IsoDate, PlanYear } from "../model";

/** A due cell as an adapter read it: the stored value, what Excel shows, and its number format. */
export interface DueCell {
  value: CellValue;
  text?: string | null;
  numberFormat?: string | null;
}

/** What a reading depends on besides the cell: the plan year (for months without a year) and the as-of day. */
export interface DeadlineContext {
  planYear: PlanYear | null;
  asOf: IsoDate;
  /** The workbook uses the 1904 date system: a date cell's serial counts days from 1 January 1904. */
  date1904?: boolean;
}

/** What a date mention in text names before its year is settled. */
type MentionShape = "calendar" | "quarter" | "season" | "year-end" | "term" | "academic-year";

/**
 * One date found in a text ("Sept 2022", "31/08/2022", "Q3 2022/23", "Spring").
 * `year` is null when the text gave none (the plan-year rule decides later);
 * `day` is null when the mention names a whole month (its last day is due).
 */
export interface Mention {
  start: number;
  end: number;
  shape: MentionShape;
  month: number;
  day: number | null;
  year: number | null;
  /** "Q3", "summer": what a quarter or season mention was called. */
  label: string;
  /** When set, a mention with no year falls in the plan's first year plus this (school terms,
   * the academic year); when null, the month decides by the financial-year rule. */
  yearOffset: number | null;
  /** The text matched, as normalised (quoted when the date does not exist). */
  source: string;
}

/** A mention with its year settled. */
export interface DatedMention {
  from: IsoDate;
  due: IsoDate;
  precision: DatePrecision;
  label: string;
}
