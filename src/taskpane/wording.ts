/** The words the pane shows for the engine's values, in the plan's own language. */
import type { PlanResult, Rating, Role, Severity, Status } from "../core";
import { DEFAULT_HEADER } from "../core/plan/header-words";

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

/** One name per severity everywhere in the pane (not "Notes": plans often have a Notes tab). */
export const SEVERITY_WORDS: Record<Severity, { label: string; count(n: number): string }> = {
  error: { label: "Error", count: (n) => plural(n, "error") },
  warning: { label: "Warning", count: (n) => plural(n, "warning") },
  info: { label: "For information", count: (n) => `${n} for information` },
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

/** Short names of the columns, for places in plain language ("row 14: rating"). */
const ROLE_SHORT: Record<Role, string> = {
  reason: "reason",
  owner: "owner",
  action: "action",
  start: "start",
  due: "deadline",
  evidence: "evidence",
  experience: "experience of children",
  rag: "rating",
  comments: "comments",
  ref: "ref",
  area: "area lead",
};

/**
 * A cell in plain language: "Children's Social Care, row 14: rating" (the column named by its
 * role in the table holding the row, else by nothing): never Excel's reference syntax.
 */
export function placeName(result: PlanResult, sheet: string, row: number, col: number): string {
  const tables = result.sheets.find((s) => s.name === sheet)?.tables ?? [];
  const table = tables.find((t) => t.headerRow <= row && row <= t.lastRow);
  const role = table
    ? (Object.keys(table.columns) as Role[]).find((r) => table.columns[r] === col)
    : undefined;
  return `${sheet}, row ${row}${role ? `: ${ROLE_SHORT[role]}` : ""}`;
}

/** Joins a label and a sentence with one colon, never "…hotel.:" or "Priority: 2:". */
export function labelled(label: string, text: string): string {
  const clean = label.trim().replace(/[.:;,]+$/, "");
  return `${clean}: ${text}`;
}
