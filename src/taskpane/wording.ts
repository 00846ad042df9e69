/** The words the pane shows for the engine's values, in the plan's own language. */
import type { PlanResult, Rating, Role, Severity, Status } from "../core";
import { DEFAULT_HEADER } from "../core/plan/roles";

export const RATING_WORDS: Record<Rating, string> = {
  blue: "Blue",
  green: "Green",
  amber: "Amber",
  red: "Red",
};

export const STATUS_WORDS: Record<Status, string> = {
  complete: "Complete",
  overdue: "Overdue",
  "due-soon": "Due soon",
  "on-track": "On track",
  ongoing: "Ongoing",
  "no-deadline": "No deadline",
};

export const SEVERITY_WORDS: Record<Severity, { one: string; many: string }> = {
  error: { one: "error", many: "Errors" },
  warning: { one: "warning", many: "Warnings" },
  info: { one: "note", many: "Notes" },
};

export const SEVERITY_ORDER: Severity[] = ["error", "warning", "info"];

/** What a question-style header is for, said after it ("Who? (owner)"). */
const ROLE_HINT: Partial<Record<Role, string>> = {
  reason: "reason",
  owner: "owner",
  action: "action",
  due: "deadline",
  evidence: "evidence",
};

/** The column each role is, as the plan's headers usually say it (DEFAULT_HEADER), with its hint. */
export function roleWords(role: Role): string {
  const hint = ROLE_HINT[role];
  return hint ? `${DEFAULT_HEADER[role]} (${hint})` : DEFAULT_HEADER[role];
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "Check complete: 14 overdue, 3 errors, 5 warnings." */
export function checkAnnouncement(result: PlanResult): string {
  const s = result.summary;
  const parts = [
    `${s.status.overdue} overdue`,
    plural(s.findings.error, "error"),
    plural(s.findings.warning, "warning"),
  ];
  return `Check complete: ${plural(s.actions, "action")} checked; ${parts.join(", ")}.`;
}
