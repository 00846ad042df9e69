#!/usr/bin/env node
/**
 * Builds assets/sample-plan.xlsx, the workbook the browser preview opens: the real plan of
 * tests/fixtures/sdp-2022-23.xlsx, unchanged, plus the add-in's settings stored the way the
 * add-in stores them (core/storage-layout: a very hidden "SDP Assistant Data" tab), judging the
 * plan as of 15 July 2022 — the date its expected results were checked by hand — so the
 * preview shows a realistic mix of overdue, due-soon and on-track actions whatever today is.
 *
 *   node src/tools/make-sample.mjs        (needs dist-cli/, built by `npm install` / `npm run prepare`)
 */
import { readFileSync, writeFileSync, existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const SOURCE = join(root, "tests", "fixtures", "sdp-2022-23.xlsx");
const TARGET = join(root, "assets", "sample-plan.xlsx");
export const SAMPLE_AS_OF = "2022-07-15";

const coreDir = join(root, "dist-cli", "core");
if (!existsSync(join(coreDir, "storage-layout.js"))) {
  console.error("dist-cli/ is missing: run `npm run prepare` first.");
  process.exit(2);
}
const { storageRows, STORAGE_SHEET } = require(join(coreDir, "storage-layout.js"));
const { DEFAULT_SETTINGS } = require(join(coreDir, "settings.js"));
const ExcelJS = require("exceljs");

const workbook = new ExcelJS.Workbook();
await workbook.xlsx.load(readFileSync(SOURCE));
if (workbook.getWorksheet(STORAGE_SHEET)) workbook.removeWorksheet(workbook.getWorksheet(STORAGE_SHEET).id);
const data = workbook.addWorksheet(STORAGE_SHEET, { state: "veryHidden" });
const settings = { ...DEFAULT_SETTINGS, asOf: SAMPLE_AS_OF };
storageRows({ settings }).forEach((row, r) => (row ?? []).forEach((value, c) => (data.getCell(r + 1, c + 1).value = value)));
// Fixed metadata so the committed file only changes when its content does.
const fixed = new Date(Date.UTC(2022, 6, 15));
workbook.created = fixed;
workbook.modified = fixed;
workbook.creator = "SDP Assistant";
workbook.lastModifiedBy = "SDP Assistant";
const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
writeFileSync(TARGET, bytes);
console.log(`Wrote ${TARGET} (${bytes.length} bytes): ${workbook.worksheets.length - 1} tabs from ${SOURCE}, settings as of ${SAMPLE_AS_OF}.`);
