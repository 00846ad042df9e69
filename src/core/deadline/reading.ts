/** Builds Deadline values with their reading: the short phrase shown beside the cell text. */
import { formatDay } from "../day-text";
import type { Deadline, DeadlineKind, IsoDate } from "../model";
import type { DatedMention } from "./types";

const NO_DEADLINE_READING: Readonly<Record<"recurring" | "complete" | "tbc" | "missing", string>> = {
  recurring: "no deadline: recurring",
  complete: "no deadline: marked complete",
  tbc: "no deadline: to be confirmed",
  missing: "no deadline: empty",
};

function deadline(
  text: string,
  kind: DeadlineKind,
  fields: Partial<Deadline> & { reading: string },
): Deadline {
  return {
    text,
    kind,
    due: null,
    start: null,
    milestones: [],
    nextMilestone: null,
    precision: null,
    ...fields,
  };
}

/** A recurring, complete, tbc or missing deadline. */
export function noDeadline(text: string, kind: "recurring" | "complete" | "tbc" | "missing"): Deadline {
  return deadline(text, kind, { reading: NO_DEADLINE_READING[kind] });
}

/** A start-only text ("From April 2025"): recurring, with `start` the day the work starts. */
export function recurringFrom(text: string, start: IsoDate): Deadline {
  return deadline(text, "recurring", { start, reading: `no deadline: recurring from ${formatDay(start)}` });
}

export function unparsedDeadline(text: string, reason?: string): Deadline {
  return deadline(text, "unparsed", { reading: reason ? `not understood: ${reason}` : "not understood" });
}

/** What a date cell shows when the adapter did not say: "1 May 2022", or "May 2022" for a month format. */
export function dateCellText(date: DatedMention): string {
  const day = formatDay(date.from);
  return date.precision === "month" ? day.slice(day.indexOf(" ") + 1) : day;
}

/** A single date, read as precisely as it was written; `note` is added in brackets. */
export function dateDeadline(text: string, date: DatedMention, note?: string): Deadline {
  const reading = `${formatDay(date.due)}${precisionSuffix(date)}${note ? ` (${note})` : ""}`;
  return deadline(text, "date", { due: date.due, precision: date.precision, reading });
}

export function rangeDeadline(text: string, start: IsoDate, due: IsoDate): Deadline {
  return deadline(text, "range", { due, start, reading: `${formatDay(start)} to ${formatDay(due)}` });
}

/** Milestones in order (at least two); the next is the first on or after the as-of day. */
export function milestonesDeadline(text: string, dates: IsoDate[], asOf: IsoDate): Deadline {
  const next = dates.find((d) => d >= asOf) ?? null;
  const list = listInWords(dates.map(formatDay));
  const reading = `milestones ${list} (${next ? `next: ${formatDay(next)}` : "all passed"})`;
  return deadline(text, "milestones", {
    due: dates[dates.length - 1],
    milestones: dates,
    nextMilestone: next,
    reading,
  });
}

function precisionSuffix(date: DatedMention): string {
  switch (date.precision) {
    case "day":
      return "";
    case "month":
      return ", end of month";
    case "quarter":
      return `, end of ${date.label} ${financialYearLabel(date.due)}`;
    case "season":
      return `, end of ${date.label}`;
    case "year-end":
      return ", end of financial year";
    case "term":
      return `, end of ${date.label}`;
    case "academic-year":
      return ", end of academic year";
  }
}

/** "2022/23" for a day in the financial year starting April 2022. */
function financialYearLabel(day: IsoDate): string {
  const year = Number(day.slice(0, 4));
  const first = Number(day.slice(5, 7)) >= 4 ? year : year - 1;
  return `${first}/${String((first + 1) % 100).padStart(2, "0")}`;
}

function listInWords(items: string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}
