/** How a due cell is read (SEMANTICS.md "Deadlines"), and the plan year / review date in title rows. */
export { parseDeadline } from "./parse";
export { findPlanYear, findReviewDate } from "./plan-year";
export type { DueCell, DeadlineContext } from "./types";
