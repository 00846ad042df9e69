/** Completion, status, suggested rating and days overdue (SEMANTICS.md "Complete, status and the suggested rating"). */
import type { BoundedMap } from "./bounded-map";
import { addDays, daysBetween } from "./dates";
import type { Deadline, IsoDate, Legend, Rating, Status } from "./model";

/** Comments that say the action is done: "complete", "Completed - …", "done", "achieved". */
const DONE_COMMENT = /^(complete|completed|done|achieved)(?![a-z0-9])/i;

export function commentsSayComplete(comments: string): boolean {
  return DONE_COMMENT.test(comments.trim());
}

/** Complete when rated blue (if blue means complete), the rating cell holds a done word ("Complete (and
 * ongoing)"), the due cell says complete, or the comments begin with a done word. */
export function isComplete(
  rag: Rating | null,
  deadline: Deadline,
  comments: string,
  legend: Legend,
  ratingSaysDone = false,
): boolean {
  return (
    (rag === "blue" && legend.blueMeansComplete) ||
    ratingSaysDone ||
    deadline.kind === "complete" ||
    commentsSayComplete(comments)
  );
}

/** The first status that applies, in the order of §4 (`dueSoonEnd` = asOf + dueSoonDays, passed in when known). */
export function statusOf(
  complete: boolean,
  deadline: Deadline,
  asOf: IsoDate,
  dueSoonDays: number,
  dueSoonEnd: IsoDate = addDays(asOf, dueSoonDays),
): Status {
  if (complete) return "complete";
  const due = deadline.due;
  if (due !== null) {
    if (due < asOf) return "overdue";
    return due <= dueSoonEnd ? "due-soon" : "on-track";
  }
  if (deadline.kind === "recurring") return "ongoing";
  return "no-deadline";
}

const SUGGESTED: Record<Status, Rating | null> = {
  complete: "blue",
  overdue: "red",
  "due-soon": "amber",
  "on-track": "green",
  ongoing: "green",
  "no-deadline": null,
};

/** The rating the plan's RAG logic gives a status. */
export function suggestedRating(status: Status): Rating | null {
  return SUGGESTED[status];
}

/** Whole days past due on the as-of date, for overdue actions only. */
export function daysOverdue(
  status: Status,
  deadline: Deadline,
  asOf: IsoDate,
  /** Day counts by due day for this one `asOf` (the check's caches: many actions share a due day). */
  byDue?: BoundedMap<IsoDate, number>,
): number | null {
  if (status !== "overdue" || deadline.due === null) return null;
  let days = byDue?.get(deadline.due);
  if (days === undefined) {
    days = daysBetween(deadline.due, asOf);
    byDue?.set(deadline.due, days);
  }
  return days;
}
