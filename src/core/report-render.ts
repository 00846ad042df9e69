/**
 * The committee report (./report) as plain text, markdown and HTML: the paragraph, a small RAG
 * table per tab and the needs-attention table. Pure strings, so the pane's "Copy for report" and
 * the CLI's `--format` can share them. The HTML is a fragment with inline styles only (what Word
 * and Outlook keep when pasting), every text escaped.
 */
import { RATINGS, type Rating } from "./model";
import type { CommitteeReport, TabRow } from "./report";

const RAG_KEYS: (Rating | "none")[] = [...RATINGS, "none"];

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** The RAG table's header and rows as text cells (the per-tab rows, then the whole plan). */
function ragTable(report: CommitteeReport): { header: string[]; rows: string[][] } {
  const header = ["Tab", ...RAG_KEYS.map((k) => capital(report.words[k])), "Actions", "Complete", "Overdue"];
  const row = (t: TabRow): string[] => [
    t.name,
    ...RAG_KEYS.map((k) => String(t.rag[k])),
    String(t.actions),
    String(t.complete),
    String(t.overdue),
  ];
  return { header, rows: [...report.tabs.map(row), row(report.total)] };
}

function attentionTable(report: CommitteeReport): { header: string[]; rows: string[][] } {
  return {
    header: ["Action", "Tab, row", "Owner", "Why", "Due", "Latest comment"],
    rows: report.attention.map((a) => [
      a.action,
      `${a.sheet}, row ${a.row}`,
      a.owner,
      a.why,
      a.due,
      a.comment,
    ]),
  };
}

function moreLine(report: CommitteeReport): string | null {
  return report.attentionMore > 0
    ? `…and ${report.attentionMore} more (all are listed in the Progress Summary tab).`
    : null;
}

/** Plain text: the paragraph, then the tables with tab-separated cells (pasting into Excel keeps the columns). */
export function reportText(report: CommitteeReport): string {
  const lines = [report.title, "", report.paragraph, "", "Ratings by tab"];
  const rag = ragTable(report);
  for (const r of [rag.header, ...rag.rows]) lines.push(r.join("\t"));
  if (report.attention.length) {
    lines.push("", "Needs attention");
    const at = attentionTable(report);
    for (const r of [at.header, ...at.rows]) lines.push(r.join("\t"));
    const more = moreLine(report);
    if (more) lines.push(more);
  }
  return `${lines.join("\n")}\n`;
}

function mdCell(s: string): string {
  return s.replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
}

function mdTable(t: { header: string[]; rows: string[][] }): string[] {
  const line = (r: string[]) => `| ${r.map(mdCell).join(" | ")} |`;
  return [line(t.header), `|${t.header.map(() => " --- ").join("|")}|`, ...t.rows.map(line)];
}

export function reportMarkdown(report: CommitteeReport): string {
  const lines = [`## ${mdCell(report.title)}`, "", report.paragraph, "", "### Ratings by tab", ""];
  lines.push(...mdTable(ragTable(report)));
  if (report.attention.length) {
    lines.push("", "### Needs attention", "", ...mdTable(attentionTable(report)));
    const more = moreLine(report);
    if (more) lines.push("", more);
  }
  return `${lines.join("\n")}\n`;
}

function escapeHtml(s: string): string {
  return s
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

const CELL = "border:1px solid #8a8a8a;padding:2px 6px;vertical-align:top;";
const TABLE = "border-collapse:collapse;font-family:Calibri,Arial,sans-serif;font-size:10pt;";

function htmlTable(
  caption: string,
  t: { header: string[]; rows: string[][] },
  numeric: (i: number) => boolean,
) {
  const head = t.header.map(
    (h) => `<th style="${CELL}text-align:left;background:#d9e1f2;">${escapeHtml(h)}</th>`,
  );
  const body = t.rows.map(
    (r) =>
      `<tr>${r.map((c, i) => `<td style="${CELL}${numeric(i) ? "text-align:right;" : ""}">${escapeHtml(c)}</td>`).join("")}</tr>`,
  );
  return [
    `<table style="${TABLE}">`,
    `<caption style="text-align:left;font-weight:bold;">${escapeHtml(caption)}</caption>`,
    `<thead><tr>${head.join("")}</tr></thead>`,
    `<tbody>${body.join("")}</tbody>`,
    "</table>",
  ].join("");
}

/** An HTML fragment: heading, paragraph and the two tables (for the clipboard's text/html, or a report page). */
export function reportHtml(report: CommitteeReport): string {
  const parts = [
    `<h3 style="font-family:Calibri,Arial,sans-serif;">${escapeHtml(report.title)}</h3>`,
    `<p style="font-family:Calibri,Arial,sans-serif;">${escapeHtml(report.paragraph)}</p>`,
    htmlTable("Ratings by tab", ragTable(report), (i) => i > 0),
  ];
  if (report.attention.length) {
    parts.push(
      "<p></p>",
      htmlTable("Needs attention", attentionTable(report), () => false),
    );
    const more = moreLine(report);
    if (more) parts.push(`<p style="font-family:Calibri,Arial,sans-serif;">${escapeHtml(more)}</p>`);
  }
  return parts.join("\n");
}
