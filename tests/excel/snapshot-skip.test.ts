/**
 * Snapshots not loaded unless needed (issue #9): the stored snapshot of the previous reviews can be
 * tens of MB at 100,000 actions. Check plan, the live re-check, refresh and text changes never need
 * it; only Summarise progress (movement since the last review, the earlier reviews) loads it. The
 * in-memory Excel measures what each sync carries (src/memory-excel/context.ts), so a read that
 * loaded the snapshot's cells shows in its response bytes and its extra syncs.
 */
import { checkPlanCommand, refreshCommand, summariseCommand } from "../../src/app/commands";
import { checkPlan } from "../../src/core/index";
import type { Rating, Snapshot } from "../../src/core/model";
import { fixtureGrid } from "../helpers/fixture-grid";
import { countSyncs, memoryHost } from "./memory-host";

const TODAY = "2022-07-15";
const EARLIER = "2022-04-01";

/** A stored review (version 1) of every fixture action, one rating changed, plus 100,000 actions since removed. */
function storedReview(): { snapshot: Snapshot; changedKey: string; changedTo: Rating | null } {
  const result = checkPlan(fixtureGrid(), { asOf: TODAY });
  const actions: Snapshot["actions"] = {};
  const all = result.sheets.flatMap((s) => s.actions);
  for (const a of all)
    actions[a.key] = { sheet: a.sheet, row: a.row, action: a.action, rag: a.rag, status: a.status };
  const rated = all.find((a) => a.rag === "green") ?? all[0];
  actions[rated.key] = { ...actions[rated.key], rag: rated.rag === "red" ? "green" : "red" };
  for (let i = 0; i < 100_000; i++)
    actions[`Area ${i % 20}::action ${i}: run the session for the families in the borough`] = {
      sheet: `Area ${i % 20}`,
      row: 4 + Math.floor(i / 20),
      action: `Action ${i}: run the session for the families in the borough`,
      rag: i % 3 === 0 ? "green" : null,
      status: "on-track",
    };
  return {
    snapshot: { version: 1, takenOn: EARLIER, asOf: EARLIER, actions },
    changedKey: rated.key,
    changedTo: rated.rag,
  };
}

function responseBytes(log: { responseBytes: number }[]): number {
  return log.reduce((n, r) => n + r.responseBytes, 0);
}

describe("the stored snapshot is loaded only by Summarise progress", () => {
  test("Check plan on a workbook with a 100,000-action snapshot loads not a cell of it; Summarise finds the movement", async () => {
    // Where the read is capped (Excel on the web) and where it is not (desktop: the snapshot row
    // would otherwise come whole with the first sync).
    for (const capped of [true, false]) {
      const { workbook, host } = memoryHost(fixtureGrid());
      if (!capped) workbook.payloadLimit = Number.MAX_SAFE_INTEGER;
      const stored = storedReview();
      const snapshotBytes = JSON.stringify(stored.snapshot).length;
      await host.read({ snapshot: "skip" });
      await host.apply([], { snapshot: stored.snapshot });

      // Baseline: the same workbook's Check plan cost with no snapshot at all.
      const bare = memoryHost(fixtureGrid());
      if (!capped) bare.workbook.payloadLimit = Number.MAX_SAFE_INTEGER;
      await bare.host.apply([], { snapshot: { version: 1, takenOn: EARLIER, asOf: EARLIER, actions: {} } });
      const bareLog = bare.workbook.syncLog.length;
      const bareCheck = await countSyncs(bare.workbook, () => checkPlanCommand(bare.host, { today: TODAY }));
      const bareBytes = responseBytes(bare.workbook.syncLog.slice(bareLog));

      const at = workbook.syncLog.length;
      const check = await countSyncs(workbook, () => checkPlanCommand(host, { today: TODAY }));
      const checkLog = workbook.syncLog.slice(at);
      expect(check.value.read.snapshot).toBeNull();
      expect(check.value.read.snapshotSkipped).toBe(true);
      // Not a cell of the snapshot crossed: as many syncs as with an empty one, and about as many bytes.
      expect(check.syncs).toBe(bareCheck.syncs);
      expect(responseBytes(checkLog)).toBeLessThan(bareBytes + 1_000);
      expect(responseBytes(checkLog)).toBeLessThan(snapshotBytes / 10);

      // The pane's refresh on focus skips it too.
      const before = workbook.syncLog.length;
      await refreshCommand(host, check.value, TODAY);
      expect(responseBytes(workbook.syncLog.slice(before))).toBeLessThan(snapshotBytes / 10);

      // Summarise loads it (every sync under the cap) and finds the movement since that review.
      const s0 = workbook.syncLog.length;
      const summary = await summariseCommand(host, { today: TODAY });
      const summaryLog = workbook.syncLog.slice(s0);
      expect(responseBytes(summaryLog)).toBeGreaterThan(snapshotBytes * 0.9);
      if (capped)
        expect(summaryLog.every((r) => r.responseBytes <= workbook.payloadLimit && r.error === null)).toBe(
          true,
        );
      expect(summary.previousReview).toBe(EARLIER);
      expect(summary.movement?.since).toBe(EARLIER);
      expect(summary.movement?.removed).toHaveLength(100_000);
      expect(summary.movement?.ratingChanges).toContainEqual(
        expect.objectContaining({ key: stored.changedKey, to: stored.changedTo }),
      );
    }
  }, 180_000);
});
