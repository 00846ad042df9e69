import { checkPlan, type CellValue } from "./src/core";
import { goodAction, sheet, STANDARD_HEADER, workbook } from "./tests/engine/grid-builder";
const grid = sheet("Plan", [STANDARD_HEADER, goodAction("A"), goodAction("B")]);
while (grid.values.length < 1_048_575) grid.values.push([]);
const last: CellValue[] = [];
last[16_383] = "stray";
grid.values.push(last);
for (let i = 0; i < 3; i++) {
  const t = Date.now();
  checkPlan(workbook(grid), { asOf: "2022-07-15" });
  console.log("took", Date.now() - t);
}
