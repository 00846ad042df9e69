/** The "Progress Summary" tab: sentence, movement, per-tab and per-section tables, overdue list and chart. */
import { a1 } from "./address";
import { dayName as formatDay } from "./day-names";
import type { Movement, PlanResult, Summary } from "./model";
import type { CellValue } from "./grid";
import { workbookSentence } from "./summary";
import type { SummarySheetWrite } from "./writes";

const COUNT_HEADERS = [
  "Blue",
  "Green",
  "Amber",
  "Red",
  "Not rated",
  "Actions",
  "Complete",
  "Overdue",
  "Due soon",
  "On track",
  "Ongoing",
  "No deadline",
  "% complete",
];

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

export function planSummarySheet(
  result: PlanResult,
  movement: Movement | null,
  sheetName = "Progress Summary",
): SummarySheetWrite {
  const rows: CellValue[][] = [];
  const boldRows: number[] = [];
  const headerRows: number[] = [];
  const links: SummarySheetWrite["links"] = [];
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

  push(["Service Development Plan: progress summary"], "bold");
  push([
    `As of ${formatDay(result.asOf)}${result.planYear ? ` (plan year ${formatDay(result.planYear.start)} to ${formatDay(result.planYear.end)})` : ""}`,
  ]);
  push([workbookSentence(result.summary, movement)]);
  push([]);

  if (movement) {
    push([`Since the last review (${formatDay(movement.since)})`], "bold");
    const lines = movementLines(movement);
    if (!lines.length) push(["No ratings or statuses have changed."]);
    for (const l of lines) push([l]);
    push([]);
  }

  push(["By tab"], "bold");
  const tabHeader = push(["Tab", ...COUNT_HEADERS], "header");
  for (const s of result.sheets) push([s.name, ...counts(s.summary)]);
  const lastTab = rows.length;
  push(["Whole plan", ...counts(result.summary)], "bold");
  const chart =
    result.sheets.length > 0
      ? {
          title: "Ratings by tab",
          range: `A${tabHeader}:F${lastTab}`,
          anchorCell: a1(tabHeader, COUNT_HEADERS.length + 3),
        }
      : null;
  push([]);

  push(["By section"], "bold");
  push(["Tab", "Section", ...COUNT_HEADERS], "header");
  for (const s of result.sheets) {
    for (const section of s.sections)
      push([s.name, section.name ?? "(no section)", ...counts(section.summary)]);
  }
  push([]);

  push(["Overdue actions (oldest first)"], "bold");
  push(["Tab", "Row", "Action", "Owner", "Due", "Days overdue"], "header");
  if (!result.summary.overdue.length) push(["None."]);
  for (const o of result.summary.overdue) {
    const n = push([
      o.sheet,
      o.row,
      o.action,
      o.owner,
      o.dueText.trim() ? `${o.dueText.trim()} (${formatDay(o.due)})` : formatDay(o.due),
      o.daysOverdue,
    ]);
    links.push({ row: n, col: 3, target: o.cell, text: o.action });
  }

  return {
    kind: "summary-sheet",
    sheet: sheetName,
    rows,
    boldRows,
    headerRows,
    links,
    columnWidths: [28, 24, 60, 24, 24, 14, 10, 10, 10, 10, 10, 10, 12, 11],
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
