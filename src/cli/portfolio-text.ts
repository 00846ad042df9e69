/**
 * The readable report of a batch (--format text, the default): per workbook the counts and the
 * sentence its own report ends with (or why it was not read), then the portfolio: the counts
 * across every plan read, the overdue actions of every plan oldest first (workbook, cell),
 * who owes what, and the portfolio's committee sentence last.
 */
import { formatDay } from "../core/day-text";
import type { Summary } from "../core/model";
import type { Portfolio } from "./portfolio-model";
import { countsLine } from "./report-text";

export interface PortfolioTextOptions {
  colour: boolean;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function short(text: string, max = 70): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

function findingsLine(f: Summary["findings"]): string {
  return `Findings: ${plural(f.error, "error")}, ${plural(f.warning, "warning")}, ${f.info} for information.`;
}

/** "2 of 3 workbooks read (1 could not be read)" */
export function readLine(p: Portfolio): string {
  const { read, unread } = p.summary.workbooks;
  const total = read + unread;
  return unread === 0
    ? `${plural(total, "workbook")} read.`
    : `${read} of ${plural(total, "workbook")} read; ${unread} could not be read.`;
}

export function asOfLine(p: Portfolio): string {
  return p.asOf
    ? `As of ${formatDay(p.asOf)} (${p.asOf}).`
    : "As of each plan's own date (the plans store different as-of dates; use --as-of to judge them all on one day).";
}

/** "Head of Service: 12 actions, 9 open, 3 overdue, 1 due soon; in 2 plans (written HOS, HoS)" */
function ownerLine(o: Portfolio["owners"]["owners"][number]): string {
  const parts = [plural(o.actions, "action"), `${o.open} open`];
  if (o.overdue) parts.push(`${o.overdue} overdue`);
  if (o.dueSoon) parts.push(`${o.dueSoon} due soon`);
  const others = o.spellings.filter((s) => s !== o.owner);
  const spelt = others.length ? ` (written ${others.join(", ")})` : "";
  return `${o.owner}: ${parts.join(", ")}; in ${plural(o.workbooks.length, "plan")}${spelt}`;
}

function noOwnerLine(p: Portfolio): string | null {
  const n = p.owners.noOwner;
  if (n.actions === 0) return null;
  return `No owner: ${plural(n.actions, "action")}, ${n.open} open${n.overdue ? `, ${n.overdue} overdue` : ""}`;
}

export function renderPortfolioText(p: Portfolio, options: PortfolioTextOptions): string {
  const paint = options.colour
    ? (text: string, ansi: string) => `\u001b[${ansi}m${text}\u001b[0m`
    : (text: string) => text;
  const lines = [`SDP check of ${plural(p.outcomes.length, "workbook")}`, readLine(p), asOfLine(p)];
  for (const o of p.outcomes) {
    lines.push("", paint(`== ${o.file} ==`, "1"));
    if (o.document === null) {
      lines.push(paint(`Not read: ${o.error}`, "1;31"));
      continue;
    }
    const d = o.document;
    if (!p.asOf || d.asOf !== p.asOf) lines.push(`As of ${formatDay(d.asOf)} (${d.asOf}).`);
    if (d.settingsProblem)
      lines.push(`The settings stored in the workbook were not used: ${d.settingsProblem}`);
    lines.push(countsLine(d.summary), d.summary.sentence, findingsLine(d.summary.findings));
  }
  const s = p.summary;
  lines.push("", paint(`== Portfolio: ${plural(s.workbooks.read, "plan")} ==`, "1"));
  lines.push(countsLine({ ...s, overdue: [] }), findingsLine(s.findings));
  if (s.overdue.length > 0) {
    lines.push(paint(`Overdue across the plans (${s.overdue.length}), oldest first:`, "1;31"));
    for (const o of s.overdue) {
      const owner = o.owner.trim() === "" ? "no owner" : `owner ${short(o.owner, 40)}`;
      lines.push(
        `  ${o.workbook}  ${o.cell}  ${plural(o.daysOverdue, "day")} overdue (due ${formatDay(o.due)}), ${owner}: ${short(o.action)}`,
      );
    }
  }
  if (p.owners.owners.length > 0 || p.owners.noOwner.actions > 0) {
    lines.push(paint("Who owes what (owners across the plans, most overdue first):", "1"));
    for (const o of p.owners.owners) lines.push(`  ${ownerLine(o)}`);
    const none = noOwnerLine(p);
    if (none) lines.push(`  ${none}`);
  }
  lines.push("", s.sentence);
  return `${lines.join("\n")}\n`;
}
