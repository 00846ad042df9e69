/** Reads one action row's cells into an Action: deadline, rating, completion, status, suggestion. */
import type { EngineCaches } from "./caches";
import { parseDeadline } from "./deadline";
import type { DueCell } from "./deadline";
import {
  ROLES,
  type Action,
  type ColumnMap,
  type Deadline,
  type IsoDate,
  type Legend,
  type PlanTable,
  type PlanYear,
  type Role,
} from "./model";
import type { SheetCells } from "./plan/cells";
import type { ActionRow } from "./plan/layout";
import { normaliseActionText } from "./plan/normalise";
import { ratingOfColour, readRating } from "./rating";
import { daysOverdue, isComplete, statusOf, suggestedRating } from "./status";

export interface EvaluateContext {
  asOf: IsoDate;
  dueSoonDays: number;
  /** asOf + dueSoonDays: the last day that is due soon. */
  dueSoonEnd: IsoDate;
  legend: Legend;
  planYear: PlanYear | null;
  /** The workbook uses the 1904 date system (WorkbookGrid.date1904). */
  date1904?: boolean;
  /** The check's caches (src/core/caches.ts): made with the context, dropped with it. */
  caches: EngineCaches;
}

/** The Action of one row, with an unnumbered key (see assignKeys). */
export function evaluateAction(
  cells: SheetCells,
  row: ActionRow,
  table: PlanTable,
  ctx: EvaluateContext,
): Action {
  const columns = table.columns;
  const r = row.row;
  const dueCol = columns.due;
  const deadline =
    dueCol === undefined
      ? readDeadline(NO_DUE_CELL, ctx)
      : readDeadline(
          {
            value: cells.value(r, dueCol),
            text: cells.text(r, dueCol),
            numberFormat: cells.numberFormat(r, dueCol),
          },
          ctx,
        );
  const ragCol = columns.rag;
  const ratingText = ragCol === undefined ? "" : cells.text(r, ragCol);
  const fill = ragCol === undefined ? null : cells.fill(r, ragCol);
  const rating = readRating(ratingText, fill, ctx.caches.legend);
  const comments = trimmedText(cells, r, columns.comments);
  const complete = isComplete(rating.rag, deadline, comments, ctx.legend, rating.done);
  const status = statusOf(complete, deadline, ctx.asOf, ctx.dueSoonDays, ctx.dueSoonEnd);
  const action = trimmedText(cells, r, columns.action);
  const key = baseKey(table.sheet, action);
  const uncalculated = uncalculatedRoles(cells, r, columns);
  const result: Action = {
    sheet: table.sheet,
    row: r,
    key,
    section: row.section,
    reason: row.reason,
    owner: trimmedText(cells, r, columns.owner),
    action,
    evidence: trimmedText(cells, r, columns.evidence),
    experience: trimmedText(cells, r, columns.experience),
    comments,
    startText: trimmedText(cells, r, columns.start),
    deadline,
    ratingText,
    rag: rating.rag,
    ragSource: rating.source,
    complete,
    status,
    suggestedRag: suggestedRating(status),
    daysOverdue: daysOverdue(status, deadline, ctx.asOf, ctx.caches.daysOverdue),
    columns,
  };
  if (rating.progress) result.progressWord = true;
  // The fill counts as the plan's own colour for this rating only when it reads as that rating.
  if (fill && rating.rag && ratingOfColour(fill, ctx.caches.legend) === rating.rag) result.ratingFill = fill;
  if (uncalculated) result.uncalculated = uncalculated;
  return result;
}

/** The roles whose cell on this row is a formula with no calculated value, or null (the usual case). */
function uncalculatedRoles(cells: SheetCells, row: number, columns: ColumnMap): Role[] | null {
  let out: Role[] | null = null;
  for (const role of ROLES) {
    const col = columns[role];
    if (col !== undefined && cells.isUncalculated(row, col)) (out ??= []).push(role);
  }
  return out;
}

const NO_DUE_CELL: DueCell = { value: null, text: "", numberFormat: null };

/** A role's cell text, trimmed ("" when the table has no such column). */
function trimmedText(cells: SheetCells, row: number, col: number | undefined): string {
  return col === undefined ? "" : cells.text(row, col).trim();
}

/** Plans repeat the same due texts ("end Sept 2022", Dec-21 cells) many times: each is read once per check. */
function readDeadline(cell: DueCell, ctx: EvaluateContext): Deadline {
  const value = cell.value;
  const text = cell.text ?? "";
  const format = cell.numberFormat ?? "";
  const known = ctx.caches.deadlines.get(value, format, text);
  if (known) return known;
  const deadline = parseDeadline(cell, { planYear: ctx.planYear, asOf: ctx.asOf, date1904: ctx.date1904 });
  ctx.caches.deadlines.set(value, format, text, deadline);
  return deadline;
}

/** Tab name + normalised action text. */
function baseKey(sheet: string, action: string): string {
  return `${sheet}::${normaliseActionText(action)}`;
}

/**
 * Numbers exact duplicates within a tab in row order ("…#2", "…#3"). Returns the same
 * objects where the key is unchanged, new ones where it changed. `actions` is in row order.
 */
export function assignKeys(actions: Action[], fresh = false): Action[] {
  const seen = new Map<string, number>();
  return actions.map((a) => {
    // `fresh`: every action comes straight from evaluateAction, so its key is its unnumbered key
    const base = fresh ? a.key : baseKey(a.sheet, a.action);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    const key = n === 1 ? base : `${base}#${n}`;
    return key === a.key ? a : { ...a, key };
  });
}
