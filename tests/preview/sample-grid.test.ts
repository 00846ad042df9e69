/**
 * The browser preview starts from assets/sample-plan.grid.json (no exceljs at start), while
 * Open workbook…, sdp-check and the browser tests read assets/sample-plan.xlsx. The grid file
 * must be exactly what readXlsx reads from that .xlsx, so the two can never drift apart:
 * rebuild it with `npm run prepare && node src/tools/make-sample.mjs --grid` (or `npm run sample`
 * for both files) when this fails.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { toGrid } from "../../src/memory-excel/grid";
import {
  SAMPLE_GRID_FORMAT,
  workbookFromRead,
  workbookFromSampleGrid,
  type SampleGridFile,
} from "../../src/preview/load";
import { STORAGE_SHEET } from "../../src/core/storage-layout";
import { readXlsx } from "../../src/xlsx";

const ASSETS = join(__dirname, "..", "..", "assets");
const XLSX = join(ASSETS, "sample-plan.xlsx");
const GRID = join(ASSETS, "sample-plan.grid.json");
const REBUILD =
  "assets/sample-plan.grid.json is out of date: run `npm run prepare && node src/tools/make-sample.mjs --grid`";

function gridFile(): SampleGridFile {
  return JSON.parse(readFileSync(GRID, "utf8")) as SampleGridFile;
}

test("sample-plan.grid.json is readXlsx's output for sample-plan.xlsx, as JSON", async () => {
  const read = await readXlsx(readFileSync(XLSX));
  const file = gridFile();
  expect({ format: file.format, version: file.version, source: file.source }).toEqual({
    format: SAMPLE_GRID_FORMAT,
    version: 1,
    source: "sample-plan.xlsx",
  });
  // Plain JSON data: the round trip through JSON loses nothing readXlsx gave.
  expect(JSON.parse(JSON.stringify(read))).toEqual(read);
  const same = JSON.stringify(file.read) === JSON.stringify(read);
  if (!same) expect(file.read).toEqual(read); // shows the difference
  expect(same ? "up to date" : REBUILD).toBe("up to date");
});

test("the preview builds the same workbook from the grid file as from the .xlsx (cells, formats, fills, merges, tabs, stored settings)", async () => {
  const fromXlsx = workbookFromRead(await readXlsx(readFileSync(XLSX)));
  const fromGrid = workbookFromSampleGrid(gridFile());
  expect(toGrid(fromGrid.workbook)).toEqual(toGrid(fromXlsx.workbook));
  expect(fromGrid.asOf).toBe("2022-07-15");
  expect(fromGrid.asOf).toBe(fromXlsx.asOf);
  const tabs = fromGrid.workbook.sheets.map((s) => [s.name, s.visibility]);
  expect(tabs).toContainEqual([STORAGE_SHEET, "veryHidden"]);
  expect(tabs[0]).toEqual(["Early Help", "visible"]);
  expect(fromGrid.workbook.activeSheetId).toBe(fromGrid.workbook.sheets[0]?.id);
});

test("a file that is not the sample's grid is refused with a readable error", () => {
  expect(() => workbookFromSampleGrid({ sheets: [] })).toThrow(/not one this preview can read/);
  expect(() => workbookFromSampleGrid(null)).toThrow(/not one this preview can read/);
  expect(() => workbookFromSampleGrid({ ...gridFile(), version: 2 })).toThrow(
    /not one this preview can read/,
  );
});
