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

export function summaryMatrix(rows: CellValue[][]): { matrix: (string | number | boolean)[][]; width: number } {
  const width = Math.max(1, ...rows.map((r) => r.length));
  const matrix = (rows.length > 0 ? rows : [[]]).map((row) =>
    Array.from({ length: width }, (_, i) => {
      const cell = row[i] ?? "";
      return typeof cell === "string" ? asText(cell) : cell;
    }),
  );
  return { matrix, width };
}

export function queueSummarySheet(context: Excel.RequestContext, write: SummarySheetWrite, existing: { exists: boolean; charts: string[] }): void {
  const sheets = context.workbook.worksheets;
  const sheet = existing.exists ? sheets.getItem(write.sheet) : sheets.add(write.sheet);
  if (existing.exists) {
    for (const name of existing.charts.filter((n) => n === CHART_NAME)) sheet.charts.getItem(name).delete();
    sheet.getRange().clear("All");
  }
  const { matrix, width } = summaryMatrix(write.rows);
  sheet.getRangeByIndexes(0, 0, matrix.length, width).values = matrix;
  for (const row of [...new Set([...write.boldRows, ...write.headerRows])]) sheet.getRangeByIndexes(row - 1, 0, 1, width).format.font.bold = true;
  for (const row of write.headerRows) sheet.getRangeByIndexes(row - 1, 0, 1, width).format.fill.color = HEADER_FILL;
  for (const link of write.links) {
    sheet.getRangeByIndexes(link.row - 1, link.col - 1, 1, 1).hyperlink = { documentReference: link.target, textToDisplay: link.text };
  }
  write.columnWidths.forEach((chars, i) => {
    sheet.getRangeByIndexes(0, i, 1, 1).format.columnWidth = Math.round(chars * POINTS_PER_CHARACTER * 10) / 10;
  });
  if (write.chart) {
    const chart = sheet.charts.add("BarClustered", sheet.getRange(write.chart.range), "Auto");
    chart.name = CHART_NAME;
    chart.title.text = write.chart.title;
    chart.setPosition(write.chart.anchorCell);
  }
}
