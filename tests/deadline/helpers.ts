import { parseDeadline } from "../../src/core/deadline";
import type { DeadlineContext } from "../../src/core/deadline";
import type { Deadline } from "../../src/core/model";

export const PLAN_2022_23 = { start: "2022-04-01", end: "2023-03-31" };
/** Plan year 2022-23, as of 15 July 2022 (the fixture's review). */
export const CTX: DeadlineContext = { planYear: PLAN_2022_23, asOf: "2022-07-15" };

export function readText(text: string, ctx: DeadlineContext = CTX): Deadline {
  return parseDeadline({ value: text }, ctx);
}

/** The parts of a deadline most tests check. */
export function shape(d: Deadline): Pick<Deadline, "kind" | "due" | "start" | "milestones"> {
  return { kind: d.kind, due: d.due, start: d.start, milestones: d.milestones };
}
