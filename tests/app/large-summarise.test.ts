/**
 * Stored snapshots, and Summarise progress on a plan whose writes (summary tab, formatting, snapshot with the review
 * before it) pass Excel on the web's 5 MB request cap: apply() sends them in parts, one extra
 * sync per part, and the command stays within 2 syncs + one per payload chunk.
 */
import { summariseCommand, SUMMARY_SHEET } from "../../src/app/commands";
import { checkPlan, compareSnapshot, takeSnapshot, type SheetGrid } from "../../src/core/index";
import { STORAGE_SHEET, readStorage, storageRows } from "../../src/core/storage-layout";
import { storedSnapshotSchema } from "../../src/core/snapshot";
import { toGrid, userEdit } from "../../src/memory-excel";
import { generatedPlan } from "../excel/generated-plan";
import { memoryHost } from "../excel/memory-host";
import { fixtureGrid } from "../helpers/fixture-grid";

const TODAY = "2022-07-15";

function readChunks(notes: string[]): number {
  const m = /read in (\d+) parts/.exec(notes.join(" "));
  return m ? Number(m[1]) : 0;
}

test("Summarise of 45,000 actions with an earlier review: writes over 5 MB sent in parts, 2 + chunks syncs, nothing failed", async () => {
  const { workbook, host } = memoryHost(generatedPlan(9, 5000));
  const first = await summariseCommand(host, { today: "2022-07-04" });
  expect(first.movement).toBeNull();
  userEdit(workbook, "Area 1", "G10", [["Red"]]);

  // The second review compares with the first; on the same day again it compares with the first
  // still, and stores the first alongside (`history`): the largest write Summarise makes.
  await summariseCommand(host, { today: "2022-07-15" });
  const s0 = workbook.syncCount;
  const l0 = workbook.syncLog.length;
  const again = await summariseCommand(host, { today: "2022-07-15" });
  const syncs = workbook.syncCount - s0;
  const log = workbook.syncLog.slice(l0);
  const applied = host.lastApply;
  expect(applied).not.toBeNull();
  const parts = applied?.parts ?? 0;
  const chunks = readChunks(again.read.notes) + (parts - 1);

  // The write is larger than one request may carry, so it went in parts; no sync failed or passed the cap.
  const applyLog = log.slice(log.length - (applied?.syncs ?? 0));
  expect(applyLog.reduce((n, r) => n + r.requestBytes, 0)).toBeGreaterThan(workbook.payloadLimit);
  expect(parts).toBeGreaterThan(1);
  expect(
    log.every(
      (r) =>
        r.error === null &&
        r.requestBytes <= workbook.payloadLimit &&
        r.responseBytes <= workbook.payloadLimit,
    ),
  ).toBe(true);
  // One sync a part for the write; the read is its first sync, one per chunk of plan cells, and the
  // pieces of the stored reviews (the data tab is read in pieces under the cap, without a note to the user).
  expect(applied?.syncs).toBe(parts);
  expect(syncs - parts).toBeGreaterThanOrEqual(1 + readChunks(again.read.notes));
  expect(syncs).toBeGreaterThanOrEqual(2 + chunks);

  // What it wrote is whole: the movement since the first review, one summary tab, a stored snapshot that reads back.
  expect(again.previousReview).toBe("2022-07-04");
  expect(
    again.movement?.ratingChanges.filter((c) => c.sheet === "Area 1" && c.row === 10).map((c) => c.to),
  ).toEqual(["red"]);
  expect(again.movement?.added).toEqual([]);
  expect(again.movement?.removed).toEqual([]);
  const grid = toGrid(workbook);
  expect(grid.sheets.filter((s) => s.name === SUMMARY_SHEET)).toHaveLength(1);
  expect(grid.sheets.find((s) => s.name === SUMMARY_SHEET)?.values.length).toBe(again.sheet.rows.length);
  const stored = readStorage(
    grid.sheets.find((s) => s.name === STORAGE_SHEET) ?? {
      name: STORAGE_SHEET,
      visibility: "veryHidden",
      origin: { row: 1, col: 1 },
      values: [],
    },
  );
  const snapshot = storedSnapshotSchema.safeParse(stored.snapshot);
  expect(snapshot.success && snapshot.data.version).toBe(2);
  expect(snapshot.success && snapshot.data.takenOn).toBe("2022-07-15");
  // The first review is kept alongside, packed against this one (about 2 bytes an action).
  const history = (stored.snapshot as { history?: { asOf: string; codes: string[] }[] }).history ?? [];
  expect(history.map((h) => h.asOf)).toEqual(["2022-07-04"]);
  expect(JSON.stringify(history).length).toBeLessThan(45_000 * 2 + 10_000);
}, 180_000);

test("a version 1 snapshot stored by an earlier release is read: same movement; the next is stored compact with it alongside", async () => {
  const plan = fixtureGrid();
  const v1 = takeSnapshot(
    checkPlan(plan, { asOf: "2022-07-04", ownSheets: [SUMMARY_SHEET, STORAGE_SHEET] }),
    "2022-07-04",
  );
  const { workbook, host } = memoryHost({
    sheets: [
      ...plan.sheets,
      {
        name: STORAGE_SHEET,
        visibility: "veryHidden",
        origin: { row: 1, col: 1 },
        values: storageRows({ snapshot: v1 }),
      },
    ],
  });
  userEdit(workbook, "Early Help", "G8", [["Amber"]]);
  const first = await summariseCommand(host, { today: TODAY });
  expect(first.previousReview).toBe("2022-07-04");
  expect(first.movement).toEqual(compareSnapshot(v1, first.result));
  expect(
    first.movement?.ratingChanges.some((c) => c.sheet === "Early Help" && c.row === 8 && c.to === "amber"),
  ).toBe(true);
  const stored = readStorage(toGrid(workbook).sheets.find((s) => s.name === STORAGE_SHEET) as SheetGrid)
    .snapshot as { version: number; history?: { asOf: string }[] };
  expect([stored.version, stored.history?.map((h) => h.asOf)]).toEqual([2, ["2022-07-04"]]);
  // The same day again: compared with the review before (the version 1 one, now compact): the same movement.
  const again = await summariseCommand(host, { today: TODAY });
  expect(again.movement).toEqual(first.movement);
});
