/**
 * The batch's report as Markdown (--format markdown), to paste into a paper or a wiki: the
 * portfolio's sentence, a table of every plan with the total, the overdue actions across the
 * plans oldest first, who owes what, and each plan's own sentence.
 */
import { formatDay } from "../core/day-text";
import { RATING_COUNT_HEADERS, STATUS_COUNT_HEADERS } from "../core/summary-sheet";
import type { Portfolio } from "./portfolio-model";
import { asOfLine, readLine } from "./portfolio-text";

/** A table cell: one line, pipes escaped, Markdown's own characters left as written. */
function cell(text: string | number): string {
  return String(text).replace(/\s+/g, " ").trim().replace(/\\/g, "\\\\").replace(/\|/g, "\\|");
}

/** A Markdown table; a column whose cells are all numbers (or empty) is right-aligned. */
function table(header: string[], rows: (string | number)[][]): string[] {
  const numeric = header.map((_, i) => rows.every((r) => typeof r[i] === "number" || r[i] === ""));
  return [
    `| ${header.map(cell).join(" | ")} |`,
    `|${numeric.map((n) => (n ? " ---: " : " --- ")).join("|")}|`,
    ...rows.map((r) => `| ${r.map(cell).join(" | ")} |`),
  ];
}

/** The summary tab's count headers (src/core/summary-sheet.ts), actions first, then the findings. */
export const COUNT_HEADER: readonly string[] = [
  "Actions",
  ...RATING_COUNT_HEADERS,
  ...STATUS_COUNT_HEADERS,
  "Errors",
  "Warnings",
];

export interface CountsLike {
  actions: number;
  rag: Record<"blue" | "green" | "amber" | "red" | "none", number>;
  status: Record<"complete" | "overdue" | "due-soon" | "on-track" | "ongoing" | "no-deadline", number>;
  percentComplete: number;
  findings: Record<"error" | "warning" | "info", number>;
}

export function countCells(s: CountsLike): number[] {
  return [
    s.actions,
    s.rag.blue,
    s.rag.green,
    s.rag.amber,
    s.rag.red,
    s.rag.none,
    s.status.complete,
    s.status.overdue,
    s.status["due-soon"],
    s.status["on-track"],
    s.status.ongoing,
    s.status["no-deadline"],
    s.percentComplete,
    s.findings.error,
    s.findings.warning,
  ];
}

export function renderPortfolioMarkdown(p: Portfolio): string {
  const s = p.summary;
  const lines = [
    "# SDP check: portfolio of plans",
    "",
    `${readLine(p)} ${asOfLine(p)}`,
    "",
    `> ${s.sentence}`,
    "",
  ];
  lines.push("## Plans", "");
  const rows: (string | number)[][] = [];
  for (const o of p.outcomes)
    rows.push(
      o.document === null
        ? [`${o.file} (not read)`, ...COUNT_HEADER.map(() => "")]
        : [o.file, ...countCells(o.document.summary)],
    );
  rows.push(["**All plans**", ...countCells(s)]);
  lines.push(...table(["Workbook", ...COUNT_HEADER], rows), "");
  const unread = p.outcomes.filter((o) => o.document === null);
  if (unread.length) {
    lines.push("Not read:", "");
    for (const o of unread) lines.push(`- ${cell(o.error ?? "")}`);
    lines.push("");
  }
  lines.push(`## Overdue across the plans (${s.overdue.length})`, "");
  if (s.overdue.length === 0) lines.push("No action is overdue.", "");
  else
    lines.push(
      ...table(
        ["Due", "Days overdue", "Workbook", "Cell", "Owner", "Action"],
        s.overdue.map((o) => [
          formatDay(o.due),
          o.daysOverdue,
          o.workbook,
          o.cell,
          o.owner || "no owner",
          o.action,
        ]),
      ),
      "",
    );
  lines.push("## Who owes what", "");
  const ownerRows: (string | number)[][] = p.owners.owners.map((o) => [
    o.owner,
    o.actions,
    o.open,
    o.overdue,
    o.dueSoon,
    o.workbooks.join(", "),
    o.spellings.filter((x) => x !== o.owner).join(", "),
  ]);
  const n = p.owners.noOwner;
  if (n.actions) ownerRows.push(["*No owner*", n.actions, n.open, n.overdue, "", "", ""]);
  if (ownerRows.length === 0) lines.push("No actions.", "");
  else
    lines.push(
      ...table(["Owner", "Actions", "Open", "Overdue", "Due soon", "Plans", "Also written"], ownerRows),
      "",
    );
  lines.push("## Each plan", "");
  for (const o of p.outcomes)
    lines.push(
      `- **${cell(o.file)}**: ${cell(o.document === null ? `not read (${o.error})` : o.document.summary.sentence)}`,
    );
  return `${lines.join("\n")}\n`;
}
