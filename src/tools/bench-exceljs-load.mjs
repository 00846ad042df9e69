#!/usr/bin/env node
// The benchmarks' baseline for sdp-check: exceljs merely loading an .xlsx file, nothing else.
//   node src/tools/bench-exceljs-load.mjs <file.xlsx>
// Run as a child process exactly like sdp-check (same node, same flags), so the ratio
// "sdp-check time / this time" compares like with like (tests/bench/cli.bench.ts).
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const ExcelJS = require("exceljs");
const file = process.argv[2];
if (!file) {
  process.stderr.write("usage: bench-exceljs-load.mjs <file.xlsx>\n");
  process.exit(2);
}
const buffer = readFileSync(file);
const workbook = new ExcelJS.Workbook();
await workbook.xlsx.load(buffer);
process.stdout.write(`${workbook.worksheets.length} worksheets\n`);
