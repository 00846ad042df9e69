/** The in-memory Excel enforces Excel's documented limits and behaviours (each cited in src/memory-excel). */
import {
  createMemoryExcel,
  MemoryRequestContext,
  memoryWorkbookFromGrid,
  toGrid,
  userEdit,
  userInsertRows,
  userShiftCells,
  type MemoryWorkbook,
} from "../../src/memory-excel";
import type { CellBox } from "../../src/core/grid";
import type { MemoryChangedEventArgs } from "../../src/memory-excel/events";
import { parseTyped } from "../../src/memory-excel/typed-input";

function book(): MemoryWorkbook {
  return memoryWorkbookFromGrid({
    sheets: [
      {
        name: "Plan",
        visibility: "visible",
        origin: { row: 1, col: 1 },
        values: [
          ["Why?", "Who?"],
          ["Aim", "Lead"],
          ["Aim 2", "Lead 2"],
        ],
      },
    ],
  });
}

/** A "=TRUE" custom rule filling `box`, as the fake stores one. */
function customRule(id: number, box: CellBox, fill: string) {
  return {
    id,
    boxes: [box],
    type: "Custom" as const,
    formula: "=TRUE",
    fill,
    fontColor: null,
    stopIfTrue: false,
  };
}

const ctx = (w: MemoryWorkbook) => new MemoryRequestContext(w);

describe("memory Excel: Excel's limits", () => {
  test("a response over the cap is ResponsePayloadSizeLimitExceeded (a request over it the Request code)", async () => {
    const workbook = book();
    workbook.payloadLimit = 10_000;
    let context = ctx(workbook);
    const sheet = context.workbook.worksheets.getItem("Plan");
    sheet.getRange("A10").values = [["x".repeat(6_000)]];
    sheet.getRange("A11").values = [["y".repeat(3_000)]];
    await context.sync();
    context = ctx(workbook);
    const range = context.workbook.worksheets.getItem("Plan").getRange("A10:A12");
    range.load("values,text");
    await expect(context.sync()).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
    expect(workbook.syncLog.at(-1)?.error).toBe("ResponsePayloadSizeLimitExceeded");
    context = ctx(workbook);
    context.workbook.worksheets.getItem("Plan").getRange("A13").values = [["z".repeat(11_000)]];
    await expect(context.sync()).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
  });

  test("the fake measures UTF-8 bytes, not JSON characters: 4,000 '£' cost over 8,000 bytes", async () => {
    const workbook = book();
    workbook.payloadLimit = 6_000;
    const context = ctx(workbook);
    context.workbook.worksheets.getItem("Plan").getRange("A20").values = [["£".repeat(4_000)]];
    expect(JSON.stringify([["£".repeat(4_000)]]).length).toBeLessThan(6_000);
    await expect(context.sync()).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
  });

  test("getRanges refuses an address past 8,192 characters with InvalidArgument", async () => {
    const workbook = book();
    const cells = Array.from({ length: 2_000 }, (_, i) => `D${2 * i + 1}`);
    const long = cells.join(",");
    expect(long.length).toBeGreaterThan(8_192);
    let context = ctx(workbook);
    context.workbook.worksheets.getItem("Plan").getRanges(long).conditionalFormats.clearAll();
    await expect(context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
    context = ctx(workbook);
    context.workbook.worksheets
      .getItem("Plan")
      .getRanges(cells.slice(0, 1_000).join(","))
      .conditionalFormats.clearAll();
    await expect(context.sync()).resolves.toBeUndefined();
  });

  test("getMergedAreasOrNullObject fails past 512 merged areas; 512 are returned", async () => {
    const workbook = book();
    const sheet = workbook.sheet("Plan");
    for (let i = 0; i < 513; i++) sheet.merges.push({ top: i + 1, bottom: i + 1, left: 5, right: 6 });
    let context = ctx(workbook);
    let merges = context.workbook.worksheets.getItem("Plan").getRange("A1:F513").getMergedAreasOrNullObject();
    merges.load("areaCount");
    await expect(context.sync()).rejects.toBeTruthy();
    context = ctx(workbook);
    merges = context.workbook.worksheets.getItem("Plan").getRange("A1:F512").getMergedAreasOrNullObject();
    merges.load("areaCount");
    await context.sync();
    expect(merges.areaCount).toBe(512);
  });

  test("structure protection: adding, hiding, deleting and renaming a sheet fail; earlier writes in the sync stay", async () => {
    const workbook = book();
    workbook.addSheet("Other");
    workbook.structureProtected = true;
    const context = ctx(workbook);
    context.workbook.protection.load("protected");
    await context.sync();
    expect(context.workbook.protection.protected).toBe(true);
    context.workbook.worksheets.getItem("Plan").getRange("C1").values = [["queued first"]];
    context.workbook.worksheets.add("New");
    await expect(context.sync()).rejects.toMatchObject({ code: "AccessDenied" });
    expect(toGrid(workbook).sheets[0].values[0][2]).toBe("queued first"); // no transaction
    expect(workbook.findSheet("New")).toBeNull();
    for (const act of [
      (c: MemoryRequestContext) => void (c.workbook.worksheets.getItem("Other").visibility = "Hidden"),
      (c: MemoryRequestContext) => c.workbook.worksheets.getItem("Other").delete(),
      (c: MemoryRequestContext) => void (c.workbook.worksheets.getItem("Other").name = "Renamed"),
    ]) {
      const c = ctx(workbook);
      act(c);
      await expect(c.sync()).rejects.toMatchObject({ code: "AccessDenied" });
    }
    expect(workbook.sheet("Other").visibility).toBe("visible");
  });

  test("text written through values is parsed as if typed; a text (@) cell keeps it", async () => {
    const workbook = book();
    workbook.today = new Date(Date.UTC(2026, 5, 1));
    const inputs = ["1/2", "Apr-24", "50%", "£5", "1,000", "Q3 2026"];
    let context = ctx(workbook);
    context.workbook.worksheets.getItem("Plan").getRange("A30:F30").values = [inputs];
    await context.sync();
    const row = toGrid(workbook).sheets[0].values[29];
    expect(row).toEqual([46054, 46136, 0.5, 5, 1000, "Q3 2026"]); // 1 Feb 2026, 24 Apr 2026
    context = ctx(workbook);
    const range = context.workbook.worksheets.getItem("Plan").getRange("A31:F31");
    range.numberFormat = [inputs.map(() => "@")];
    range.values = [inputs];
    await context.sync();
    expect(toGrid(workbook).sheets[0].values[30]).toEqual(inputs);
    expect(parseTyped("31/2")).toBeNull();
  });

  test("past 5 million cells values come back null, or (desktop mode) the read throws", async () => {
    const workbook = book();
    let context = ctx(workbook);
    let huge = context.workbook.worksheets.getItem("Plan").getRange("A1:E1048576");
    huge.load("values");
    await context.sync();
    expect(huge.values).toBeNull();
    workbook.hugeRanges = "throw";
    context = ctx(workbook);
    huge = context.workbook.worksheets.getItem("Plan").getRange("A1:E1048576");
    huge.load("values");
    await expect(context.sync()).rejects.toBeTruthy();
  });

  test("chart seriesBy Auto: columns on the web, by shape on desktop", async () => {
    for (const platform of ["web", "desktop"] as const) {
      const workbook = book();
      workbook.platform = platform;
      const context = ctx(workbook);
      const sheet = context.workbook.worksheets.getItem("Plan");
      sheet.charts.add("BarClustered", sheet.getRange("A1:D2"), "Auto"); // 2 rows, 4 columns
      await context.sync();
      expect(workbook.sheet("Plan").charts[0].seriesBy).toBe(platform === "web" ? "Columns" : "Rows");
    }
  });

  test("events arrive after the sync as separate messages; no triggerSource in 1.13 mode", async () => {
    for (const api of ["1.13", "1.14"] as const) {
      const workbook = book();
      workbook.eventsApi = api;
      const seen: MemoryChangedEventArgs[] = [];
      const excel = createMemoryExcel(workbook);
      let seenRightAfterSync = -1;
      await excel.run(async (context) => {
        context.workbook.worksheets.getItem("Plan").onChanged.add((e) => void seen.push(e));
        await context.sync();
        context.workbook.worksheets.getItem("Plan").getRange("C3").values = [["own"]];
        context.workbook.worksheets.getItem("Plan").getRange("C4").values = [["own 2"]];
        await context.sync();
        seenRightAfterSync = seen.length;
      });
      await workbook.events.flush();
      expect(seenRightAfterSync).toBe(0);
      expect(seen.map((e) => e.address)).toEqual(["C3", "C4"]);
      expect(seen.every((e) => "triggerSource" in e === (api === "1.14"))).toBe(true);
    }
  });

  test("a row insert shifts cells, merges, validation and rules, and says RowInserted", async () => {
    const workbook = book();
    const sheet = workbook.sheet("Plan");
    sheet.merges.push({ top: 3, bottom: 3, left: 3, right: 4 });
    sheet.conditionalFormats.push(customRule(1, { top: 2, bottom: 3, left: 2, right: 2 }, "#FF0000"));
    const seen: MemoryChangedEventArgs[] = [];
    const excel = createMemoryExcel(workbook);
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem("Plan").onChanged.add((e) => void seen.push(e));
      await context.sync();
    });
    userInsertRows(workbook, "Plan", 3, 2);
    await workbook.events.flush();
    expect(toGrid(workbook).sheets[0].values.map((r) => r[0])).toEqual(["Why?", "Aim", null, null, "Aim 2"]);
    expect(sheet.merges).toEqual([{ top: 5, bottom: 5, left: 3, right: 4 }]);
    expect(sheet.conditionalFormats[0].boxes).toEqual([{ top: 2, bottom: 5, left: 2, right: 2 }]);
    expect(seen.map((e) => [e.changeType, e.address])).toEqual([["RowInserted", "3:4"]]);
    // Delete through the API: the rows go, things below move back up.
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem("Plan").getRange("3:4").delete("Up");
      await context.sync();
    });
    expect(sheet.merges).toEqual([{ top: 3, bottom: 3, left: 3, right: 4 }]);
    expect(sheet.conditionalFormats[0].boxes).toEqual([{ top: 2, bottom: 3, left: 2, right: 2 }]);
    userEdit(workbook, "Plan", "A1", [["x"]]);
  });

  test("cells inserted or deleted in part of a tab move only their band, say CellInserted / CellDeleted and (1.14) the direction", async () => {
    const workbook = memoryWorkbookFromGrid({
      sheets: [
        {
          name: "Plan",
          visibility: "visible",
          origin: { row: 1, col: 1 },
          values: [
            ["a1", "b1", "c1"],
            ["a2", "b2", "c2"],
            ["a3", "b3", "c3"],
          ],
        },
      ],
    });
    const sheet = workbook.sheet("Plan");
    // A rule across columns A:C (cut in two by a band of B), and one on B alone (moves whole).
    sheet.conditionalFormats.push(
      customRule(1, { top: 1, bottom: 3, left: 1, right: 3 }, "#FF0000"),
      customRule(2, { top: 3, bottom: 3, left: 2, right: 2 }, "#00FF00"),
    );
    const seen: MemoryChangedEventArgs[] = [];
    const excel = createMemoryExcel(workbook);
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem("Plan").onChanged.add((e) => void seen.push(e));
      await context.sync();
    });
    const columns = () =>
      [1, 2, 3].map((c) => [1, 2, 3, 4].map((r) => workbook.cell(sheet, r, c)?.value ?? null));

    // Insert > Shift cells down at B2: column B from row 2 moves down one; A and C stay.
    userShiftCells(workbook, "Plan", "B2", "Down");
    await workbook.events.flush();
    expect(columns()).toEqual([
      ["a1", "a2", "a3", null],
      ["b1", null, "b2", "b3"],
      ["c1", "c2", "c3", null],
    ]);
    expect(sheet.conditionalFormats[0].boxes).toEqual([
      { top: 1, bottom: 3, left: 1, right: 1 },
      { top: 1, bottom: 3, left: 3, right: 3 },
      { top: 1, bottom: 4, left: 2, right: 2 },
    ]);
    expect(sheet.conditionalFormats[1].boxes).toEqual([{ top: 4, bottom: 4, left: 2, right: 2 }]);
    expect(seen.map((e) => [e.changeType, e.address, e.changeDirectionState])).toEqual([
      ["CellInserted", "B2", { insertShiftDirection: "Down" }],
    ]);

    // Delete > Shift cells up, through the API: column B closes up again.
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem("Plan").getRange("B2").delete("Up");
      await context.sync();
    });
    await workbook.events.flush();
    expect(columns()[1]).toEqual(["b1", "b2", "b3", null]);
    expect(sheet.conditionalFormats[1].boxes).toEqual([{ top: 3, bottom: 3, left: 2, right: 2 }]);
    expect(seen[1]).toMatchObject({
      changeType: "CellDeleted",
      address: "B2",
      changeDirectionState: { deleteShiftDirection: "Up" },
    });

    // Shift cells right at A2 (1.13 mode: no triggerSource, no changeDirectionState): row 2 moves right.
    workbook.eventsApi = "1.13";
    userShiftCells(workbook, "Plan", "A2", "Right");
    await workbook.events.flush();
    expect([1, 2, 3, 4].map((c) => workbook.cell(sheet, 2, c)?.value ?? null)).toEqual([
      null,
      "a2",
      "b2",
      "c2",
    ]);
    expect(seen[2].changeType).toBe("CellInserted");
    expect(seen[2].changeDirectionState).toBeUndefined();
    expect(seen[2].triggerSource).toBeUndefined();

    // A merged area the move would cut is refused, and nothing moves.
    sheet.merges.push({ top: 3, bottom: 3, left: 1, right: 2 });
    const before = columns();
    expect(() => userShiftCells(workbook, "Plan", "B1", "Down")).toThrow(/merged cell/);
    expect(columns()).toEqual(before);
    // A direction that is not one of insert's is refused.
    await expect(
      excel.run(async (context) => {
        context.workbook.worksheets.getItem("Plan").getRange("C1").insert("Up");
        await context.sync();
      }),
    ).rejects.toThrow(/not valid/);
  });
});
