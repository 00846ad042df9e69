/** Snapshots, movement since the last review, stored settings, and cell addresses. */
import {
  checkPlan,
  compareSnapshot,
  DEFAULT_SETTINGS,
  parseSettings,
  settingsSchema,
  snapshotSchema,
  takeSnapshot,
  cellAddress,
} from "../../src/core";
import {
  compareStoredSnapshot,
  DIGEST_LENGTH,
  keyDigest,
  packSnapshot,
  SNAPSHOT_TEXT,
  storedSnapshotSchema,
  takeStoredSnapshot,
  textStart,
} from "../../src/core/snapshot";
import { goodAction, sheet, STANDARD_HEADER, workbook } from "./grid-builder";

const AS_OF = "2022-07-15";

describe("snapshots", () => {
  const before = checkPlan(
    workbook(
      sheet("P", [
        STANDARD_HEADER,
        goodAction("Stays green", { by: "Dec 2022" }),
        goodAction("Goes amber", { by: "Dec 2022" }),
        goodAction("Becomes overdue", { by: "10/07/2022", rag: "Amber" }),
        goodAction("Gets done", { by: "Dec 2022" }),
        goodAction("Removed later", { by: "Dec 2022" }),
      ]),
    ),
    { asOf: "2022-07-04" },
  );
  const snap = takeSnapshot(before, "2022-07-04");
  const after = checkPlan(
    workbook(
      sheet("P", [
        STANDARD_HEADER,
        goodAction("New action", { by: "Dec 2022" }),
        goodAction("Stays green", { by: "Dec 2022" }),
        goodAction("Goes amber", { by: "Dec 2022", rag: "Amber" }),
        goodAction("Becomes overdue", { by: "10/07/2022", rag: "Amber" }),
        goodAction("Gets done", { by: "Dec 2022", rag: "Blue" }),
      ]),
    ),
    { asOf: AS_OF },
  );

  test("a snapshot is valid against its schema and keyed by action", () => {
    expect(snapshotSchema.safeParse(snap).success).toBe(true);
    expect(Object.keys(snap.actions)).toHaveLength(5);
    expect(snap.actions["P::goes amber"]).toEqual({
      sheet: "P",
      row: 3,
      action: "Goes amber",
      rag: "green",
      status: "on-track",
    });
    expect(snapshotSchema.safeParse({ ...snap, version: 2 }).success).toBe(false);
    expect(snapshotSchema.safeParse({ ...snap, takenOn: "4 July" }).success).toBe(false);
  });

  test("movement by key, ignoring moved rows", () => {
    const m = compareSnapshot(snap, after);
    expect(m.since).toBe("2022-07-04");
    expect(m.ratingChanges.map((c) => [c.action, c.from, c.to, c.row])).toEqual([
      ["Goes amber", "green", "amber", 4],
      ["Gets done", "green", "blue", 6],
    ]);
    expect(m.newlyOverdue.map((x) => x.action)).toEqual(["Becomes overdue"]);
    expect(m.completed.map((x) => x.action)).toEqual(["Gets done"]);
    expect(m.added.map((x) => x.action)).toEqual(["New action"]);
    expect(m.removed.map((x) => [x.action, x.row])).toEqual([["Removed later", 6]]);
  });

  test("comparing a result with its own snapshot shows no movement", () => {
    const m = compareSnapshot(takeSnapshot(after, AS_OF), after);
    expect([m.ratingChanges, m.newlyOverdue, m.completed, m.added, m.removed]).toEqual([[], [], [], [], []]);
  });
});

describe("settings", () => {
  test("defaults fill in missing fields", () => {
    const parsed = settingsSchema.safeParse({ version: 1 });
    expect(parsed.success && parsed.data).toEqual(DEFAULT_SETTINGS);
  });

  test("good stored settings are used as they are", () => {
    const stored = {
      ...DEFAULT_SETTINGS,
      asOf: "2022-07-15",
      dueSoonDays: 14,
      columnOverrides: [{ header: "Named lead", role: "owner" }],
    };
    expect(parseSettings(JSON.stringify(stored))).toEqual({ settings: stored, problem: null });
    expect(parseSettings(stored)).toEqual({ settings: stored, problem: null });
  });

  test.each([
    ["not json {", /not valid JSON/],
    [{ version: 2 }, /could not be used/],
    [{ version: 1, dueSoonDays: 400 }, /dueSoonDays/],
    [{ version: 1, asOf: "15/07/2022" }, /asOf/],
    [{ version: 1, columnOverrides: [{ header: "X", role: "boss" }] }, /columnOverrides/],
  ])("bad stored settings %p fall back to the defaults with a readable problem", (raw, problem) => {
    const r = parseSettings(raw);
    expect(r.settings).toEqual(DEFAULT_SETTINGS);
    expect(r.problem).toMatch(problem);
  });

  test("nothing stored is not a problem", () => {
    expect(parseSettings(null)).toEqual({ settings: DEFAULT_SETTINGS, problem: null });
  });
});

test.each([
  ["Early Help", "'Early Help'!G16"],
  ["Children's Social Care", "'Children''s Social Care'!G16"],
  ["Plan", "Plan!G16"],
  ["Plan_2022", "Plan_2022!G16"],
  ["A1", "'A1'!G16"],
  ["2022", "'2022'!G16"],
  ["R2", "'R2'!G16"],
  ["Care & Leavers", "'Care & Leavers'!G16"],
])("sheet %p is quoted as Excel does", (name, address) => {
  expect(cellAddress(name, 16, 7)).toBe(address);
});

describe("stored snapshots (version 2, compact)", () => {
  const plan = (rows: ReturnType<typeof goodAction>[]) =>
    workbook(
      sheet("P", [STANDARD_HEADER, ...rows]),
      sheet("Q", [STANDARD_HEADER, goodAction("Stays green", { by: "Dec 2022" })]),
    );
  const long =
    "A very long action text that goes on well past the sixty characters kept for naming it when removed";
  const before = checkPlan(
    plan([
      goodAction("Stays green", { by: "Dec 2022" }),
      goodAction("Goes amber", { by: "Dec 2022" }),
      goodAction("Becomes overdue", { by: "10/07/2022", rag: "Amber" }),
      goodAction("Gets done", { by: "Dec 2022" }),
      goodAction("Removed later", { by: "Dec 2022" }),
      goodAction("Twice", { by: "Dec 2022" }),
      goodAction("Twice", { by: "Dec 2022" }),
      goodAction(long, { by: "Dec 2022" }),
    ]),
    { asOf: "2022-07-04" },
  );
  const after = checkPlan(
    plan([
      goodAction("New action", { by: "Dec 2022" }),
      goodAction("STAYS  green", { by: "Dec 2022" }),
      goodAction("Goes amber", { by: "Dec 2022", rag: "Amber" }),
      goodAction("Becomes overdue", { by: "10/07/2022", rag: "Amber" }),
      goodAction("Gets done", { by: "Dec 2022", rag: "Blue" }),
      goodAction("Twice", { by: "Dec 2022" }),
    ]),
    { asOf: AS_OF },
  );
  const stored = takeStoredSnapshot(before, "2022-07-04");

  test("smaller than version 1, valid, and read back through JSON", () => {
    expect(storedSnapshotSchema.safeParse(JSON.parse(JSON.stringify(stored))).success).toBe(true);
    expect(storedSnapshotSchema.safeParse(takeSnapshot(before, "2022-07-04")).success).toBe(true); // version 1 is still read
    expect(stored.sheets.map((s) => [s.name, s.rows.length])).toEqual([
      ["P", 8],
      ["Q", 1],
    ]);
    expect(stored.sheets[0].keys).toHaveLength(8 * DIGEST_LENGTH);
    expect(stored.sheets[0].texts[7]).toBe(`${long.slice(0, SNAPSHOT_TEXT)}…`);
    expect(JSON.stringify(stored).length).toBeLessThan(
      JSON.stringify(takeSnapshot(before, "2022-07-04")).length,
    );
    expect(
      storedSnapshotSchema.safeParse({ ...stored, sheets: [{ ...stored.sheets[0], codes: "xx" }] }).success,
    ).toBe(false);
    expect(
      storedSnapshotSchema.safeParse({ ...stored, sheets: [{ ...stored.sheets[0], rows: [1] }] }).success,
    ).toBe(false);
  });

  test("the same movement as the full snapshot; a removed action named by the start of its text", () => {
    const full = compareSnapshot(takeSnapshot(before, "2022-07-04"), after);
    const compact = compareStoredSnapshot(JSON.parse(JSON.stringify(stored)), after);
    // A removed action's text is cut to SNAPSHOT_TEXT characters; its key is recovered from a text that was not cut.
    const cut = (m: typeof full) => ({
      ...m,
      removed: m.removed.map((x) =>
        x.action.length > SNAPSHOT_TEXT
          ? { ...x, key: `P::#${keyDigest(x.key)}`, action: `${x.action.slice(0, SNAPSHOT_TEXT)}…` }
          : x,
      ),
    });
    expect(compact).toEqual(cut(full));
    expect(full.removed.map((x) => x.key)).toEqual([
      "P::removed later",
      "P::twice#2",
      `P::${long.toLowerCase()}`,
    ]);
    expect(compact.removed.map((x) => x.key).slice(0, 2)).toEqual(["P::removed later", "P::twice#2"]);
    expect(compareStoredSnapshot(takeStoredSnapshot(after, AS_OF), after)).toEqual(
      compareSnapshot(takeSnapshot(after, AS_OF), after),
    );
    // a version 1 snapshot packs to exactly what version 2 takes
    expect(packSnapshot(takeSnapshot(before, "2022-07-04"))).toEqual(stored);
    expect(compareStoredSnapshot(takeSnapshot(before, "2022-07-04"), after)).toEqual(full);
  });

  test("where full keys are kept (digests that collide), they are matched exactly", () => {
    const m0 = compareStoredSnapshot(stored, after);
    expect(m0.ratingChanges.map((c) => c.action)).toEqual(["Goes amber", "Gets done"]);
    // Entry 0 keeps a full key other than the one its digest came from: the full key decides.
    const p = stored.sheets[0];
    const kept = {
      ...stored,
      sheets: [{ ...p, exact: { "0": "P::something else", "1": "P::goes amber" } }, stored.sheets[1]],
    };
    expect(storedSnapshotSchema.safeParse(kept).success).toBe(true);
    const m = compareStoredSnapshot(kept, after);
    expect(m.ratingChanges.map((c) => c.action)).toEqual(["Goes amber", "Gets done"]);
    expect(m.added.map((a) => a.action)).toEqual(["New action", "STAYS  green"]);
    expect(m.removed.map((x) => x.key)[0]).toBe("P::something else");
    // Tab Q's "Stays green" has P's text but not its key (nor its digest): never matched across tabs.
    expect(keyDigest("P::stays green")).toHaveLength(DIGEST_LENGTH);
    expect(keyDigest("P::stays green")).not.toBe(keyDigest("Q::stays green"));
    // Cut texts never split a surrogate pair.
    expect(textStart(`a${"😀".repeat(40)}`)).toBe(`a${"😀".repeat(29)}…`);
  });

  test("a snapshot whose own keys share a digest keeps those keys whole", () => {
    // 64-bit digests do not collide in practice; a packed snapshot with two entries on one digest
    // (as pack() writes them, each with its full key) still matches each action to its own entry.
    const p = stored.sheets[0];
    const d = keyDigest("P::goes amber");
    const at = (i: number) => p.keys.slice(i * DIGEST_LENGTH, (i + 1) * DIGEST_LENGTH);
    const keys = [d, d, ...Array.from({ length: 6 }, (_, i) => at(i + 2))].join("");
    const both = {
      ...stored,
      sheets: [{ ...p, keys, exact: { "0": "P::stays green", "1": "P::goes amber" } }, stored.sheets[1]],
    };
    const m = compareStoredSnapshot(both, after);
    expect(m.ratingChanges.map((c) => [c.action, c.from, c.to])).toEqual([
      ["Goes amber", "green", "amber"],
      ["Gets done", "green", "blue"],
    ]);
    // "Stays green" (digest not d) is no longer found: its entry is reported removed under its full key.
    expect(m.added.map((a) => a.action)).toEqual(["New action", "STAYS  green"]);
    expect(m.removed.map((x) => x.key)[0]).toBe("P::stays green");
  });
});
