/**
 * The "Progress Summary" tab: created, or refreshed in place (contents and formats cleared,
 * everything rewritten as one 2-D array), its chart deleted and recreated.
 */
import type { CellValue } from "../core/grid";
import type { SummarySheetWrite } from "../core/writes";

export const CHART_NAME = "SDP Assistant progress";
/** Excel's column width is in points; a character of the default font is about 5.7 pt wide (8.43 characters = 48 pt). */
export const POINTS_PER_CHARACTER = 48 / 8.43;
const HEADER_FILL = "#D9E1F2";

/**
 * Plan text copied into the summary (actions, owners, due texts) must stay text: Excel reads a
 * string written through range.values as if typed, so "=WEBSERVICE(…)" would become a live
 * formula and "TRUE" a boolean. A leading apostrophe keeps it text (Excel hides the apostrophe).
 */
export function asText(value: string): string {
  return /^[=+\-@']/.test(value) || /^(true|false)$/i.test(value.trim()) ? `'${value}` : value;
}

export function summaryMatrix(rows: CellValue[][]): {
  matrix: (string | number | boolean)[][];
  width: number;
} {
  const width = Math.max(1, ...rows.map((r) => r.length));
  const matrix = (rows.length > 0 ? rows : [[]]).map((row) =>
    Array.from({ length: width }, (_, i) => {
      const cell = row[i] ?? "";
      return typeof cell === "string" ? asText(cell) : cell;
    }),
  );
  return { matrix, width };
}

/** Rows of the summary's values written by one operation, sized to about this many bytes of JSON. */
export const SUMMARY_BLOCK_BYTES = 1_000_000;

/** One piece of the summary tab's writes, with the estimated bytes it adds to a request. */
export interface SummaryPiece {
  bytes: number;
  queue(context: Excel.RequestContext): void;
}

const OP_BYTES = 200;

/**
 * The summary tab's writes as pieces in the order they must run: (1) create the tab, or clear
 * it and delete the add-in's chart, with the first block of values; (2) the other blocks of
 * values; (3) bold and header rows, links and column widths; (4) the chart. Queued together they
 * are exactly the one-sync write; apply() may send them in several syncs when the request
 * would be too large for one.
 */
export function summaryPieces(
  write: SummarySheetWrite,
  existing: { exists: boolean; charts: string[] },
): SummaryPiece[] {
  const name = write.sheet;
  const { matrix, width } = summaryMatrix(write.rows);
  // Each row's values and its number formats ("@" for text: Excel would read "1/2", "Apr-24", "50%",
  // "£5" or "1,000" written through values as a date or a number; "General" for numbers).
  const formats = matrix.map((row) => row.map((cell) => (typeof cell === "string" ? "@" : "General")));
  const rowBytes = matrix.map((row, r) => JSON.stringify(row).length + JSON.stringify(formats[r]).length + 2);
  const blocks: { top: number; rows: (string | number | boolean)[][]; bytes: number }[] = [];
  let top = 0;
  while (top < matrix.length) {
    let end = top;
    let bytes = 0;
    while (end < matrix.length && (end === top || bytes + rowBytes[end] <= SUMMARY_BLOCK_BYTES))
      bytes += rowBytes[end++];
    blocks.push({ top, rows: matrix.slice(top, end), bytes });
    top = end;
  }
  const pieces: SummaryPiece[] = blocks.map((block, i) => ({
    bytes: block.bytes + OP_BYTES * (i === 0 ? 4 : 1),
    queue(context) {
      const sheets = context.workbook.worksheets;
      let sheet: Excel.Worksheet;
      if (i > 0) sheet = sheets.getItem(name);
      else if (!existing.exists) sheet = sheets.add(name);
      else {
        sheet = sheets.getItem(name);
        for (const chart of existing.charts.filter((n) => n === CHART_NAME))
          sheet.charts.getItem(chart).delete();
        sheet.getRange().clear("All");
      }
      const range = sheet.getRangeByIndexes(block.top, 0, block.rows.length, width);
      range.numberFormat = formats.slice(block.top, block.top + block.rows.length);
      range.values = block.rows;
    },
  }));
  const styledRows = [...new Set([...write.boldRows, ...write.headerRows])];
  pieces.push({
    bytes:
      OP_BYTES * (styledRows.length + write.headerRows.length + write.columnWidths.length + 1) +
      write.links.reduce((n, l) => n + OP_BYTES + l.target.length + l.text.length, 0),
    queue(context) {
      const sheet = context.workbook.worksheets.getItem(name);
      for (const row of styledRows) sheet.getRangeByIndexes(row - 1, 0, 1, width).format.font.bold = true;
      for (const row of write.headerRows)
        sheet.getRangeByIndexes(row - 1, 0, 1, width).format.fill.color = HEADER_FILL;
      for (const link of write.links) {
        sheet.getRangeByIndexes(link.row - 1, link.col - 1, 1, 1).hyperlink = {
          documentReference: link.target,
          textToDisplay: link.text,
        };
      }
      write.columnWidths.forEach((chars, i) => {
        sheet.getRangeByIndexes(0, i, 1, 1).format.columnWidth =
          Math.round(chars * POINTS_PER_CHARACTER * 10) / 10;
      });
    },
  });
  const chart = write.chart;
  if (chart) {
    pieces.push({
      bytes: OP_BYTES * 4 + chart.title.length,
      queue(context) {
        const sheet = context.workbook.worksheets.getItem(name);
        // Stacked: each tab's bar shows its mix of ratings. Series by columns, explicitly: "Auto" guesses
        // from the data's shape on desktop but means columns on the web (Learn: Excel.ChartSeriesBy).
        const added = sheet.charts.add("BarStacked", sheet.getRange(chart.range), "Columns");
        added.name = CHART_NAME;
        added.title.text = chart.title;
        // Chart.setPosition(startCell, endCell): sized to cover the cells from one to the other.
        added.setPosition(chart.anchorCell, chart.endCell);
      },
    });
  }
  return pieces;
}
