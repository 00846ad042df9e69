/**
 * Excel's undo list in the in-memory Excel (src/memory-excel/undo.ts): one step per sync, the
 * user's own edits steps too, visibility changes clearing it on Windows and Mac, 100 steps at most.
 */
import {
  MemoryRequestContext,
  memoryWorkbookFromGrid,
  toGrid,
  userEdit,
  userUndo,
} from "../../src/memory-excel";
import type { MemoryWorkbook } from "../../src/memory-excel";

function book(): MemoryWorkbook {
  const workbook = memoryWorkbookFromGrid({
    sheets: [{ name: "Plan", visibility: "visible", origin: { row: 1, col: 1 }, values: [["Why?", "Who?"]] }],
  });
  workbook.undo.enabled = true;
  return workbook;
}

function values(workbook: MemoryWorkbook, sheet = "Plan"): unknown[][] {
  return toGrid(workbook).sheets.find((s) => s.name === sheet)?.values ?? [];
}

async function write(workbook: MemoryWorkbook, address: string, value: string): Promise<void> {
  const context = new MemoryRequestContext(workbook);
  context.workbook.worksheets.getItem("Plan").getRange(address).values = [[value]];
  await context.sync();
}

describe("memory Excel: undo", () => {
  test("Ctrl+Z undoes the last sync only, then the one before", async () => {
    const workbook = book();
    await write(workbook, "A2", "first");
    await write(workbook, "B2", "second");
    expect(userUndo(workbook)).toBe(true);
    expect(values(workbook)).toEqual([
      ["Why?", "Who?"],
      ["first", null],
    ]);
    expect(userUndo(workbook)).toBe(true);
    expect(values(workbook)).toEqual([["Why?", "Who?"]]);
    expect(userUndo(workbook)).toBe(false);
  });

  test("a sync that only reads is no undo step; the user's own edit is one", async () => {
    const workbook = book();
    await write(workbook, "A2", "add-in");
    const context = new MemoryRequestContext(workbook);
    context.workbook.worksheets.getItem("Plan").getRange("A1:B2").load("values");
    await context.sync();
    userEdit(workbook, "Plan", "B2", [["typed"]]);
    expect(workbook.undo.length).toBe(2);
    userUndo(workbook);
    expect(values(workbook)).toEqual([
      ["Why?", "Who?"],
      ["add-in", null],
    ]);
  });

  test("undo removes a sheet the batch added", async () => {
    const workbook = book();
    const context = new MemoryRequestContext(workbook);
    context.workbook.worksheets.add("Added");
    await context.sync();
    expect(workbook.findSheet("Added")).not.toBeNull();
    userUndo(workbook);
    expect(workbook.findSheet("Added")).toBeNull();
  });

  test("on Windows and Mac a visibility change clears the list; on the web it is undoable", async () => {
    for (const platform of ["desktop", "web"] as const) {
      const workbook = book();
      workbook.platform = platform;
      await write(workbook, "A2", "before");
      const context = new MemoryRequestContext(workbook);
      const sheet = context.workbook.worksheets.add("Data");
      sheet.visibility = "VeryHidden";
      await context.sync();
      expect(workbook.undo.length).toBe(platform === "desktop" ? 0 : 2);
      expect(userUndo(workbook)).toBe(platform === "web");
      expect(workbook.findSheet("Data") === null).toBe(platform === "web");
    }
  });

  test("at most 100 steps are kept", async () => {
    const workbook = book();
    for (let i = 0; i < 105; i++) await write(workbook, "A2", `v${i}`);
    expect(workbook.undo.length).toBe(100);
    while (userUndo(workbook));
    expect(values(workbook)).toEqual([
      ["Why?", "Who?"],
      ["v4", null],
    ]);
  });
});
