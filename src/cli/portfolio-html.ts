/**
 * The batch's report as ONE self-contained HTML page (--format html), for a manager to open in a
 * browser or attach to a committee paper: inline CSS, inline SVG charts, no script, no image, no
 * font, nothing fetched. Its Content-Security-Policy (a meta tag) allows nothing but its own one
 * style element (by hash), so even a copy with something injected into it fetches and runs
 * nothing. Every number a chart shows is also in a table beside it, and every colour has its word.
 */
import { createHash } from "node:crypto";
import { formatDay } from "../core/day-text";
import { RATING_PALETTE, STATUS_PALETTE } from "../core/palette";
import type { Portfolio } from "./portfolio-model";
import { COUNT_HEADER, countCells, type CountsLike } from "./portfolio-markdown";
import { asOfLine, readLine } from "./portfolio-text";

function esc(text: string | number): string {
  return String(text)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

const NONE = { fill: "#D9D9D9", font: "#000000" };

const RATING_BARS: { key: keyof CountsLike["rag"]; label: string; fill: string }[] = [
  { key: "blue", label: "Blue", fill: RATING_PALETTE.blue.fill },
  { key: "green", label: "Green", fill: RATING_PALETTE.green.fill },
  { key: "amber", label: "Amber", fill: RATING_PALETTE.amber.fill },
  { key: "red", label: "Red", fill: RATING_PALETTE.red.fill },
  { key: "none", label: "Not rated", fill: NONE.fill },
];

const STATUS_BARS: { key: keyof CountsLike["status"]; label: string; fill: string }[] = [
  { key: "complete", label: "Complete", fill: RATING_PALETTE.blue.fill },
  { key: "overdue", label: "Overdue", fill: RATING_PALETTE.red.fill },
  { key: "due-soon", label: "Due soon", fill: RATING_PALETTE.amber.fill },
  { key: "on-track", label: "On track", fill: RATING_PALETTE.green.fill },
  { key: "ongoing", label: "Ongoing", fill: "#56B4E9" },
  { key: "no-deadline", label: "No deadline", fill: NONE.fill },
];

const CSS = `
:root { color: #1b1b1b; background: #ffffff; font-family: "Segoe UI", Arial, sans-serif; }
body { margin: 2rem auto; max-width: 68rem; padding: 0 1rem; line-height: 1.45; }
h1 { font-size: 1.6rem; margin-bottom: 0.25rem; }
h2 { font-size: 1.25rem; margin-top: 2rem; border-bottom: 2px solid #1b1b1b; }
.lead { font-size: 1.15rem; border-left: 6px solid ${RATING_PALETTE.blue.fill}; padding: 0.5rem 1rem; background: #f2f2f2; }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1rem; font-size: 0.9rem; }
caption { text-align: left; font-weight: 600; padding: 0.25rem 0; }
th, td { border: 1px solid #8a8a8a; padding: 0.25rem 0.4rem; vertical-align: top; }
th { background: #e8e8e8; text-align: left; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
tr.total th, tr.total td { font-weight: 700; border-top: 2px solid #1b1b1b; }
.unread { color: #7a1f00; }
.overdue-days { color: ${STATUS_PALETTE.overdue.font}; font-weight: 600; }
figure { margin: 0.5rem 0 1.5rem; }
figcaption { font-weight: 600; margin-bottom: 0.25rem; }
.legend { list-style: none; padding: 0; margin: 0.25rem 0; display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; }
.swatch { display: inline-block; width: 0.9rem; height: 0.9rem; border: 1px solid #1b1b1b; margin-right: 0.3rem; vertical-align: -0.1rem; }
${[
  ...RATING_BARS.map((b) => [`r-${b.key}`, b.fill] as const),
  ...STATUS_BARS.map((b) => [`s-${b.key}`, b.fill] as const),
]
  .map(([cls, fill]) => `.swatch.${cls} { background: ${fill}; }`)
  .join("\n")}
footer { margin-top: 2rem; font-size: 0.85rem; color: #4a4a4a; }
@media print { body { margin: 0; max-width: none; } h2 { break-after: avoid; } tr { break-inside: avoid; } }
`;

/** One horizontal stacked bar per plan (and one for all plans), widths in proportion to the counts. */
function stackedChart(
  id: string,
  title: string,
  rows: { label: string; counts: Record<string, number>; total: number }[],
  bars: { key: string; label: string; fill: string }[],
  prefix: string,
): string {
  const labelW = 260;
  const barW = 560;
  const rowH = 26;
  const height = rows.length * rowH + 8;
  const width = labelW + barW + 70;
  const parts: string[] = [];
  rows.forEach((row, i) => {
    const y = 4 + i * rowH;
    const label = row.label.length > 38 ? `…${row.label.slice(-37)}` : row.label;
    parts.push(
      `<text x="${labelW - 8}" y="${y + 16}" text-anchor="end" font-size="12" fill="#1b1b1b">${esc(label)}</text>`,
    );
    let x = labelW;
    for (const b of bars) {
      const n = row.counts[b.key] ?? 0;
      if (n === 0 || row.total === 0) continue;
      const w = (barW * n) / row.total;
      parts.push(
        `<rect x="${x.toFixed(2)}" y="${y}" width="${w.toFixed(2)}" height="${rowH - 6}" fill="${b.fill}" stroke="#ffffff" stroke-width="1"><title>${esc(`${row.label}: ${n} ${b.label.toLowerCase()}`)}</title></rect>`,
      );
      x += w;
    }
    if (row.total === 0)
      parts.push(
        `<rect x="${labelW}" y="${y}" width="${barW}" height="${rowH - 6}" fill="none" stroke="#8a8a8a" stroke-dasharray="4 3"/>`,
      );
    parts.push(
      `<text x="${labelW + barW + 8}" y="${y + 16}" font-size="12" fill="#1b1b1b">${row.total}</text>`,
    );
  });
  const summary = rows
    .map(
      (r) => `${r.label}: ${bars.map((b) => `${r.counts[b.key] ?? 0} ${b.label.toLowerCase()}`).join(", ")}`,
    )
    .join("; ");
  return `<figure aria-labelledby="${id}-cap">
<figcaption id="${id}-cap">${esc(title)}</figcaption>
<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${esc(`${title}. ${summary}.`)}" viewBox="0 0 ${width} ${height}" width="100%" preserveAspectRatio="xMinYMin meet">
${parts.join("\n")}
</svg>
<ul class="legend">${bars.map((b) => `<li><span class="swatch ${prefix}-${b.key}"></span>${esc(b.label)}</li>`).join("")}</ul>
</figure>`;
}

function countsTable(p: Portfolio): string {
  const head = `<tr><th scope="col">Workbook</th>${COUNT_HEADER.map((h) => `<th scope="col">${esc(h)}</th>`).join("")}</tr>`;
  const rows = p.outcomes.map((o) =>
    o.document === null
      ? `<tr><th scope="row">${esc(o.file)}</th><td class="unread" colspan="${COUNT_HEADER.length}">Not read: ${esc(o.error ?? "")}</td></tr>`
      : `<tr><th scope="row">${esc(o.file)}</th>${countCells(o.document.summary)
          .map((n) => `<td class="n">${n}</td>`)
          .join("")}</tr>`,
  );
  rows.push(
    `<tr class="total"><th scope="row">All plans</th>${countCells(p.summary)
      .map((n) => `<td class="n">${n}</td>`)
      .join("")}</tr>`,
  );
  return `<table><caption>Actions, ratings, statuses and findings by plan</caption><thead>${head}</thead><tbody>${rows.join("\n")}</tbody></table>`;
}

function overdueTable(p: Portfolio): string {
  const o = p.summary.overdue;
  if (o.length === 0) return "<p>No action is overdue.</p>";
  const rows = o.map(
    (x) =>
      `<tr><td>${esc(formatDay(x.due))}</td><td class="n overdue-days">${x.daysOverdue}</td><td>${esc(x.workbook)}</td><td>${esc(x.cell)}</td><td>${esc(x.owner.trim() || "no owner")}</td><td>${esc(x.action)}</td></tr>`,
  );
  return `<table><caption>Overdue actions across the plans, oldest first</caption><thead><tr><th scope="col">Due</th><th scope="col">Days overdue</th><th scope="col">Workbook</th><th scope="col">Cell</th><th scope="col">Owner</th><th scope="col">Action</th></tr></thead><tbody>${rows.join("\n")}</tbody></table>`;
}

function ownersTable(p: Portfolio): string {
  const rows = p.owners.owners.map(
    (o) =>
      `<tr><th scope="row">${esc(o.owner)}</th><td class="n">${o.actions}</td><td class="n">${o.open}</td><td class="n">${o.overdue}</td><td class="n">${o.dueSoon}</td><td>${esc(o.workbooks.join(", "))}</td><td>${esc(o.spellings.filter((s) => s !== o.owner).join(", "))}</td></tr>`,
  );
  const n = p.owners.noOwner;
  if (n.actions)
    rows.push(
      `<tr><th scope="row">No owner</th><td class="n">${n.actions}</td><td class="n">${n.open}</td><td class="n">${n.overdue}</td><td class="n"></td><td></td><td></td></tr>`,
    );
  if (rows.length === 0) return "<p>No actions.</p>";
  return `<table><caption>Who owes what: owners across the plans, most overdue first (a cell naming several owners counts under each)</caption><thead><tr><th scope="col">Owner</th><th scope="col">Actions</th><th scope="col">Open</th><th scope="col">Overdue</th><th scope="col">Due soon</th><th scope="col">Plans</th><th scope="col">Also written</th></tr></thead><tbody>${rows.join("\n")}</tbody></table>`;
}

export function renderPortfolioHtml(p: Portfolio): string {
  const s = p.summary;
  const read = p.outcomes.flatMap((o) => (o.document === null ? [] : [{ file: o.file, d: o.document }]));
  const chartRows = (pick: (c: CountsLike) => Record<string, number>) => [
    ...read.map(({ file, d }) => ({ label: file, counts: pick(d.summary), total: d.summary.actions })),
    { label: "All plans", counts: pick(s), total: s.actions },
  ];
  const style = CSS.trim();
  const hash = createHash("sha256").update(style, "utf8").digest("base64");
  const csp = `default-src 'none'; style-src 'sha256-${hash}'; img-src 'none'; base-uri 'none'; form-action 'none'`;
  const plans = p.outcomes
    .map((o) =>
      o.document === null
        ? `<li><strong>${esc(o.file)}</strong>: <span class="unread">not read (${esc(o.error ?? "")})</span></li>`
        : `<li><strong>${esc(o.file)}</strong>: ${esc(o.document.summary.sentence)}</li>`,
    )
    .join("\n");
  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>SDP check: portfolio of ${p.outcomes.length} workbooks</title>
<style>${style}</style>
</head>
<body>
<main>
<h1>SDP check: portfolio of plans</h1>
<p>${esc(readLine(p))} ${esc(asOfLine(p))}</p>
<p class="lead">${esc(s.sentence)}</p>
<h2>Plans</h2>
${stackedChart(
  "ratings",
  "Ratings by plan",
  chartRows((c) => c.rag),
  RATING_BARS,
  "r",
)}
${stackedChart(
  "statuses",
  "Status by plan",
  chartRows((c) => c.status),
  STATUS_BARS,
  "s",
)}
${countsTable(p)}
<h2>Overdue across the plans (${s.overdue.length})</h2>
${overdueTable(p)}
<h2>Who owes what</h2>
${ownersTable(p)}
<h2>Each plan's sentence</h2>
<ul>
${plans}
</ul>
</main>
<footer><p>Made by sdp-check on this computer: nothing in this page was sent anywhere, and it fetches nothing.</p></footer>
</body>
</html>
`;
}
