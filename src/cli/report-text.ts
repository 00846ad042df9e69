/**
 * The readable report: as-of date and plan year; per tab its counts, its sentence, its
 * overdue actions and its findings by severity; the workbook sentence last. ANSI styling
 * only when asked (stdout is a terminal); otherwise plain text.
 */
// formatDay, remembered per day (a report names the same few due dates many times)
import { formatDay } from "../core/day-text";
import type { Finding, PlanResult, Severity, SheetResult, Summary } from "../core/model";

export interface TextReportOptions {
  file: string;
  colour: boolean;
  settingsProblem: string | null;
}

const SEVERITIES: { severity: Severity; title: string; ansi: string }[] = [
  { severity: "error", title: "Errors", ansi: "31" },
  { severity: "warning", title: "Warnings", ansi: "33" },
  { severity: "info", title: "For information", ansi: "36" },
];

type Paint = (text: string, ansi: string) => string;

function painter(colour: boolean): Paint {
  return colour ? (text, ansi) => `\u001b[${ansi}m${text}\u001b[0m` : (text) => text;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function short(text: string, max = 70): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** "38 actions: 7 blue, 9 green, 6 amber, 4 red, 12 not rated; 9 complete, 14 overdue, …; 24% complete" */
export function countsLine(s: Summary): string {
  const rag = `${s.rag.blue} blue, ${s.rag.green} green, ${s.rag.amber} amber, ${s.rag.red} red, ${s.rag.none} not rated`;
  const st = s.status;
  const status =
    `${st.complete} complete, ${st.overdue} overdue, ${st["due-soon"]} due soon, ${st["on-track"]} on track, ` +
    `${st.ongoing} ongoing, ${st["no-deadline"]} with no deadline`;
  return `${plural(s.actions, "action")}: ${rag}; ${status}; ${s.percentComplete}% complete`;
}

function overdueLines(s: Summary, paint: Paint): string[] {
  if (s.overdue.length === 0) return [];
  const lines = [paint(`Overdue (${s.overdue.length}):`, "1;31")];
  for (const o of s.overdue) {
    const owner = o.owner.trim() === "" ? "no owner" : `owner ${short(o.owner, 40)}`;
    lines.push(
      `  ${o.cell}  ${plural(o.daysOverdue, "day")} overdue (due ${formatDay(o.due)}), ${owner}: ${short(o.action)}`,
    );
  }
  return lines;
}

function findingLines(findings: Finding[], paint: Paint): string[] {
  const lines: string[] = [];
  for (const { severity, title, ansi } of SEVERITIES) {
    const group = findings.filter((f) => f.severity === severity);
    if (group.length === 0) continue;
    lines.push(paint(`${title} (${group.length}):`, `1;${ansi}`));
    for (const f of group) lines.push(`  ${f.cell}  ${f.message}`);
  }
  return lines;
}

function sheetLines(sheet: SheetResult, paint: Paint): string[] {
  return [
    "",
    paint(`== ${sheet.name} ==`, "1"),
    countsLine(sheet.summary),
    sheet.summary.sentence,
    ...overdueLines(sheet.summary, paint),
    ...findingLines(sheet.findings, paint),
  ];
}

function headerLines(result: PlanResult, options: TextReportOptions): string[] {
  const lines = [`SDP check of ${options.file}`];
  lines.push(
    `As of ${formatDay(result.asOf)} (${result.asOf}); due soon = within ${plural(result.dueSoonDays, "day")}.`,
  );
  if (result.planYear) {
    const { start, end } = result.planYear;
    lines.push(
      `Plan year ${start.slice(0, 4)}-${end.slice(2, 4)} (${formatDay(start)} to ${formatDay(end)}).`,
    );
  } else {
    lines.push(
      "Plan year: not found in the title rows (months without a year are read in the as-of date's financial year).",
    );
  }
  if (result.reviewDate && result.reviewDate !== result.asOf) {
    lines.push(
      `The plan's review date is ${formatDay(result.reviewDate)}: use --as-of ${result.reviewDate} to check it as of then.`,
    );
  }
  if (result.skippedSheets.length > 0)
    lines.push(`Tabs not checked (hidden or no plan table): ${result.skippedSheets.join(", ")}.`);
  for (const name of result.unnamedSheets ?? [])
    lines.push(
      `No plan table found on ${name}: name its columns (column-role overrides in the add-in's Settings).`,
    );
  if (options.settingsProblem)
    lines.push(`The settings stored in the workbook were not used: ${options.settingsProblem}`);
  return lines;
}

/** The readable report's lines (each without its line break). */
export function renderTextLines(result: PlanResult, options: TextReportOptions): string[] {
  const paint = painter(options.colour);
  const lines = headerLines(result, options);
  if (result.sheets.length === 0)
    lines.push(
      "",
      "No plan tables were found: no tab has a header row naming Why? / Who? / Does what? / By when? columns.",
    );
  for (const sheet of result.sheets) for (const line of sheetLines(sheet, paint)) lines.push(line);
  lines.push("", paint("== Whole workbook ==", "1"), countsLine(result.summary), result.summary.sentence);
  const f = result.summary.findings;
  lines.push(
    `Findings: ${plural(f.error, "error")}, ${plural(f.warning, "warning")}, ${f.info} for information.`,
  );
  return lines;
}

/** The readable report: its lines, each ended by a line break. */
export function renderText(result: PlanResult, options: TextReportOptions): string {
  return `${renderTextLines(result, options).join("\n")}\n`;
}
