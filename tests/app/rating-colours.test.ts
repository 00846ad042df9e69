/**
 * "Keep my plan's own colours" end to end in the in-memory Excel: the setting saved and read back,
 * Check plan writing the plan's own fills as the rating colour rules (and the palette by default,
 * and for old stored settings that lack the setting), no cell's text or fill touched; sdp-check
 * reads old and new stored settings without a problem.
 */
import { Workbook } from "exceljs";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { checkPlanCommand, SUMMARY_SHEET } from "../../src/app/commands";
import { parseArgs, type RunArgs } from "../../src/cli/args";
import { checkWorkbook } from "../../src/cli/check-workbook";
import { readWorkbookFile } from "../../src/cli/read-file";
import { DEFAULT_SETTINGS, parseSettings } from "../../src/core/index";
import { STORAGE_SHEET, storageRows } from "../../src/core/storage-layout";
import { cellValues, toGrid } from "../../src/memory-excel";
import { memoryHost } from "../excel/memory-host";
import { FIXTURE_DIR, fixtureGrid } from "../helpers/fixture-grid";

const TODAY = "2022-07-15";
const OWN = [SUMMARY_SHEET, STORAGE_SHEET];

/** The colour rules the add-in wrote on Early Help's rating cells (G8:G17): [fill, font] by rule order. */
function ratingRules(workbook: Parameters<typeof toGrid>[0]): [string | null, string | null][] {
  const sheet = toGrid(workbook).sheets.find((s) => s.name === "Early Help");
  return (sheet?.conditionalFormats ?? [])
    .filter((cf) => cf.range === "G8:G17" && cf.formula.startsWith("=OR(LOWER(TRIM(G8))="))
    .map((cf) => [cf.fill, cf.font]);
}

/** Every cell's text and own fill on the plan's tabs. */
function textsAndFills(workbook: Parameters<typeof toGrid>[0]): unknown {
  return toGrid(workbook)
    .sheets.filter((s) => !OWN.includes(s.name))
    .map((s) => [s.name, s.values, s.fills]);
}

describe("rating colours in the memory Excel", () => {
  test("with the setting on, Check plan colours each rating in the plan's own fill, with readable text", async () => {
    const { workbook, host } = memoryHost(fixtureGrid());
    const before = textsAndFills(workbook);
    const userCells = cellValues(workbook, OWN);
    await host.saveSettings({ ...DEFAULT_SETTINGS, ratingColours: "plan" });
    // The setting persists: a fresh read gives it back.
    const stored = parseSettings((await host.read({ snapshot: "skip" })).settings);
    expect(stored).toEqual({ settings: { ...DEFAULT_SETTINGS, ratingColours: "plan" }, problem: null });
    const outcome = await checkPlanCommand(host, { today: TODAY });
    expect(outcome).toMatchObject({ formatting: "applied", settingsProblem: null });
    expect(outcome.settings.ratingColours).toBe("plan");
    // The fixture fills its colour-only ratings in Excel's standard blue, green, gold and red.
    expect(ratingRules(workbook)).toEqual([
      ["#0070C0", "#FFFFFF"],
      ["#00B050", "#000000"],
      ["#FFC000", "#000000"],
      ["#FF0000", "#000000"],
    ]);
    expect(textsAndFills(workbook)).toEqual(before);
    expect(cellValues(workbook, OWN)).toEqual(userCells);
  });

  test("by default, and with old stored settings that lack the setting, the add-in's palette", async () => {
    const palette = [
      ["#0072B2", "#FFFFFF"],
      ["#009E73", "#000000"],
      ["#E69F00", "#000000"],
      ["#B2182B", "#FFFFFF"],
    ];
    const fresh = memoryHost(fixtureGrid());
    await checkPlanCommand(fresh.host, { today: TODAY });
    expect(ratingRules(fresh.workbook)).toEqual(palette);

    const old = memoryHost(fixtureGrid());
    const { ratingColours: _dropped, ...oldSettings } = { ...DEFAULT_SETTINGS, dueSoonDays: 14 };
    await old.host.saveSettings(oldSettings);
    const outcome = await checkPlanCommand(old.host, { today: TODAY });
    expect(outcome.settingsProblem).toBeNull();
    expect(outcome.settings).toEqual({ ...DEFAULT_SETTINGS, dueSoonDays: 14, ratingColours: "palette" });
    expect(ratingRules(old.workbook)).toEqual(palette);
  });

  test("a plan with no fills: the setting on changes nothing (the palette throughout)", async () => {
    const grid = fixtureGrid();
    for (const s of grid.sheets) delete s.fills;
    const { workbook, host } = memoryHost(grid);
    await host.saveSettings({ ...DEFAULT_SETTINGS, ratingColours: "plan" });
    await checkPlanCommand(host, { today: TODAY });
    expect(ratingRules(workbook).map(([fill]) => fill)).toEqual(["#0072B2", "#009E73", "#E69F00", "#B2182B"]);
  });
});

describe("sdp-check reads stored settings with and without ratingColours", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "sdp-colours-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function withSettings(name: string, settings: unknown): Promise<string> {
    const wb = new Workbook();
    await wb.xlsx.readFile(join(FIXTURE_DIR, "sdp-2022-23.xlsx"));
    const store = wb.addWorksheet(STORAGE_SHEET, { state: "veryHidden" });
    storageRows({ settings }).forEach((row, i) =>
      row.forEach((cell, j) => (store.getCell(i + 1, j + 1).value = cell)),
    );
    const path = join(dir, name);
    await wb.xlsx.writeFile(path);
    return path;
  }

  test("old settings (no ratingColours) and new ones (plan) both apply, with no settings problem", async () => {
    const io = { readFile: readWorkbookFile, today: () => TODAY, colour: false };
    const run = async (path: string) =>
      JSON.parse(await checkWorkbook(parseArgs([path, "--json"]) as RunArgs, io)) as {
        settingsProblem: string | null;
        dueSoonDays: number;
        summary: unknown;
      };
    const { ratingColours: _dropped, ...old } = { ...DEFAULT_SETTINGS, dueSoonDays: 14 };
    const a = await run(await withSettings("old.xlsx", old));
    const b = await run(await withSettings("new.xlsx", { ...old, ratingColours: "plan" }));
    expect([a.settingsProblem, b.settingsProblem]).toEqual([null, null]);
    expect([a.dueSoonDays, b.dueSoonDays]).toEqual([14, 14]);
    expect(b.summary).toEqual(a.summary);
  });
});
