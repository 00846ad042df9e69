/**
 * The plan year and the review date, read from a plan's title rows
 * ("Service Development Plan 2022-23", "Date for review: July 2022").
 */
import { dayOf } from "./calendar";
import type { IsoDate, PlanYear } from "../model";
import { isConsecutive } from "./months";
import { MAX_SCAN_LENGTH, normaliseDueText } from "./normalise";
import { readText } from "./parse";
import type { DeadlineContext } from "./types";

/** "2022-23", "2022/23", "2022-2023", "2022 / 2023": a four-digit first year ("22-23" alone is not read). */
const PLAN_YEAR = /(?<![\d/.-])((?:19|20)\d{2}) ?[/\-\u2010-\u2015] ?(\d{4}|\d{2})(?![\d/.-])/g;

/** The first financial year a text names, as 1 April to 31 March; null when it names none. */
export function findPlanYear(text: string): PlanYear | null {
  if (typeof text !== "string") return null;
  const scanned = text.slice(0, MAX_SCAN_LENGTH);
  PLAN_YEAR.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = PLAN_YEAR.exec(scanned)) !== null) {
    const first = Number(match[1]);
    if (!isConsecutive(first, match[2])) continue;
    const start = dayOf(first, 4, 1);
    const end = dayOf(first + 1, 3, 31);
    if (start && end) return { start, end };
  }
  return null;
}

/** The label of a review-date line, at its start: "Date for review:", "Review date -", "Next review:". */
const REVIEW_LABEL =
  /^(?:(?:date (?:for|of) (?:the )?(?:next )?review)|(?:next )?review date|next review|(?:to be )?reviewed? (?:by|on|in))(?: ?[:-] ?| )/;

/**
 * The day a review-date line names, read like a deadline ("July 2022" -> 31 July 2022; a range
 * -> its end; milestones -> the next one on or after the as-of day, else the last). Null when the
 * text is not a review-date line or names no date.
 */
export function findReviewDate(text: string, ctx: DeadlineContext): IsoDate | null {
  // No catch: the deadline reader is written not to throw; an exception is a bug for a test to find.
  if (typeof text !== "string") return null;
  const normalised = normaliseDueText(text);
  const label = REVIEW_LABEL.exec(normalised);
  if (!label) return null;
  const rest = normalised.slice(label[0].length);
  const deadline = readText(rest, rest, ctx);
  if (deadline.kind === "milestones") return deadline.nextMilestone ?? deadline.due;
  return deadline.due;
}
