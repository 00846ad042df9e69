/** The "Progress Summary" tab: sentence, movement, per-tab and per-section tables, overdue list and chart. */
import { a1 } from "./address";
import { formatDay } from "./day-text";
import type { Movement, PlanResult, Summary } from "./model";
import type { CellValue } from "./grid";
import type { CommitteeReport } from "./report";
import { workbookSentence } from "./summary";
import { SHORT_MONTH_NAMES } from "./month-names";
import type { SummarySheetWrite } from "./writes";

/** The count columns' headers, in the summary tab's order; the portfolio report names them the same. */
export const RATING_COUNT_HEADERS: readonly string[] = ["Blue", "Green", "Amber", "Red", "Not rated"];
export const STATUS_COUNT_HEADERS: readonly string[] = [
  "Complete",
  "Overdue",
  "Due soon",
  "On track",
  "Ongoing",
  "No deadline",
  "% complete",
];
const COUNT_HEADERS = [...RATING_COUNT_HEADERS, "Actions", ...STATUS_COUNT_HEADERS];

function counts(s: Summary): CellValue[] {
  return [
    s.rag.blue,
    s.rag.green,
    s.rag.amber,
    s.rag.red,
    s.rag.none,
    s.actions,
    s.status.complete,
    s.status.overdue,
    s.status["due-soon"],
    s.status["on-track"],
    s.status.ongoing,
    s.status["no-deadline"],
    s.percentComplete,
  ];
}

/** Width of every count column, in characters: the longest header ("No deadline", "Days overdue") and a margin. */
const COUNT_WIDTH = 13;
/** Column A is sized to fit every tab and "tab: section" name (within NAME_MIN..NAME_MAX) and the first
 * ACTION_SHOWN characters of an overdue action's "tab, row N: action" link (the plan holds the rest). */
const NAME_MIN = 24;
const NAME_MAX = 80;
const ACTION_SHOWN = 50;
/** Rows kept free under the per-tab table for the chart, and the columns it spans. */
const CHART_ROWS = 16;
const CHART_COLUMNS = 7;

/** "30 Nov 2021": a due date that fits a count column. */
function shortDay(date: string): string {
  const [y, m, d] = date.split("-").map(Number);
  return `${d} ${SHORT_MONTH_NAMES[m - 1]} ${y}`;
}

/**
 * The Progress Summary tab. Layout (so that every column fits what it holds, and no table's long
 * text lands in another's number column): column A holds every name (tab; "tab: section";
 * "tab, row N: action", linked), sized to the longest within NAME_MIN..NAME_MAX; columns B onwards
 * hold only counts, days and short dates, all COUNT_WIDTH wide; the owner is the overdue table's
 * last column, so a long owner runs on into the empty cells to its right. The chart (a stacked bar
 * of ratings per tab) sits directly under the per-tab table, in rows kept free for it, near the
 * top-left where it is seen without scrolling. Sections are listed only for tabs that have named
 * sections (a tab without them would repeat its per-tab row).
 */
/** The tab Summarise progress writes (its default name: the one place it is spelt). */
export const SUMMARY_SHEET = "Progress Summary";

export function planSummarySheet(
  result: PlanResult,
  movement: Movement | null,
  sheetName = SUMMARY_SHEET,
  report?: Pick<CommitteeReport, "title" | "sentences"> | null,
): SummarySheetWrite {
  const rows: CellValue[][] = [];
  const boldRows: number[] = [];
  const headerRows: number[] = [];
  const links: SummarySheetWrite["links"] = [];
  const names: string[] = [];
  const push = (row: CellValue[], style?: "bold" | "header"): number => {
    rows.push(row);
    const n = rows.length;
    if (style === "bold") boldRows.push(n);
    if (style === "header") {
      headerRows.push(n);
      boldRows.push(n);
    }
    return n;
  };
  const named = (row: CellValue[], style?: "bold" | "header"): number => {
    if (typeof row[0] === "string") names.push(row[0]);
    return push(row, style);
  };

  push([report?.title ?? "Service Development Plan: progress summary"], "bold");
  push([
    `As of ${formatDay(result.asOf)}${result.planYear ? ` (plan year ${formatDay(result.planYear.start)} to ${formatDay(result.planYear.end)})` : ""}`,
  ]);
  // One short sentence a row: each reads without running far past the window's edge.
  for (const sentence of report?.sentences ?? [workbookSentence(result.summary, movement)]) push([sentence]);
  push([]);

  if (movement) {
    push([`Since the last review (${formatDay(movement.since)})`], "bold");
    const lines = movementLines(movement);
    if (!lines.length) push(["No ratings or statuses have changed."]);
    for (const l of lines) push([l]);
    push([]);
  }

  push(["By tab"], "bold");
  const tabHeader = named(["Tab", ...COUNT_HEADERS], "header");
  for (const s of result.sheets) named([s.name, ...counts(s.summary)]);
  const lastTab = rows.length;
  named(["Whole plan", ...counts(result.summary)], "bold");
  let chart: SummarySheetWrite["chart"] = null;
  if (result.sheets.length > 0) {
    const top = rows.length + 2;
    chart = {
      title: "Ratings by tab",
      range: `A${tabHeader}:F${lastTab}`,
      anchorCell: a1(top, 1),
      endCell: a1(top + CHART_ROWS - 1, CHART_COLUMNS),
    };
    for (let i = 0; i < CHART_ROWS + 1; i++) push([]);
  }
  push([]);

  const sectioned = result.sheets.filter((s) => s.sections.some((x) => x.name !== null));
  if (sectioned.length) {
    push(["By section"], "bold");
    named(["Tab: section", ...COUNT_HEADERS], "header");
    for (const s of sectioned) {
      for (const section of s.sections)
        named([`${s.name}: ${section.name ?? "(before the first section)"}`, ...counts(section.summary)]);
    }
    push([]);
  }

  push(["Overdue actions (oldest first)"], "bold");
  push(["Tab, row: action", "Days overdue", "Due", "Owner"], "header");
  if (!result.summary.overdue.length) push(["None."]);
  for (const o of result.summary.overdue) {
    const text = `${o.sheet}, row ${o.row}: ${o.action}`;
    const n = push([text, o.daysOverdue, shortDay(o.due), o.owner]);
    names.push(text.slice(0, ACTION_SHOWN));
    links.push({ row: n, col: 1, target: o.cell, text });
  }

  const nameWidth = Math.min(NAME_MAX, Math.max(NAME_MIN, ...names.map((x) => x.length + 2)));
  return {
    kind: "summary-sheet",
    sheet: sheetName,
    rows,
    boldRows,
    headerRows,
    links,
    columnWidths: [nameWidth, ...COUNT_HEADERS.map(() => COUNT_WIDTH)],
    chart,
  };
}

function movementLines(m: Movement): string[] {
  const where = (x: { sheet: string; row: number; action: string }): string =>
    `${x.sheet} row ${x.row}: ${x.action}`;
  return [
    ...m.ratingChanges.map((c) => `Rating ${c.from ?? "not rated"} → ${c.to ?? "not rated"}: ${where(c)}`),
    ...m.newlyOverdue.map((x) => `Now overdue: ${where(x)}`),
    ...m.completed.map((x) => `Completed: ${where(x)}`),
    ...m.added.map((x) => `Added: ${where(x)}`),
    ...m.removed.map((x) => `Removed: ${where(x)}`),
  ];
}
