/**
 * The adapter passing through Excel's documented limits, as the in-memory Excel plays them
 * (issue #9's "Done when"). Each limit's source is cited where the fake enforces it.
 */
import { checkPlanCommand, recheckCommand, summariseCommand } from "../../src/app/commands";
import { checkPlan, planFormatting } from "../../src/core/index";
import type { Snapshot } from "../../src/core/model";
import { STORAGE_SHEET } from "../../src/core/storage-layout";
import type { CellEdit } from "../../src/host/WorkbookHost";
import { OfficeWorkbookHost } from "../../src/excel/OfficeWorkbookHost";
import {
  memoryRun,
  snapshotState,
  toGrid,
  userEdit,
  userInsertRows,
  userShiftCells,
} from "../../src/memory-excel";
import { conditionalStyle, todaySerial } from "../../src/preview/cf-eval";
import { STATUS_PALETTE } from "../../src/core/palette";
import { fixtureGrid } from "../helpers/fixture-grid";
import { generatedPlan } from "./generated-plan";
import { memoryHost, memoryPayloadLimit } from "./memory-host";

const TODAY = "2022-07-15";

function withinCap(
  log: { requestBytes: number; responseBytes: number; error: string | null }[],
  cap: number,
) {
  return log.every((r) => r.error === null && r.requestBytes <= cap && r.responseBytes <= cap);
}

describe("the adapter through Excel's limits", () => {
  test("a 20,000-action plan formats and summarises on the web (no address past 8,192 characters, no payload over the cap)", async () => {
    // Two tabs of 10,000: each due date's cells on a tab make an address past the limit.
    const { workbook, host } = memoryHost(generatedPlan(2, 10_000));
    const checked = await checkPlanCommand(host, { today: TODAY });
    expect(checked.formatting).toBe("applied");
    const summarised = await summariseCommand(host, { today: TODAY });
    expect(summarised.result.summary.actions).toBe(20_000);
    expect(workbook.findSheet("Progress Summary")).not.toBeNull();
    expect(workbook.syncLog.every((r) => r.error === null)).toBe(true);
    expect(withinCap(workbook.syncLog, workbook.payloadLimit)).toBe(true);
    // The live highlights are there (two rules per due date), no address longer than getRanges takes,
    // although all of them together would be far past it.
    const owned = host.lastRead?.owned.sheets["Area 1"]?.highlights ?? [];
    expect(owned.every((h) => h.range.length <= 8_000)).toBe(true);
    expect(owned.reduce((n, h) => n + h.range.length + 1, 0)).toBeGreaterThan(8_192);
    const rules = workbook
      .sheet("Area 1")
      .conditionalFormats.filter((cf) => /^=(TODAY\(\)>|AND\(TODAY\(\)>=)DATE\(/.test(cf.formula));
    expect(rules.length).toBe(owned.reduce((n, h) => n + h.rules, 0));
    // Three due dates on each generated tab (the fourth, Q3, is always on a Blue = complete row), each
    // date's cells cut into two addresses, each carrying the date's two rules.
    expect(owned).toHaveLength(6);
    expect(owned.every((h) => h.rules === 2)).toBe(true);
    expect(rules.length).toBe(12);
  }, 120_000);

  test("a tab with 600 merged areas reads (merges in bands, halved while a band holds more than 512)", async () => {
    const { workbook, host } = memoryHost(fixtureGrid());
    const notes = workbook.sheet("Notes");
    for (let i = 0; i < 600; i++) notes.merges.push({ top: 100 + i, bottom: 100 + i, left: 1, right: 2 });
    notes.cells.set((700 - 1) * 16_384, {
      value: "end",
      numberFormat: "General",
      fill: null,
      bold: false,
      fontColor: null,
      hyperlink: null,
    });
    const read = await host.read();
    const merges = read.grid.sheets.find((s) => s.name === "Notes")?.merges ?? [];
    expect(merges).toHaveLength(600);
    expect(merges).toContainEqual({ top: 699, bottom: 699, left: 1, right: 2 });
    // The read with merges failed once, and the first band (all 600) once before its halves read.
    expect(workbook.syncLog.filter((r) => r.error !== null)).toHaveLength(2);
  });

  test("a structure-protected workbook: a clear message, and the workbook exactly as it was", async () => {
    const { workbook, host } = memoryHost(fixtureGrid());
    workbook.structureProtected = true;
    const before = snapshotState(workbook);
    await expect(checkPlanCommand(host, { today: TODAY })).rejects.toThrow(
      /structure is protected, so the add-in cannot add 'SDP Assistant Data'.*Nothing was changed\./,
    );
    await expect(summariseCommand(host, { today: TODAY })).rejects.toThrow(/structure is protected/);
    await expect(host.saveSettings({ version: 1 })).rejects.toThrow(/structure is protected/);
    expect(snapshotState(workbook)).toBe(before);
    expect(workbook.findSheet(STORAGE_SHEET)).toBeNull();
  });

  test("a 100,000-action snapshot round-trips, every sync within the 5 MB cap", async () => {
    const { workbook, host } = memoryHost(fixtureGrid());
    const actions: Snapshot["actions"] = {};
    for (let i = 0; i < 100_000; i++)
      actions[`Area ${i % 20}::action ${i}: run the session for the families in the borough`] = {
        sheet: `Area ${i % 20}`,
        row: 4 + Math.floor(i / 20),
        action: `Action ${i}: run the session for the families in the borough`,
        rag: i % 3 === 0 ? "green" : null,
        status: "on-track",
      };
    const snapshot: Snapshot = { version: 1, takenOn: TODAY, asOf: TODAY, actions };
    expect(JSON.stringify(snapshot).length).toBeGreaterThan(3 * workbook.payloadLimit);
    await host.read();
    await host.apply([], { snapshot });
    // A new pane (a fresh host) over the same workbook reads it back.
    const fresh = new OfficeWorkbookHost({
      run: memoryRun(workbook),
      payloadLimit: () => memoryPayloadLimit(workbook),
    });
    const again = await fresh.read();
    expect(again.snapshot).toEqual(snapshot);
    expect(withinCap(workbook.syncLog, workbook.payloadLimit)).toBe(true);
  }, 120_000);

  test("a row inserted above actions: the tab is re-checked and every highlight stays on its action", async () => {
    const { workbook, host } = memoryHost(fixtureGrid());
    const edits: CellEdit[] = [];
    const checked = await checkPlanCommand(host, { today: TODAY });
    const stop = await host.onEdited((e) => edits.push(e));
    userInsertRows(workbook, "Early Help", 5, 1);
    await workbook.events.flush();
    expect(edits).toHaveLength(1);
    expect(Math.min(...edits[0].rows)).toBe(5);
    const rechecked = await recheckCommand(host, checked, edits[0], TODAY);
    // What a fresh Check plan of the workbook as it is now would highlight:
    const fresh = checkPlan((await host.read()).grid, { asOf: TODAY });
    const want = planFormatting(fresh)
      .filter((w) => w.kind === "status-highlight" && w.sheet === "Early Help")
      .flatMap((w) => (w.kind === "status-highlight" ? w.cells : []))
      .sort();
    const have = planFormatting(rechecked.result)
      .filter((w) => w.kind === "status-highlight" && w.sheet === "Early Help")
      .flatMap((w) => (w.kind === "status-highlight" ? w.cells : []))
      .sort();
    expect(want.length).toBeGreaterThan(0);
    expect(have).toEqual(want);
    await stop();
  });

  // Home > Insert > Insert Cells with "Shift cells down" across the table's columns (a blank action
  // slot), "Shift cells right" in one row, and their Delete Cells counterparts: events CellInserted
  // and CellDeleted with a range that is not whole rows (Learn: Excel.DataChangeType).
  test.each([
    ["inserted, shift down, across the table's columns", "A10:H10", "Down"],
    ["inserted, shift right, in one row", "A10", "Right"],
    ["deleted, shift up, across the table's columns", "A10:H10", "Up"],
    ["deleted, shift left, in one row", "C10", "Left"],
  ] as const)(
    "cells %s: the re-check puts every highlight where a fresh Check plan would",
    async (_, address, direction) => {
      for (const api of ["1.13", "1.14"] as const) {
        const { workbook, host } = memoryHost(fixtureGrid());
        workbook.eventsApi = api;
        const checked = await checkPlanCommand(host, { today: TODAY });
        const edits: CellEdit[] = [];
        const stop = await host.onEdited((e) => edits.push(e));
        userShiftCells(workbook, "Early Help", address, direction);
        await workbook.events.flush();
        expect(edits).toHaveLength(1);
        expect(Math.min(...edits[0].rows)).toBe(10);
        const rechecked = await recheckCommand(host, checked, edits[0], TODAY);
        await workbook.events.flush();
        // The re-check's own writes came back as no edit.
        expect(edits).toHaveLength(1);
        const fresh = checkPlan((await host.read()).grid, { asOf: TODAY });
        const cells = (r: typeof fresh) =>
          planFormatting(r)
            .flatMap((w) => (w.kind === "status-highlight" && w.sheet === "Early Help" ? w.cells : []))
            .sort();
        expect(cells(fresh).length).toBeGreaterThan(0);
        expect(cells(rechecked.result)).toEqual(cells(fresh));
        // And in the workbook: the stored rules, evaluated today, colour each due cell as the fresh check says.
        workbook.today = new Date(`${TODAY}T00:00:00Z`);
        const mem = workbook.sheet("Early Help");
        const lookup = (r: number, c: number) => workbook.cell(mem, r, c)?.value ?? null;
        const early = fresh.sheets.find((s) => s.name === "Early Help")!;
        const shown = early.actions
          .filter((a) => a.columns.due !== undefined)
          .map((a) => {
            const fill = conditionalStyle(
              mem.conditionalFormats,
              a.row,
              a.columns.due!,
              lookup,
              todaySerial(workbook.today),
            ).fill;
            const want =
              a.status === "overdue" || a.status === "due-soon" ? STATUS_PALETTE[a.status].fill : null;
            return fill === want ||
              (want === null &&
                fill !== STATUS_PALETTE.overdue.fill &&
                fill !== STATUS_PALETTE["due-soon"].fill)
              ? null
              : `row ${a.row}: ${a.status}, fill ${fill}`;
          })
          .filter((x) => x !== null);
        expect(shown).toEqual([]);
        await stop();
      }
    },
  );

  test.each(["1.13", "1.14"] as const)(
    "%s: own writes do not come back as edits; a user's edit during a write is not lost",
    async (api) => {
      const { workbook, host } = memoryHost(fixtureGrid());
      workbook.eventsApi = api;
      await checkPlanCommand(host, { today: TODAY });
      const edits: CellEdit[] = [];
      const stop = await host.onEdited((e) => edits.push(e));
      const writing = host.apply([
        { kind: "set-text", sheet: "Early Help", cell: "G9", before: "", text: "Green", why: "test" },
      ]);
      // The user types while the add-in's write is on its way.
      userEdit(workbook, "Early Help", "G12", [["Red"]]);
      await writing;
      await workbook.events.flush();
      expect(edits).toEqual([{ sheet: "Early Help", rows: [12] }]);
      // The same cell typed over by the user with another value is theirs.
      userEdit(workbook, "Early Help", "G9", [["Amber"]]);
      await workbook.events.flush();
      expect(edits).toEqual([
        { sheet: "Early Help", rows: [12] },
        { sheet: "Early Help", rows: [9] },
      ]);
      await stop();
    },
  );

  test("a long-text plan whose cells pass 5 MB in a response (ResponsePayloadSizeLimitExceeded): read in parts, all of it, every sync that went through within the cap", async () => {
    // 90 actions whose comments hold 30,000 characters each: the first sync's head alone is over 5 MB.
    const grid = generatedPlan(1, 90);
    const sheet = grid.sheets[0];
    sheet.values.forEach((row, i) => {
      if (i >= 3)
        row[7] = `${i}: ${"the family said the sessions helped; ".repeat(800)}`.slice(0, 29_999) + ".";
    });
    const { workbook, host } = memoryHost(grid);
    const checked = await checkPlanCommand(host, { today: TODAY });
    expect(workbook.syncLog.some((r) => r.error === "ResponsePayloadSizeLimitExceeded")).toBe(true);
    expect(
      withinCap(
        workbook.syncLog.filter((r) => r.error === null),
        workbook.payloadLimit,
      ),
    ).toBe(true);
    expect(checked.read.notes.join(" ")).toMatch(/read in \d+ parts/);
    const comments = checked.result.sheets[0].actions.map((a) => a.comments);
    const want = sheet.values.slice(3).map((r) => r[7]);
    // Compared cell by cell (a failure names the rows, not 2.7 million characters).
    expect(comments).toHaveLength(90);
    expect(want.flatMap((w, i) => (comments[i] === w ? [] : [i + 4]))).toEqual([]);
  }, 60_000);

  test("the summary tab's chart says how its series run (the same on the web and desktop, where Auto differs)", async () => {
    const seriesBy: string[] = [];
    for (const platform of ["web", "desktop"] as const) {
      const { workbook, host } = memoryHost(fixtureGrid());
      workbook.platform = platform;
      await summariseCommand(host, { today: TODAY });
      seriesBy.push(...workbook.sheet("Progress Summary").charts.map((c) => c.seriesBy));
    }
    expect(seriesBy).toEqual(["Columns", "Columns"]);
  });

  test('owners and actions like "1/2", "Apr-24", "50%", "£5", "1,000" reach the summary tab as that text, not dates or numbers', async () => {
    const { workbook, host } = memoryHost(fixtureGrid());
    const checked = await checkPlanCommand(host, { today: TODAY });
    const overdue = checked.result.sheets.flatMap((s) => s.actions).filter((a) => a.status === "overdue");
    const texts = ["1/2", "Apr-24", "50%", "£5", "1,000"];
    expect(overdue.length).toBeGreaterThanOrEqual(texts.length);
    const letter = (c: number | undefined): string => String.fromCharCode(64 + (c ?? 1));
    texts.forEach((text, i) => {
      const a = overdue[i];
      userEdit(workbook, a.sheet, `${letter(a.columns.owner)}${a.row}`, [[text]]);
    });
    const summary = await summariseCommand(host, { today: TODAY });
    const written = toGrid(workbook).sheets.find((s) => s.name === "Progress Summary");
    const cells = (written?.values ?? []).flat();
    // Each text is in the tab as that text (toContain is exact: "1/2", not 2 January's serial) ...
    for (const text of texts) expect(cells).toContain(text);
    // ... and every row holding one reads back exactly as the summary planned it.
    const rows = summary.sheet.rows.flatMap((r, at) =>
      r.some((v) => texts.includes(v as string)) ? [at] : [],
    );
    expect(rows.length).toBeGreaterThanOrEqual(texts.length);
    for (const at of rows)
      expect(written?.values[at]?.slice(0, summary.sheet.rows[at].length)).toEqual(
        summary.sheet.rows[at].map((v) => v ?? null),
      );
  });
});
