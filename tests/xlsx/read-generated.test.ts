import type { Workbook } from "exceljs";
import { readXlsx } from "../../src/xlsx";
import { at, sheetOf, xlsxBytes } from "./helpers";

async function read(build: (wb: Workbook) => void) {
  return readXlsx(await xlsxBytes(build));
}

describe("readXlsx on workbooks built in the test", () => {
  it("reads hidden and very hidden tabs with their visibility, in order", async () => {
    const { grid } = await read((wb) => {
      wb.addWorksheet("Plan").getCell("A1").value = "x";
      wb.addWorksheet("Old", { state: "hidden" }).getCell("A1").value = "y";
      wb.addWorksheet("Secret", { state: "veryHidden" }).getCell("A1").value = "z";
    });
    expect(grid.sheets.map((s) => [s.name, s.visibility])).toEqual([
      ["Plan", "visible"],
      ["Old", "hidden"],
      ["Secret", "veryHidden"],
    ]);
  });

  it("reads theme fills (the file's own theme, with tint) and indexed fills", async () => {
    const { grid } = await read((wb) => {
      const ws = wb.addWorksheet("Fills");
      const solid = (a1: string, fgColor: Record<string, number>) => {
        ws.getCell(a1).value = a1;
        ws.getCell(a1).fill = { type: "pattern", pattern: "solid", fgColor };
      };
      solid("A1", { theme: 4 }); // exceljs writes the Office 2007 theme: accent1 = #4F81BD
      solid("A2", { theme: 0 }); // lt1
      solid("A3", { indexed: 10 }); // legacy red
      solid("A4", { indexed: 13 }); // legacy yellow
      solid("A5", { theme: 1, tint: 0.5 }); // black lightened 50%
      ws.getCell("A6").value = "none";
      ws.getCell("A6").fill = { type: "pattern", pattern: "none" };
      solid("A7", { argb: "FFFFC000" } as unknown as Record<string, number>);
    });
    const ws = sheetOf(grid, "Fills");
    expect(at(ws, "A1", "fills")).toBe("#4F81BD");
    expect(at(ws, "A2", "fills")).toBe("#FFFFFF");
    expect(at(ws, "A3", "fills")).toBe("#FF0000");
    expect(at(ws, "A4", "fills")).toBe("#FFFF00");
    expect(at(ws, "A5", "fills")).toBe("#808080");
    expect(at(ws, "A6", "fills")).toBeNull();
    expect(at(ws, "A7", "fills")).toBe("#FFC000");
  });

  it("reads formulas as their cached result, and a formula with no result as empty", async () => {
    const { grid } = await read((wb) => {
      const ws = wb.addWorksheet("F");
      ws.getCell("A1").value = 2;
      ws.getCell("A2").value = { formula: "A1*2", result: 4 };
      ws.getCell("A3").value = { formula: '"Gr"&"een"', result: "Green" };
      ws.getCell("A4").value = { formula: "A1>1", result: true };
      ws.getCell("A5").value = { formula: "1/0", result: { error: "#DIV/0!" } };
      ws.getCell("A6").value = { formula: "NOW()" };
      ws.getCell("A7").value = { formula: "DATE(2022,5,1)", result: new Date(Date.UTC(2022, 4, 1)) };
      ws.getCell("A7").numFmt = "dd/mm/yyyy";
      ws.getCell("B2").value = { formula: "A2+1", result: 5 };
      ws.getCell("B3").value = { sharedFormula: "B2", result: 6 };
      ws.getCell("C1").value = "end";
    });
    const ws = sheetOf(grid, "F");
    expect(at(ws, "A2")).toBe(4);
    expect(at(ws, "A3")).toBe("Green");
    expect(at(ws, "A3", "texts")).toBe("Green");
    expect(at(ws, "A4")).toBe(true);
    expect(at(ws, "A4", "texts")).toBe("TRUE");
    expect(at(ws, "A5")).toBe("#DIV/0!");
    expect(at(ws, "A6")).toBeNull();
    expect(at(ws, "A7")).toBe(44682);
    expect(at(ws, "A7", "numberFormats")).toBe("dd/mm/yyyy");
    expect(at(ws, "B3")).toBe(6);
  });

  it("reads rich text, error cells, hyperlinks, booleans and date cells", async () => {
    const { grid } = await read((wb) => {
      const ws = wb.addWorksheet("V");
      ws.getCell("A1").value = {
        richText: [{ text: "Strengthening " }, { font: { bold: true }, text: "Families" }],
      };
      ws.getCell("A2").value = { error: "#N/A" } as never;
      ws.getCell("A3").value = { text: "Guidance", hyperlink: "https://example.org/" };
      ws.getCell("A4").value = false;
      ws.getCell("A5").value = new Date(Date.UTC(2022, 8, 30));
      ws.getCell("A5").numFmt = "mmm-yy";
      ws.getCell("A6").value = 12.5;
    });
    const ws = sheetOf(grid, "V");
    expect(at(ws, "A1")).toBe("Strengthening Families");
    expect(at(ws, "A2")).toBe("#N/A");
    expect(at(ws, "A2", "texts")).toBe("#N/A");
    expect(at(ws, "A3")).toBe("Guidance");
    expect(at(ws, "A4")).toBe(false);
    expect(at(ws, "A5")).toBe(44834); // 2022-09-30
    expect(at(ws, "A5", "numberFormats")).toBe("mmm-yy");
    expect(at(ws, "A6")).toBe(12.5);
    expect(at(ws, "A6", "texts")).toBeNull();
  });

  it("gives a merge's value to its top-left cell only, and lists the merge", async () => {
    const { grid } = await read((wb) => {
      const ws = wb.addWorksheet("M");
      ws.getCell("A1").value = "Why?";
      ws.getCell("B1").value = "Who?";
      ws.getCell("C1").value = "Does what?";
      ws.getCell("A2").value = "CIN/CP";
      ws.mergeCells("A2:C2");
      ws.getCell("A3").value = "Reason";
      ws.mergeCells("A3:A5");
      ws.getCell("C5").value = "act";
    });
    const ws = sheetOf(grid, "M");
    expect(ws.merges).toEqual([
      { top: 2, left: 1, bottom: 2, right: 3 },
      { top: 3, left: 1, bottom: 5, right: 1 },
    ]);
    expect(at(ws, "A2")).toBe("CIN/CP");
    expect(at(ws, "B2")).toBeNull();
    expect(at(ws, "C2")).toBeNull();
    expect(at(ws, "A4")).toBeNull();
  });

  it("starts the grid at the first cell with a value", async () => {
    const { grid } = await read((wb) => {
      const ws = wb.addWorksheet("Offset");
      ws.getCell("C4").value = "top-left";
      ws.getCell("E9").value = "bottom-right";
    });
    const ws = sheetOf(grid, "Offset");
    expect(ws.origin).toEqual({ row: 4, col: 3 });
    expect(ws.values.length).toBe(6);
    expect(at(ws, "C4")).toBe("top-left");
    expect(at(ws, "E9")).toBe("bottom-right");
  });

  it("reads an empty tab as an empty grid", async () => {
    const { grid } = await read((wb) => {
      wb.addWorksheet("Empty");
    });
    expect(sheetOf(grid, "Empty").values).toEqual([]);
  });

  it("reads 200 tabs", async () => {
    const { grid } = await read((wb) => {
      for (let i = 1; i <= 200; i++) wb.addWorksheet(`Tab ${i}`).getCell("A1").value = i;
    });
    expect(grid.sheets.length).toBe(200);
    expect(grid.sheets[199].name).toBe("Tab 200");
    expect(grid.sheets[199].values).toEqual([[200]]);
  });
});
