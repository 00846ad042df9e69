import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  applyTextChangesCommand,
  checkPlanCommand,
  recheckCommand,
  refreshCommand,
  removeFormattingCommand,
  summariseCommand,
  SUMMARY_SHEET,
} from "../../src/app/commands";
import { cachesOf } from "../../src/app/caches";
import { DEFAULT_LEGEND, planConvertColourRatings } from "../../src/core/index";
import { STORAGE_SHEET } from "../../src/core/storage-layout";
import { cellValues, MemoryRequestContext, snapshotState, toGrid, userEdit } from "../../src/memory-excel";
import { readXlsx } from "../../src/xlsx/read-xlsx";
import { FIXTURE_DIR, fixtureGrid } from "../helpers/fixture-grid";
import { countSyncs, memoryHost } from "../excel/memory-host";

const TODAY = "2022-07-15";
const OWN = [SUMMARY_SHEET, STORAGE_SHEET];

describe("use-cases over the memory Excel", () => {
  test("Check plan: three syncs on a fresh pane (list tabs, read, apply), formatting applied, no user text changed", async () => {
    const { workbook, host } = memoryHost(fixtureGrid());
    const before = cellValues(workbook, OWN);
    const { value, syncs } = await countSyncs(workbook, () => checkPlanCommand(host, { today: TODAY }));
    expect(syncs).toBe(3);
    expect(value).toMatchObject({ formatting: "applied", message: null, settingsProblem: null });
    expect(value.result.asOf).toBe(TODAY);
    expect(value.result.summary.actions).toBe(38);
    expect(value.result.skippedSheets).toEqual(["Notes"]);
    expect(cellValues(workbook, OWN)).toEqual(before);
  });

  test("the commands keep one CacheStore per open workbook: a later check reads no due cell afresh", async () => {
    const { host } = memoryHost(fixtureGrid());
    const first = await checkPlanCommand(host, { today: TODAY });
    const caches = cachesOf(host).take(DEFAULT_LEGEND, TODAY, first.result.planYear, false);
    const readings = caches.deadlines.size;
    expect(readings).toBeGreaterThan(10);
    const again = await refreshCommand(host, first, TODAY);
    expect(cachesOf(host).take(DEFAULT_LEGEND, TODAY, first.result.planYear, false)).toBe(caches);
    expect(caches.deadlines.size).toBe(readings);
    expect(again.result).toEqual(first.result);
    // another workbook has its own
    expect(cachesOf(memoryHost(fixtureGrid()).host)).not.toBe(cachesOf(host));
  });

  test("Check plan asks first when the user's own rules sit on a rating column", async () => {
    const { workbook, host } = memoryHost(fixtureGrid());
    const context = new MemoryRequestContext(workbook);
    context.workbook.worksheets.getItem("Early Help").getRange("G8:G17").dataValidation.rule = {
      list: { inCellDropDown: true, source: "Yes,No" },
    };
    await context.sync();
    const before = snapshotState(workbook);
    const asked = await checkPlanCommand(host, { today: TODAY });
    expect(asked.formatting).toBe("needs-confirmation");
    expect(asked.conflicts).toEqual([
      { sheet: "Early Help", column: 7, userValidation: true, userConditionalFormats: 0 },
    ]);
    expect(asked.message).toMatch(/'Early Help'.*Replace my formatting/);
    expect(snapshotState(workbook)).toBe(before);
    const replaced = await checkPlanCommand(host, { today: TODAY, replaceUserRules: true });
    expect(replaced.formatting).toBe("applied");
    expect(toGrid(workbook).sheets[0].validations).toEqual([
      expect.objectContaining({ range: "G8:G17", source: "Blue,Green,Amber,Red" }),
    ]);
  });

  test("Check plan on a protected tab: blocked with a message naming it, workbook unchanged", async () => {
    const { workbook, host } = memoryHost(fixtureGrid());
    workbook.setProtected("Children's Social Care", true);
    const before = snapshotState(workbook);
    const outcome = await checkPlanCommand(host, { today: TODAY });
    expect(outcome.formatting).toBe("blocked");
    expect(outcome.message).toBe(
      "'Children's Social Care' is protected: unprotect it (Review > Unprotect Sheet) and run Check plan again. Nothing was changed.",
    );
    expect(outcome.result.summary.actions).toBe(38);
    expect(snapshotState(workbook)).toBe(before);
  });

  test("Summarise: summary tab and snapshot; a changed rating shows as movement next time", async () => {
    const { workbook, host } = memoryHost(fixtureGrid());
    const before = cellValues(workbook, OWN);
    const first = await countSyncs(workbook, () => summariseCommand(host, { today: "2022-07-04" }));
    expect(first.syncs).toBe(3); // list tabs, read, apply
    expect(first.value.movement).toBeNull();
    expect(first.value.previousReview).toBeNull();
    expect(cellValues(workbook, OWN)).toEqual(before);
    const summary = toGrid(workbook).sheets.find((s) => s.name === SUMMARY_SHEET);
    expect(summary?.values[0]?.[0]).toBe(first.value.sheet.rows[0]?.[0]);
    expect(summary?.charts).toHaveLength(first.value.sheet.chart ? 1 : 0);
    expect(summary?.hyperlinks.length).toBe(first.value.sheet.links.length);

    userEdit(workbook, "Early Help", "G8", [["Amber"]]);
    const second = await summariseCommand(host, { today: TODAY });
    expect(second.previousReview).toBe("2022-07-04");
    const change = second.movement?.ratingChanges.find((c) => c.sheet === "Early Help" && c.row === 8);
    expect(change?.to).toBe("amber");
    expect(second.committeeText).toContain("since the last review");
    // Refreshed in place: still one summary tab, one chart.
    const tabs = toGrid(workbook).sheets.filter((s) => s.name === SUMMARY_SHEET);
    expect(tabs).toHaveLength(1);
    expect(tabs[0].charts).toHaveLength(second.sheet.chart ? 1 : 0);
  });

  test("Apply text changes: skips cells changed since, returns the writes that restore", async () => {
    const { workbook, host } = memoryHost(fixtureGrid());
    const checked = await checkPlanCommand(host, { today: TODAY });
    const writes = planConvertColourRatings(checked.result, checked.settings.legend);
    expect(writes.length).toBeGreaterThan(1);
    const [moved, ...rest] = writes;
    userEdit(workbook, moved.sheet, moved.cell, [["Someone typed here"]]);
    const { changed, restore } = await applyTextChangesCommand(host, writes);
    expect(changed).toBe(rest.length);
    const values = cellValues(workbook);
    for (const w of rest) expect(values[`${w.sheet}!${w.cell}`]).toBe(w.text);
    expect(values[`${moved.sheet}!${moved.cell}`]).toBe("Someone typed here");
    const undone = await applyTextChangesCommand(host, restore);
    expect(undone.changed).toBe(rest.length);
    for (const w of rest) expect(cellValues(workbook)[`${w.sheet}!${w.cell}`]).toBeUndefined();
  });

  test("Remove formatting puts back the state before Check plan", async () => {
    const { workbook, host } = memoryHost(fixtureGrid());
    const before = toGrid(workbook).sheets;
    await checkPlanCommand(host, { today: TODAY });
    await removeFormattingCommand(host);
    expect(toGrid(workbook).sheets.filter((s) => s.name !== STORAGE_SHEET)).toEqual(before);
  });

  test("Re-check after an edit: reads the rows (1 sync), re-applies that tab's highlights (1 sync)", async () => {
    const { workbook, host } = memoryHost(fixtureGrid());
    const checked = await checkPlanCommand(host, { today: TODAY });
    const row = checked.result.sheets[0].actions.find((a) => a.status === "overdue");
    expect(row).toBeDefined();
    const dueCol = row?.columns.due ?? 4;
    userEdit(workbook, "Early Help", `${String.fromCharCode(64 + dueCol)}${row?.row}`, [["complete"]]);
    const { value, syncs } = await countSyncs(workbook, () =>
      recheckCommand(host, checked, { sheet: "Early Help", rows: [row?.row ?? 0] }, TODAY),
    );
    expect(syncs).toBe(2);
    const after = value.result.sheets[0].actions.find((a) => a.row === row?.row);
    expect(after?.status).toBe("complete");
    const fresh = await checkPlanCommand(host, { today: TODAY });
    expect(value.result.summary).toEqual(fresh.result.summary);
  });

  test("end to end: the fixture .xlsx read by readXlsx, checked and summarised in the memory Excel", async () => {
    const xlsx = await readXlsx(readFileSync(join(FIXTURE_DIR, "sdp-2022-23.xlsx")));
    const { workbook, host } = memoryHost(xlsx.grid);
    const before = cellValues(workbook, OWN);
    const checked = await checkPlanCommand(host, { today: TODAY });
    expect(checked.result.summary).toMatchObject({ actions: 38, percentComplete: 24 });
    expect(checked.result.summary.rag).toEqual({ blue: 7, green: 9, amber: 6, red: 4, none: 12 });
    const summarised = await summariseCommand(host, { today: TODAY });
    expect(summarised.result.summary.status).toMatchObject({
      complete: 9,
      overdue: 14,
      "due-soon": 6,
      "on-track": 9,
    });
    expect(cellValues(workbook, OWN)).toEqual(before);
    expect(workbook.findSheet(SUMMARY_SHEET)).not.toBeNull();
  });
  test("Refresh (pane regains focus): sees an edit that fired no event, re-highlights, never asks", async () => {
    const { workbook, host } = memoryHost(fixtureGrid());
    const checked = await checkPlanCommand(host, { today: TODAY });
    const overdueBefore = checked.result.summary.status.overdue;
    // Nothing changed: one read, no apply.
    const quiet = await countSyncs(workbook, () => refreshCommand(host, checked, TODAY));
    expect(quiet.syncs).toBe(1);
    expect(quiet.value.result.summary).toEqual(checked.result.summary);
    // The user marks the overdue green action on Early Help row 16 complete (no event reaches the pane).
    const context = new MemoryRequestContext(workbook);
    context.workbook.worksheets.getItem("Early Help").getRange("G16").values = [["Blue"]];
    await context.sync();
    const refreshed = await countSyncs(workbook, () => refreshCommand(host, quiet.value, TODAY));
    expect(refreshed.syncs).toBe(2);
    expect(refreshed.value.result.summary.status.overdue).toBe(overdueBefore - 1);
    expect(refreshed.value.formatting).toBe("applied");
    const highlighted = (toGrid(workbook).sheets[0]?.conditionalFormats ?? [])
      .map((cf) => cf.range)
      .join(",");
    expect(highlighted).not.toMatch(/D16/);
    // A new rule of the user's on the rating column is not replaced without asking.
    const context2 = new MemoryRequestContext(workbook);
    context2.workbook.worksheets
      .getItem("Early Help")
      .getRange("G8:G17")
      .conditionalFormats.add("Custom").custom.rule.formula = '=G8="x"';
    // Row 10 is due soon; marking it complete changes the highlights the add-in would write.
    context2.workbook.worksheets.getItem("Early Help").getRange("G10").values = [["Blue"]];
    await context2.sync();
    const before = snapshotState(workbook);
    const held = await refreshCommand(host, refreshed.value, TODAY);
    expect(held.formatting).toBe("needs-confirmation");
    expect(held.result.summary.status["due-soon"]).toBe(
      refreshed.value.result.summary.status["due-soon"] - 1,
    );
    expect(snapshotState(workbook)).toBe(before);
  });
});
