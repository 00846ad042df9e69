/**
 * Ctrl+Z after the add-in wrote (src/memory-excel/undo.ts plays Excel's undo list: one step per
 * sync). Whatever the user undoes, the next Check plan must not take the add-in's own rules for
 * the user's, and Remove formatting must still remove all of them (apply.ts: the widened
 * ownership record goes first, the exact one last).
 */
import { checkPlanCommand, removeFormattingCommand, summariseCommand } from "../../src/app/commands";
import { toGrid, userUndo, type MemoryWorkbook } from "../../src/memory-excel";
import { snapshotState } from "../../src/memory-excel";
import { fixtureGrid } from "../helpers/fixture-grid";
import { generatedPlan } from "./generated-plan";
import { memoryHost } from "./memory-host";

const TODAY = "2022-07-15";

/** Rules and dropdowns on the plan tabs (the data tab aside). */
function formatting(workbook: MemoryWorkbook): { rules: number; validations: number } {
  const plan = workbook.sheets.filter((s) => s.visibility === "visible");
  return {
    rules: plan.reduce((n, s) => n + s.conditionalFormats.length, 0),
    validations: plan.reduce((n, s) => n + s.validations.length, 0),
  };
}

describe("undo after the add-in's writes", () => {
  test("Check plan undone with Ctrl+Z (one sync): the next Check plan formats as the first did", async () => {
    const { workbook, host } = memoryHost(fixtureGrid());
    workbook.undo.enabled = true;
    expect((await checkPlanCommand(host, { today: TODAY })).formatting).toBe("applied");
    const formatted = snapshotState(workbook);
    expect(formatting(workbook).rules).toBeGreaterThan(0);

    // Excel on the web: the whole apply (data tab included) was one sync, so one undo step.
    expect(userUndo(workbook)).toBe(true);
    expect(formatting(workbook)).toEqual({ rules: 0, validations: 0 });

    const again = await checkPlanCommand(host, { today: TODAY });
    expect(again.formatting).toBe("applied");
    expect(snapshotState(workbook)).toEqual(formatted);
  });

  test("a Summarise sent in parts, its last part undone: nothing is taken for the user's, Remove formatting removes all", async () => {
    const { workbook, host } = memoryHost(generatedPlan(4, 600));
    workbook.payloadLimit = 250_000;
    workbook.undo.enabled = true;
    const before = toGrid(workbook);
    await summariseCommand(host, { today: TODAY });
    const parts = host.lastApply?.parts ?? 0;
    expect(parts).toBeGreaterThan(1);
    const formatted = formatting(workbook);
    expect(formatted.rules).toBeGreaterThan(0);

    // Ctrl+Z undoes the last part: the exact ownership record and the snapshot.
    expect(userUndo(workbook)).toBe(true);
    const next = await checkPlanCommand(host, { today: TODAY });
    expect(next.formatting).toBe("applied");
    expect(next.conflicts).toEqual([]);
    expect(formatting(workbook)).toEqual(formatted);

    // Undo every part of the Summarise (its formatting included), then remove: the plan tabs are as they were.
    for (let i = 0; i < parts; i++) userUndo(workbook);
    await removeFormattingCommand(host);
    expect(formatting(workbook)).toEqual({ rules: 0, validations: 0 });
    const plan = (g: ReturnType<typeof toGrid>) =>
      g.sheets.filter((s) => before.sheets.some((b) => b.name === s.name));
    expect(plan(toGrid(workbook))).toEqual(plan(before));
  });

  test("Excel on Windows and Mac: creating the very hidden data tab clears the undo list, once", async () => {
    const { workbook, host } = memoryHost(fixtureGrid());
    workbook.platform = "desktop";
    workbook.undo.enabled = true;
    await checkPlanCommand(host, { today: TODAY });
    expect(workbook.undo.length).toBe(0);
    // Later Check plans find the data tab there and change no visibility: they are undoable.
    await checkPlanCommand(host, { today: "2022-09-01" });
    expect(workbook.undo.length).toBe(1);
  });
});
