/**
 * Nothing lost: Check plan and Summarise never change a cell the user wrote (every cell of
 * every plan tab: value, number format, fill, merges), on the fixture, the odd plan and random
 * plan grids; only applyTextChangesCommand changes text, it says how many cells, and its
 * restore writes put every cell back exactly. Every command run twice leaves the workbook
 * exactly as running it once.
 */
import fc from "fast-check";
import {
  applyTextChangesCommand,
  checkPlanCommand,
  OWN_SHEETS,
  removeFormattingCommand,
  summariseCommand,
} from "../../src/app/commands";
import {
  planApplySuggestions,
  planConvertColourRatings,
  type CellValue,
  type WorkbookGrid,
} from "../../src/core";
import { snapshotState, toGrid, type MemoryWorkbook } from "../../src/memory-excel";
import { fixtureGrid } from "../helpers/fixture-grid";
import { memoryHost } from "../excel/memory-host";
import { oddGrid } from "./odd-plan";
import { planGridArb } from "./plan-arbitraries";
import { stateDiff } from "./helpers";

const TODAY = "2022-07-15";

/** Every plan tab's cells as the user sees them: values, number formats, fills, merges, visibility. */
function userCells(workbook: MemoryWorkbook): unknown {
  return toGrid(workbook)
    .sheets.filter((s) => !OWN_SHEETS.includes(s.name))
    .map((s) => ({
      name: s.name,
      visibility: s.visibility,
      origin: s.origin,
      values: s.values,
      numberFormats: s.numberFormats,
      fills: s.fills,
      merges: s.merges,
    }));
}

const workbooks: [string, () => WorkbookGrid][] = [
  ["the fixture", fixtureGrid],
  ["the odd plan", oddGrid],
];

describe.each(workbooks)("%s", (_name, grid) => {
  test("Check plan and Summarise change no cell the user wrote", async () => {
    const { workbook, host } = memoryHost(grid());
    const before = userCells(workbook);
    await checkPlanCommand(host, { today: TODAY });
    expect(userCells(workbook)).toEqual(before);
    await summariseCommand(host, { today: TODAY });
    expect(userCells(workbook)).toEqual(before);
    await checkPlanCommand(host, { today: "2023-01-31" });
    expect(userCells(workbook)).toEqual(before);
  });

  test("applying suggestions and converting colours: the count is the cells that changed, and restore puts every cell back exactly", async () => {
    const { workbook, host } = memoryHost(grid());
    const checked = await checkPlanCommand(host, { today: TODAY });
    for (const writes of [
      planApplySuggestions(checked.result, "all", checked.settings.legend),
      planConvertColourRatings(checked.result, checked.settings.legend),
    ]) {
      const state = snapshotState(workbook);
      const cells = userCells(workbook);
      const { changed, restore } = await applyTextChangesCommand(host, writes);
      expect(changed).toBe(writes.length);
      expect(countDifferences(cells, userCells(workbook))).toBe(changed);
      await applyTextChangesCommand(host, restore);
      expect(stateDiff(snapshotState(workbook), state)).toEqual([]);
    }
  });

  test("every command run twice leaves the workbook exactly as running it once", async () => {
    const { workbook, host } = memoryHost(grid());
    const twice = async (run: () => Promise<unknown>): Promise<void> => {
      await run();
      const once = snapshotState(workbook);
      await run();
      expect(stateDiff(snapshotState(workbook), once)).toEqual([]);
    };
    await twice(() => checkPlanCommand(host, { today: TODAY }));
    await twice(() => summariseCommand(host, { today: TODAY }));
    const checked = await checkPlanCommand(host, { today: TODAY });
    const suggestions = planApplySuggestions(checked.result, "all", checked.settings.legend);
    await twice(() => applyTextChangesCommand(host, suggestions));
    const colours = planConvertColourRatings(checked.result, checked.settings.legend);
    await twice(() => applyTextChangesCommand(host, colours));
    await twice(() => removeFormattingCommand(host));
  });
});

/** Number of cells whose value differs between two userCells() results. */
function countDifferences(a: unknown, b: unknown): number {
  const sa = a as { values: CellValue[][] }[];
  const sb = b as { values: CellValue[][] }[];
  let n = 0;
  sa.forEach((sheet, i) =>
    sheet.values.forEach((row, r) => {
      const other = sb[i]?.values[r] ?? [];
      for (let c = 0; c < Math.max(row.length, other.length); c++)
        if ((row[c] ?? null) !== (other[c] ?? null)) n++;
    }),
  );
  return n;
}

describe("random plan grids", () => {
  test("Check plan and Summarise never change a user's cell; twice is the same as once; restore is exact", async () => {
    await fc.assert(
      fc.asyncProperty(planGridArb, async ({ grid, asOf }) => {
        const { workbook, host } = memoryHost(grid);
        const before = userCells(workbook);
        await checkPlanCommand(host, { today: asOf });
        const once = snapshotState(workbook);
        await checkPlanCommand(host, { today: asOf });
        expect(stateDiff(snapshotState(workbook), once)).toEqual([]);
        const summarised = await summariseCommand(host, { today: asOf });
        expect(userCells(workbook)).toEqual(before);
        const state = snapshotState(workbook);
        const writes = [
          ...planApplySuggestions(summarised.result, "all"),
          ...planConvertColourRatings(summarised.result),
        ];
        const unique = writes.filter(
          (w, i) => writes.findIndex((x) => x.sheet === w.sheet && x.cell === w.cell) === i,
        );
        const { changed, restore } = await applyTextChangesCommand(host, unique);
        expect(changed).toBe(unique.length);
        await applyTextChangesCommand(host, restore);
        expect(stateDiff(snapshotState(workbook), state)).toEqual([]);
        expect(userCells(workbook)).toEqual(before);
      }),
      { numRuns: 25 },
    );
  }, 60_000);
});
