/** The findings of SEMANTICS.md "Findings": rule, severity, the cell to fix and what to do about it. */
import { cellAddress } from "./address";
import type { BoundedMap } from "./bounded-map";
import type { EngineCaches } from "./caches";
import { formatDay } from "./day-text";
import type { Action, Finding, FindingRule, IsoDate, Legend, PlanYear, Role, Severity } from "./model";
import { isNoOwner } from "./owners";
import { DEFAULT_HEADER } from "./plan/header-words";
import { DEFAULT_LEGEND, ratingLabel } from "./rating";

const SEVERITY: Record<FindingRule, Severity> = {
  "missing-owner": "error",
  "rag-invalid": "error",
  "missing-deadline": "warning",
  "deadline-unparsed": "warning",
  "deadline-tbc": "warning",
  "missing-evidence": "warning",
  "rag-missing": "warning",
  "rag-contradicts-date": "warning",
  "rag-needs-comment": "warning",
  "deadline-before-plan-year": "info",
  "milestone-passed": "info",
  "rag-colour-only": "info",
  "formula-not-calculated": "info",
};

/** The column each rule points at (the cell to fix). */
const RULE_ROLE: Record<FindingRule, Role> = {
  "missing-owner": "owner",
  "rag-invalid": "rag",
  "missing-deadline": "due",
  "deadline-unparsed": "due",
  "deadline-tbc": "due",
  "missing-evidence": "evidence",
  "rag-missing": "rag",
  "rag-contradicts-date": "rag",
  "rag-needs-comment": "rag",
  "deadline-before-plan-year": "due",
  "milestone-passed": "due",
  "rag-colour-only": "rag",
  "formula-not-calculated": "action", // each finding names its own cell (see findingsFor)
};

export interface FindingContext {
  asOf: IsoDate;
  planYear: PlanYear | null;
  /** The table's own header texts, used in messages. */
  headers?: Partial<Record<Role, string>>;
  legend?: Legend;
  /** The check's caches (src/core/caches.ts): quoted sheet names and tidied header texts. */
  caches?: Pick<EngineCaches, "sheetRefs" | "headerLabels">;
}

/** Every finding for one action, in rule order. Rules about a column the table lacks do not fire. */
export function findingsFor(action: Action, ctx: FindingContext): Finding[] {
  const out: Finding[] = [];
  const has = (role: Role): boolean => action.columns[role] !== undefined;
  const head = (role: Role): string => headerLabel(ctx.headers, role, ctx.caches?.headerLabels);
  const add = (rule: FindingRule, message: string, role: Role = RULE_ROLE[rule]): void => {
    const col = action.columns[role];
    if (col === undefined) return;
    out.push({
      rule,
      severity: SEVERITY[rule],
      cell: cellAddress(action.sheet, action.row, col, ctx.caches?.sheetRefs),
      sheet: action.sheet,
      row: action.row,
      col,
      message,
    });
  };
  const open = action.status !== "complete";
  const ratingText = action.ratingText.trim();
  const d = action.deadline;
  const uncalculated = action.uncalculated ?? NONE;
  /** A formula cell with no calculated value reads as empty but is not missing (SEMANTICS.md "Plans from other councils"). */
  const known = (role: Role): boolean => !uncalculated.includes(role);

  if (open && has("owner") && known("owner") && !action.owner) {
    add(
      "missing-owner",
      `${head("owner")} is empty: every action needs an owner. Add the lead officer's name or role.`,
    );
  } else if (open && has("owner") && isNoOwner(action.owner)) {
    add(
      "missing-owner",
      `${head("owner")} reads "${action.owner}", which names no owner: every action needs one. Add the lead officer's name or role.`,
    );
  }
  if (has("rag") && ratingText && action.rag === null && !action.progressWord) {
    add(
      "rag-invalid",
      `"${ratingText}" is not a rating. Use Blue, Green, Amber or Red (or the words in the plan's legend).`,
    );
  }
  if (open && has("due")) {
    if (d.kind === "missing" && known("due"))
      add(
        "missing-deadline",
        `${head("due")} is empty: every open action needs a deadline. Add a date, e.g. 31/03/2023 or "end Sept 2022".`,
      );
    if (d.kind === "unparsed")
      add(
        "deadline-unparsed",
        `"${d.text.trim()}" could not be read as a deadline. Write a date, a month ("Sept 2022"), a quarter ("Q3 2022/23"), "Ongoing" or "Complete".`,
      );
    if (d.kind === "tbc")
      add("deadline-tbc", `The deadline is "${d.text.trim()}": agree a date with the owner and write it in.`);
  }
  if (open && has("evidence") && known("evidence") && !action.evidence) {
    add(
      "missing-evidence",
      `${head("evidence")} is empty: the action is not SMART. Say how you will know it has been done.`,
    );
  }
  if (open && has("rag") && known("rag") && !ratingText && action.rag === null) {
    add("rag-missing", `${head("rag")} is empty: rate this open action Blue, Green, Amber or Red.`);
  } else if (open && has("rag") && action.progressWord && action.rag === null) {
    add(
      "rag-missing",
      `${head("rag")} reads "${ratingText}", a progress word, not a rating: rate this open action Blue, Green, Amber or Red.`,
    );
  }
  if ((action.rag === "green" || action.rag === "amber") && action.status === "overdue" && d.due) {
    add(
      "rag-contradicts-date",
      `Rated ${action.rag} but overdue since ${formatDay(d.due)}. Rate it red, mark it complete, or agree a new deadline.`,
    );
  }
  if (
    open &&
    (action.rag === "red" || action.rag === "amber") &&
    has("comments") &&
    known("comments") &&
    !action.comments
  ) {
    add(
      "rag-needs-comment",
      `Rated ${action.rag} with no ${head("comments")}: say what is holding it up and what will be done.`,
    );
  }
  if (open && ctx.planYear && d.due && d.due < ctx.planYear.start) {
    add(
      "deadline-before-plan-year",
      `Due ${formatDay(d.due)}, before this plan year began (${formatDay(ctx.planYear.start)}): carried over from an earlier plan. Agree a new deadline or mark it complete.`,
    );
  }
  if (open && d.kind === "milestones") {
    const passed = d.milestones.filter((m) => m < ctx.asOf);
    if (passed.length) {
      const days = passed.map(formatDay).join(", ");
      const which = passed.length === 1 ? `The milestone of ${days} has` : `The milestones of ${days} have`;
      add("milestone-passed", `${which} passed. Say in the comments whether it was met.`);
    }
  }
  if (action.ragSource === "colour" && action.rag) {
    const label = ratingLabel(action.rag, ctx.legend ?? DEFAULT_LEGEND) ?? capital(action.rag);
    add(
      "rag-colour-only",
      `Rated ${action.rag} by fill colour only. Write "${label}" in the cell so filters, formulas and screen readers see it.`,
    );
  }
  for (const role of uncalculated) {
    add(
      "formula-not-calculated",
      `${head(role)} is a formula saved without its value (the program that saved the workbook did not calculate it), so it reads as empty. Open the workbook in Excel and save it.`,
      role,
    );
  }
  return out;
}

const NONE: readonly Role[] = [];

/** A column's header as named in messages: the table's own header text tidied, else the default. */
function headerLabel(
  headers: Partial<Record<Role, string>> | undefined,
  role: Role,
  known?: BoundedMap<string, string>,
): string {
  const written = headers?.[role];
  if (written === undefined || written === null) return DEFAULT_HEADER[role];
  let label = known?.get(written);
  if (label === undefined) {
    label = written
      .replace(/\s+/g, " ")
      .replace(/[\s:*]+$/, "")
      .trim();
    known?.set(written, label);
  }
  return label || DEFAULT_HEADER[role];
}

function capital(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** Findings in reading order: by row, then column, then rule. */
export function compareFindings(a: Finding, b: Finding): number {
  return a.row - b.row || a.col - b.col || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0);
}
