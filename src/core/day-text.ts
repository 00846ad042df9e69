/**
 * Reading and wording an IsoDate ("YYYY-MM-DD") as text, with no date arithmetic: kept apart from
 * dates.ts (date-fns) so that the pane's first screen, which words the as-of day, loads no
 * date library (tests/bench/bundle.bench.ts measures what it loads).
 */
import type { IsoDate } from "./model";
import { MONTH_NAMES } from "./month-names";

const ISO = /^\d{4}-\d{2}-\d{2}$/;

export function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}

export function monthOf(date: IsoDate): number {
  return Number(date.slice(5, 7));
}

/** "31 May 2022" (UK style, for messages and readings). */
export function formatDay(date: IsoDate): string {
  if (!ISO.test(date)) throw new RangeError(`Not a YYYY-MM-DD date: ${date}`);
  return `${Number(date.slice(8, 10))} ${MONTH_NAMES[monthOf(date) - 1]} ${yearOf(date)}`;
}
