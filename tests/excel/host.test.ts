import { checkPlan, planFormatting } from "../../src/core/index";
import { STORAGE_SHEET } from "../../src/core/storage-layout";
import { cellValues, MemoryRequestContext, snapshotState, toGrid, userEdit } from "../../src/memory-excel";
import type { CellEdit } from "../../src/host/WorkbookHost";
import { fixtureGrid } from "../helpers/fixture-grid";
import { generatedPlan } from "./generated-plan";
import { countSyncs, memoryHost } from "./memory-host";

const AS_OF = "2022-07-15";
const OWN = ["Progress Summary", STORAGE_SHEET];

async function formattingFor(host: ReturnType<typeof memoryHost>["host"]) {
  const read = await host.read();
  const result = checkPlan(read.grid, { asOf: AS_OF, ownSheets: OWN });
  return { read, writes: planFormatting(result) };
}

describe("OfficeWorkbookHost over the memory Excel", () => {
  test("read(): the first lists the tabs then reads them (2 syncs), the next is one sync; the plan as the engine's grid", async () => {
    const { workbook, host } = memoryHost(fixtureGrid());
    // Tabs are reached by name, never through calls on null objects (issue #9, item 13): the first
    // read lists them first; later reads use the names the last read found.
    expect((await countSyncs(workbook, () => host.read())).syncs).toBe(2);
    const { value: read, syncs } = await countSyncs(workbook, () => host.read());
    expect(syncs).toBe(1);
    const exported = toGrid(workbook);
    expect(read.grid.sheets.map((s) => s.name)).toEqual(exported.sheets.map((s) => s.name));
    const early = read.grid.sheets[0];
    expect(early.values).toEqual(exported.sheets[0].values);
    expect(early.fills).toEqual(exported.sheets[0].fills);
    expect(read.grid.sheets.find((s) => s.name === "Annual Survey Findings")?.merges?.length).toBeGreaterThan(
      0,
    );
    expect(read).toMatchObject({
      readOnly: false,
      protectedSheets: [],
      existingRules: [],
      settings: null,
      snapshot: null,
    });
  });

  test("apply() is one sync, and applying the same writes twice leaves exactly the state of once", async () => {
    const { workbook, host } = memoryHost(fixtureGrid());
    const { writes } = await formattingFor(host);
    expect(writes.length).toBeGreaterThan(0);
    const first = await countSyncs(workbook, () => host.apply(writes));
    expect(first.syncs).toBe(1);
    const once = snapshotState(workbook);
    await host.read();
    await host.apply(writes);
    expect(snapshotState(workbook)).toBe(once);
    const ews = toGrid(workbook).sheets.find((s) => s.name === "Early Help");
    expect(ews?.validations).toEqual([
      expect.objectContaining({ range: "G8:G17", source: "Blue,Green,Amber,Red", alertStyle: "Warning" }),
    ]);
    expect(ews?.conditionalFormats.length).toBe(
      writes
        .filter((w) => w.sheet === "Early Help" && w.kind !== "rating-dropdown")
        .reduce(
          (n, w) => n + (w.kind === "rating-colours" || w.kind === "status-highlight" ? w.rules.length : 0),
          0,
        ),
    );
  });

  test("a protected tab: a readable error naming it, and nothing written", async () => {
    const { workbook, host } = memoryHost(fixtureGrid());
    workbook.setProtected("Early Help", true);
    const { read, writes } = await formattingFor(host);
    expect(read.protectedSheets).toEqual(["Early Help"]);
    const before = snapshotState(workbook);
    const syncs = workbook.syncCount;
    await expect(host.apply(writes)).rejects.toThrow(
      "'Early Help' is protected: unprotect it (Review > Unprotect Sheet) and run Check plan again. Nothing was changed.",
    );
    expect(workbook.syncCount).toBe(syncs);
    expect(snapshotState(workbook)).toBe(before);
  });

  test("a read-only workbook: a readable error, nothing written", async () => {
    const { workbook, host } = memoryHost(fixtureGrid());
    workbook.readOnly = true;
    const { read, writes } = await formattingFor(host);
    expect(read.readOnly).toBe(true);
    const before = snapshotState(workbook);
    await expect(host.apply(writes)).rejects.toThrow(/read-only.*Nothing was changed/);
    expect(snapshotState(workbook)).toBe(before);
  });

  test("removeAddedFormatting restores the rules and validation that were there before, and keeps text and fills", async () => {
    const { workbook, host } = memoryHost(fixtureGrid());
    // The user's own rule elsewhere on the tab.
    const context = new MemoryRequestContext(workbook);
    context.workbook.worksheets
      .getItem("Early Help")
      .getRange("A8:A17")
      .conditionalFormats.add("Custom").custom.rule.formula = "=LEN(A8)>100";
    await context.sync();
    const before = toGrid(workbook).sheets.filter((s) => s.name !== STORAGE_SHEET);
    const { writes } = await formattingFor(host);
    await host.apply(writes);
    await host.read();
    const syncs = workbook.syncCount;
    await host.removeAddedFormatting();
    expect(workbook.syncCount - syncs).toBe(1);
    expect(toGrid(workbook).sheets.filter((s) => s.name !== STORAGE_SHEET)).toEqual(before);
  });

  test("read() reports the user's own rules on columns, not the add-in's", async () => {
    const { workbook, host } = memoryHost(fixtureGrid());
    const { writes } = await formattingFor(host);
    await host.apply(writes);
    expect((await host.read()).existingRules).toEqual([]);
    const context = new MemoryRequestContext(workbook);
    const ws = context.workbook.worksheets.getItem("Children in Care & Care Leavers");
    ws.getRange("G4:G9").dataValidation.clear();
    ws.getRange("H4:H9").dataValidation.rule = { list: { inCellDropDown: true, source: "Yes,No" } };
    ws.getRange("G4:G9").conditionalFormats.add("Custom").custom.rule.formula = '=G4="x"';
    await context.sync();
    const rules = (await host.read()).existingRules;
    expect(rules).toEqual([
      {
        sheet: "Children in Care & Care Leavers",
        column: 7,
        userValidation: false,
        userConditionalFormats: 1,
      },
      {
        sheet: "Children in Care & Care Leavers",
        column: 8,
        userValidation: true,
        userConditionalFormats: 0,
      },
    ]);
  });

  test("select() activates the tab and selects the cell", async () => {
    const { workbook, host } = memoryHost(fixtureGrid());
    await host.select("'Children in Care & Care Leavers'!G5");
    const sheet = workbook.sheet("Children in Care & Care Leavers");
    expect(workbook.activeSheetId).toBe(sheet.id);
    expect(workbook.selection).toEqual({ sheetId: sheet.id, box: { top: 5, left: 7, bottom: 5, right: 7 } });
  });

  test("saveSettings stores the settings in the very hidden data tab and read() finds them", async () => {
    const { workbook, host } = memoryHost(fixtureGrid());
    const settings = { version: 1, asOf: "2022-07-15", dueSoonDays: 14, note: "x".repeat(70_000) };
    await host.saveSettings(settings);
    expect(workbook.sheet(STORAGE_SHEET).visibility).toBe("veryHidden");
    expect((await host.read()).settings).toEqual(settings);
    workbook.setProtected(STORAGE_SHEET, true);
    await expect(host.saveSettings({ version: 1 })).rejects.toThrow(/protected/);
  });

  test("onEdited reports the user's edits by rows and ignores the add-in's own writes", async () => {
    const { workbook, host } = memoryHost(fixtureGrid());
    const edits: CellEdit[] = [];
    const stop = await host.onEdited((e) => edits.push(e));
    const { writes } = await formattingFor(host);
    await host.apply([
      ...writes,
      { kind: "set-text", sheet: "Early Help", cell: "G9", before: "", text: "Green", why: "test" },
    ]);
    await workbook.events.flush();
    expect(edits).toEqual([]);
    userEdit(workbook, "Early Help", "G10", [["Red"]]);
    userEdit(workbook, "Children's Social Care", "B5:C6", [
      ["a", "b"],
      ["c", "d"],
    ]);
    await workbook.events.flush();
    expect(edits).toEqual([
      { sheet: "Early Help", rows: [10] },
      { sheet: "Children's Social Care", rows: [5, 6] },
    ]);
    await stop();
    userEdit(workbook, "Early Help", "G11", [["Red"]]);
    await workbook.events.flush();
    expect(edits).toHaveLength(2);
  });

  test("Check plan's formatting never changes a user's cell text", async () => {
    const { workbook, host } = memoryHost(fixtureGrid());
    const before = cellValues(workbook, OWN);
    const { writes } = await formattingFor(host);
    await host.apply(writes);
    expect(cellValues(workbook, OWN)).toEqual(before);
  });

  test("20,000 actions: reads within the 5 MB limit per sync, apply() in one sync, idempotent", async () => {
    const { workbook, host } = memoryHost(generatedPlan(4, 5000));
    const first = await countSyncs(workbook, () => host.read());
    const expectedCells = toGrid(workbook).sheets.reduce((n, s) => n + s.values.length * 8, 0);
    expect(
      first.value.grid.sheets.reduce((n, s) => n + s.values.length * (s.values[0]?.length ?? 0), 0),
    ).toBe(expectedCells);
    expect(
      workbook.syncLog
        .filter((s) => s.error === null)
        .every((s) => s.responseBytes <= workbook.payloadLimit && s.requestBytes <= workbook.payloadLimit),
    ).toBe(true);
    // The whole plan does not fit one 5 MB response: the tabs listed, one sync (addresses and the
    // first rows), then chunks, and no failed attempt over the cap, even on the first read.
    expect(workbook.syncLog.every((s) => s.error === null)).toBe(true);
    const chunks = workbook.syncLog.length - 2;
    expect(chunks).toBeGreaterThan(0);
    expect(first.syncs).toBe(2 + chunks);
    expect(first.value.notes.join(" ")).toMatch(new RegExp(`read in ${chunks} parts`));
    // The next read costs one sync less (the tabs are known), still no failed attempt.
    const second = await countSyncs(workbook, () => host.read());
    expect(second.syncs).toBe(first.syncs - 1);
    const result = checkPlan(second.value.grid, { asOf: AS_OF, ownSheets: OWN });
    expect(result.summary.actions).toBe(20_000);
    const writes = planFormatting(result);
    const applied = await countSyncs(workbook, () => host.apply(writes));
    expect(applied.syncs).toBe(1);
    const once = snapshotState(workbook);
    await host.read();
    await host.apply(writes);
    expect(snapshotState(workbook)).toBe(once);
  }, 60_000);

  test("20,000 actions with the payload limit lifted (Excel desktop): read() is one sync once the tabs are known", async () => {
    const { workbook, host } = memoryHost(generatedPlan(4, 5000));
    workbook.payloadLimit = Number.MAX_SAFE_INTEGER;
    expect((await countSyncs(workbook, () => host.read())).syncs).toBe(2);
    const { syncs } = await countSyncs(workbook, () => host.read());
    expect(syncs).toBe(1);
  }, 60_000);
});
