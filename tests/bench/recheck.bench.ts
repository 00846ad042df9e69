/**
 * Figure 2, the live re-check: one edited row on a 20,000-action workbook (recheckRows),
 * the cost of the engine's side of "the pane updates as you type". Budget: median <= 20 ms.
 *
 * Edits alternate (so every re-check sees a real change) on a row in the middle of a large tab:
 * the rating text (Green <-> Red), the due cell (a date text <-> "TBC"), the owner (filled <-> empty).
 * The grid is patched in place, as the pane patches its copy after readRows().
 */
import type * as Core from "../../src/core";
import type { CellValue } from "../../src/core/grid";
import { BENCH_AS_OF, generatePlan } from "./generate-plan";
import { median, nowMs, round, tryRequire, writeFigure } from "./record";

const ACTIONS = 20000;
const RUNS = 60;
const BUDGET_MS = 20;

test("live re-check of one edited row on a 20,000-action workbook", () => {
  const core = tryRequire<typeof Core>("../../src/core");
  if (!core.mod) {
    writeFigure({
      id: "recheck",
      title: "Live re-check of one edited row (20,000 actions)",
      rows: [],
      budgets: [
        {
          name: "re-check one edited row, 20,000 actions",
          value: null,
          limit: BUDGET_MS,
          unit: "ms",
          note: `engine not loadable: ${core.error}`,
        },
      ],
      notes: [],
    });
    return;
  }
  const { checkPlan, recheckRows } = core.mod;
  const options = { asOf: BENCH_AS_OF, dueSoonDays: 30 };
  const plan = generatePlan({ actions: ACTIONS });
  // the largest tab, a row in its middle
  const sheetName = Object.entries(plan.actionRows).sort((a, b) => b[1].length - a[1].length)[0][0];
  const actionRows = plan.actionRows[sheetName];
  const row = actionRows[Math.floor(actionRows.length / 2)];
  const sheet = plan.grid.sheets.find((s) => s.name === sheetName)!;
  const i = row - sheet.origin.row;

  const set = (col: number, value: CellValue, format = "General") => {
    sheet.values[i][col - 1] = value;
    sheet.texts![i][col - 1] = value === null ? null : String(value);
    sheet.numberFormats![i][col - 1] = format;
  };
  const edits: { name: string; apply: (k: number) => void }[] = [
    { name: "rating text", apply: (k) => set(7, k % 2 ? "Red" : "Green") },
    { name: "due cell", apply: (k) => set(4, k % 2 ? "TBC" : "end Sept 2022") },
    { name: "owner cell", apply: (k) => set(2, k % 2 ? null : "Head of Service") },
  ];

  let result = checkPlan(plan.grid, options);
  const full: number[] = [];
  for (let k = 0; k < 3; k++) {
    const t0 = nowMs();
    result = checkPlan(plan.grid, options);
    full.push(nowMs() - t0);
  }
  const rows: Record<string, number | string | null>[] = [];
  const all: number[] = [];
  for (const edit of edits) {
    // warm-up
    for (let k = 0; k < 5; k++) {
      edit.apply(k);
      result = recheckRows(result, plan.grid, sheetName, [row], options);
    }
    const times: number[] = [];
    for (let k = 0; k < RUNS; k++) {
      edit.apply(k);
      const t0 = nowMs();
      result = recheckRows(result, plan.grid, sheetName, [row], options);
      times.push(nowMs() - t0);
    }
    all.push(...times);
    rows.push({
      edit: edit.name,
      "median ms": round(median(times), 2),
      "min ms": round(Math.min(...times), 2),
      "max ms": round(Math.max(...times), 2),
      runs: RUNS,
    });
  }
  // the re-check must agree with a full check of the edited workbook
  const fresh = checkPlan(plan.grid, options);
  expect(result.summary.rag).toEqual(fresh.summary.rag);
  expect(result.summary.status).toEqual(fresh.summary.status);
  const sheetActions = result.sheets.find((s) => s.name === sheetName)?.actions.length ?? 0;
  writeFigure({
    id: "recheck",
    title: "Live re-check of one edited row (20,000 actions)",
    rows,
    budgets: [
      {
        name: "re-check one edited row, 20,000 actions",
        value: round(median(all), 2),
        limit: BUDGET_MS,
        unit: "ms",
        note: `median of ${all.length} re-checks (3 kinds of edit)`,
      },
    ],
    notes: [
      `edited row ${row} of '${sheetName}' (${sheetActions} actions on that tab, ${plan.grid.sheets.length} tabs); full checkPlan of the same workbook: median ${round(median(full), 0)} ms`,
    ],
  });
});
