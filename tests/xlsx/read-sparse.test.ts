import type { Workbook } from "exceljs";
import { readXlsx } from "../../src/xlsx";
import { at, sheetOf, xlsxBytes } from "./helpers";

function smallTable(wb: Workbook) {
  const ws = wb.addWorksheet("Sparse");
  ws.addRow(["Why?", "Who?", "Does what?", "By when?"]);
  for (let i = 0; i < 5; i++) ws.addRow([`reason ${i}`, `owner ${i}`, `action ${i}`, "May-22"]);
  return ws;
}

describe("readXlsx on a sheet whose used range reaches row 1,000,000", () => {
  it("ignores formatting-only cells far below the table: the grid is the table", async () => {
    const { grid } = await readXlsx(
      await xlsxBytes((wb) => {
        const ws = smallTable(wb);
        ws.getCell("A1000000").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFF00" } };
        ws.getCell("XFD1000000").numFmt = "0.00";
      }),
    );
    const ws = sheetOf(grid, "Sparse");
    expect(ws.origin).toEqual({ row: 1, col: 1 });
    expect(ws.values.length).toBe(6);
    expect(Math.max(...ws.values.map((r) => r.length))).toBe(4);
    expect(at(ws, "C6")).toBe("action 4");
  });

  it("keeps a stray value at A1000000 without building a million rows of cells", async () => {
    const { grid } = await readXlsx(
      await xlsxBytes((wb) => {
        smallTable(wb).getCell("A1000000").value = "stray";
      }),
    );
    const ws = sheetOf(grid, "Sparse");
    expect(ws.values.length).toBe(1_000_000);
    expect(at(ws, "A1000000")).toBe("stray");
    expect(at(ws, "B3")).toBe("owner 1");
    // The empty rows in between are all the same empty row: memory stays small.
    expect(new Set(ws.values).size).toBe(8);
    expect(ws.values[500_000]).toEqual([]);
  });
});
