/**
 * recheckRows after an edit gives exactly what a full checkPlan of the edited workbook gives, and
 * goes the way it should: the fast path ("rows": only the edited rows read again) when the edit cannot
 * change the tab's structure, so a broken fast path fails here rather than falling back unseen.
 */
import {
  checkPlan,
  recheckRows,
  type CellValue,
  type CheckOptions,
  type PlanResult,
  type WorkbookGrid,
} from "../../src/core";
import { recheck, type RecheckPath } from "../../src/core/recheck";
import { fixtureGrid } from "../helpers/fixture-grid";
import { goodAction, sheet, STANDARD_HEADER, workbook } from "./grid-builder";

const OPTIONS: CheckOptions = { asOf: "2022-07-15", dueSoonDays: 30 };

type Edit = { sheet: string; row: number; col: number; value: CellValue; fill?: string | null };

function edited(grid: WorkbookGrid, edits: Edit[]): WorkbookGrid {
  const copy = structuredClone(grid);
  for (const e of edits) {
    const s = copy.sheets.find((x) => x.name === e.sheet);
    if (!s) throw new Error(e.sheet);
    const r = e.row - s.origin.row;
    const c = e.col - s.origin.col;
    while (s.values.length <= r) s.values.push([]);
    const line = s.values[r];
    while (line.length <= c) line.push(null);
    line[c] = e.value;
    const text = s.texts?.[r];
    if (text && c < text.length) text[c] = null;
    if (e.fill !== undefined && s.fills?.[r]) s.fills[r][c] = e.fill;
  }
  return copy;
}

const FAST: RecheckPath = { kind: "rows" };
const TAB: RecheckPath = { kind: "sheet" };

function expectSameAsFull(grid: WorkbookGrid, sheetName: string, edits: Edit[], path: RecheckPath): void {
  const before = checkPlan(grid, OPTIONS);
  const after = edited(grid, edits);
  const rows = edits.map((e) => e.row);
  const quick = recheck(before, after, sheetName, rows, OPTIONS);
  expect(quick.path).toEqual(path);
  expect(quick.result).toEqual(checkPlan(after, OPTIONS));
  // and again from the re-checked result
  const again = edited(
    after,
    edits.map((e) => ({ ...e, value: e.value === null ? "Restored" : null })),
  );
  const second = recheck(quick.result, again, sheetName, rows, OPTIONS);
  expect(second.result).toEqual(checkPlan(again, OPTIONS));
  expect(recheckRows(quick.result, again, sheetName, rows, OPTIONS)).toEqual(second.result);
}

const fixture = fixtureGrid();
const EH = "Early Help";
const CSC = "Children's Social Care";
const AS = "Annual Survey Findings";

describe("recheckRows on the fixture", () => {
  test.each<[string, string, Edit[], RecheckPath]>([
    ["a rating typed", EH, [{ sheet: EH, row: 9, col: 7, value: "Red" }], FAST],
    ["an invalid rating", EH, [{ sheet: EH, row: 8, col: 7, value: "??" }], FAST],
    ["a fill removed", EH, [{ sheet: EH, row: 9, col: 7, value: null, fill: null }], FAST],
    ["an owner cleared", CSC, [{ sheet: CSC, row: 6, col: 2, value: null }], FAST],
    ["a deadline changed", CSC, [{ sheet: CSC, row: 7, col: 4, value: "TBC" }], FAST],
    [
      "a reason cleared (the row now continues the one above)",
      CSC,
      [{ sheet: CSC, row: 10, col: 1, value: null }],
      FAST,
    ],
    [
      "a reason written on a continuation row",
      CSC,
      [{ sheet: CSC, row: 6, col: 1, value: "New reason" }],
      FAST,
    ],
    [
      "an action text made a duplicate",
      EH,
      [
        {
          sheet: EH,
          row: 10,
          col: 3,
          value:
            "Runs Strengthening Families Strengthening Communities Programme x 2. Once in each of the two key areas in the City",
        },
      ],
      FAST,
    ],
    ["an action cleared", AS, [{ sheet: AS, row: 9, col: 3, value: null }], FAST],
    ["a comment that completes", AS, [{ sheet: AS, row: 10, col: 8, value: "Done in June" }], FAST],
    [
      "several rows at once",
      EH,
      [
        { sheet: EH, row: 8, col: 7, value: "Amber" },
        { sheet: EH, row: 15, col: 2, value: "Ann" },
        { sheet: EH, row: 17, col: 8, value: "" },
      ],
      FAST,
    ],
    ["a section heading renamed", AS, [{ sheet: AS, row: 7, col: 1, value: "Care leavers (2022)" }], TAB],
    [
      "an action turned into a heading",
      AS,
      [2, 3, 4, 5, 6, 7, 8].map((col) => ({ sheet: AS, row: 11, col, value: null })),
      TAB,
    ],
    [
      "a header cell renamed (the first header row: the titles above it hold the plan year)",
      CSC,
      [{ sheet: CSC, row: 3, col: 2, value: "Somebody" }],
      { kind: "full", reason: "title-rows-edited" },
    ],
    [
      "a title changed (the plan year)",
      EH,
      [{ sheet: EH, row: 1, col: 1, value: "Service Development Plan 2021-22" }],
      { kind: "full", reason: "title-rows-edited" },
    ],
    ["a row below the used range", EH, [{ sheet: EH, row: 19, col: 3, value: "A new action" }], TAB],
  ])("%s", (_what, sheetName, edits, path) => {
    expectSameAsFull(fixture, sheetName, edits, path);
  });

  test("a result with no remembered layout (read back from JSON) is checked in full", () => {
    const before = JSON.parse(JSON.stringify(checkPlan(fixture, OPTIONS))) as PlanResult;
    const after = edited(fixture, [{ sheet: EH, row: 9, col: 7, value: "Red" }]);
    const quick = recheck(before, after, EH, [9], OPTIONS);
    expect(quick.path).toEqual({ kind: "full", reason: "not-remembered" });
    expect(quick.result).toEqual(checkPlan(after, OPTIONS));
  });

  test("the fast path re-reads only the edited row: the result agrees with a full check", () => {
    const before = checkPlan(fixture, OPTIONS);
    const after = edited(fixture, [{ sheet: EH, row: 9, col: 7, value: "Red" }]);
    const quick = recheck(before, after, EH, [9], OPTIONS);
    expect(quick.path).toEqual({ kind: "rows" });
    expect(quick.result).toEqual(checkPlan(after, OPTIONS));
    expect(quick.result.sheets[0]?.actions.find((a) => a.row === 9)?.rag).toBe("red");
  });

  test("other tabs' results are reused as they were", () => {
    const before = checkPlan(fixture, OPTIONS);
    const after = edited(fixture, [{ sheet: EH, row: 9, col: 7, value: "Red" }]);
    const quick = recheckRows(before, after, EH, [9], OPTIONS);
    expect(quick.sheets[1]).toBe(before.sheets[1]);
    expect(quick.sheets[0]?.actions[2]).toBe(before.sheets[0]?.actions[2]);
  });

  test("changed options mean a full check", () => {
    const before = checkPlan(fixture, OPTIONS);
    const other = { ...OPTIONS, asOf: "2022-09-01" };
    const quick = recheck(before, fixture, EH, [9], other);
    expect(quick.path).toEqual({ kind: "full", reason: "options-changed" });
    expect(quick.result).toEqual(checkPlan(fixture, other));
  });
});

test("recheckRows when a blank row inside a table becomes an action, and back", () => {
  const grid = workbook(
    sheet("P", [
      STANDARD_HEADER,
      goodAction("One"),
      [],
      goodAction("Two", { why: "" }),
      ["Next"],
      goodAction("Three"),
    ]),
  );
  expectSameAsFull(grid, "P", [{ sheet: "P", row: 3, col: 3, value: "Inserted" }], FAST);
  expectSameAsFull(
    grid,
    "P",
    [
      { sheet: "P", row: 3, col: 1, value: "Why now" },
      { sheet: "P", row: 3, col: 3, value: "Inserted" },
    ],
    FAST,
  );
});
