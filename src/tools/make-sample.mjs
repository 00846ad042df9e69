#!/usr/bin/env node
/**
 * Builds assets/sample-plan.xlsx, the workbook the browser preview opens: the real plan of
 * tests/fixtures/sdp-2022-23.xlsx, unchanged, plus the add-in's settings stored the way the
 * add-in stores them (core/storage-layout: a very hidden "SDP Assistant Data" tab), judging the
 * plan as of 15 July 2022 — the date its expected results were checked by hand — so the
 * preview shows a realistic mix of overdue, due-soon and on-track actions whatever today is.
 *
 * Also writes assets/sample-plan.grid.json: what readXlsx (src/xlsx) reads from that very file —
 * the grid plus the stored settings, snapshot and owned formatting — as JSON. The preview starts
 * from it, so its first screen needs no exceljs (exceljs only loads for Open workbook… and
 * Download workbook); tests/preview/sample-grid.test.ts fails when the two files disagree.
 *
 *   node src/tools/make-sample.mjs          both files (needs an up-to-date dist-cli/: `npm run prepare` first)
 *   node src/tools/make-sample.mjs --grid   only the grid, from the committed sample-plan.xlsx (after a change to readXlsx)
 */
import { readFileSync, writeFileSync, existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const SOURCE = join(root, "tests", "fixtures", "sdp-2022-23.xlsx");
const TARGET = join(root, "assets", "sample-plan.xlsx");
const GRID_TARGET = join(root, "assets", "sample-plan.grid.json");
/** Marks the grid file (checked by the preview before it trusts the file). */
export const SAMPLE_GRID_FORMAT = "sdp-assistant-sample-grid";
export const SAMPLE_AS_OF = "2022-07-15";

const coreDir = join(root, "dist-cli", "core");
if (!existsSync(join(coreDir, "storage-layout.js"))) {
  console.error("dist-cli/ is missing: run `npm run prepare` first.");
  process.exit(2);
}
const { storageRows, STORAGE_SHEET } = require(join(coreDir, "storage-layout.js"));
const { DEFAULT_SETTINGS } = require(join(coreDir, "settings.js"));
const { readXlsx } = require(join(root, "dist-cli", "xlsx", "read-xlsx.js"));
const ExcelJS = require("exceljs");

const gridOnly = process.argv.includes("--grid");
let bytes;
if (gridOnly) {
  bytes = readFileSync(TARGET);
} else {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readFileSync(SOURCE));
  if (workbook.getWorksheet(STORAGE_SHEET)) workbook.removeWorksheet(workbook.getWorksheet(STORAGE_SHEET).id);
  const data = workbook.addWorksheet(STORAGE_SHEET, { state: "veryHidden" });
  const settings = { ...DEFAULT_SETTINGS, asOf: SAMPLE_AS_OF };
  storageRows({ settings }).forEach((row, r) =>
    (row ?? []).forEach((value, c) => (data.getCell(r + 1, c + 1).value = value)),
  );
  // Fixed metadata so the committed file only changes when its content does.
  const fixed = new Date(Date.UTC(2022, 6, 15));
  workbook.created = fixed;
  workbook.modified = fixed;
  workbook.creator = "SDP Assistant";
  workbook.lastModifiedBy = "SDP Assistant";
  bytes = Buffer.from(await workbook.xlsx.writeBuffer());
  writeFileSync(TARGET, bytes);
  console.log(
    `Wrote ${TARGET} (${bytes.length} bytes): ${workbook.worksheets.length - 1} tabs from ${SOURCE}, settings as of ${SAMPLE_AS_OF}.`,
  );
}

// What the preview starts from: exactly readXlsx's output for sample-plan.xlsx (read back from its bytes).
const read = await readXlsx(bytes);
const grid =
  JSON.stringify({ format: SAMPLE_GRID_FORMAT, version: 1, source: "sample-plan.xlsx", read }) + "\n";
writeFileSync(GRID_TARGET, grid);
console.log(
  `Wrote ${GRID_TARGET} (${Buffer.byteLength(grid)} bytes): ${read.grid.sheets.length} tabs and the stored settings, as readXlsx reads ${TARGET}.`,
);
