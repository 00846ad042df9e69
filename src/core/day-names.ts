/** "31 May 2022" for a day, formatted once and remembered (messages and summaries name the same days often). */
import { formatDay } from "./dates";
import type { IsoDate } from "./model";

const names = new Map<IsoDate, string>();

export function dayName(date: IsoDate): string {
  let name = names.get(date);
  if (name === undefined) {
    name = formatDay(date);
    if (names.size > 5_000) names.clear();
    names.set(date, name);
  }
  return name;
}
