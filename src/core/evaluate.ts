/** Reads one action row's cells into an Action: deadline, rating, completion, status, suggestion. */
import { parseDeadline } from "./deadline";
import type { DueCell } from "./deadline";
import type { Action, Deadline, IsoDate, Legend, PlanTable, PlanYear, Role } from "./model";
import type { SheetCells } from "./plan/cells";
import type { ActionRow } from "./plan/layout";
import { normaliseActionText } from "./plan/normalise";
import { readRating } from "./rating";
import { daysOverdue, isComplete, statusOf, suggestedRating } from "./status";

export interface EvaluateContext {
  asOf: IsoDate;
  dueSoonDays: number;
  /** asOf + dueSoonDays: the last day that is due soon. */
  dueSoonEnd: IsoDate;
  legend: Legend;
  planYear: PlanYear | null;
  /** Readings of due cells already parsed in this check (same cell content, same reading). */
  deadlines?: Map<string, Deadline>;
}

/** The Action of one row, with an unnumbered key (see assignKeys). */
export function evaluateAction(cells: SheetCells, row: ActionRow, table: PlanTable, ctx: EvaluateContext): Action {
  const columns = table.columns;
  const text = (role: Role): string => {
    const col = columns[role];
    return col === undefined ? "" : cells.text(row.row, col).trim();
  };
  const dueCol = columns.due;
  const deadline = readDeadline(
    dueCol === undefined
      ? { value: null, text: "", numberFormat: null }
      : { value: cells.value(row.row, dueCol), text: cells.text(row.row, dueCol), numberFormat: cells.numberFormat(row.row, dueCol) },
    ctx,
  );
  const ragCol = columns.rag;
  const ratingText = ragCol === undefined ? "" : cells.text(row.row, ragCol);
  const rating = readRating(ratingText, ragCol === undefined ? null : cells.fill(row.row, ragCol), ctx.legend);
  const comments = text("comments");
  const complete = isComplete(rating.rag, deadline, comments, ctx.legend);
  const status = statusOf(complete, deadline, ctx.asOf, ctx.dueSoonDays, ctx.dueSoonEnd);
  const action = text("action");
  const key = baseKey(table.sheet, action);
  const result: Action = {
    sheet: table.sheet,
    row: row.row,
    key,
    section: row.section,
    reason: row.reason,
    owner: text("owner"),
    action,
    evidence: text("evidence"),
    experience: text("experience"),
    comments,
    startText: text("start"),
    deadline,
    ratingText,
    rag: rating.rag,
    ragSource: rating.source,
    complete,
    status,
    suggestedRag: suggestedRating(status),
    daysOverdue: daysOverdue(status, deadline, ctx.asOf),
    columns,
  };
  baseKeys.set(result, key);
  return result;
}

/** Each action's unnumbered key, so renumbering never normalises the text again. */
const baseKeys = new WeakMap<Action, string>();

/** Plans repeat the same due texts ("end Sept 2022", Dec-21 cells) many times: each is read once per check. */
function readDeadline(cell: DueCell, ctx: EvaluateContext): Deadline {
  const cache = ctx.deadlines;
  if (!cache) return parseDeadline(cell, ctx);
  const key =
    typeof cell.value === "string" && cell.value === cell.text
      ? `s${cell.numberFormat ?? ""}\u0000${cell.value}`
      : `${typeof cell.value}${String(cell.value)}\u0000${cell.numberFormat ?? ""}\u0000${cell.text ?? ""}`;
  let deadline = cache.get(key);
  if (!deadline) {
    deadline = parseDeadline(cell, { planYear: ctx.planYear, asOf: ctx.asOf });
    if (cache.size < 50_000) cache.set(key, deadline);
  }
  return deadline;
}

/** Tab name + normalised action text. */
export function baseKey(sheet: string, action: string): string {
  return `${sheet}::${normaliseActionText(action)}`;
}

/**
 * Numbers exact duplicates within a tab in row order ("…#2", "…#3"). Returns the same
 * objects where the key is unchanged, new ones where it changed. `actions` is in row order.
 */
export function assignKeys(actions: Action[]): Action[] {
  const seen = new Map<string, number>();
  return actions.map((a) => {
    const base = baseKeys.get(a) ?? baseKey(a.sheet, a.action);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    const key = n === 1 ? base : `${base}#${n}`;
    if (key === a.key) return a;
    const renumbered = { ...a, key };
    baseKeys.set(renumbered, base);
    return renumbered;
  });
}
