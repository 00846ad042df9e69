/** How a due cell is read (PLAN-SEMANTICS §2), and the plan year / review date in title rows. */
export { parseDeadline } from "./parse";
export { findPlanYear, findReviewDate } from "./plan-year";
export type { DueCell, DeadlineContext } from "./types";
