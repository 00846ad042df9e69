/** The words the pane shows for the engine's values, in the plan's own language. */
import type { PlanResult, Rating, Role, Severity, Status } from "../core";

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

/** The column each role is, as the plan's headers usually say it. */
export const ROLE_WORDS: Record<Role, string> = {
  reason: "Why? (reason)",
  owner: "Who? (owner)",
  action: "Does what? (action)",
  start: "Start",
  due: "By when? (deadline)",
  evidence: "How will we know it has been done? (evidence)",
  experience: "What will be the experience of children?",
  rag: "RAG rated",
  comments: "Comments on progress",
  ref: "Ref",
  area: "Area lead",
};

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
