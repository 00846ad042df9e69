/**
 * Every review kept: Summarise stores each review (dated by its as-of date) in the data tab, the
 * trend uses all of them, the manager may compare with any, a re-summary of the same as-of date
 * replaces its review, and the stored forms of earlier releases keep reading.
 */
import { summariseCommand, SUMMARY_SHEET } from "../../src/app/commands";
import { checkPlan, compareSnapshot, takeSnapshot, type SheetGrid } from "../../src/core/index";
import { HISTORY_BYTES, MAX_REVIEWS, readReviews, storeReviews } from "../../src/core/reviews";
import {
  compareStoredSnapshot,
  packSnapshot,
  takeStoredSnapshot,
  unpack,
  type SnapshotV2,
} from "../../src/core/snapshot";
import { summariseProgress } from "../../src/core/summarise";
import { STORAGE_SHEET, readStorage } from "../../src/core/storage-layout";
import { toGrid, userEdit } from "../../src/memory-excel";
import { generatedPlan } from "../excel/generated-plan";
import { memoryHost } from "../excel/memory-host";
import { fixtureGrid } from "../helpers/fixture-grid";

/** The grid with the action text (column C) of Early Help's values row `index` replaced. */
function withActionText(grid: ReturnType<typeof fixtureGrid>, index: number, text: string) {
  return {
    sheets: grid.sheets.map((s) =>
      s.name !== "Early Help"
        ? s
        : { ...s, values: s.values.map((r, i) => (i === index ? r.map((c, j) => (j === 2 ? text : c)) : r)) },
    ),
  };
}

function storedOf(workbook: Parameters<typeof toGrid>[0]): unknown {
  return readStorage(toGrid(workbook).sheets.find((s) => s.name === STORAGE_SHEET) as SheetGrid).snapshot;
}

test("three Summarise runs at three dates: a trend of three points; comparing with the first gives its movement", async () => {
  const { workbook, host } = memoryHost(fixtureGrid());
  const own = { ownSheets: [SUMMARY_SHEET, STORAGE_SHEET] };
  const june = await summariseCommand(host, { today: "2022-07-20", asOf: "2022-06-01" });
  expect(june.previous).toBeNull();
  expect(june.report.sentences).toContain("This is the first review recorded in this workbook.");
  const juneResult = checkPlan(toGrid(workbook), { asOf: "2022-06-01", ...own });

  userEdit(workbook, "Early Help", "G8", [["Amber"]]);
  const july = await summariseCommand(host, { today: "2022-07-20", asOf: "2022-07-01" });
  // Dated by the reviews' as-of dates, though all were taken on 20 July.
  expect(july.previous).toEqual({ asOf: "2022-06-01", takenOn: "2022-07-20" });
  expect(july.movement?.since).toBe("2022-06-01");
  expect(july.report.sentences.some((s) => s.startsWith("Since the last review on 1 June 2022,"))).toBe(true);

  userEdit(workbook, "Early Help", "G9", [["Red"]]);
  const august = await summariseCommand(host, { today: "2022-08-01", asOf: "2022-08-01" });
  expect(august.previous?.asOf).toBe("2022-07-01");
  expect(august.trend.map((p) => p.asOf)).toEqual(["2022-06-01", "2022-07-01", "2022-08-01"]);
  expect(august.trend[2].rag).toEqual(august.result.summary.rag);
  expect(august.trend[0].rag).toEqual(juneResult.summary.rag);
  expect(august.trend[1].rag).toEqual(july.result.summary.rag);
  expect(august.earlierReviews.map((r) => r.asOf)).toEqual(["2022-07-01", "2022-06-01"]);

  // The manager compares with the first review instead: the movement is exactly the one from June's full snapshot.
  const vsJune = await summariseCommand(host, {
    today: "2022-08-01",
    asOf: "2022-08-01",
    compareWith: "2022-06-01",
  });
  expect(vsJune.previous?.asOf).toBe("2022-06-01");
  expect(vsJune.movement).toEqual(compareSnapshot(takeSnapshot(juneResult, "2022-07-20"), vsJune.result));
  const changed = vsJune.movement?.ratingChanges.filter((c) => c.sheet === "Early Help").map((c) => c.row);
  expect(changed).toEqual(expect.arrayContaining([8, 9]));
  // That was a re-summary of 1 August: it replaced that review and said so; still three reviews kept.
  expect(vsJune.replaces?.asOf).toBe("2022-08-01");
  expect(vsJune.report.note).toBe(
    "This summary replaces the one already taken as at 1 August 2022: movement is still counted since the review before it, on 1 June 2022.",
  );
  expect(vsJune.report.sentences.some((s) => s.startsWith("Since the last review on 1 June 2022,"))).toBe(
    true,
  );
  expect(readReviews(storedOf(workbook)).map((r) => r.asOf)).toEqual([
    "2022-08-01",
    "2022-07-01",
    "2022-06-01",
  ]);
  expect(vsJune.trend).toHaveLength(3);
});

test("a same-day re-summary with nothing before it says so (in the pane's note), and writes the tab as before", async () => {
  const { host } = memoryHost(fixtureGrid());
  await summariseCommand(host, { today: "2022-07-15" });
  const again = await summariseCommand(host, { today: "2022-07-15" });
  expect(again.previous).toBeNull();
  expect(again.replaces?.asOf).toBe("2022-07-15");
  expect(again.report.note).toBe(
    "This summary replaces the one already taken as at 15 July 2022: there is no earlier review to compare with.",
  );
  expect(again.trend).toHaveLength(1);
});

test("the stored forms of earlier releases keep reading: version 1, version 2, version 2 with `earlier`", () => {
  const grid = fixtureGrid();
  const a = checkPlan(grid, { asOf: "2022-06-01" });
  const b = checkPlan(grid, { asOf: "2022-07-01" });
  const v1 = takeSnapshot(a, "2022-06-02");
  expect(readReviews(v1).map((r) => [r.asOf, r.snapshot.version])).toEqual([["2022-06-01", 1]]);
  const v2 = takeStoredSnapshot(b, "2022-07-02");
  expect(readReviews(v2).map((r) => r.asOf)).toEqual(["2022-07-01"]);
  const withEarlier = { ...v2, earlier: packSnapshot(v1) };
  const reviews = readReviews(withEarlier);
  expect(reviews.map((r) => r.asOf)).toEqual(["2022-07-01", "2022-06-01"]);
  expect(compareStoredSnapshot(reviews[1].snapshot, b)).toEqual(compareSnapshot(v1, b));
  // Garbage reads as no review at all, never a crash.
  expect(readReviews({ version: 9 })).toEqual([]);
  expect(readReviews(null)).toEqual([]);
  // A history entry that does not fit its newest review is skipped, the rest kept.
  expect(
    readReviews({ ...v2, history: [{ takenOn: "2022-01-01", asOf: "2022-01-01", codes: [], extra: [] }] }),
  ).toHaveLength(1);
});

test("an earlier review packed against the newest one keeps removed actions and gives the same movement", () => {
  const grid = fixtureGrid();
  const before = checkPlan(grid, { asOf: "2022-06-01" });
  // The later plan lost Early Help's last action row and renamed another.
  const later = withActionText(grid, 9, "A new action altogether");
  const after = checkPlan(later, { asOf: "2022-07-15" });
  const stored = storeReviews(takeStoredSnapshot(after, "2022-07-15"), [
    { asOf: before.asOf, takenOn: "2022-06-01", snapshot: takeStoredSnapshot(before, "2022-06-01") },
  ]);
  const back = readReviews(JSON.parse(JSON.stringify(stored)));
  expect(back.map((r) => r.asOf)).toEqual(["2022-07-15", "2022-06-01"]);
  const now = checkPlan(later, { asOf: "2022-08-01" });
  expect(compareStoredSnapshot(back[1].snapshot, now)).toEqual(
    compareStoredSnapshot(takeStoredSnapshot(before, "2022-06-01"), now),
  );
  expect(compareStoredSnapshot(back[1].snapshot, now).removed.length).toBe(1);
});

test("bounded at 20,000 actions: 12 reviews kept, the earlier ones within their byte budget", () => {
  const grid = generatedPlan(4, 5000);
  const months = Array.from(
    { length: 14 },
    (_, i) => `2022-${String((i % 12) + 1).padStart(2, "0")}-${i < 12 ? "01" : "15"}`,
  );
  let stored: unknown = null;
  for (const asOf of months) {
    const result = checkPlan(grid, { asOf });
    stored = storeReviews(takeStoredSnapshot(result, asOf), readReviews(stored));
  }
  const reviews = readReviews(stored);
  expect(reviews).toHaveLength(MAX_REVIEWS);
  const history = (stored as { history: unknown[] }).history;
  const historyBytes = JSON.stringify(history).length;
  const newestBytes = JSON.stringify({ ...(stored as object), history: undefined }).length;
  // eslint-disable-next-line no-console -- the measured figure at 20,000 actions, printed for the report
  console.log(
    `20,000 actions: newest review ${(newestBytes / 1e6).toFixed(2)} MB, ${history.length} earlier ${(historyBytes / 1e3).toFixed(0)} KB (${(historyBytes / history.length / 1e3).toFixed(1)} KB each)`,
  );
  expect(historyBytes).toBeLessThanOrEqual(HISTORY_BYTES);
  expect(historyBytes / history.length).toBeLessThan(20_000 * 2 + 2_000);
  // Newest plus history within one Excel on the web request (5 MB) with room for the plan's other writes.
  expect(newestBytes + historyBytes).toBeLessThan(2_500_000);
}, 120_000);

test("summariseProgress works each key's digest out once for both the comparison and the review stored: the same as each alone", () => {
  const grid = fixtureGrid();
  const before = checkPlan(grid, { asOf: "2022-06-01" });
  // Early Help's first action is renamed (one removed, one added); the other tabs are unchanged.
  const later = withActionText(grid, 7, "Renamed");
  const result = checkPlan(later, { asOf: "2022-07-15" });
  const reviews = readReviews(storeReviews(takeStoredSnapshot(before, "2022-06-01"), []));
  const done = summariseProgress({ result, grid: later, reviews, today: "2022-07-16" });
  expect(done.movement).toEqual(compareStoredSnapshot(reviews[0].snapshot, result));
  expect(done.movement?.added.length).toBe(1);
  expect(done.movement?.removed.length).toBe(1);
  expect(done.taken).toEqual(takeStoredSnapshot(result, "2022-07-16"));
  expect(done.previous?.asOf).toBe("2022-06-01");
});

test("an earlier review packed against the newest matches two entries that share a digest by their full keys", () => {
  // Two keys with one digest: each review then keeps both full keys (`exact`), in its own row order.
  const digest = "AAAAAAAAAAAA";
  const review = (asOf: string, codes: string, texts: string[]): SnapshotV2 => ({
    version: 2,
    takenOn: asOf,
    asOf,
    sheets: [
      {
        name: "Early Help",
        keys: digest + digest,
        codes,
        rows: texts.map((t) => (t === "First" ? 8 : 9)),
        texts,
        exact: { "0": `Early Help::${texts[0].toLowerCase()}`, "1": `Early Help::${texts[1].toLowerCase()}` },
      },
    ],
  });
  const newest = review("2022-07-15", "gtrt", ["First", "Second"]);
  // The earlier review holds them the other way round, with ratings of their own.
  const earlier = review("2022-06-01", "bcao", ["Second", "First"]);
  const stored = storeReviews(newest, [{ asOf: "2022-06-01", takenOn: "2022-06-01", snapshot: earlier }]);
  const back = readReviews(JSON.parse(JSON.stringify(stored)));
  expect(back.map((r) => r.asOf)).toEqual(["2022-07-15", "2022-06-01"]);
  const old = unpack(back[1].snapshot as SnapshotV2).map((e) => [e.key, e.rag, e.status]);
  expect(old).toEqual([
    ["Early Help::first", "amber", "overdue"],
    ["Early Help::second", "blue", "complete"],
  ]);
});
