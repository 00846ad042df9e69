import {
  createMemoryExcel,
  MemoryRequestContext,
  memoryWorkbookFromGrid,
  toGrid,
  userEdit,
  type MemoryWorkbook,
} from "../../src/memory-excel";
import type { MemoryChangedEventArgs } from "../../src/memory-excel/events";

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
        ],
      },
      { name: "Hidden", visibility: "hidden", origin: { row: 1, col: 1 }, values: [["x"]] },
    ],
  });
}

function ctx(workbook: MemoryWorkbook): MemoryRequestContext {
  return new MemoryRequestContext(workbook);
}

describe("memory Excel: Office.js semantics", () => {
  test("a property can be read only after load + sync", async () => {
    const context = ctx(book());
    const range = context.workbook.worksheets.getItem("Plan").getRange("A1:B2");
    expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    range.load("values,address");
    expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    await context.sync();
    expect(range.values).toEqual([
      ["Why?", "Who?"],
      ["Aim", "Lead"],
    ]);
    expect(range.address).toBe("Plan!A1:B2");
    expect(() => range.text).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
  });

  test("errors surface at sync, not when queued", async () => {
    const context = ctx(book());
    const missing = context.workbook.worksheets.getItem("Nope");
    expect(() => missing.load("name")).not.toThrow();
    await expect(context.sync()).rejects.toMatchObject({ code: "ItemNotFound" });
  });

  test("operations queued before a failing one have taken effect (no transactions)", async () => {
    const workbook = book();
    const context = ctx(workbook);
    context.workbook.worksheets.getItem("Plan").getRange("C1").values = [["first"]];
    context.workbook.worksheets.getItem("Nope").getRange("A1").values = [["never"]];
    context.workbook.worksheets.getItem("Plan").getRange("D1").values = [["after"]];
    await expect(context.sync()).rejects.toMatchObject({ code: "ItemNotFound" });
    const plan = toGrid(workbook).sheets[0];
    expect(plan.values[0]).toEqual(["Why?", "Who?", "first"]);
  });

  test("OrNullObject and ClientResult", async () => {
    const context = ctx(book());
    const sheets = context.workbook.worksheets;
    const there = sheets.getItemOrNullObject("plan");
    const absent = sheets.getItemOrNullObject("Absent");
    const count = sheets.getCount();
    const visible = sheets.getCount(true);
    expect(() => count.value).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    await context.sync();
    expect(there.isNullObject).toBe(false);
    expect(absent.isNullObject).toBe(true);
    expect(count.value).toBe(2);
    expect(visible.value).toBe(1);
  });

  test("writes to a protected sheet or a read-only workbook are AccessDenied", async () => {
    const workbook = book();
    workbook.setProtected("Plan", true);
    let context = ctx(workbook);
    context.workbook.worksheets.getItem("Plan").getRange("A1").values = [["changed"]];
    await expect(context.sync()).rejects.toMatchObject({ code: "AccessDenied" });
    workbook.setProtected("Plan", false);
    workbook.readOnly = true;
    context = ctx(workbook);
    context.workbook.worksheets.getItem("Plan").getRange("A1").format.fill.color = "#FF0000";
    await expect(context.sync()).rejects.toMatchObject({ code: "AccessDenied" });
    expect(toGrid(workbook).sheets[0].values[0][0]).toBe("Why?");
  });

  test("payloads over the limit fail with RequestPayloadSizeLimitExceeded", async () => {
    const workbook = book();
    workbook.payloadLimit = 1000;
    const context = ctx(workbook);
    context.workbook.worksheets.getItem("Plan").getRange("A1").values = [["x".repeat(2000)]];
    await expect(context.sync()).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    expect(toGrid(workbook).sheets[0].values[0][0]).toBe("Why?"); // a request too large never runs
    expect(workbook.syncLog.at(-1)).toMatchObject({ error: "RequestPayloadSizeLimitExceeded" });
  });

  test("data validation: type, clear first, then rule", async () => {
    const workbook = book();
    let context = ctx(workbook);
    const ws = context.workbook.worksheets.getItem("Plan");
    ws.getRange("B2:B5").dataValidation.rule = { list: { inCellDropDown: true, source: "Blue,Green" } };
    const column = ws.getRange("B:B").dataValidation.load("type");
    const cells = ws.getRange("B2:B5").dataValidation.load("type");
    await context.sync();
    expect(column.type).toBe("MixedCriteria");
    expect(cells.type).toBe("List");
    context = ctx(workbook);
    context.workbook.worksheets.getItem("Plan").getRange("B1:B3").dataValidation.rule = {
      list: { inCellDropDown: true, source: "Red" },
    };
    await expect(context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
    context = ctx(workbook);
    const again = context.workbook.worksheets.getItem("Plan").getRange("B1:B3").dataValidation;
    again.clear();
    again.rule = { list: { inCellDropDown: true, source: "Red" } };
    await context.sync();
    expect(toGrid(workbook).sheets[0].validations.map((v) => [v.range, v.source])).toEqual([
      ["B1:B3", "Red"],
      ["B4:B5", "Blue,Green"],
    ]);
  });

  test("conditional formats: add, count and clearAll on intersecting ranges", async () => {
    const workbook = book();
    const context = ctx(workbook);
    const ws = context.workbook.worksheets.getItem("Plan");
    const cf = ws.getRange("A2:A9").conditionalFormats.add("Custom");
    cf.custom.rule.formula = '=A2="x"';
    cf.custom.format.fill.color = "#ff0000";
    ws.getRanges("C2,C5:C6").conditionalFormats.add("Custom").custom.rule.formula = "=TRUE";
    const onA = ws.getRange("A:A").conditionalFormats.getCount();
    const onC = ws.getRange("C:C").conditionalFormats.getCount();
    ws.getRange("A5").conditionalFormats.clearAll();
    const after = ws.getRange("A:A").conditionalFormats.getCount();
    await context.sync();
    expect([onA.value, onC.value, after.value]).toEqual([1, 1, 0]);
    expect(toGrid(workbook).sheets[0].conditionalFormats).toEqual([
      expect.objectContaining({ range: "C2,C5:C6", formula: "=TRUE" }),
    ]);
  });

  test("onChanged fires for the add-in's own writes (ThisLocalAddin) and the user's edits", async () => {
    const workbook = book();
    const excel = createMemoryExcel(workbook);
    const seen: MemoryChangedEventArgs[] = [];
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem("Plan").onChanged.add((e) => void seen.push(e));
      await context.sync();
      context.workbook.worksheets.getItem("Plan").getRange("C3").values = [["own"]];
      await context.sync();
    });
    userEdit(workbook, "Plan", "B2", [["Someone"]]);
    userEdit(workbook, "Plan", "A4:B5", [
      ["a", "b"],
      ["c", "d"],
    ]);
    await workbook.events.flush();
    expect(seen.map((e) => [e.address, e.triggerSource, e.details !== undefined])).toEqual([
      ["C3", "ThisLocalAddin", true],
      ["B2", "Unknown", true],
      ["A4:B5", "Unknown", false],
    ]);
  });

  test("a bare load() is refused: name the properties", () => {
    const context = ctx(book());
    expect(() => context.workbook.worksheets.getItem("Plan").getRange("A1").load()).toThrow(
      /name the properties/,
    );
  });
});
